import type { Core } from '@strapi/strapi';
import { WORKFLOW_UID, type ContentUid } from '../constants';
import { columnOf, refKey, type DocumentRef } from '../documents/document-rows';
import type { ReviewStateName } from './contracts';

export type { DocumentRef };

/** The stored state of one document locale (`deleted` is never stored: the row goes). */
export type ReviewState = {
  id: number;
  key: string;
  contentType: ContentUid;
  targetDocumentId: string;
  targetLocale: string;
  reviewState: Exclude<ReviewStateName, 'deleted'>;
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

/** A state is stored under its document locale's key. */
export const stateKey = refKey;

export const refOfState = (state: ReviewState): DocumentRef => ({
  uid: state.contentType,
  documentId: state.targetDocumentId,
  locale: state.targetLocale,
});

const states = (strapi: Core.Strapi) => strapi.db.query(WORKFLOW_UID.reviewState);

export const findState = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
): Promise<ReviewState | null> => states(strapi).findOne({ where: { key: stateKey(ref) } });

/** The state of a document locale nobody has submitted yet, not stored: for judging without writing. */
export const unsubmittedState = (ref: DocumentRef): ReviewState => ({
  id: 0,
  key: stateKey(ref),
  contentType: ref.uid,
  targetDocumentId: ref.documentId,
  targetLocale: ref.locale,
  reviewState: 'draft',
  stageIndex: 0,
  cycle: 0,
  revision: 0,
  reviewedHash: null,
  approvedContent: null,
  approvedAt: null,
  publishAt: null,
  unpublishAt: null,
  liveSince: null,
  warnings: null,
});

/** The state of a document locale; a document nobody has submitted yet is a fresh draft. */
export const ensureState = async (strapi: Core.Strapi, ref: DocumentRef): Promise<ReviewState> => {
  const existing = await findState(strapi, ref);
  if (existing) return existing;
  try {
    return await states(strapi).create({
      data: {
        key: stateKey(ref),
        contentType: ref.uid,
        targetDocumentId: ref.documentId,
        targetLocale: ref.locale,
        reviewState: 'draft',
        stageIndex: 0,
        cycle: 0,
        revision: 0,
      },
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
export const updateState = async (
  strapi: Core.Strapi,
  state: ReviewState,
  patch: Partial<ReviewState>,
): Promise<ReviewState | null> => {
  const { count } = await states(strapi).updateMany({
    where: { id: state.id, revision: state.revision },
    data: { ...patch, revision: state.revision + 1 },
  });
  return count === 1 ? { ...state, ...patch, revision: state.revision + 1 } : null;
};

/** A deleted document leaves no review state behind (its trail stays): nothing waits in a queue for it. */
export const forgetStates = async (
  strapi: Core.Strapi,
  uid: ContentUid,
  documentId: string,
  locales: string[] | '*',
): Promise<void> => {
  const localeFilter = locales === '*' ? {} : { targetLocale: { $in: locales } };
  await states(strapi).deleteMany({
    where: { contentType: uid, targetDocumentId: documentId, ...localeFilter },
  });
};

/**
 * Indexes of the state table Strapi's schema does not make: every workflow action finds a state by
 * its key, and the list filter and the queues read the states of a type in a locale by state.
 * Without them each lookup read the whole table (after a bulk import, a row per live item). The
 * key is unique (ensureState relies on it when two requests create the same state at once); a
 * table that already holds duplicates keeps a plain index, and says so.
 */
export const ensureReviewStateIndexes = async (strapi: Core.Strapi): Promise<void> => {
  const knex = strapi.db.connection;
  const { tableName } = strapi.db.metadata.get(WORKFLOW_UID.reviewState);
  const column = (attribute: string) => columnOf(strapi, WORKFLOW_UID.reviewState, attribute);
  try {
    await knex.raw('CREATE UNIQUE INDEX IF NOT EXISTS ?? ON ?? (??)', [
      `${tableName}_key_uniq`,
      tableName,
      column('key'),
    ]);
  } catch (error) {
    strapi.log.error(
      `Review states with the same key exist; their key is indexed without uniqueness: ${(error as Error).message}`,
    );
    await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??)', [
      `${tableName}_key_idx`,
      tableName,
      column('key'),
    ]);
  }
  await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??, ??, ??)', [
    `${tableName}_listing_idx`,
    tableName,
    column('contentType'),
    column('targetLocale'),
    column('reviewState'),
  ]);
};
