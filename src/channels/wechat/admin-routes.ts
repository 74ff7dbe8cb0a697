import type { Core } from '@strapi/strapi';
import { adminRoute } from '../../access/admin-route';

/** Preview and push of articles to the WeChat Official Account, under /wechat (admin users). */
export const WECHAT_ADMIN_ROUTES = {
  type: 'admin',
  prefix: '/wechat',
  routes: [
    adminRoute('GET', '/articles/:documentId/preview', 'api::wechat.wechat.preview'),
    adminRoute('POST', '/articles/:documentId/push', 'api::wechat.wechat.push'),
    adminRoute('POST', '/articles/:documentId/status', 'api::wechat.wechat.status'),
  ],
};

export const registerWechatAdminRoutes = (strapi: Core.Strapi): void => {
  strapi.server.routes(WECHAT_ADMIN_ROUTES as never);
};
