/**
 * What the workflow's admin API answers, shared with the admin panel (`import type` only, so
 * nothing of the server reaches the browser bundle). Types only, no imports: the admin's
 * tsconfig checks this file too.
 */

/** Where a document locale stands; `deleted` is terminal (its row goes, its trail stays). */
export type ReviewStateName =
  | 'draft'
  | 'in_review'
  | 'changes_requested'
  | 'approved'
  | 'published'
  | 'unpublished'
  | 'deleted';

/** The transitions a user can ask for in the admin panel. */
export type OfferedAction =
  | 'submit'
  | 'approve'
  | 'requestChanges'
  | 'withdrawApproval'
  | 'schedule'
  | 'publish'
  | 'unpublish';

export type ReviewStage = { name: string; role: string };

export type TerminologyRule = {
  pattern: string;
  suggestion: string | null;
  severity: 'block' | 'warn';
  note: string | null;
};
/**
 * One rule hit: `field` is the path in normalised content, `place` the same in the editors'
 * words (正文 第2段), `sentence` the sentence it sits in, with the hit at `sentenceStart`.
 */
export type TerminologyHit = TerminologyRule & {
  field: string;
  place: string;
  start: number;
  end: number;
  excerpt: string;
  sentence: string;
  sentenceStart: number;
};

/** `GET /workflow/documents/:uid/:documentId`: the state and what the caller may do now. */
export type WorkflowStatus = {
  reviewState: Exclude<ReviewStateName, 'deleted'>;
  stageIndex: number;
  cycle: number;
  stages: ReviewStage[];
  actions: OfferedAction[];
  /** Why each action not in `actions` is refused to the caller now (bilingual). */
  whyNot: Partial<Record<OfferedAction, string>>;
  publishAt: string | null;
  unpublishAt: string | null;
  approvedAt: string | null;
  isLive: boolean;
  /** The warnings recorded at the last submit, which the reviewers read. */
  warnings: TerminologyHit[] | null;
  /** Every hit in the draft as saved now, blocking ones included. */
  terminology: TerminologyHit[];
  /** The caller reviews the current stage and never opened the item before: the whole text comes first. */
  firstRead: boolean;
};

/** `GET /workflow/queue`: one item waiting at a stage the caller may act on. */
/** Whether an item in review may miss its release time (src/workflow/schedule-risk.ts). */
export type ScheduleRisk = 'overdue' | 'tight' | null;

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
  /** Who submitted this cycle, as the trail names them. */
  submitter: string | null;
  /** Since when it waits at its current stage: its submit, or the approval of the stage before. */
  waitingSince: string | null;
  scheduleRisk: ScheduleRisk;
};

/** `GET /workflow/waiting`: an approved item that is not live yet, waiting for its time (or a publish). */
export type WaitingItem = {
  contentType: string;
  documentId: string;
  locale: string;
  title: string | null;
  publishAt: string | null;
  approvedAt: string | null;
};

/** Where one of an editor's items stands, in the words of 我的稿件. */
export type MyItemGroup = 'sent_back' | 'in_review' | 'scheduled' | 'waiting' | 'live' | 'draft';

/** `GET /workflow/mine`: one of the signed-in editor's items. */
export type MyItem = {
  contentType: string;
  documentId: string;
  locale: string;
  title: string | null;
  group: MyItemGroup;
  stageName: string | null;
  publishAt: string | null;
  unpublishAt: string | null;
  updatedAt: string;
  /** For an item sent back: the reviewer's reason, who, at which stage and when. */
  sentBack: SendBack | null;
};

/** The latest send-back of an item: what the editor reads first. */
export type SendBack = {
  comment: string | null;
  reviewer: string;
  stageName: string | null;
  at: string;
};

/** `POST /workflow/publish-check`: whether the workflow would release one document now, and if not why. */
export type PublishCheck = {
  documentId: string;
  title: string | null;
  canPublish: boolean;
  reason: string | null;
};

/**
 * `POST /workflow/bulk/{submit,approve,request-changes}`, `PUT /workflow/bulk/schedule`: per
 * document, whether the action was done, and if not why (the single action's refusal).
 */
export type BulkOutcome = { documentId: string; ok: boolean; reason: string | null };

/** `GET …/history`: one entry of the append-only trail. */
export type AuditEntry = {
  id: number;
  action: string;
  actorName: string;
  actorType: string;
  actorId: number | null;
  fromState: string | null;
  toState: string | null;
  stageIndex: number | null;
  stageName: string | null;
  cycle: number | null;
  comment: string | null;
  contentHash: string | null;
  createdAt: string;
  details: Record<string, unknown> | null;
};

export type FieldChange = {
  kind: 'added' | 'removed' | 'changed';
  path: string;
  before?: unknown;
  after?: unknown;
};

/** A run of words a version kept, inserted or deleted. */
export type TextChange = { op: 'equal' | 'insert' | 'delete'; text: string };
export type MediaRef = { documentId: string; name: string; thumbnailUrl: string | null };

/** One field that changed, in the editors' words: its label, and its text with words marked. */
export type ReadableChange = {
  field: string;
  label: string;
  kind: 'added' | 'removed' | 'changed';
  text: TextChange[];
  media?: { before: MediaRef[]; after: MediaRef[] };
};

/**
 * What a version is compared with: the one the reviewers last saw (`submitted`: the last submit of
 * an earlier round, i.e. the version sent back), the last approved one, the live one, or nothing.
 */
export type DiffBaseline = 'submitted' | 'approved' | 'published' | 'none';

/** `GET …/diff[?against=…]`: the draft against a baseline; `available` lists the baselines this document has. */
export type VersionDiff = {
  baseline: DiffBaseline;
  baselineAt: string | null;
  available: DiffBaseline[];
  changes: FieldChange[];
  readable: ReadableChange[];
};

/** `GET /workflow/calendar`: what the calendar is asked for (a window of at most 62 days). */
export type CalendarFilters = {
  from: Date;
  to: Date;
  locale?: string;
  brand?: string;
  organization?: string;
  /** A registered channel's name. */
  channel?: string;
};

export type CalendarReadiness =
  'done' | 'approved' | 'scheduled' | 'in_review' | 'not_submitted' | 'not_live';

/** One scheduled release (`publish`) or takedown (`unpublish`) of a document locale. */
export type CalendarEntry = {
  at: string;
  action: 'publish' | 'unpublish';
  contentType: string;
  documentId: string;
  locale: string;
  title: string | null;
  /** The registered channels it goes to. */
  channels: string[];
  brand: { documentId: string; name: string } | null;
  reviewState: Exclude<ReviewStateName, 'deleted'>;
  stageName: string | null;
  readiness: CalendarReadiness;
  /** A release whose version is not approved yet: it will not go out at its time unless reviewed. */
  atRisk: boolean;
};
