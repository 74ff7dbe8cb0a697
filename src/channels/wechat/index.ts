import type { Core } from '@strapi/strapi';
import { UID } from '../../constants';
import type { DocumentRef } from '../../documents/document-rows';
import { inFlightWork } from '../../lifecycle/in-flight';
import { liveTargets } from '../channel-targeting';
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
  const appId = strapi.config.get<string>('wechat.appId');
  const appSecret = strapi.config.get<string>('wechat.appSecret');
  if (!appId || !appSecret)
    throw new WechatChannelError(
      '未配置微信公众号 / WeChat is not configured: set WECHAT_APP_ID and WECHAT_APP_SECRET',
      503,
    );
  const client = new WechatClient({
    baseUrl: strapi.config.get<string>('wechat.apiBaseUrl'),
    appId,
    appSecret,
  });
  clients.set(strapi, client);
  return client;
};

/**
 * With WECHAT_AUTO_PUSH=draft|submit, an article targeted at WeChat goes to the Official Account
 * as soon as it is released, by a reviewer or by the scheduler. Failures are on its audit trail.
 */
export const autoPushReleased = (
  strapi: Core.Strapi,
  { uid, documentId, locales }: Omit<DocumentRef, 'locale'> & { locales: readonly string[] },
): void => {
  const mode = strapi.config.get<string>('wechat.autoPush');
  if ((mode !== 'draft' && mode !== 'submit') || uid !== UID.article) return;
  for (const locale of locales) {
    const notice = { uid, documentId, locale };
    pushes.start(strapi, async () => {
      if ((await liveTargets(strapi, notice))?.wechat !== true) return;
      await pushToWechat(strapi, wechatClientOf(strapi), notice, {
        submit: mode === 'submit',
        actor: { type: 'system', name: 'wechat auto-push' },
      });
    });
  }
};

/** A shutdown lets pushes in progress finish. */
export const stopWechat = (strapi: Core.Strapi): Promise<void> => pushes.drain(strapi);
