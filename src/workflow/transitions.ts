import { DEFAULT_PEOPLE_TIME_ZONE, readableTime } from '../i18n/people-time';
import { roleLabel } from '../i18n/role-labels';
import type { Actor, UserActor } from '../kernel/actor';
import type { OfferedAction, ReviewStage, ReviewStateName } from './contracts';
import type { ReviewState } from './review-states';
import { invalid, refuse } from './workflow-error';

/**
 * The review workflow as data: every state, every transition with who may take it and what must
 * hold, and one function, `judge`, that every command, the release gate, the scheduler, the edit
 * watcher and the admin panel's offered actions ask. A new transition is one row here.
 */

export const REVIEW_STATES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'published',
  'unpublished',
  'deleted',
] as const satisfies readonly ReviewStateName[];
export type StoredState = Exclude<ReviewStateName, 'deleted'>;
const STORED_STATES: readonly StoredState[] = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'published',
  'unpublished',
];

export type WorkflowAction =
  OfferedAction | 'edit' | 'discard' | 'expire' | 'delete' | 'systemApprove';

export type Authorship = { createdById: number | null; updatedById: number | null };
/** An approval of the current cycle that still stands (a withdrawn one is gone). */
export type Approval = { entryId: number; actorId: number | null; stageIndex: number };

/** Everything the rules look at, gathered once per decision (transition-facts.ts). */
export type TransitionFacts = {
  state: ReviewState;
  stages: ReviewStage[];
  actor: Actor;
  authorship: Authorship;
  /** Standing approvals of the current cycle, oldest first. */
  approvals: Approval[];
  /** Hash of the draft as it is now; null when the locale has no draft. */
  draftHash: string | null;
  isLive: boolean;
  now: Date;
  /** What the caller's door established: the user's content-manager permissions on the type. */
  permissions: { canEdit: boolean; canPublish: boolean };
  /** A super admin's recorded reason to pass a stage that the role or four-eyes rule would refuse. */
  overrideReason?: string;
  /** The zone refusals name times in (ADMIN_TIME_ZONE); Asia/Shanghai when not given. */
  timeZone?: string;
};

export type Refusal = { reason: string; error: Error };
type Rule = (facts: TransitionFacts) => Refusal | null;
type Who = { name: string; rule: Rule };

export type Transition = {
  action: WorkflowAction;
  from: readonly StoredState[];
  /** null: no change of state (a schedule). */
  to: ReviewStateName | null;
  /** For the diagram: what happens, in a few words. */
  label: string;
  who: Who;
  /** Which of an action's rows applies, when one action has several from the same state. */
  when?: (facts: TransitionFacts) => boolean;
  guards: Rule[];
};

const refusal = (reason: string, error: Error): Refusal => ({ reason, error });

// ---- the facts the rules read -------------------------------------------------------------

const PINNED: readonly StoredState[] = ['in_review', 'approved', 'published', 'unpublished'];
/** States whose approval (or pending review) is of one exact version. */
export const isPinned = (state: ReviewStateName): boolean =>
  (PINNED as readonly string[]).includes(state);

/** The stage a document in review waits at (a chain shortened by an administrator caps it). */
export const currentStageIndex = ({
  state,
  stages,
}: Pick<TransitionFacts, 'state' | 'stages'>): number =>
  Math.min(state.stageIndex, stages.length - 1);
/** The name of the stage a document in review waits at; null when it is not in review. */
export const stageNameOf = (
  state: TransitionFacts['state'],
  stages: TransitionFacts['stages'],
): string | null =>
  state.reviewState === 'in_review'
    ? (stages[currentStageIndex({ state, stages })]?.name ?? null)
    : null;
const isLastStage = (facts: TransitionFacts) =>
  currentStageIndex(facts) === facts.stages.length - 1;
const changedSinceApproval = (facts: TransitionFacts) =>
  facts.draftHash !== null && facts.draftHash !== facts.state.reviewedHash;

// ---- who ----------------------------------------------------------------------------------

