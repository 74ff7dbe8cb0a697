import type { Core } from '@strapi/strapi';
import { mayReadRow, readableFields, type AdminAbility } from '../access/document-read';
import { descriptorOf } from '../content/registry';
import { findVersionRow } from '../documents/document-rows';
import type { ReviewStateName } from '../workflow/contracts';
import { chainFor } from '../workflow/review-chain';
import { findState } from '../workflow/review-states';
import { stageNameOf } from '../workflow/transitions';
import type { PreviewLink, PreviewUid } from './preview-links';

export type PreviewRow = Record<string, unknown> & { documentId: string; locale: string };

/** What a type's renderings show besides its own fields (its descriptor's preview). */
const populateOf = (uid: PreviewUid): string[] => [...(descriptorOf(uid)?.preview?.populate ?? [])];

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
export const viewerAbility = async (
  strapi: Core.Strapi,
  link: PreviewLink,
): Promise<AdminAbility | null> => {
  if (!(await strapi.sessionManager('admin').isSessionActive(link.sessionId))) return null;
  const user = await strapi.db
    .query('admin::user')
    .findOne({ where: { id: link.userId }, populate: ['roles'] });
  if (!user || user.isActive !== true || user.blocked === true) return null;
  return strapi.service('admin::permission').engine.generateUserAbility(user);
};

type NamedVersion = Pick<PreviewLink, 'uid' | 'documentId' | 'locale' | 'version'>;

/**
 * The row of the version a link names, if it exists and the user may read it (the content
 * manager's own check of this very row: a role's conditions hold here as in the edit view);
 * null otherwise. `populate`: what the renderings show, or nothing when only asking.
 */
export const readableVersionRow = async (
  strapi: Core.Strapi,
  ability: AdminAbility,
  link: NamedVersion,
  populate: string[] = [],
): Promise<PreviewRow | null> => {
  // Authorship is read for the permission conditions.
  const found = (await findVersionRow(
    strapi,
    { uid: link.uid, documentId: link.documentId, locale: link.locale },
    link.version === 'draft' ? 'draft' : 'live',
    { populate: [...populate, 'createdBy', 'updatedBy'] },
  )) as PreviewRow | null;
  return found && mayReadRow(strapi, ability, link.uid, found) ? found : null;
};

/** The draft or live version a link names, as the renderings show it, if the user may read it; null otherwise. */
export const readPreviewedVersion = async (
  strapi: Core.Strapi,
  ability: AdminAbility,
  link: NamedVersion,
): Promise<PreviewedVersion | null> => {
  const ref = { uid: link.uid, documentId: link.documentId, locale: link.locale };
  const found = await readableVersionRow(strapi, ability, link, populateOf(link.uid));
  if (!found) return null;
  // Only the fields the role may read are rendered; authorship is not one of them.
  const {
    createdBy: _createdBy,
    updatedBy: _updatedBy,
    ...row
  } = (await readableFields(strapi, ability, link.uid, found)) as PreviewRow;
  const state = await findState(strapi, ref);
  if (!state) return { row: row, reviewState: 'draft', stage: null, publishAt: null };
  return {
    row: row,
    reviewState: state.reviewState,
    stage: stageNameOf(state, await chainFor(strapi, link.uid)),
    publishAt: state.publishAt,
  };
};
