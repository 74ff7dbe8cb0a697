import type { Core } from '@strapi/strapi';
import { afterCommit } from '../kernel/after-commit';
import { inFlightWork } from '../lifecycle/in-flight';
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
    webhookStore.addAllowedEvent(
      `WORKFLOW_${key.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}`,
      event,
    );
  }
};

const announcements = inFlightWork('workflow event not announced');

/**
 * Announced only once the change is committed: webhooks (the channels hear of releases through
 * release-announcements.ts) then read what was written, and a change that is rolled back
 * announces nothing. Inside a
 * transaction the announcement waits for the outermost commit.
 */
export const emitWorkflowEvent = (
  strapi: Core.Strapi,
  event: (typeof WORKFLOW_EVENTS)[keyof typeof WORKFLOW_EVENTS],
  ref: DocumentRef,
  payload: Record<string, unknown>,
): void => {
  const announce = () =>
    announcements.start(strapi, () =>
      strapi.eventHub.emit(event, {
        uid: ref.uid,
        documentId: ref.documentId,
        locale: ref.locale,
        ...payload,
      }),
    );
  announcements.start(strapi, () => afterCommit(strapi, announce));
};

/** Resolves when every announcement made so far has reached its listeners (for shutdown). */
export const drainWorkflowEvents = (strapi: Core.Strapi): Promise<void> =>
  announcements.drain(strapi);
