import type { Core } from '@strapi/strapi';
import { UID } from '../../constants';
import type { DocumentRef } from '../../documents/document-rows';
import { inFlightWork } from '../../lifecycle/in-flight';
import { WORKFLOW_EVENTS } from '../../workflow/webhook-events';
import { liveTargets } from '../channel-targeting';
import { registerAdminRoutes } from '../../access/admin-route';
import { WECHAT_ADMIN_ROUTES } from './admin-routes';
import { WechatChannelError, WechatClient } from './wechat-client';
import { pushToWechat } from './wechat-push';

const clients = new WeakMap<Core.Strapi, WechatClient>();
const pushes = inFlightWork('WeChat auto-push failed');

/** Whether an App ID and secret are set: without them nothing can be pushed. */
export const wechatConfigured = (strapi: Core.Strapi): boolean =>
  Boolean(strapi.config.get('wechat.appId')) && Boolean(strapi.config.get('wechat.appSecret'));

/** One client per server, so its access token is fetched once and shared. */
export const wechatClientOf = (strapi: Core.Strapi): WechatClient => {
  const existing = clients.get(strapi);
  if (existing) return existing;
  const appId = strapi.config.get('wechat.appId') as string;
  const appSecret = strapi.config.get('wechat.appSecret') as string;
  if (!appId || !appSecret)
    throw new WechatChannelError(
      '未配置微信公众号 / WeChat is not configured: set WECHAT_APP_ID and WECHAT_APP_SECRET',
      503,
    );
  const client = new WechatClient({
    baseUrl: strapi.config.get('wechat.apiBaseUrl') as string,
    appId,
    appSecret,
  });
  clients.set(strapi, client);
  return client;
};

/**
 * Opens the admin API (preview, push, status). With WECHAT_AUTO_PUSH=draft|submit, an article
 * targeted at WeChat goes to the Official Account as soon as it is published, by a reviewer or
 * by the scheduler. Failures are on its audit trail.
 */
export const startWechat = (strapi: Core.Strapi): void => {
  registerAdminRoutes(strapi, WECHAT_ADMIN_ROUTES);
  const mode = strapi.config.get('wechat.autoPush') as string;
  if (mode !== 'draft' && mode !== 'submit') return;
  strapi.eventHub.on(WORKFLOW_EVENTS.publish, async (notice: DocumentRef) => {
    if (notice.uid !== UID.article) return;
    pushes.start(strapi, async () => {
      if ((await liveTargets(strapi, notice))?.wechat !== true) return;
      await pushToWechat(strapi, wechatClientOf(strapi), notice, {
        submit: mode === 'submit',
        actor: { type: 'system', name: 'wechat auto-push' },
      });
    });
  });
};

/** A shutdown lets pushes in progress finish. */
export const stopWechat = (strapi: Core.Strapi): Promise<void> => pushes.drain(strapi);
