import type { PublishingChannel } from '../channel';
import { WECHAT_ADMIN_ROUTES } from './admin-routes';
import { autoPushReleased, stopWechat } from './index';

/** The WeChat Official Account: pushed by a reviewer, or on release with WECHAT_AUTO_PUSH. */
export const wechatChannel: PublishingChannel = {
  name: 'wechat',
  flag: 'targetsWechat',
  label: { zh: '微信', en: 'WeChat' },
  fieldLabel: '微信公众号',
  previewView: 'wechat',
  auditActions: ['wechat_draft', 'wechat_submit', 'wechat_status', 'wechat_error'],
  pointEvents: ['wechat'],
  adminRoutes: WECHAT_ADMIN_ROUTES,
  afterRelease: async (strapi, release) => autoPushReleased(strapi, release),
  stop: stopWechat,
};