/**
 * Why a stage refusal happened. A super admin may override `not-stage-role` and `own-work`
 * with a recorded reason; `role` and `second-stage` hold for everyone: one person never passes
 * two stages of one version, super admins included.
 */
export type StageRefusalReason = 'role' | 'not-stage-role' | 'own-work' | 'second-stage';
export const OVERRIDABLE_REFUSALS: ReadonlySet<string> = new Set<StageRefusalReason>([
  'not-stage-role',
  'own-work',
]);

/** Why this user may not act on the stage (four-eyes included), or null when they may. */
export const stageRefusal = (
  stage: ReviewStage,
  stageIndex: number,
  actor: UserActor,
  authorship: Authorship,
  approvals: ReadonlyArray<Pick<Approval, 'actorId' | 'stageIndex'>>,
): { reason: StageRefusalReason; error: Error } | null => {
  const hasRole = actor.roles.includes(stage.role);
  const roleMessage = [
    `「${stage.name}」须由“${roleLabel(stage.role)}”审核`,
    `Stage "${stage.name}" is reviewed by the role "${stage.role}"`,
  ] as const;
  if (!hasRole && !actor.isSuperAdmin) return { reason: 'role', error: refuse(...roleMessage) };
  if (
    approvals.some(
      (approval) => approval.actorId === actor.id && approval.stageIndex !== stageIndex,
    )
  ) {
    return {
      reason: 'second-stage',
      error: refuse(
        '同一版本的两个审核环节不能由同一人通过',
        'One person cannot approve two stages of the same version',
      ),
    };
  }
  if (!hasRole) {
    return {
      reason: 'not-stage-role',
      error: refuse(
        `${roleMessage[0]}；超级管理员代为审核须填写理由`,
        `${roleMessage[1]}; a super admin acting for it must give a reason`,
      ),
    };
  }
  if (actor.id === authorship.createdById || actor.id === authorship.updatedById) {
    return {
      reason: 'own-work',
      error: refuse(
        '不能审核自己创建或最后修改的内容',
        'You cannot review content you created or last edited',
      ),
    };
  }
  return null;
};

const notAUser = () =>
  refusal(
    'not-a-user',
    refuse('只有登录管理后台的用户可以执行此操作', 'Only a signed-in admin user can do this'),
  );

const EDITOR: Who = {
  name: 'editor',
  rule: ({ actor, permissions }) =>
    actor.type === 'user' && permissions.canEdit
      ? null
      : refusal(
          'not-editor',
          refuse(
            '只有宣传编辑可以送审或设置定时',
            'Only editors of this content can submit it or change its schedule',
          ),
        ),
};

/** The stage's role, with four-eyes; a super admin's recorded reason overrides what may be overridden. */
const STAGE_REVIEWER: Who = {
  name: "the stage's role, four-eyes",
  rule: (facts) => {
    if (facts.actor.type !== 'user') return notAUser();
    if (facts.state.reviewState !== 'in_review' || facts.stages.length === 0) return null; // the from-state check speaks
    const stageIndex = currentStageIndex(facts);
    const found = stageRefusal(
      facts.stages[stageIndex],
      stageIndex,
      facts.actor,
      facts.authorship,
      facts.approvals,
    );
    const overridden =
      found &&
      OVERRIDABLE_REFUSALS.has(found.reason) &&
      facts.actor.isSuperAdmin &&
      (facts.overrideReason ?? '').trim().length > 0;
    return found && !overridden ? found : null;
  },
};

/** Anyone holding the stage's role may send back, whoever wrote it or passed an earlier stage. */
const STAGE_ROLE: Who = {
  name: "the stage's role",
  rule: (facts) => {
    if (facts.actor.type !== 'user') return notAUser();
    if (facts.state.reviewState !== 'in_review' || facts.stages.length === 0) return null;
    const stageIndex = currentStageIndex(facts);
    const found = stageRefusal(
      facts.stages[stageIndex],
      stageIndex,
      facts.actor,
      facts.authorship,
      [],
    );
    return found?.reason === 'role' ? found : null;
  },
};

