import type { Core } from '@strapi/strapi';
import { WORKFLOW_UID, type ContentUid } from '../constants';
import { draftTitles, refKey } from '../documents/document-rows';
import type { UserActor } from '../kernel/actor';
import { approvalsInCycle } from './audit-trail';
import type { QueueItem, WaitingItem } from './contracts';
import { chainFor } from './review-chain';
import { refOfState, stateKey, type ReviewState } from './review-states';
import { scheduleRiskOf } from './schedule-risk';
import { authorshipOf } from './transition-facts';
import { currentStageIndex, stageRefusal } from './transitions';
import { workflowService } from './workflow-services';

// Read back for the states' own types, which are content types under review.
type CycleEntry = {
  contentType: ContentUid;
  targetDocumentId: string;
  targetLocale: string;
  action: string;
  cycle: number | null;
  actorName: string;
  createdAt: string;
};
type StageEntry = { submitter: string | null; waitingSince: string | null };

/**
 * Who submitted each of these states' current cycle and since when it waits at its stage (the
 * submit, or the last approval or withdrawn approval after it), from the trail in one read.
 */
const stageEntries = async (
  strapi: Core.Strapi,
  states: readonly ReviewState[],
): Promise<Map<string, StageEntry>> => {
  const found = new Map<string, StageEntry>();
  if (states.length === 0) return found;
  const cycles = new Map(states.map((state) => [state.key, state.cycle]));
  const entries: CycleEntry[] = await strapi.db.query(WORKFLOW_UID.auditEntry).findMany({
    where: {
      action: {
        $in: ['submit', 'approve', 'override_approve', 'system_approve', 'withdraw_approval'],
      },
      contentType: { $in: [...new Set(states.map((state) => state.contentType))] },
      targetDocumentId: { $in: [...new Set(states.map((state) => state.targetDocumentId))] },
    },
    select: [
      'contentType',
      'targetDocumentId',
      'targetLocale',
      'action',
      'cycle',
      'actorName',
      'createdAt',
    ],
    orderBy: [{ id: 'asc' }],
  });
  for (const entry of entries) {
    const key = stateKey({
      uid: entry.contentType,
      documentId: entry.targetDocumentId,
      locale: entry.targetLocale,
    });
    if (!cycles.has(key) || cycles.get(key) !== entry.cycle) continue;
    const known = found.get(key) ?? { submitter: null, waitingSince: null };
    found.set(key, {
      submitter: entry.action === 'submit' ? entry.actorName : known.submitter,
      waitingSince: entry.createdAt,
    });
  }
  return found;
};

/** What waits in review at a stage this reviewer may act on, oldest first. */
export const reviewQueueFor = async (
  strapi: Core.Strapi,
  actor: UserActor,
  types: readonly string[],
): Promise<QueueItem[]> => {
  if (types.length === 0) return [];
  // The oldest first, a bounded page of them: each is judged against its stage with a few reads.
  const waiting: Array<ReviewState & { updatedAt: string }> = await strapi.db
    .query(WORKFLOW_UID.reviewState)
    .findMany({
      where: { reviewState: 'in_review', contentType: { $in: [...types] } },
      orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
      limit: MAX_QUEUE,
    });
  const chains = new Map<string, Awaited<ReturnType<typeof chainFor>>>();
  const mine: Array<{
    state: ReviewState & { updatedAt: string };
    stageIndex: number;
    stages: Awaited<ReturnType<typeof chainFor>>;
  }> = [];
  for (const state of waiting) {
    const ref = refOfState(state);
    if (!chains.has(state.contentType))
      chains.set(state.contentType, await chainFor(strapi, state.contentType));
    const stages = chains.get(state.contentType)!;
    const stageIndex = currentStageIndex({ state, stages });
    const refusal = stageRefusal(
      stages[stageIndex],
      stageIndex,
      actor,
      await authorshipOf(strapi, ref),
      await approvalsInCycle(strapi, ref, state.cycle),
    );
    if (refusal === null) mine.push({ state, stageIndex, stages });
  }
  const titles = await draftTitles(
    strapi,
    mine.map(({ state }) => refOfState(state)),
  );
  const entries = await stageEntries(
    strapi,
    mine.map(({ state }) => state),
  );
  const now = workflowService(strapi, 'context').now();
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
    submitter: entries.get(state.key)?.submitter ?? null,
    waitingSince: entries.get(state.key)?.waitingSince ?? null,
    scheduleRisk: scheduleRiskOf(state.publishAt, now),
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
export const approvedAndWaiting = async (
  strapi: Core.Strapi,
  types: readonly string[],
): Promise<WaitingItem[]> => {
  if (types.length === 0) return [];
  const approvedIn = (
    publishAt: null | { $notNull: true },
    limit: number,
  ): Promise<ReviewState[]> =>
    limit <= 0
      ? Promise.resolve([])
      : strapi.db.query(WORKFLOW_UID.reviewState).findMany({
          where: { reviewState: 'approved', contentType: { $in: [...types] }, publishAt },
          orderBy: [{ publishAt: 'asc' }, { id: 'asc' }],
          limit,
        });
  // Timed ones first, then those waiting for a publish (the databases put nulls at opposite ends).
  const timed = await approvedIn({ $notNull: true }, MAX_WAITING);
  const approved = [...timed, ...(await approvedIn(null, MAX_WAITING - timed.length))];
  const titles = await draftTitles(strapi, approved.map(refOfState));
  return approved.map((state) => ({
    contentType: state.contentType,
    documentId: state.targetDocumentId,
    locale: state.targetLocale,
    title: titles.get(refKey(refOfState(state))) ?? null,
    publishAt: state.publishAt,
    approvedAt: state.approvedAt,
  }));
};
