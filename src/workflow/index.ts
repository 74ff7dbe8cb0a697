import type { Core } from '@strapi/strapi';
import { WORKFLOW_UID } from '../constants';
import { registerAdminRoutes } from '../access/admin-route';
import { WORKFLOW_ADMIN_ROUTES } from './admin-routes';
import { ensureReviewChains } from './review-chain';
import { ensureStarterRules } from './terminology';
import { registerWorkflowEvents } from './webhook-events';

/** Editorial data never appears in the public GraphQL schema (REST has no routes for it). */
export const hideWorkflowFromGraphql = (strapi: Core.Strapi): void => {
  const extension = strapi.plugin('graphql')?.service('extension');
  for (const uid of Object.values(WORKFLOW_UID)) extension?.shadowCRUD(uid).disable();
};

/** Seeds the review chains and terminology rules, and opens the workflow's admin API and webhook events. */
export const bootstrapWorkflow = async (strapi: Core.Strapi): Promise<void> => {
  registerWorkflowEvents(strapi);
  registerAdminRoutes(strapi, WORKFLOW_ADMIN_ROUTES);
  await ensureReviewChains(strapi);
  await ensureStarterRules(strapi);
};