const PREVIOUS_STAGE_APPROVER: Who = {
  name: 'its approver',
  rule: (facts) => (facts.actor.type === 'user' ? null : notAUser()),
};

/** Users with the publish permission (checked by their door), the scheduler, the seed, full-access tokens. */
const PUBLISHER: Who = {
  name: 'publisher or scheduler',
  rule: ({ actor, permissions }) =>
    actor.type !== 'user' || permissions.canPublish
      ? null
      : refusal(
          'not-publisher',
          refuse('没有发布该内容的权限', 'You may not publish this content'),
        ),
};

/** Live content is taken down or deleted by people in the admin panel (or on schedule), never by a token. */
const NOT_A_TOKEN_ON_LIVE: Who = {
  name: 'publisher or scheduler, never a token when live',
  rule: ({ actor, isLive, permissions }) => {
    if (isLive && actor.type === 'api')
      return refusal(
        'token',
        refuse(
          '已发布内容只能由审核员在管理后台撤下或删除',
          'Published content is unpublished or deleted by a reviewer in the admin panel',
        ),
      );
    return actor.type === 'user' && !permissions.canPublish
      ? refusal(
          'not-publisher',
          refuse('没有撤下该内容的权限', 'You may not unpublish this content'),
        )
      : null;
  },
};

const SCHEDULER_ONLY: Who = {
  name: 'scheduler',
  rule: ({ actor }) =>
    actor.type === 'scheduler'
      ? null
      : refusal(
          'not-scheduler',
          refuse('只有定时任务可以执行此操作', 'Only the scheduler does this'),
        ),
};
const SYSTEM_ONLY: Who = {
  name: 'system: seed, migration',
  rule: ({ actor }) =>
    actor.type === 'system'
      ? null
      : refusal('not-system', refuse('只有系统可以执行此操作', 'Only the system does this')),
};
const ANYONE_EDITING: Who = { name: 'whoever saves the draft', rule: () => null };

// ---- guards -------------------------------------------------------------------------------

const hasDraft: Rule = ({ draftHash, state }) =>
  draftHash === null
    ? refusal(
        'no-draft',
        invalid(
          '找不到该语言版本的草稿',
          `No draft of this document in locale ${state.targetLocale}`,
        ),
      )
    : null;

const changedSinceRelease: Rule = (facts) =>
  changedSinceApproval(facts)
    ? null
    : refusal(
        'unchanged',
        refuse(
          '内容与已审核通过的版本相同，无需再次提交',
          'The content is unchanged since its approval; nothing to review',
        ),
      );

const unchangedSinceSubmit: Rule = (facts) =>
  changedSinceApproval(facts)
    ? refusal(
        'changed',
        refuse(
          '送审后内容已修改，需重新提交审核',
          'The content changed since it was submitted; it must be submitted again',
        ),
      )
    : null;

// A draft that is gone (null) no longer matches what was approved either.
const draftChanged: Rule = ({ draftHash, state }) =>
  draftHash !== state.reviewedHash
    ? null
    : refusal('unchanged', refuse('内容未改变', 'The content did not change'));

/** Only an approved, unchanged, due version goes out. */
const approvedVersion: Rule = ({ state }) =>
  state.reviewedHash
    ? null
    : refusal(
        'not-approved',
        refuse(
          '内容未经审核通过，不能发布。请先提交审核',
          'This content has not been approved; submit it for review before publishing',
        ),
      );
const unchangedSinceApproval: Rule = ({ state, draftHash }) =>
  state.reviewedHash === draftHash
    ? null
    : refusal(
        'changed',
        refuse(
          '审核通过后内容已修改，需重新提交审核',
          'The content changed after approval; submit it for review again',
        ),
      );
