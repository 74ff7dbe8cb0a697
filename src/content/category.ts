import type { ContentTypeDescriptor } from './descriptor';
import { SLUG } from './field-labels';
import { SINGLE_REVIEW } from './review-chains';

const uid = 'api::category.category';

/** 栏目: where the website files articles and videos. */
export const category = {
  uid,
  name: 'category',
  position: 6,
  publishable: true,
  taxonomy: true,
  channelTargeted: false,
  localized: false,
  labels: { zh: '栏目', en: 'Category' },
  fieldLabels: {
    name: { label: '栏目名称' },
    slug: SLUG,
    description: { label: '栏目说明' },
    sortOrder: { label: '排序', description: '数字越小越靠前' },
  },
  reviewChain: SINGLE_REVIEW,
  demo: {
    order: 1,
    seed: async ({ strapi, content, ensure, release }) => {
      for (const item of content.DEMO_CATEGORIES) {
        const documentId = await ensure(uid, item.slug, () =>
          strapi.documents(uid).create({ data: item }),
        );
        await release(uid, documentId);
      }
    },
  },
} as const satisfies ContentTypeDescriptor;
