import type { Core } from '@strapi/strapi';
import { liveContentSettled } from '../kernel/live-content-version';
import type { DocumentRef } from '../documents/document-rows';
import type { Actor, UserActor } from '../kernel/actor';
import { recordAudit } from '../kernel/audit-trail';
import { hashContent, loadReviewableContent } from './content-hash';
import { releaseVersion } from './release';
import { assertReadyForRelease } from './release-readiness';
import { updateState, type ReviewState } from './review-states';
import { parseScheduleInstant } from './schedule-input';
import { loadFacts, type KnownFacts } from './transition-facts';
import {
  assertAllowed,
  currentStageIndex,
  judge,
  targetOf,
  type TransitionFacts,
} from './transitions';
import { emitWorkflowEvent, WORKFLOW_EVENTS } from './webhook-events';
import { invalid, refuse } from './workflow-error';
import { workflowService } from './workflow-services';

/**
 * The commands people (and the seed) give the workflow. Each reads the facts once, asks the
 * transition table, then writes the state once, records and announces.
 */

const lostRace = () =>
  refuse(
    '该内容刚被其他人处理，请刷新后重试',
    'Someone else acted on this content just now; reload and try again',
  );

/** Compare-and-set write of a judged transition; the loser of a race is told to reload. */
const writeState = async (
  strapi: Core.Strapi,
  facts: TransitionFacts,
  patch: Partial<ReviewState>,
): Promise<ReviewState> => {
  const next = await updateState(strapi, facts.state, patch);
  if (!next) throw lostRace();
  return next;
};

/** The draft in canonical form with the facts judged on its hash: one read, one hash. */
const factsWithContent = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
  actor: Actor,
  known: KnownFacts = {},
) => {
  const content = await loadReviewableContent(strapi, ref);
  const facts = await loadFacts(strapi, ref, actor, {
    ...known,
    draftHash: content ? hashContent(content) : null,
  });
  return { content, facts };
};

/** Editors send a draft to the first review stage. Blocking terminology hits stop the submit. */
export const submitForReview = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
  actor: UserActor,
  options: { comment?: string; permissions?: KnownFacts['permissions'] } = {},
) => {
  const { content, facts } = await factsWithContent(strapi, ref, actor, {
    permissions: options.permissions,
  });
  const { transition } = assertAllowed('submit', facts);
  const target = targetOf(transition, facts);
  await assertReadyForRelease(strapi, ref);
  const hits = await workflowService(strapi, 'terminology').check(ref.uid, content ?? {});
  const blocking = hits.filter((hit) => hit.severity === 'block');
  if (blocking.length > 0) {
    const words = [
      ...new Set(
        blocking.map(
          (hit) => `“${hit.pattern}”→“${hit.suggestion ?? ''}”${hit.note ? `（${hit.note}）` : ''}`,
        ),
      ),
    ].join('，');
    throw invalid(
      `内容含不规范用语：${words}`,
      `The text contains wording that must be corrected: ${words}`,
      { terminology: blocking },
    );
  }
  const warnings = hits.filter((hit) => hit.severity === 'warn');
  const { state } = facts;
  const next = await writeState(strapi, facts, {
    reviewState: target,
    stageIndex: 0,
    cycle: state.cycle + 1,
    reviewedHash: facts.draftHash,
    warnings,
  });
  await recordAudit(strapi, ref, {
    action: 'submit',
    actor,
    fromState: state.reviewState,
    toState: target,
    stageIndex: 0,
    cycle: next.cycle,
    comment: options.comment,
    contentHash: facts.draftHash,
    details: { warnings, submittedContent: content },
  });
  emitWorkflowEvent(strapi, WORKFLOW_EVENTS.submit, ref, {
    actor: actor.name,
    contentHash: facts.draftHash,
    warnings: warnings.length,
  });
  return next;
};

/**
 * A reviewer passes the current stage. The last stage's approval makes the version `approved`
 * and, when it is due, releases it in the same transaction and the same state write (a later
 * publishAt leaves it to the scheduler). Super admins may override the four-eyes rule only with
 * a recorded reason.
 */