const zoned = (at: string, timeZone = DEFAULT_PEOPLE_TIME_ZONE) => ({
  chinese: readableTime(at, timeZone),
  english: `${readableTime(at, timeZone)} (${timeZone})`,
});
const publishAtDue: Rule = ({ state, now, timeZone }) => {
  if (!state.publishAt || new Date(state.publishAt) <= now) return null;
  const at = zoned(state.publishAt, timeZone);
  return refusal(
    'not-due',
    refuse(
      `已定时于 ${at.chinese} 发布；如需提前发布，请修改定时`,
      `Scheduled to publish at ${at.english}; change the schedule to publish earlier`,
    ),
  );
};
const unpublishAtAhead: Rule = ({ state, now, timeZone }) => {
  if (!state.unpublishAt || new Date(state.unpublishAt) > now) return null;
  const at = zoned(state.unpublishAt, timeZone);
  return refusal(
    'expired',
    refuse(
      `下线时间 ${at.chinese} 已过；如需重新发布，请修改定时`,
      `Its unpublish time ${at.english} has passed; change the schedule to publish it again`,
    ),
  );
};
const unpublishAtPassed: Rule = (facts) =>
  unpublishAtAhead(facts)
    ? null
    : refusal('not-expired', refuse('下线时间未到', 'Its unpublish time has not come'));

const live: Rule = ({ isLive }) =>
  isLive ? null : refusal('not-live', refuse('该内容未发布', 'This content is not published'));

/**
 * Withdrawing is for the approver of the previous stage, while the stage after it has not acted:
 * the latest standing approval of the cycle is theirs, at the stage just before the current one.
 */
const ownLatestApproval: Rule = (facts) => {
  const latest = facts.approvals[facts.approvals.length - 1];
  const mine =
    latest !== undefined &&
    facts.actor.type === 'user' &&
    latest.actorId === facts.actor.id &&
    latest.stageIndex === currentStageIndex(facts) - 1;
  return mine
    ? null
    : refusal(
        'not-own-approval',
        refuse(
          '只能撤回自己在上一环节的通过，且下一环节尚未处理',
          'You can withdraw only your own approval of the previous stage, before the next stage has acted',
        ),
      );
};

// ---- the table ----------------------------------------------------------------------------

const RELEASABLE: readonly StoredState[] = ['approved', 'published', 'unpublished'];
const RELEASE_GUARDS: Rule[] = [
  approvedVersion,
  unchangedSinceApproval,
  publishAtDue,
  unpublishAtAhead,
];

