/**
 * What the workflow's admin API answers, shared with the admin panel (`import type` only, so
 * nothing of the server reaches the browser bundle). Types only, no imports: the admin's
 * tsconfig checks this file too.
 */

/** Where a document locale stands; `deleted` is terminal (its row goes, its trail stays). */
export type ReviewStateName = 'draft' | 'in_review' | 'changes_requested' | 'approved' | 'published' | 'unpublished' | 'deleted';

/** The transitions a user can ask for in the admin panel. */
export type OfferedAction = 'submit' | 'approve' | 'requestChanges' | 'withdrawApproval' | 'schedule' | 'publish' | 'unpublish';

export type ReviewStage = { name: string; role: string };

export type TerminologyRule = { pattern: string; suggestion: string | null; severity: 'block' | 'warn'; note: string | null };
export type TerminologyHit = TerminologyRule & { field: string; start: number; end: number; excerpt: string };

/** `GET /workflow/documents/:uid/:documentId`: the state and what the caller may do now. */
export type WorkflowStatus = {
  reviewState: Exclude<ReviewStateName, 'deleted'>;
  stageIndex: number;
  cycle: number;
  stages: ReviewStage[];
  actions: OfferedAction[];
  publishAt: string | null;
  unpublishAt: string | null;
  approvedAt: string | null;
  isLive: boolean;
  warnings: TerminologyHit[] | null;
};

/** `GET /workflow/queue`: one item waiting at a stage the caller may act on. */
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

export type FieldChange = { kind: 'added' | 'removed' | 'changed'; path: string; before?: unknown; after?: unknown };

/** `GET …/diff`: what the reviewer is asked to approve, against the last approved or live version. */
export type VersionDiff = { baseline: 'approved' | 'published' | 'none'; changes: FieldChange[] };
