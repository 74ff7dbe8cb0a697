import type { Core } from '@strapi/strapi';
import type { Actor } from './actor';
import { actingAs } from './acting-as';
import { approvalsInCycle, recordAudit } from './audit-trail';
import { hashContent, loadReviewableContent } from './content-hash';
import { assertReadyForRelease } from './release-readiness';
import { chainFor, type ReviewStage } from './review-chain';
import { ensureState, refOfState, updateState, type DocumentRef, type ReviewState } from './review-states';
import { checkTerminology } from './terminology';
import { emitWorkflowEvent, WORKFLOW_EVENTS } from './webhook-events';
import { invalid, refuse } from './workflow-error';
import { claimAndRun } from './job-claim';
import { parseScheduleInstant } from './schedule-input';
import { localeWhere } from '../i18n/locales';

type UserActor = Extract<Actor, { type: 'user' }>;

const lostRace = () => refuse('该内容刚被其他人处理，请刷新后重试', 'Someone else acted on this content just now; reload and try again');

const reviewableContent = async (strapi: Core.Strapi, ref: DocumentRef) => {
  const content = await loadReviewableContent(strapi, ref.uid, ref.documentId, ref.locale);
  if (!content) throw invalid('找不到该语言版本的草稿', `No draft of this document in locale ${ref.locale}`);
  return { content, hash: hashContent(content) };
};

/** Editors send a draft to the first review stage. Blocking terminology hits stop the submit. */
export const submitForReview = async (strapi: Core.Strapi, ref: DocumentRef, actor: UserActor, comment?: string) => {
  const state = await ensureState(strapi, ref);
  if (state.reviewState === 'in_review') throw refuse('该内容已在审核中', 'This content is already in review');
  if (state.reviewState === 'approved') throw refuse('该版本已审核通过，无需再次提交', 'This version is already approved');
  const { content, hash } = await reviewableContent(strapi, ref);
  if (['published', 'unpublished'].includes(state.reviewState) && state.reviewedHash === hash) {
    throw refuse('内容与已审核通过的版本相同，无需再次提交', 'The content is unchanged since its approval; nothing to review');
  }

  await assertReadyForRelease(strapi, ref);
  const hits = await checkTerminology(strapi, content);
  const blocking = hits.filter((hit) => hit.severity === 'block');
  if (blocking.length > 0) {
    const words = [...new Set(blocking.map((hit) => `“${hit.pattern}”→“${hit.suggestion ?? ''}”`))].join('，');
    throw invalid(`内容含不规范用语：${words}`, `The text contains wording that must be corrected: ${words}`, { terminology: blocking });
  }
  const warnings = hits.filter((hit) => hit.severity === 'warn');

  const next = await updateState(strapi, state, { reviewState: 'in_review', stageIndex: 0, cycle: state.cycle + 1, reviewedHash: hash, warnings });
  if (!next) throw lostRace();
  await recordAudit(strapi, ref, { action: 'submit', actor, fromState: state.reviewState, toState: 'in_review', stageIndex: 0, cycle: next.cycle, comment, contentHash: hash, details: { warnings } });
  emitWorkflowEvent(strapi, WORKFLOW_EVENTS.submit, ref, { actor: actor.name, contentHash: hash, warnings: warnings.length });
  return next;
};

export type Authorship = { createdById: number | null; updatedById: number | null };

export const authorshipOf = async (strapi: Core.Strapi, ref: DocumentRef): Promise<Authorship> => {
  const draft = await strapi.db.query(ref.uid as never).findOne({ where: { documentId: ref.documentId, ...localeWhere(strapi, ref.uid, ref.locale), publishedAt: null }, populate: ['createdBy', 'updatedBy'] });
  return { createdById: draft?.createdBy?.id ?? null, updatedById: draft?.updatedBy?.id ?? null };
};

/**
 * Why a stage refusal happened. A super admin may override `not-stage-role` and `own-work`
 * with a recorded reason; `role` and `second-stage` hold for everyone: one person never passes
 * two stages of one version, super admins included.
 */
export type StageRefusalReason = 'role' | 'not-stage-role' | 'own-work' | 'second-stage';
export const OVERRIDABLE_REFUSALS: ReadonlySet<StageRefusalReason> = new Set(['not-stage-role', 'own-work']);

