import type { Core } from '@strapi/strapi';
import { findVersionRow } from '../documents/document-rows';
import type { ReviewStateName } from '../workflow/contracts';
import { chainFor } from '../workflow/review-chain';
import { findState } from '../workflow/review-states';
import { stageNameOf } from '../workflow/transitions';
import type { PreviewLink, PreviewUid } from './preview-links';

type Ability = { can: (action: string, subject?: unknown, field?: string) => boolean };
export type PreviewRow = Record<string, unknown> & { documentId: string; locale: string };

/** What each type's renderings show besides its own fields. */
const POPULATE: Record<PreviewUid, string[]> = {
  'api::article.article': ['cover', 'category', 'brand', 'channels'],
  'api::achievement.achievement': ['gallery', 'metrics', 'organization', 'brand', 'channels'],
  'api::brand.brand': ['logo', 'cover', 'pillars', 'organization'],
  'api::video.video': ['media', 'poster', 'category', 'brand', 'channels'],
};

/** The version a preview shows, and where it stands in review. */
export type PreviewedVersion = {
  row: PreviewRow;
  reviewState: ReviewStateName;
  /** The review stage it waits at (初审, 复审, …) while in review. */
  stage: string | null;
  publishAt: string | null;
};

/**
 * The abilities of the admin user a link was made for, as they are now: none once the user is
 * blocked or deactivated, or has signed out of the session the link was made in.
 */
export const viewerAbility = async (strapi: Core.Strapi, link: PreviewLink): Promise<Ability | null> => {
  if (link.sessionId && !(await strapi.sessionManager('admin').isSessionActive(link.sessionId))) return null;
  const user = await strapi.db.query('admin::user').findOne({ where: { id: link.userId }, populate: ['roles'] });
  if (!user || user.isActive !== true || user.blocked === true) return null;
  return strapi.service('admin::permission').engine.generateUserAbility(user);
};

/**
 * Whether the user may read this very row in the content manager: the same permission checker
 * the content manager uses, so a role limited by conditions (only what they created, only some
 * locales) sees no more in a preview than in the edit view.
 */
const mayRead = (strapi: Core.Strapi, ability: Ability, uid: PreviewUid, row: PreviewRow): boolean =>
  strapi.plugin('content-manager').service('permission-checker').create({ userAbility: ability, model: uid }).can.read(row);

/** The draft or live version a link names, if it exists and the user may read it; null otherwise. */
export const readPreviewedVersion = async (strapi: Core.Strapi, ability: Ability, link: Pick<PreviewLink, 'uid' | 'documentId' | 'locale' | 'version'>): Promise<PreviewedVersion | null> => {
  const ref = { uid: link.uid, documentId: link.documentId, locale: link.locale };
  // Authorship is read only for the permission conditions, and never leaves this function.
  const found = (await findVersionRow(strapi, ref, link.version === 'draft' ? 'draft' : 'live', { populate: [...POPULATE[link.uid], 'createdBy', 'updatedBy'] })) as PreviewRow | null;
  if (!found || !mayRead(strapi, ability, link.uid, found)) return null;
  const { createdBy: _createdBy, updatedBy: _updatedBy, ...row } = found;
  const state = await findState(strapi, ref);
  if (!state) return { row: row as PreviewRow, reviewState: 'draft', stage: null, publishAt: null };
  return { row: row as PreviewRow, reviewState: state.reviewState, stage: stageNameOf(state, await chainFor(strapi, link.uid)), publishAt: state.publishAt };
};
