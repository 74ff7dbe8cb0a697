import { BUILT_IN_FLAGS } from '../../kernel/channel-flags';
import type { PublishingChannel } from '../channel';
import { wechatPreview } from './preview-view';
import { WECHAT_ADMIN_ROUTES } from './admin-routes';
import { autoPushReleased, stopWechat } from './index';

/** The WeChat Official Account: pushed by a reviewer, or on release with WECHAT_AUTO_PUSH. */
export const wechatChannel: PublishingChannel = {
  name: 'wechat',
  flag: BUILT_IN_FLAGS.wechat,
  label: { zh: '微信', en: 'WeChat' },
  fieldLabel: '微信公众号',
  preview: wechatPreview,
  auditActions: ['wechat_draft', 'wechat_submit', 'wechat_status', 'wechat_error'],
  pointEvents: ['wechat'],
  adminRoutes: WECHAT_ADMIN_ROUTES,
  afterRelease: async (strapi, release) => autoPushReleased(strapi, release),
  stop: stopWechat,
};
