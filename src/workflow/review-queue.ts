import type { Core } from '@strapi/strapi';
import { WORKFLOW_UID } from '../constants';
import { findVersionRow } from '../documents/document-rows';
import type { UserActor } from './actor';
import { approvalsInCycle } from './audit-trail';
import type { QueueItem } from './contracts';
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
      title: draft?.title ?? draft?.name ?? null,
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
