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
  const announce = () => void strapi.eventHub.emit(event, { uid: ref.uid, documentId: ref.documentId, locale: ref.locale, ...payload });
  void strapi.db.transaction(async ({ onCommit }) => onCommit(announce)).catch((error: Error) => strapi.log.error(`workflow event ${event} was not announced: ${error.message}`));
};