export const approveStage = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
  actor: UserActor,
  options: { comment?: string; overrideReason?: string } = {},
) => {
  const { content, facts } = await factsWithContent(strapi, ref, actor, {
    overrideReason: options.overrideReason,
  });
  const { transition, overridden } = assertAllowed('approve', facts);
  const stageIndex = currentStageIndex(facts);
  const stage = facts.stages[stageIndex];
  const target = targetOf(transition, facts);
  // The last stage's row leads out of review; an earlier stage's keeps the locale in it.
  const isFinal = target !== facts.state.reviewState;
  const approval: Partial<ReviewState> = isFinal
    ? {
        reviewState: target,
        stageIndex,
        approvedAt: facts.now.toISOString(),
        approvedContent: content,
      }
    : { stageIndex: stageIndex + 1 };
  const releaseNow =
    isFinal && judge('publish', { ...facts, state: { ...facts.state, ...approval } }).allowed;

  const approved = await strapi.db.transaction(async () => {
    await recordAudit(strapi, ref, {
      action: overridden ? 'override_approve' : 'approve',
      actor,
      fromState: facts.state.reviewState,
      toState: target,
      stageIndex,
      stageName: stage.name,
      cycle: facts.state.cycle,
      comment: options.comment,
      contentHash: facts.draftHash,
      details: overridden ? { overrideReason: options.overrideReason, overridden } : null,
    });
    emitWorkflowEvent(strapi, WORKFLOW_EVENTS.approve, ref, {
      actor: actor.name,
      stage: stage.name,
      final: isFinal,
      contentHash: facts.draftHash,
    });
    return releaseNow
      ? releaseVersion(strapi, { facts, patch: approval, fromState: target })
      : writeState(strapi, facts, approval);
  });
  // A final approval that released returns once no instance can serve what it replaced.
  await liveContentSettled(strapi);
  return approved;
};

/**
 * The approver of the previous stage takes their approval back while the next stage has not
 * acted: the document waits at that stage again, and the approval no longer counts for four-eyes.
 */
export const withdrawApproval = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
  actor: UserActor,
  comment?: string,
) => {
  const facts = await loadFacts(strapi, ref, actor);
  const { transition } = assertAllowed('withdrawApproval', facts);
  const withdrawn = facts.approvals[facts.approvals.length - 1];
  // The state and the entry that makes the approval stop counting commit together.
  return strapi.db.transaction(async () => {
    const next = await writeState(strapi, facts, { stageIndex: withdrawn.stageIndex });
    await recordAudit(strapi, ref, {
      action: 'withdraw_approval',
      actor,
      fromState: facts.state.reviewState,
      toState: targetOf(transition, facts),
      stageIndex: withdrawn.stageIndex,
      stageName: facts.stages[withdrawn.stageIndex]?.name ?? null,
      cycle: facts.state.cycle,
      comment,
      contentHash: facts.state.reviewedHash,
      details: { withdrawnEntryId: withdrawn.entryId },
    });
    return next;
  });
};

/** A reviewer sends the draft back to its editor; the comment says what to change. */
export const requestChanges = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
  actor: UserActor,
  comment: string,
) => {
  if (!comment || comment.trim().length === 0)
    throw invalid('退回修改时必须填写意见', 'A comment is required when requesting changes', {
      path: ['comment'],
    });
  const facts = await loadFacts(strapi, ref, actor);
  const { transition } = assertAllowed('requestChanges', facts);
  const target = targetOf(transition, facts);
  const stageIndex = currentStageIndex(facts);
  const stage = facts.stages[stageIndex];
  const next = await writeState(strapi, facts, { reviewState: target, stageIndex: 0 });
  await recordAudit(strapi, ref, {
    action: 'request_changes',
    actor,
    fromState: facts.state.reviewState,
    toState: target,
    stageIndex,
    stageName: stage.name,
    cycle: facts.state.cycle,
    comment,
    contentHash: facts.state.reviewedHash,
  });
  emitWorkflowEvent(strapi, WORKFLOW_EVENTS.requestChanges, ref, {
    actor: actor.name,
    stage: stage.name,
    comment,
  });
  return next;
};

/**
 * Discard throws the draft away and makes a new one from the live version (Strapi's
 * discardDraft, run by `discard`): the document locale is back where its live version stands,
 * `published`, with the live version as what was last approved. A schedule of the discarded
 * version goes with it; the live version's takedown time stays. Refused where nothing is live:
 * Strapi would delete the draft and make none.
 */
