import type { Core } from '@strapi/strapi';
import { adminRoute } from '../access/admin-route';

const review = (method: 'GET' | 'POST' | 'PUT', path: string, action: string) => adminRoute(method, path, `api::workflow.review.${action}`);

/** The workflow's admin API, under /workflow; there is deliberately no Content API route to it. */
export const WORKFLOW_ADMIN_ROUTES = {
  type: 'admin',
  prefix: '/workflow',
  routes: [
    review('GET', '/queue', 'queue'),
    review('GET', '/documents/:uid/:documentId', 'status'),
    review('GET', '/documents/:uid/:documentId/history', 'history'),
    review('GET', '/documents/:uid/:documentId/diff', 'diff'),
    review('POST', '/documents/:uid/:documentId/submit', 'submit'),
    review('POST', '/documents/:uid/:documentId/approve', 'approve'),
    review('POST', '/documents/:uid/:documentId/request-changes', 'requestChanges'),
    review('PUT', '/documents/:uid/:documentId/schedule', 'schedule'),
  ],
};

export const registerWorkflowAdminRoutes = (strapi: Core.Strapi): void => {
  strapi.server.routes(WORKFLOW_ADMIN_ROUTES as never);
};
