import type { Core } from '@strapi/strapi';
import { registerWorkflowAdminRoutes } from './admin-routes';
import { appendOnlyAudit } from './audit-trail';
import { editWatch } from './edit-watch';
import { releaseGate } from './release-gate';
import { ensureReviewChains } from './review-chain';
import { ensureStarterRules } from './terminology';
import { registerWorkflowEvents } from './webhook-events';

/** Rules that must hold on every Document Service path: registered before anything runs. */
export const registerWorkflow = (strapi: Core.Strapi): void => {
  strapi.documents.use(appendOnlyAudit);
  strapi.documents.use(releaseGate(strapi));
  strapi.documents.use(editWatch(strapi));
};

/** Seeds the review chains and terminology rules, and opens the workflow's admin API and webhook events. */
export const bootstrapWorkflow = async (strapi: Core.Strapi): Promise<void> => {
  registerWorkflowEvents(strapi);
  registerWorkflowAdminRoutes(strapi);
  await ensureReviewChains(strapi);
  await ensureStarterRules(strapi);
};
