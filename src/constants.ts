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

/** Types with draft & publish: they go through review before release. */
export const PUBLISHABLE_UIDS: readonly ContentUid[] = [UID.brand, UID.article, UID.video, UID.achievement];

export const isPublishable = (uid: string): boolean => (PUBLISHABLE_UIDS as readonly string[]).includes(uid);

/** Every public content type of the brand site. */
export const PUBLIC_UIDS: readonly ContentUid[] = Object.values(UID);

export const DEFAULT_LOCALE = 'zh-CN';
export const LOCALES = [
  { code: 'zh-CN', name: 'Chinese (Simplified, China) (zh-CN)' },
  { code: 'en', name: 'English (en)' },
] as const;
