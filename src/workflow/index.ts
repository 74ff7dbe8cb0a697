import type { Core } from '@strapi/strapi';
import { registerAdminRoutes } from '../access/admin-route';
import { ensureAuditIndexes } from './audit-trail';
import { WORKFLOW_ADMIN_ROUTES } from './admin-routes';
import { ensureReviewChains } from './review-chain';
import { ensureStarterRules } from './terminology';
import { registerWorkflowEvents } from './webhook-events';

/** Seeds the review chains and terminology rules, indexes the trail, and opens the workflow's admin API and webhook events. */
export const bootstrapWorkflow = async (strapi: Core.Strapi): Promise<void> => {
  registerWorkflowEvents(strapi);
  registerAdminRoutes(strapi, WORKFLOW_ADMIN_ROUTES);
  await ensureAuditIndexes(strapi);
  await ensureReviewChains(strapi);
  await ensureStarterRules(strapi);
};
