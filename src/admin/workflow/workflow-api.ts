import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { PUBLISHABLE_UIDS } from '../../constants';
import type { WorkflowStatus } from '../../workflow/contracts';

// The server's answers, shared with it as types only (src/workflow/contracts.ts).
export type { AuditEntry, CalendarEntry, DiffBaseline, MyItem, MyItemGroup, OfferedAction, PublishCheck, QueueItem, ReadableChange, TerminologyHit, VersionDiff, WaitingItem, WorkflowStatus } from '../../workflow/contracts';

/** Every type with draft & publish goes through review, the taxonomies included. */
export const isPublishableModel = (model: string): boolean => (PUBLISHABLE_UIDS as readonly string[]).includes(model);

export const documentPath = (model: string, documentId: string, locale: string | undefined, suffix = '', query: Record<string, string> = {}) => {
  const search = new URLSearchParams({ ...(locale ? { locale } : {}), ...query }).toString();
  return `/workflow/documents/${model}/${documentId}${suffix}${search ? `?${search}` : ''}`;
};

// One request per document locale and saved revision, however many parts of the edit view ask
// (the review panel, the WeChat panel, the Publish and Save buttons): they share it.
const statusRequests = new Map<string, Promise<WorkflowStatus>>();
// A reload asked by one part (after an action) refreshes every part showing the status.
const reloads = new EventTarget();
let reloadCount = 0;

/** The workflow state of one document locale, refetched when `revision` changes (e.g. after a save) or on reload. */
export const useWorkflowStatus = (model: string, documentId: string | undefined, locale: string | undefined, revision: unknown) => {
  const { get } = useFetchClient();
  const [status, setStatus] = React.useState<WorkflowStatus | null>(null);
  const [reloaded, setReloaded] = React.useState(reloadCount);
  const applies = isPublishableModel(model) && documentId !== undefined;

  React.useEffect(() => {
    const onReload = () => setReloaded(reloadCount);
    reloads.addEventListener('reload', onReload);
    return () => reloads.removeEventListener('reload', onReload);
  }, []);

  React.useEffect(() => {
    if (!applies) return;
    let cancelled = false;
    const path = documentPath(model, documentId!, locale);
    const key = `${path}#${String(revision)}#${reloaded}`;
    let request = statusRequests.get(key);
    if (!request) {
      request = get<{ data: WorkflowStatus }>(path).then(({ data }) => data.data);
      statusRequests.set(key, request);
      // Kept while the parts that asked together read it; a later render asks afresh.
      const forget = () => window.setTimeout(() => statusRequests.delete(key), 1000);
      request.then(forget, forget);
    }
    request.then((found) => !cancelled && setStatus(found)).catch(() => !cancelled && setStatus(null));
    return () => {
      cancelled = true;
    };
  }, [applies, model, documentId, locale, revision, reloaded, get]);

  const reload = React.useCallback(() => {
    reloadCount += 1;
    reloads.dispatchEvent(new Event('reload'));
  }, []);
  return { status, reload };
};