/** Why this user may not act on the current stage (four-eyes included), or null when they may. */
export const stageRefusal = (
  stage: ReviewStage,
  stageIndex: number,
  actor: UserActor,
  authorship: Authorship,
  approvals: Array<{ actorId: number | null; stageIndex: number }>
): { reason: StageRefusalReason; error: Error } | null => {
  const hasRole = actor.roles.includes(stage.role);
  const roleMessage = [`「${stage.name}」须由“${stage.role}”角色审核`, `Stage "${stage.name}" is reviewed by the role "${stage.role}"`] as const;
  if (!hasRole && !actor.isSuperAdmin) return { reason: 'role', error: refuse(...roleMessage) };
  if (approvals.some((approval) => approval.actorId === actor.id && approval.stageIndex !== stageIndex)) {
    return { reason: 'second-stage', error: refuse('同一版本的两个审核环节不能由同一人通过', 'One person cannot approve two stages of the same version') };
  }
  if (!hasRole) {
    return { reason: 'not-stage-role', error: refuse(`${roleMessage[0]}；超级管理员代为审核须填写理由`, `${roleMessage[1]}; a super admin acting for it must give a reason`) };
  }
  if (actor.id === authorship.createdById || actor.id === authorship.updatedById) {
    return { reason: 'own-work', error: refuse('不能审核自己创建或最后修改的内容', 'You cannot review content you created or last edited') };
  }
  return null;
};

const currentStage = async (strapi: Core.Strapi, ref: DocumentRef, state: ReviewState) => {
  if (state.reviewState !== 'in_review') throw refuse('该内容不在审核中', 'This content is not in review');
  const stages = await chainFor(strapi, ref.uid);
  const stageIndex = Math.min(state.stageIndex, stages.length - 1);
  return { stages, stageIndex, stage: stages[stageIndex] };
};

/**
 * A reviewer passes the current stage. The last stage's approval makes the version `approved`
 * and releases it at once unless a later publishAt is set (the scheduler does it then).
 * Super admins may override the four-eyes rule only with a recorded reason.
 */
export const approveStage = async (strapi: Core.Strapi, ref: DocumentRef, actor: UserActor, options: { comment?: string; overrideReason?: string } = {}) => {
  const state = await ensureState(strapi, ref);
  const { stages, stageIndex, stage } = await currentStage(strapi, ref, state);
  const { content, hash } = await reviewableContent(strapi, ref);
  if (hash !== state.reviewedHash) throw refuse('送审后内容已修改，需重新提交审核', 'The content changed since it was submitted; it must be submitted again');

  const refusal = stageRefusal(stage, stageIndex, actor, await authorshipOf(strapi, ref), await approvalsInCycle(strapi, ref, state.cycle));
  const override = refusal !== null && OVERRIDABLE_REFUSALS.has(refusal.reason) && actor.isSuperAdmin && (options.overrideReason ?? '').trim().length > 0;
  if (refusal && !override) throw refusal.error;

  const isLast = stageIndex === stages.length - 1;
  const now = new Date();
  const next = await updateState(
    strapi,
    state,
    isLast ? { reviewState: 'approved', stageIndex, approvedAt: now.toISOString(), approvedContent: content } : { stageIndex: stageIndex + 1 }
  );
  if (!next) throw lostRace();
  await recordAudit(strapi, ref, {
    action: override ? 'override_approve' : 'approve',
    actor,
    fromState: 'in_review',
    toState: isLast ? 'approved' : 'in_review',
    stageIndex,
    stageName: stage.name,
    cycle: state.cycle,
    comment: options.comment,
    contentHash: hash,
    details: override ? { overrideReason: options.overrideReason, overridden: refusal!.reason } : null,
  });
  emitWorkflowEvent(strapi, WORKFLOW_EVENTS.approve, ref, { actor: actor.name, stage: stage.name, final: isLast, contentHash: hash });

  if (isLast && (!next.publishAt || new Date(next.publishAt) <= now)) {
    await releaseOnce(strapi, next, actor, now);
  }
  return (await ensureState(strapi, ref)) as ReviewState;
};

