import type { Core } from '@strapi/strapi';
import type { Actor } from './actor';
import { approvalsInCycle } from './audit-trail';
import { chainFor } from './review-chain';
import { authorshipOf, stageRefusal } from './review-actions';
import { REVIEW_STATE_UID, type ReviewState } from './review-states';

export type QueueItem = {
  contentType: string;
  documentId: string;
  locale: string;
  title: string | null;
  stageIndex: number;
  stageName: string;
  stageCount: number;
  submittedHash: string | null;
  warnings: number;
  publishAt: string | null;
  updatedAt: string;
};

const titleOf = async (strapi: Core.Strapi, state: ReviewState): Promise<string | null> => {
  const draft = await strapi.db
    .query(state.contentType as never)
    .findOne({ where: { documentId: state.targetDocumentId, locale: state.targetLocale, publishedAt: null } });
  return (draft?.title ?? draft?.name ?? null) as string | null;
};

/** What waits in review at a stage this reviewer may act on, oldest first. */
export const reviewQueueFor = async (strapi: Core.Strapi, actor: Extract<Actor, { type: 'user' }>): Promise<QueueItem[]> => {
  const waiting: Array<ReviewState & { updatedAt: string }> = await strapi.db
    .query(REVIEW_STATE_UID as never)
    .findMany({ where: { reviewState: 'in_review' }, orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }] });
  const items: QueueItem[] = [];
  for (const state of waiting) {
    const stages = await chainFor(strapi, state.contentType);
    const stageIndex = Math.min(state.stageIndex, stages.length - 1);
    const ref = { uid: state.contentType, documentId: state.targetDocumentId, locale: state.targetLocale };
    const refusal = stageRefusal(stages[stageIndex], stageIndex, actor, await authorshipOf(strapi, ref), await approvalsInCycle(strapi, ref, state.cycle));
    if (refusal !== null) continue;
    items.push({
      contentType: state.contentType,
      documentId: state.targetDocumentId,
      locale: state.targetLocale,
      title: await titleOf(strapi, state),
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
