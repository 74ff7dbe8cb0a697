import type { Core } from '@strapi/strapi';
import { WORKFLOW_UID } from '../constants';
import { columnOf } from '../documents/document-rows';
import type { ReviewState } from './review-states';

/** What a read is recorded against: the state's key and where its review stands. */
type ReadState = Pick<ReviewState, 'key' | 'reviewState' | 'cycle' | 'stageIndex'>;

/** One read: this reviewer opened this document locale at this stage of this review cycle. */
const readKey = (state: ReadState, readerId: number): string =>
  `${state.key}|${state.cycle}|${state.stageIndex}|${readerId}`;

/**
 * Records that a reviewer opened an item in review (its edit view asks for its status), once per
 * stage and cycle: a new submission or the next stage is read anew. Bulk approval covers only
 * items so opened. Nothing is recorded outside review.
 */
export const recordOpened = async (
  strapi: Core.Strapi,
  state: ReadState,
  readerId: number,
): Promise<void> => {
  if (state.reviewState !== 'in_review') return;
  const { tableName } = strapi.db.metadata.get(WORKFLOW_UID.reviewRead);
  const column = (attribute: string) => columnOf(strapi, WORKFLOW_UID.reviewRead, attribute);
  const now = new Date();
  // Two tabs opening it at once write one row: the key is unique and a second insert is ignored.
  await strapi.db
    .connection(tableName)
    .insert({
      [column('key')]: readKey(state, readerId),
      [column('stateKey')]: state.key,
      [column('cycle')]: state.cycle,
      [column('stageIndex')]: state.stageIndex,
      [column('readerId')]: readerId,
      [column('createdAt')]: now,
      [column('updatedAt')]: now,
    })
    .onConflict(column('key'))
    .ignore();
};

/**
 * A reviewer of the current stage opens the item: records the read and says whether they never
 * opened this document locale before, at any stage or cycle (终审 seeing it for the first time).
 * They then read the whole text before any diff; one who read it before, and sent it back, reads
 * the changes since.
 */
export const openForReview = async (
  strapi: Core.Strapi,
  state: ReadState,
  readerId: number,
  reviewsThisStage: boolean,
): Promise<boolean> => {
  const first =
    reviewsThisStage &&
    state.reviewState === 'in_review' &&
    (await strapi.db
      .query(WORKFLOW_UID.reviewRead)
      .count({ where: { stateKey: state.key, readerId } })) === 0;
  await recordOpened(strapi, state, readerId);
  return first;
};

/** Whether the reviewer opened the item at the stage and cycle it is in now. */
export const hasOpened = async (
  strapi: Core.Strapi,
  state: ReadState,
  readerId: number,
): Promise<boolean> =>
  (await strapi.db
    .query(WORKFLOW_UID.reviewRead)
    .count({ where: { key: readKey(state, readerId) } })) > 0;

/** The unique key the insert relies on (Strapi's schema makes no unique index). */
export const ensureReviewReadIndexes = async (strapi: Core.Strapi): Promise<void> => {
  const { tableName } = strapi.db.metadata.get(WORKFLOW_UID.reviewRead);
  await strapi.db.connection.raw('CREATE UNIQUE INDEX IF NOT EXISTS ?? ON ?? (??)', [
    `${tableName}_key_uniq`,
    tableName,
    columnOf(strapi, WORKFLOW_UID.reviewRead, 'key'),
  ]);
};
