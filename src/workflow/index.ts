import type { Core } from '@strapi/strapi';
import { registerWorkflowAdminRoutes } from './admin-routes';
import { appendOnlyAudit, AUDIT_ENTRY_UID } from './audit-trail';
import { editWatch } from './edit-watch';
import { releaseGate } from './release-gate';
import { ensureReviewChains, REVIEW_CHAIN_UID, validReviewChains } from './review-chain';
import { REVIEW_STATE_UID } from './review-states';
import { ensureStarterRules, TERMINOLOGY_RULE_UID } from './terminology';
import { registerWorkflowEvents } from './webhook-events';

/** Rules that must hold on every Document Service path: registered before anything runs. */
export const registerWorkflow = (strapi: Core.Strapi): void => {
  strapi.documents.use(appendOnlyAudit);
  strapi.documents.use(validReviewChains(strapi));
  strapi.documents.use(releaseGate(strapi));
  strapi.documents.use(editWatch(strapi));
  // Editorial data never appears in the public GraphQL schema (REST has no routes for it).
  const extension = strapi.plugin('graphql')?.service('extension');
  for (const uid of [REVIEW_STATE_UID, AUDIT_ENTRY_UID, REVIEW_CHAIN_UID, TERMINOLOGY_RULE_UID]) extension?.shadowCRUD(uid).disable();
};

/** Seeds the review chains and terminology rules, and opens the workflow's admin API and webhook events. */
export const bootstrapWorkflow = async (strapi: Core.Strapi): Promise<void> => {
  registerWorkflowEvents(strapi);
  registerWorkflowAdminRoutes(strapi);
  await ensureReviewChains(strapi);
  await ensureStarterRules(strapi);
};