/** A reviewer sends the draft back to its editor; the comment says what to change. */
export const requestChanges = async (strapi: Core.Strapi, ref: DocumentRef, actor: UserActor, comment: string) => {
  if (!comment || comment.trim().length === 0) throw invalid('退回修改时必须填写意见', 'A comment is required when requesting changes', { path: ['comment'] });
  const state = await ensureState(strapi, ref);
  const { stageIndex, stage } = await currentStage(strapi, ref, state);
  const refusal = stageRefusal(stage, stageIndex, actor, await authorshipOf(strapi, ref), []);
  if (refusal && refusal.reason === 'role') throw refusal.error;
  const next = await updateState(strapi, state, { reviewState: 'changes_requested', stageIndex: 0 });
  if (!next) throw lostRace();
  await recordAudit(strapi, ref, { action: 'request_changes', actor, fromState: 'in_review', toState: 'changes_requested', stageIndex, stageName: stage.name, cycle: state.cycle, comment, contentHash: state.reviewedHash });
  emitWorkflowEvent(strapi, WORKFLOW_EVENTS.requestChanges, ref, { actor: actor.name, stage: stage.name, comment });
  return next;
};

/**
 * Editors set when an item goes out and, optionally, when it comes down (stored in UTC). A field
 * left out keeps its value, `null` clears it; a request that names neither is a mistake, not a
 * silent "clear everything".
 */
export const setSchedule = async (strapi: Core.Strapi, ref: DocumentRef, actor: Actor, schedule: { publishAt?: unknown; unpublishAt?: unknown }) => {
  const givenPublishAt = parseScheduleInstant(schedule.publishAt, 'publishAt');
  const givenUnpublishAt = parseScheduleInstant(schedule.unpublishAt, 'unpublishAt');
  if (givenPublishAt === undefined && givenUnpublishAt === undefined) {
    throw invalid('请给出 publishAt 或 unpublishAt（null 表示清除）', 'Give publishAt and/or unpublishAt (null clears one)', { path: ['publishAt'] });
  }
  const state = await ensureState(strapi, ref);
  const publishAt = givenPublishAt === undefined ? state.publishAt : givenPublishAt;
  const unpublishAt = givenUnpublishAt === undefined ? state.unpublishAt : givenUnpublishAt;
  if (publishAt && unpublishAt && new Date(unpublishAt) <= new Date(publishAt)) {
    throw invalid('下线时间必须晚于发布时间', 'unpublishAt must be later than publishAt', { path: ['unpublishAt'] });
  }
  const next = await updateState(strapi, state, { publishAt, unpublishAt });
  if (!next) throw lostRace();
  await recordAudit(strapi, ref, {
    action: 'schedule',
    actor,
    fromState: state.reviewState,
    toState: state.reviewState,
    cycle: state.cycle,
    details: { from: { publishAt: state.publishAt, unpublishAt: state.unpublishAt }, to: { publishAt, unpublishAt } },
  });
  return next;
};

/**
 * Approves the current draft without human review, on the record: for the demo seed and
 * migrations run by operators, never reachable from an HTTP route.
 */
export const recordSystemApproval = async (strapi: Core.Strapi, ref: DocumentRef, reason: string) => {
  const state = await ensureState(strapi, ref);
  const { content, hash } = await reviewableContent(strapi, ref);
  const next = await updateState(strapi, state, { reviewState: 'approved', approvedAt: new Date().toISOString(), approvedContent: content, reviewedHash: hash, cycle: state.cycle + 1 });
  if (!next) throw lostRace();
  await recordAudit(strapi, ref, { action: 'system_approve', actor: { type: 'system', name: 'system' }, fromState: state.reviewState, toState: 'approved', cycle: next.cycle, comment: reason, contentHash: hash });
  return next;
};

/** Publishes an approved document locale through the release gate, on behalf of `actor`. */
export const releaseApproved = async (strapi: Core.Strapi, ref: DocumentRef, actor: Actor) =>
  actingAs(actor, () => strapi.documents(ref.uid as never).publish({ documentId: ref.documentId, locale: ref.locale } as never));

/**
 * Releases the approved version `state` describes, claimed like a scheduler job: whoever comes
 * second (a scheduler tick on any instance, the final approval, the seed) finds it taken and
 * gets false instead of releasing it again or failing.
 */
export const releaseOnce = (strapi: Core.Strapi, state: ReviewState, actor: Actor, now: Date = new Date()): Promise<boolean> =>
  claimAndRun(strapi, state, actor, now, () => releaseApproved(strapi, refOfState(state), actor));
