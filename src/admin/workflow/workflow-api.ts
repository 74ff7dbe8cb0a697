import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { PUBLISHABLE_UIDS } from '../../constants';
import type { WorkflowStatus } from '../../workflow/contracts';

// The server's answers, shared with it as types only (src/workflow/contracts.ts).
export type { AuditEntry, OfferedAction, QueueItem, TerminologyHit, VersionDiff, WorkflowStatus } from '../../workflow/contracts';

/** Every type with draft & publish goes through review, the taxonomies included. */
export const isPublishableModel = (model: string): boolean => (PUBLISHABLE_UIDS as readonly string[]).includes(model);

export const documentPath = (model: string, documentId: string, locale: string | undefined, suffix = '') =>
  `/workflow/documents/${model}/${documentId}${suffix}${locale ? `?locale=${encodeURIComponent(locale)}` : ''}`;

/** The workflow state of one document locale, refetched when `revision` changes (e.g. after a save). */
export const useWorkflowStatus = (model: string, documentId: string | undefined, locale: string | undefined, revision: unknown) => {
  const { get } = useFetchClient();
  const [status, setStatus] = React.useState<WorkflowStatus | null>(null);
  const [reloads, setReloads] = React.useState(0);
  const applies = isPublishableModel(model) && documentId !== undefined;

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
