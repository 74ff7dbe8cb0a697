import { PARTICIPATION_UID, PUBLISHABLE_UIDS, UID } from '../constants';

/** A permission as Strapi's admin menu reads it: the action, and the subject when it matters. */
export type PagePermission = { action: string; subject?: string };

const EXPLORER = 'plugin::content-manager.explorer';

// The workflow lists (queue, my items, calendar) show only types the user may read in the content manager.
const READS_REVIEWED_CONTENT: readonly PagePermission[] = PUBLISHABLE_UIDS.map((subject) => ({
  action: `${EXPLORER}.read`,
  subject,
}));

/**
 * Who each admin page serves, as the checks its API makes (src/api/workflow, src/api/participation):
 * the menu shows a page's link to a user holding any one of its permissions, Strapi's own menu rule.
 * An empty list is everyone's: any admin may be named a 意见处理人, so 意见建议 is never hidden.
 */
export const ADMIN_PAGE_PERMISSIONS = {
  'content-manager': [{ action: `${EXPLORER}.read` }],
  'review-queue': READS_REVIEWED_CONTENT,
  'my-items': READS_REVIEWED_CONTENT,
  'release-calendar': READS_REVIEWED_CONTENT,
  contributions: [{ action: `${EXPLORER}.create`, subject: UID.article }],
  rankings: [
    { action: `${EXPLORER}.create`, subject: UID.article },
    { action: `${EXPLORER}.read`, subject: PARTICIPATION_UID.staffMember },
  ],
  opinions: [],
} as const satisfies Record<string, readonly PagePermission[]>;

export type AdminPage = keyof typeof ADMIN_PAGE_PERMISSIONS;

export const ADMIN_PAGES = Object.keys(ADMIN_PAGE_PERMISSIONS) as AdminPage[];

/** Whether `held` includes any one of `needed`, as Strapi's admin matches them (no subject means any subject). */
export const holdsAny = (
  needed: readonly PagePermission[],
  held: ReadonlyArray<{ action: string; subject?: string | null }>,
): boolean =>
  needed.some((need) =>
    held.some(
      (have) =>
        have.action === need.action &&
        (need.subject === undefined || need.subject === have.subject),
    ),
  );

/** Whether a user holding `held` sees the page's link (Strapi's menu rule; an empty list is everyone's). */
export const maySeePage = (
  page: AdminPage,
  held: ReadonlyArray<{ action: string; subject?: string | null }>,
): boolean => {
  const needed: readonly PagePermission[] = ADMIN_PAGE_PERMISSIONS[page];
  return needed.length === 0 || holdsAny(needed, held);
};

/** A copy Strapi's menu may keep (it wants a mutable array). */
export const pagePermissions = (page: AdminPage): PagePermission[] =>
  ADMIN_PAGE_PERMISSIONS[page].map((permission) => ({ ...permission }));
