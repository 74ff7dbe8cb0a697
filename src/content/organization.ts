import type { ContentTypeDescriptor } from './descriptor';
import { SLUG } from './field-labels';
import { SINGLE_REVIEW } from './review-chains';

const uid = 'api::organization.organization';

/** 党组织: the party organizations brands and achievements belong to, in their hierarchy. */
export const organization = {
  uid,
  name: 'organization',
  position: 2,
  publishable: true,
  taxonomy: true,
  channelTargeted: false,
  localized: false,
  labels: { zh: '党组织', en: 'Organization' },
  fieldLabels: {
    name: { label: '党组织名称' },
    slug: SLUG,
    kind: {
      label: '组织类别',
      description: 'committee 党委 · general_branch 党总支 · branch 党支部',
    },
    parent: { label: '上级党组织' },
    children: { label: '下级党组织' },
  },
  reviewChain: SINGLE_REVIEW,
  demo: {
    order: 3,
    seed: async ({ strapi, content, ensure, idOf, release }) => {
      for (const item of content.DEMO_ORGANIZATIONS) {
        const data = {
          name: item.name,
          slug: item.slug,
          kind: item.kind,
          parent: item.parent ? idOf(uid, item.parent) : null,
        };
        const documentId = await ensure(uid, item.slug, () =>
          strapi.documents(uid).create({ data }),
        );
        await release(uid, documentId);
      }
    },
  },
} as const satisfies ContentTypeDescriptor;
