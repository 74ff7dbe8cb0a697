import type { Core } from '@strapi/strapi';
import type { DocumentRef } from '../documents/document-rows';
import type { UserActor } from '../kernel/actor';
import { hashContent, loadReviewableContent } from './content-hash';
import type { WorkflowStatus } from './contracts';
import { loadFacts, type KnownFacts } from './transition-facts';
import { offeredActions, refusedActions } from './transitions';
import { workflowService } from './workflow-services';

/**
 * Where a document locale stands, what the caller may do, and what the terminology check says
 * of the draft as saved now (the panel shows it before a submit would refuse it). One read of
 * the draft serves its hash and the check.
 */
export const workflowStatus = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
  actor: UserActor,
  permissions: KnownFacts['permissions'],
): Promise<WorkflowStatus> => {
  const content = await loadReviewableContent(strapi, ref);
  const facts = await loadFacts(strapi, ref, actor, {
    permissions,
    draftHash: content ? hashContent(content) : null,
  });
  const terminology = content
    ? await workflowService(strapi, 'terminology').check(ref.uid, content)
    : [];
  const { approvedContent: _approved, ...state } = facts.state;
  return {
    ...state,
    warnings: Array.isArray(state.warnings) ? state.warnings : null,
    terminology,
    isLive: facts.isLive,
    stages: facts.stages,
    actions: offeredActions(facts),
    whyNot: refusedActions(facts),
    // Known only where the read is recorded (the status route, src/workflow/review-reads.ts).
    firstRead: false,
  };
};
