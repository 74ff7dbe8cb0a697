import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

export type WorkflowAction = 'submit' | 'approve' | 'requestChanges' | 'schedule' | 'publish' | 'unpublish';

export type TerminologyHit = { pattern: string; suggestion: string | null; severity: 'block' | 'warn'; note: string | null; field: string; excerpt: string };

export type WorkflowStatus = {
  reviewState: 'draft' | 'in_review' | 'approved' | 'changes_requested' | 'published' | 'unpublished';
  stageIndex: number;
  cycle: number;
  stages: Array<{ name: string; role: string }>;
  actions: WorkflowAction[];
  publishAt: string | null;
  unpublishAt: string | null;
  approvedAt: string | null;
  isLive: boolean;
  warnings: TerminologyHit[] | null;
};

export type AuditEntry = {
  id: number;
  action: string;
  actorName: string;
  actorType: string;
  fromState: string | null;
  toState: string | null;
  stageName: string | null;
  comment: string | null;
  contentHash: string | null;
  createdAt: string;
  details: Record<string, unknown> | null;
};

export type FieldChange = { kind: 'added' | 'removed' | 'changed'; path: string; before?: unknown; after?: unknown };
export type VersionDiff = { baseline: 'approved' | 'published' | 'none'; changes: FieldChange[] };

// Every type with draft & publish goes through review, the taxonomies included (src/constants.ts).
export const PUBLISHABLE_MODELS = [
  'api::brand.brand',
  'api::article.article',
  'api::video.video',
  'api::achievement.achievement',
  'api::category.category',
  'api::tag.tag',
  'api::organization.organization',
];

export const documentPath = (model: string, documentId: string, locale: string | undefined, suffix = '') =>
  `/workflow/documents/${model}/${documentId}${suffix}${locale ? `?locale=${encodeURIComponent(locale)}` : ''}`;

/** The workflow state of one document locale, refetched when `revision` changes (e.g. after a save). */
export const useWorkflowStatus = (model: string, documentId: string | undefined, locale: string | undefined, revision: unknown) => {
  const { get } = useFetchClient();
  const [status, setStatus] = React.useState<WorkflowStatus | null>(null);
  const [reloads, setReloads] = React.useState(0);
  const applies = PUBLISHABLE_MODELS.includes(model) && documentId !== undefined;

  React.useEffect(() => {
    if (!applies) return;
    let cancelled = false;
    get<{ data: WorkflowStatus }>(documentPath(model, documentId!, locale))
      .then(({ data }) => !cancelled && setStatus(data.data))
      .catch(() => !cancelled && setStatus(null));
    return () => {
      cancelled = true;
    };
  }, [applies, model, documentId, locale, revision, reloads, get]);

  return { status, reload: () => setReloads((count) => count + 1) };
};
