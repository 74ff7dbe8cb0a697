import {
  contentTypes,
  contentUids,
  descriptorOf,
  publishableUids,
  taxonomyUids,
  type ContentUid,
  type UidByName,
} from './content/registry';

export type { ContentUid };

/** Each registered content type's uid by its name (src/content/registry.ts). */
export const UID = Object.fromEntries(
  contentTypes().map(({ name, uid }) => [name, uid]),
) as UidByName;

/** The workflow's editorial data: kept outside the content, never on the Content API. */
export const WORKFLOW_UID = {
  reviewState: 'api::workflow.review-state',
  auditEntry: 'api::workflow.audit-entry',
  reviewChain: 'api::workflow.review-chain',
  terminologyRule: 'api::workflow.terminology-rule',
  reviewRead: 'api::workflow.review-read',
} as const;

/** The participation module's own data: never on the Content API except through its own routes (src/api/participation/routes). */
export const PARTICIPATION_UID = {
  staffMember: 'api::participation.staff-member',
  contribution: 'api::participation.contribution',
  pointEvent: 'api::participation.point-event',
  opinion: 'api::participation.opinion',
  handlerAssignment: 'api::participation.handler-assignment',
  quota: 'api::participation.quota',
} as const;

/** The taxonomies: what readers see of them (a 栏目's name) is reviewed too, by a chain of its own. */
export const TAXONOMY_UIDS: readonly ContentUid[] = taxonomyUids();

/** Types with draft & publish: they go through review before release. */
export const PUBLISHABLE_UIDS: readonly ContentUid[] = publishableUids();

export type PublishableUid = ContentUid;

/** Asks the registry, so that a type registered at run time (a test app's) is one too. */
export const isPublishable = (uid: string): uid is PublishableUid =>
  descriptorOf(uid)?.publishable === true;

/** Every public content type of the brand site. */
export const PUBLIC_UIDS: readonly ContentUid[] = contentUids();

export const DEFAULT_LOCALE = 'zh-CN';
export const LOCALES = [
  { code: 'zh-CN', name: '简体中文 (zh-CN)', strapiName: 'Chinese (Simplified, China) (zh-CN)' },
  { code: 'en', name: '英文 (en)', strapiName: 'English (en)' },
] as const;

/** Where the CMS serves its preview pages (src/preview): reads counted like the public API's. */
export const PREVIEW_PATH = '/preview';
