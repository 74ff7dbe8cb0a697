import type { Actor } from './actor';
import { releaseRefusal } from './release-gate';
import type { ReviewStage } from './review-chain';
import type { ReviewState } from './review-states';
import { stageRefusal, type Authorship } from './review-actions';

export type WorkflowAction = 'submit' | 'approve' | 'requestChanges' | 'schedule' | 'publish' | 'unpublish';

export type ActionContext = {
  state: ReviewState;
  stages: ReviewStage[];
  actor: Extract<Actor, { type: 'user' }>;
  authorship: Authorship;
  approvals: Array<{ actorId: number | null; stageIndex: number }>;
  /** The user's admin permissions on this content type. */
  canEdit: boolean;
  canPublish: boolean;
  draftHash: string | null;
  isLive: boolean;
  now: Date;
};

/**
 * Exactly the transitions this user may take now, so the admin panel never offers a button
 * the server would refuse. Mirrors the checks in review-actions and the release gate.
 */
export const availableActions = (context: ActionContext): WorkflowAction[] => {
  const { state, stages, actor, canEdit, canPublish, draftHash, now } = context;
  const actions: WorkflowAction[] = [];
  const changedSinceApproval = draftHash !== null && draftHash !== state.reviewedHash;

  const submittable =
    ['draft', 'changes_requested'].includes(state.reviewState) || (['published', 'unpublished'].includes(state.reviewState) && changedSinceApproval);
  if (canEdit && draftHash !== null && submittable) actions.push('submit');

  if (state.reviewState === 'in_review' && stages.length > 0) {
    const stageIndex = Math.min(state.stageIndex, stages.length - 1);
    const refusal = stageRefusal(stages[stageIndex], stageIndex, actor, context.authorship, context.approvals);
    if (refusal === null && !changedSinceApproval) actions.push('approve');
    if (refusal === null || refusal.reason !== 'role') actions.push('requestChanges');
  }

  if (canEdit) actions.push('schedule');
  if (canPublish && !(context.isLive && !changedSinceApproval && state.reviewState === 'published') && releaseRefusal(state, draftHash, now) === null) {
    actions.push('publish');
  }
  if (canPublish && context.isLive) actions.push('unpublish');
  return actions;
};
