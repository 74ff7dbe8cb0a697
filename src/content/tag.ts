import type { ContentTypeDescriptor } from './descriptor';
import { SLUG } from './field-labels';
import { SINGLE_REVIEW } from './review-chains';

const uid = 'api::tag.tag';

/** 标签: a word articles share. */
export const tag = {
  uid,
  name: 'tag',
  position: 7,
  publishable: true,
  taxonomy: true,
  channelTargeted: false,
  localized: false,
  labels: { zh: '标签', en: 'Tag' },
  fieldLabels: {
    name: { label: '标签名称' },
    slug: SLUG,
  },
  reviewChain: SINGLE_REVIEW,
  demo: {
    order: 2,
    seed: async ({ strapi, content, ensure, release }) => {
      for (const item of content.DEMO_TAGS) {
        const documentId = await ensure(uid, item.slug, () =>
          strapi.documents(uid).create({ data: item }),
        );
        await release(uid, documentId);
      }
    },
  },
} as const satisfies ContentTypeDescriptor;
