import type { Core } from '@strapi/strapi';
import { WORKFLOW_UID } from '../constants';
import { documentTitle, findVersionRow } from '../documents/document-rows';
import type { UserActor } from './actor';
import { approvalsInCycle } from './audit-trail';
import type { QueueItem, WaitingItem } from './contracts';
import { chainFor } from './review-chain';
import { refOfState, type ReviewState } from './review-states';
import { authorshipOf } from './transition-facts';
import { currentStageIndex, stageRefusal } from './transitions';

/** What waits in review at a stage this reviewer may act on, oldest first. */
export const reviewQueueFor = async (strapi: Core.Strapi, actor: UserActor): Promise<QueueItem[]> => {
  const waiting: Array<ReviewState & { updatedAt: string }> = await strapi.db
    .query(WORKFLOW_UID.reviewState)
    .findMany({ where: { reviewState: 'in_review' }, orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }] });
  const items: QueueItem[] = [];
  for (const state of waiting) {
    const ref = refOfState(state);
    const stages = await chainFor(strapi, state.contentType);
    const stageIndex = currentStageIndex({ state, stages });
    const refusal = stageRefusal(stages[stageIndex], stageIndex, actor, await authorshipOf(strapi, ref), await approvalsInCycle(strapi, ref, state.cycle));
    if (refusal !== null) continue;
    const draft = await findVersionRow(strapi, ref, 'draft');
    items.push({
      contentType: state.contentType,
      documentId: state.targetDocumentId,
      locale: state.targetLocale,
      title: documentTitle(draft),
      stageIndex,
      stageName: stages[stageIndex].name,
      stageCount: stages.length,
      submittedHash: state.reviewedHash,
      warnings: Array.isArray(state.warnings) ? state.warnings.length : 0,
      publishAt: state.publishAt,
      updatedAt: state.updatedAt,
    });
  }
  return items;
};

/** At most this many approved-and-waiting items are listed, the soonest first. */
export const MAX_WAITING = 500;

/**
 * 已通过待发布: what passed every stage and waits, in the types given (those the caller may
 * read), the soonest release first and those with no time after them. It left the review queue
 * at its last approval; the reviewers still want to see what they let through before it goes out.
 */
export const approvedAndWaiting = async (strapi: Core.Strapi, types: readonly string[]): Promise<WaitingItem[]> => {
  if (types.length === 0) return [];
  const approved: ReviewState[] = await strapi.db.query(WORKFLOW_UID.reviewState).findMany({
    where: { reviewState: 'approved', contentType: { $in: [...types] } },
    orderBy: [{ publishAt: 'asc' }, { id: 'asc' }],
    limit: MAX_WAITING,
  });
  const items: WaitingItem[] = [];
  for (const state of approved) {
    const draft = await findVersionRow(strapi, refOfState(state), 'draft');
    items.push({ contentType: state.contentType, documentId: state.targetDocumentId, locale: state.targetLocale, title: documentTitle(draft), publishAt: state.publishAt, approvedAt: state.approvedAt });
  }
  // Nulls sort first on PostgreSQL and last on SQLite: put the items without a time last on both.
  return [...items.filter((item) => item.publishAt !== null), ...items.filter((item) => item.publishAt === null)];
};