export const TRANSITIONS: readonly Transition[] = [
  {
    action: 'submit',
    from: ['draft', 'changes_requested'],
    to: 'in_review',
    label: 'submit',
    who: EDITOR,
    guards: [hasDraft],
  },
  {
    action: 'submit',
    from: ['published', 'unpublished'],
    to: 'in_review',
    label: 'submit a changed version',
    who: EDITOR,
    guards: [hasDraft, changedSinceRelease],
  },
  {
    action: 'approve',
    from: ['in_review'],
    to: 'in_review',
    label: 'approve stage k of N (k < N)',
    who: STAGE_REVIEWER,
    when: (facts) => !isLastStage(facts),
    guards: [hasDraft, unchangedSinceSubmit],
  },
  {
    action: 'approve',
    from: ['in_review'],
    to: 'approved',
    label: 'approve stage N',
    who: STAGE_REVIEWER,
    when: isLastStage,
    guards: [hasDraft, unchangedSinceSubmit],
  },
  {
    action: 'withdrawApproval',
    from: ['in_review'],
    to: 'in_review',
    label: 'withdraw approval of stage k, before stage k+1 acts',
    who: PREVIOUS_STAGE_APPROVER,
    guards: [ownLatestApproval],
  },
  {
    action: 'requestChanges',
    from: ['in_review'],
    to: 'changes_requested',
    label: 'request changes (comment required)',
    who: STAGE_ROLE,
    guards: [],
  },
  {
    action: 'publish',
    from: RELEASABLE,
    to: 'published',
    label: 'release: approved, unchanged, publishAt due',
    who: PUBLISHER,
    guards: RELEASE_GUARDS,
  },
  {
    action: 'expire',
    from: ['approved'],
    to: 'unpublished',
    label: 'expire (unpublishAt passed before release)',
    who: SCHEDULER_ONLY,
    guards: [unpublishAtPassed],
  },
  {
    action: 'unpublish',
    from: ['published'],
    to: 'unpublished',
    label: 'unpublish',
    who: NOT_A_TOKEN_ON_LIVE,
    guards: [live],
  },
  // A live version whose next one is being edited, reviewed or scheduled comes down; that review goes on.
  {
    action: 'unpublish',
    from: ['draft', 'in_review', 'changes_requested', 'approved', 'unpublished'],
    to: null,
    label: 'unpublish the live version, review kept',
    who: NOT_A_TOKEN_ON_LIVE,
    guards: [live],
  },
  {
    action: 'edit',
    from: PINNED,
    to: 'draft',
    label: 'content edit',
    who: ANYONE_EDITING,
    guards: [draftChanged],
  },
  // Discard replaces the draft with the live version: whatever was edited, in review or approved is gone, and the state is the live version's.
  {
    action: 'discard',
    from: ['draft', 'in_review', 'changes_requested', 'approved', 'published'],
    to: 'published',
    label: 'discard the draft: back to the live version',
    who: ANYONE_EDITING,
    guards: [live],
  },
  {
    action: 'schedule',
    from: STORED_STATES,
    to: null,
    label: 'set publishAt / unpublishAt',
    who: EDITOR,
    guards: [],
  },
  {
    action: 'systemApprove',
    from: STORED_STATES,
    to: 'approved',
    label: 'system approval (seed)',
    who: SYSTEM_ONLY,
    guards: [hasDraft],
  },
  {
    action: 'delete',
    from: STORED_STATES,
    to: 'deleted',
    label: 'delete',
    who: NOT_A_TOKEN_ON_LIVE,
    guards: [],
  },
];

/** What an action taken from a state it has no row for says. */
const NOT_FROM: Partial<Record<WorkflowAction, (state: StoredState) => Error>> = {
  submit: (state) =>
    state === 'in_review'
      ? refuse('该内容已在审核中', 'This content is already in review')
      : refuse('该版本已审核通过，无需再次提交', 'This version is already approved'),
  approve: () => refuse('该内容不在审核中', 'This content is not in review'),
  requestChanges: () => refuse('该内容不在审核中', 'This content is not in review'),
  withdrawApproval: () =>
    refuse(
      '该内容不在审核中，无可撤回的通过',
      'This content is not in review; there is no approval to withdraw',
    ),
  publish: () =>
    refuse(
      '内容未经审核通过，不能发布。请先提交审核',
      'This content has not been approved; submit it for review before publishing',
    ),
  discard: () =>
    refuse(
      '该内容未发布，没有可以恢复的已发布版本',
      'This content is not published: there is no live version to go back to',
    ),
};

export type Verdict =
  | { allowed: true; transition: Transition; overridden: StageRefusalReason | null }
  | { allowed: false; refusal: Refusal };

/** May this actor take this action on this document locale now, and if not, why. */
export const judge = (action: WorkflowAction, facts: TransitionFacts): Verdict => {
  const rows = TRANSITIONS.filter((row) => row.action === action);
  const who = rows[0].who.rule(facts);
  if (who) return { allowed: false, refusal: who };
  const fromHere = rows.filter((row) => row.from.includes(facts.state.reviewState));
  const row = fromHere.find((candidate) => candidate.when?.(facts) ?? true);
  if (!row) {
    const error =
      NOT_FROM[action]?.(facts.state.reviewState) ??
      refuse(
        `当前状态（${facts.state.reviewState}）不能执行该操作`,
        `Not possible while the content is ${facts.state.reviewState}`,
      );
    return { allowed: false, refusal: refusal('state', error) };
  }
  for (const guard of row.guards) {
    const found = guard(facts);
    if (found) return { allowed: false, refusal: found };
  }
  return { allowed: true, transition: row, overridden: overriddenRefusal(action, facts) };
};

