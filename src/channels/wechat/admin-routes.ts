import type { AdminRoutes } from '../../access/admin-route';

/** Preview and push of articles to the WeChat Official Account, under /wechat (admin users). */
export const WECHAT_ADMIN_ROUTES: AdminRoutes = {
  prefix: '/wechat',
  controller: 'api::wechat.wechat',
  routes: [
    ['GET', '/setup', 'setup'],
    ['GET', '/articles/:documentId/preview', 'preview'],
    ['POST', '/articles/:documentId/push', 'push'],
    ['POST', '/articles/:documentId/status', 'status'],
  ],
};