export const discardToLive = async <Result>(
  strapi: Core.Strapi,
  ref: DocumentRef,
  actor: Actor,
  discard: () => Promise<Result>,
): Promise<Result> => {
  const before = await loadFacts(strapi, ref, actor);
  const target = targetOf(assertAllowed('discard', before).transition, before);
  return strapi.db.transaction(async () => {
    const result = await discard();
    const { content, facts } = await factsWithContent(strapi, ref, actor, { state: before.state });
    const { state } = facts;
    await writeState(strapi, facts, {
      reviewState: target,
      stageIndex: 0,
      reviewedHash: facts.draftHash,
      approvedContent: content,
      approvedAt: state.liveSince,
      publishAt: null,
    });
    await recordAudit(strapi, ref, {
      action: 'discarded',
      actor,
      fromState: state.reviewState,
      toState: target,
      cycle: state.cycle,
      contentHash: facts.draftHash,
      details: {
        discardedHash: before.draftHash,
        ...(state.publishAt ? { publishAtCleared: state.publishAt } : {}),
      },
    });
    return result;
  });
};

/**
 * Editors set when an item goes out and, optionally, when it comes down (stored in UTC). A field
 * left out keeps its value, `null` clears it; a request that names neither is a mistake, not a
 * silent "clear everything".
 */
export const setSchedule = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
  actor: Actor,
  schedule: { publishAt?: unknown; unpublishAt?: unknown },
  permissions?: KnownFacts['permissions'],
) => {
  const facts = await loadFacts(strapi, ref, actor, { permissions });
  const target = targetOf(assertAllowed('schedule', facts).transition, facts);
  const givenPublishAt = parseScheduleInstant(schedule.publishAt, 'publishAt');
  const givenUnpublishAt = parseScheduleInstant(schedule.unpublishAt, 'unpublishAt');
  if (givenPublishAt === undefined && givenUnpublishAt === undefined) {
    throw invalid(
      '请给出 publishAt 或 unpublishAt（null 表示清除）',
      'Give publishAt and/or unpublishAt (null clears one)',
      { path: ['publishAt'] },
    );
  }
  const { state } = facts;
  const publishAt = givenPublishAt === undefined ? state.publishAt : givenPublishAt;
  const unpublishAt = givenUnpublishAt === undefined ? state.unpublishAt : givenUnpublishAt;
  if (publishAt && unpublishAt && new Date(unpublishAt) <= new Date(publishAt)) {
    throw invalid('下线时间必须晚于发布时间', 'unpublishAt must be later than publishAt', {
      path: ['unpublishAt'],
    });
  }
  const next = await writeState(strapi, facts, { publishAt, unpublishAt });
  await recordAudit(strapi, ref, {
    action: 'schedule',
    actor,
    fromState: state.reviewState,
    toState: target,
    cycle: state.cycle,
    details: {
      from: { publishAt: state.publishAt, unpublishAt: state.unpublishAt },
      to: { publishAt, unpublishAt },
    },
  });
  return next;
};

const SYSTEM: Actor = { type: 'system', name: 'system' };

/** The approval the system records (seed, migrations run by operators): never reachable from an HTTP route. */
const systemApproval = async (strapi: Core.Strapi, ref: DocumentRef, reason: string) => {
  const { content, facts } = await factsWithContent(strapi, ref, SYSTEM);
  const target = targetOf(assertAllowed('systemApprove', facts).transition, facts);
  const approval: Partial<ReviewState> = {
    reviewState: target,
    approvedAt: facts.now.toISOString(),
    approvedContent: content,
    reviewedHash: facts.draftHash,
    cycle: facts.state.cycle + 1,
  };
  const audit = () =>
    recordAudit(strapi, ref, {
      action: 'system_approve',
      actor: SYSTEM,
      fromState: facts.state.reviewState,
      toState: target,
      cycle: facts.state.cycle + 1,
      comment: reason,
      contentHash: facts.draftHash,
    });
  return { facts, approval, audit, target };
};

/** Approves the current draft without human review, on the record. */
export const recordSystemApproval = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
  reason: string,
): Promise<ReviewState> => {
  const { facts, approval, audit } = await systemApproval(strapi, ref, reason);
  const next = await writeState(strapi, facts, approval);
  await audit();
  return next;
};

/** Approves on the record and releases at once, as the seed does: one transaction, one state write. */
export const releaseWithSystemApproval = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
  reason: string,
  actor: Actor,
): Promise<ReviewState> => {
  const { facts, approval, audit, target } = await systemApproval(strapi, ref, reason);
  const released = await strapi.db.transaction(async () => {
    await audit();
    return releaseVersion(strapi, {
      facts: { ...facts, actor },
      patch: approval,
      fromState: target,
    });
  });
  await liveContentSettled(strapi);
  return released;
};
