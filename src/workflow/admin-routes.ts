import type { AdminRoutes } from '../access/admin-route';

/** The workflow's admin API, under /workflow; there is deliberately no Content API route to it. */
export const WORKFLOW_ADMIN_ROUTES: AdminRoutes = {
  prefix: '/workflow',
  controller: 'api::workflow.review',
  routes: [
    ['GET', '/settings', 'settings'],
    ['GET', '/queue', 'queue'],
    ['GET', '/waiting', 'waiting'],
    ['GET', '/mine', 'mine'],
    ['POST', '/publish-check', 'publishCheck'],
    ['POST', '/bulk/submit', 'bulkSubmit'],
    ['PUT', '/bulk/schedule', 'bulkSchedule'],
    ['POST', '/bulk/approve', 'bulkApprove'],
    ['POST', '/bulk/request-changes', 'bulkRequestChanges'],
    ['GET', '/calendar', 'calendar'],
    ['GET', '/documents/:uid/:documentId', 'status'],
    ['GET', '/documents/:uid/:documentId/history', 'history'],
    ['GET', '/documents/:uid/:documentId/diff', 'diff'],
    ['POST', '/documents/:uid/:documentId/submit', 'submit'],
    ['POST', '/documents/:uid/:documentId/approve', 'approve'],
    ['POST', '/documents/:uid/:documentId/withdraw-approval', 'withdrawApproval'],
    ['POST', '/documents/:uid/:documentId/request-changes', 'requestChanges'],
    ['PUT', '/documents/:uid/:documentId/schedule', 'schedule'],
  ],
};