/**
 * Where an allowed transition leads: its row's `to`, or the state the document locale is in when
 * the row changes none (a schedule, a takedown whose review goes on). The commands write this,
 * never a state of their own; a deletion leaves no state to write and is not asked here.
 */
export const targetOf = (transition: Transition, facts: TransitionFacts): StoredState => {
  const to = transition.to ?? facts.state.reviewState;
  if (to === 'deleted') throw new Error(`${transition.action} leaves no review state to write`);
  return to;
};

/** The state an approved version waits in for its time (where the last approval leads). */
export const AWAITING_RELEASE: StoredState = 'approved';

/** Judges and throws the refusal: for commands. */
export const assertAllowed = (
  action: WorkflowAction,
  facts: TransitionFacts,
): Extract<Verdict, { allowed: true }> => {
  const verdict = judge(action, facts);
  if (!verdict.allowed) throw verdict.refusal.error;
  return verdict;
};

const overriddenRefusal = (
  action: WorkflowAction,
  facts: TransitionFacts,
): StageRefusalReason | null => {
  if (action !== 'approve' || facts.actor.type !== 'user') return null;
  const stageIndex = currentStageIndex(facts);
  return (
    stageRefusal(
      facts.stages[stageIndex],
      stageIndex,
      facts.actor,
      facts.authorship,
      facts.approvals,
    )?.reason ?? null
  );
};

const OFFERED: readonly OfferedAction[] = [
  'submit',
  'approve',
  'withdrawApproval',
  'requestChanges',
  'schedule',
  'publish',
  'unpublish',
];

/** Exactly the transitions this user may take now, so the admin panel never offers a button the server would refuse. */
export const offeredActions = (facts: TransitionFacts): OfferedAction[] =>
  OFFERED.filter((action) => {
    if (!judge(action, facts).allowed) return false;
    // Allowed but pointless: re-releasing the version that is already live.
    return !(
      action === 'publish' &&
      facts.isLive &&
      facts.state.reviewState === 'published' &&
      !changedSinceApproval(facts)
    );
  });

const REVIEWING: ReadonlySet<OfferedAction> = new Set<OfferedAction>([
  'approve',
  'requestChanges',
  'withdrawApproval',
]);

/**
 * Whether a refusal only says the user's role never takes this action (an editor's approve, a
 * reviewer's submit): a reason worth reading is one for an action their role could take.
 */
const outsideTheirRole = (
  action: OfferedAction,
  facts: TransitionFacts,
  refused: Refusal,
): boolean => {
  if (facts.actor.type !== 'user') return false;
  if (REVIEWING.has(action))
    return (
      !facts.actor.isSuperAdmin &&
      !facts.stages.some(
        (stage) => facts.actor.type === 'user' && facts.actor.roles.includes(stage.role),
      )
    );
  return refused.reason === 'not-editor' || refused.reason === 'not-publisher';
};

/**
 * Why each transition this user is not offered now is refused, in the refusal's own words, for
 * the actions their role could take: every disabled action they might look for says why.
 */
export const refusedActions = (facts: TransitionFacts): Partial<Record<OfferedAction, string>> =>
  Object.fromEntries(
    OFFERED.flatMap((action) => {
      const verdict = judge(action, facts);
      return verdict.allowed || outsideTheirRole(action, facts, verdict.refusal)
        ? []
        : [[action, verdict.refusal.error.message]];
    }),
  );

/** The state diagram of the table, in Mermaid: docs/review-and-scheduling.md shows it, a test keeps them equal. */
export const stateDiagram = (): string => {
  const lines = ['stateDiagram-v2', '  state "any state" as any', '  [*] --> draft'];
  for (const row of TRANSITIONS) {
    if (row.to === null) continue;
    // A row open from every state is drawn once, from "any state".
    const sources = STORED_STATES.every((state) => row.from.includes(state)) ? ['any'] : row.from;
    for (const from of sources)
      lines.push(`  ${from} --> ${row.to}: ${row.label} (${row.who.name})`);
  }
  lines.push('  deleted --> [*]');
  return lines.join('\n');
};
