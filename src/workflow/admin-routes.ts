import type { Core } from '@strapi/strapi';

const adminOnly = { policies: ['admin::isAuthenticatedAdmin'] };
const route = (method: string, path: string, action: string) => ({ method, path, handler: `api::workflow.review.${action}`, config: adminOnly, info: { apiName: 'workflow' } });

/**
 * The workflow's admin API, under /workflow and signed in as an admin user. Routes under
 * src/api are always Content API routes in Strapi 5, so these are registered as admin routes
 * here; there is deliberately no Content API route to review states or the audit trail.
 */
export const WORKFLOW_ADMIN_ROUTES = {
  type: 'admin',
  prefix: '/workflow',
  routes: [
    route('GET', '/queue', 'queue'),
    route('GET', '/documents/:uid/:documentId', 'status'),
    route('GET', '/documents/:uid/:documentId/history', 'history'),
    route('GET', '/documents/:uid/:documentId/diff', 'diff'),
    route('POST', '/documents/:uid/:documentId/submit', 'submit'),
    route('POST', '/documents/:uid/:documentId/approve', 'approve'),
    route('POST', '/documents/:uid/:documentId/request-changes', 'requestChanges'),
    route('PUT', '/documents/:uid/:documentId/schedule', 'schedule'),
  ],
};

export const registerWorkflowAdminRoutes = (strapi: Core.Strapi): void => {
  strapi.server.routes(WORKFLOW_ADMIN_ROUTES as never);
};
