import type { Core } from '@strapi/strapi';

export const REVIEW_STATE_UID = 'api::workflow.review-state';

export const REVIEW_STATES = ['draft', 'in_review', 'approved', 'changes_requested', 'published', 'unpublished'] as const;
export type ReviewStateName = (typeof REVIEW_STATES)[number];

export type DocumentRef = { uid: string; documentId: string; locale: string };

export type ReviewState = {
  id: number;
  key: string;
  contentType: string;
  targetDocumentId: string;
  targetLocale: string;
  reviewState: ReviewStateName;
  stageIndex: number;
  cycle: number;
  revision: number;
  reviewedHash: string | null;
  approvedContent: Record<string, unknown> | null;
  approvedAt: string | null;
  publishAt: string | null;
  unpublishAt: string | null;
  liveSince: string | null;
  warnings: unknown;
};

export const stateKey = ({ uid, documentId, locale }: DocumentRef) => `${uid}:${documentId}:${locale}`;

export const refOfState = (state: ReviewState): DocumentRef => ({ uid: state.contentType, documentId: state.targetDocumentId, locale: state.targetLocale });

export const findState = async (strapi: Core.Strapi, ref: DocumentRef): Promise<ReviewState | null> =>
  strapi.db.query(REVIEW_STATE_UID as never).findOne({ where: { key: stateKey(ref) } });

/** The state of a document locale; a document nobody has submitted yet is a fresh draft. */
export const ensureState = async (strapi: Core.Strapi, ref: DocumentRef): Promise<ReviewState> => {
  const existing = await findState(strapi, ref);
  if (existing) return existing;
  try {
    return await strapi.db.query(REVIEW_STATE_UID as never).create({
      data: { key: stateKey(ref), contentType: ref.uid, targetDocumentId: ref.documentId, targetLocale: ref.locale, reviewState: 'draft', stageIndex: 0, cycle: 0, revision: 0 },
    });
  } catch (error) {
    // Another request created it at the same moment (unique key): use theirs.
    const created = await findState(strapi, ref);
    if (created) return created;
    throw error;
  }
};

/**
 * Compare-and-set on the state's revision. Two reviewers clicking at once, or two server
 * instances claiming the same scheduled job, cannot both win: the loser updates no row.
 */
export const updateState = async (strapi: Core.Strapi, state: ReviewState, patch: Partial<ReviewState>): Promise<ReviewState | null> => {
  const { count } = await strapi.db
    .query(REVIEW_STATE_UID as never)
    .updateMany({ where: { id: state.id, revision: state.revision }, data: { ...patch, revision: state.revision + 1 } });
  return count === 1 ? { ...state, ...patch, revision: state.revision + 1 } : null;
};
