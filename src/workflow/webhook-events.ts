import type { Core } from '@strapi/strapi';
import type { DocumentRef } from './review-states';

/** Workflow events, delivered by Strapi's own webhook system (Settings → Webhooks). */
export const WORKFLOW_EVENTS = {
  submit: 'workflow.submit',
  approve: 'workflow.approve',
  requestChanges: 'workflow.request-changes',
  publish: 'workflow.publish',
  unpublish: 'workflow.unpublish',
} as const;

export const registerWorkflowEvents = (strapi: Core.Strapi): void => {
  const webhookStore = strapi.get('webhookStore');
  for (const [key, event] of Object.entries(WORKFLOW_EVENTS)) {
    webhookStore.addAllowedEvent(`WORKFLOW_${key.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}`, event);
  }
};

// Announcements on their way out, per server: a shutdown waits for them (see drainWorkflowEvents).
const pending = new WeakMap<Core.Strapi, Set<Promise<unknown>>>();

const track = (strapi: Core.Strapi, work: Promise<unknown>): void => {
  const set = pending.get(strapi) ?? new Set<Promise<unknown>>();
  pending.set(strapi, set);
  const settled = work.catch((error: Error) => strapi.log.error(`workflow event not announced: ${error.message}`)).finally(() => set.delete(settled));
  set.add(settled);
};

/**
 * Announced only once the change is committed: listeners (webhooks, screens, WeChat auto-push)
 * then read what was written, and a change that is rolled back announces nothing. Inside a
 * transaction the announcement waits for the outermost commit.
 */
export const emitWorkflowEvent = (
  strapi: Core.Strapi,
  event: (typeof WORKFLOW_EVENTS)[keyof typeof WORKFLOW_EVENTS],
  ref: DocumentRef,
  payload: Record<string, unknown>
): void => {
  const announce = () => track(strapi, strapi.eventHub.emit(event, { uid: ref.uid, documentId: ref.documentId, locale: ref.locale, ...payload }));
  track(strapi, strapi.db.transaction(async ({ onCommit }) => onCommit(announce)));
};

/** Resolves when every announcement made so far has reached its listeners. */
export const drainWorkflowEvents = async (strapi: Core.Strapi): Promise<void> => {
  const set = pending.get(strapi);
  while (set && set.size > 0) await Promise.allSettled([...set]);
};
