export const UID = {
  brand: 'api::brand.brand',
  organization: 'api::organization.organization',
  article: 'api::article.article',
  video: 'api::video.video',
  achievement: 'api::achievement.achievement',
  category: 'api::category.category',
  tag: 'api::tag.tag',
} as const;

export type ContentUid = (typeof UID)[keyof typeof UID];

/** The workflow's editorial data: kept outside the content, never on the Content API. */
export const WORKFLOW_UID = {
  reviewState: 'api::workflow.review-state',
  auditEntry: 'api::workflow.audit-entry',
  reviewChain: 'api::workflow.review-chain',
  terminologyRule: 'api::workflow.terminology-rule',
  reviewRead: 'api::workflow.review-read',
} as const;

/** The taxonomies: what readers see of them (a 栏目's name) is reviewed too, by a chain of its own. */
export const TAXONOMY_UIDS: readonly ContentUid[] = [UID.category, UID.tag, UID.organization];

/** Types with draft & publish: they go through review before release. */
export const PUBLISHABLE_UIDS: readonly ContentUid[] = [
  UID.brand,
  UID.article,
  UID.video,
  UID.achievement,
  ...TAXONOMY_UIDS,
];

export const isTaxonomy = (uid: string): boolean =>
  (TAXONOMY_UIDS as readonly string[]).includes(uid);

export type PublishableUid = ContentUid;

export const isPublishable = (uid: string): uid is PublishableUid =>
  (PUBLISHABLE_UIDS as readonly string[]).includes(uid);

/** Every public content type of the brand site. */
export const PUBLIC_UIDS: readonly ContentUid[] = Object.values(UID);

export const DEFAULT_LOCALE = 'zh-CN';
export const LOCALES = [
  { code: 'zh-CN', name: '简体中文 (zh-CN)', strapiName: 'Chinese (Simplified, China) (zh-CN)' },
  { code: 'en', name: '英文 (en)', strapiName: 'English (en)' },
] as const;

/** Where the CMS serves its preview pages (src/preview): reads counted like the public API's. */
export const PREVIEW_PATH = '/preview';
