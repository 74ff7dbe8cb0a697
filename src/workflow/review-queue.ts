import type { Core } from '@strapi/strapi';
import { WORKFLOW_UID } from '../constants';
import { draftTitles, refKey } from '../documents/document-rows';
import type { UserActor } from './actor';
import { approvalsInCycle } from './audit-trail';
import type { QueueItem, WaitingItem } from './contracts';
import { chainFor } from './review-chain';
import { refOfState, type ReviewState } from './review-states';
import { authorshipOf } from './transition-facts';
import { currentStageIndex, stageRefusal } from './transitions';

/** What waits in review at a stage this reviewer may act on, oldest first. */
export const reviewQueueFor = async (strapi: Core.Strapi, actor: UserActor, types: readonly string[]): Promise<QueueItem[]> => {
  if (types.length === 0) return [];
  // The oldest first, a bounded page of them: each is judged against its stage with a few reads.
  const waiting: Array<ReviewState & { updatedAt: string }> = await strapi.db
    .query(WORKFLOW_UID.reviewState)
    .findMany({ where: { reviewState: 'in_review', contentType: { $in: [...types] } }, orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }], limit: MAX_QUEUE });
  const chains = new Map<string, Awaited<ReturnType<typeof chainFor>>>();
  const mine: Array<{ state: ReviewState & { updatedAt: string }; stageIndex: number; stages: Awaited<ReturnType<typeof chainFor>> }> = [];
  for (const state of waiting) {
    const ref = refOfState(state);
    if (!chains.has(state.contentType)) chains.set(state.contentType, await chainFor(strapi, state.contentType));
    const stages = chains.get(state.contentType)!;
    const stageIndex = currentStageIndex({ state, stages });
    const refusal = stageRefusal(stages[stageIndex], stageIndex, actor, await authorshipOf(strapi, ref), await approvalsInCycle(strapi, ref, state.cycle));
    if (refusal === null) mine.push({ state, stageIndex, stages });
  }
  const titles = await draftTitles(strapi, mine.map(({ state }) => refOfState(state)));
  return mine.map(({ state, stageIndex, stages }) => ({
    contentType: state.contentType,
    documentId: state.targetDocumentId,
    locale: state.targetLocale,
    title: titles.get(refKey(refOfState(state))) ?? null,
    stageIndex,
    stageName: stages[stageIndex].name,
    stageCount: stages.length,
    submittedHash: state.reviewedHash,
    warnings: Array.isArray(state.warnings) ? state.warnings.length : 0,
    publishAt: state.publishAt,
    updatedAt: state.updatedAt,
  }));
};

/** At most this many items in review are read for one queue, the longest waiting first. */
export const MAX_QUEUE = 500;

/** At most this many approved-and-waiting items are listed, the soonest first. */
export const MAX_WAITING = 500;

/**
 * 已通过待发布: what passed every stage and waits, in the types given (those the caller may
 * read), the soonest release first and those with no time after them. It left the review queue
 * at its last approval; the reviewers still want to see what they let through before it goes out.
 */
export const approvedAndWaiting = async (strapi: Core.Strapi, types: readonly string[]): Promise<WaitingItem[]> => {
  if (types.length === 0) return [];
  const approvedIn = (publishAt: null | { $notNull: true }, limit: number): Promise<ReviewState[]> =>
    limit <= 0 ? Promise.resolve([]) : strapi.db.query(WORKFLOW_UID.reviewState).findMany({ where: { reviewState: 'approved', contentType: { $in: [...types] }, publishAt }, orderBy: [{ publishAt: 'asc' }, { id: 'asc' }], limit });
  // Timed ones first, then those waiting for a publish (the databases put nulls at opposite ends).
  const timed = await approvedIn({ $notNull: true }, MAX_WAITING);
  const approved = [...timed, ...(await approvedIn(null, MAX_WAITING - timed.length))];
  const titles = await draftTitles(strapi, approved.map(refOfState));
  return approved.map((state) => ({ contentType: state.contentType, documentId: state.targetDocumentId, locale: state.targetLocale, title: titles.get(refKey(refOfState(state))) ?? null, publishAt: state.publishAt, approvedAt: state.approvedAt }));
};
