import * as React from 'react';
import { getFetchClient, useFetchClient, useQueryParams } from '@strapi/strapi/admin';
import { PUBLISHABLE_UIDS } from '../../constants';
import type { WorkflowStatus } from '../../workflow/contracts';

// The server's answers, shared with it as types only (src/workflow/contracts.ts).
export type {
  AuditEntry,
  BulkOutcome,
  CalendarEntry,
  DiffBaseline,
  MyItem,
  MyItemGroup,
  OfferedAction,
  PublishCheck,
  QueueItem,
  ReadableChange,
  TerminologyHit,
  VersionDiff,
  WaitingItem,
  WorkflowStatus,
} from '../../workflow/contracts';

/** Every type with draft & publish goes through review, the taxonomies included. */
export const isPublishableModel = (model: string): boolean =>
  (PUBLISHABLE_UIDS as readonly string[]).includes(model);

/**
 * The locale in the edit view's address, and whether the document is saved in it: on a locale
 * not saved yet the content manager's `document` is another locale's, whose review is not this one's.
 */
export const useEditedLocale = (document?: {
  id?: unknown;
  locale?: unknown;
}): { asked: string | undefined; saved: boolean } => {
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const asked = query.plugins?.i18n?.locale;
  return {
    asked,
    saved: document?.id !== undefined && (asked === undefined || document.locale === asked),
  };
};

export const documentPath = (
  model: string,
  documentId: string,
  locale: string | undefined,
  suffix = '',
  query: Record<string, string> = {},
) => {
  const search = new URLSearchParams({ ...(locale ? { locale } : {}), ...query }).toString();
  return `/workflow/documents/${model}/${documentId}${suffix}${search ? `?${search}` : ''}`;
};

// One request per document locale and saved revision, however many parts of the edit view ask
// (the review panel, the WeChat panel, the Publish and Save buttons): they share it.
const statusRequests = new Map<string, Promise<WorkflowStatus>>();

// The status asked for as the edit view's address is opened, before the view has loaded the
// document (the panels mount about half a second after the form): kept for the first part to ask
// within a few seconds, whatever the revision it then knows.
const PREFETCH_FRESH_MS = 5000;
const prefetched = new Map<string, { at: number; request: Promise<WorkflowStatus> }>();
const EDIT_VIEW = /\/content-manager\/collection-types\/([^/]+)\/([a-z0-9]+)$/;

/** Starts the status request of the edit view at `location`, if it is one of a publishable type. */
export const prefetchStatusOf = (location: Pick<Location, 'pathname' | 'search'>): void => {
  const [, model, documentId] = EDIT_VIEW.exec(location.pathname) ?? [];
  // Leaving the edit views (signing out included) drops what was asked for: never shown to the next user.
  if (!model) prefetched.clear();
  if (!model || !documentId || documentId === 'create' || !isPublishableModel(model)) return;
  const locale = new URLSearchParams(location.search).get('plugins[i18n][locale]') ?? undefined;
  const path = documentPath(model, documentId, locale);
  const request = getFetchClient()
    .get<{ data: WorkflowStatus }>(path)
    .then(({ data }) => data.data);
  // Unhandled until a part takes it; a failure is then asked again (useWorkflowStatus).
  request.catch(() => undefined);
  prefetched.set(path, { at: Date.now(), request });
};

const takePrefetched = (path: string): Promise<WorkflowStatus> | undefined => {
  const found = prefetched.get(path);
  prefetched.delete(path);
  return found && Date.now() - found.at < PREFETCH_FRESH_MS ? found.request : undefined;
};
// A reload asked by one part (after an action) refreshes every part showing the status.
const reloads = new EventTarget();
let reloadCount = 0;

/** The workflow state of one document locale, refetched when `revision` changes (e.g. after a save) or on reload. */
export const useWorkflowStatus = (
  model: string,
  documentId: string | undefined,
  locale: string | undefined,
  revision: unknown,
) => {
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
    const path = documentPath(model, documentId, locale);
    const key = `${path}#${String(revision)}#${reloaded}`;
    let request = statusRequests.get(key);
    if (!request) {
      const ask = () => get<{ data: WorkflowStatus }>(path).then(({ data }) => data.data);
      // A prefetch that failed (signed out at the time, a network hiccup) is asked again.
      request = takePrefetched(path)?.catch(ask) ?? ask();
      statusRequests.set(key, request);
      // Kept while the parts that asked together read it; a later render asks afresh.
      const forget = () => window.setTimeout(() => statusRequests.delete(key), 1000);
      request.then(forget, forget);
    }
    request
      .then((found) => !cancelled && setStatus(found))
      .catch(() => !cancelled && setStatus(null));
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
