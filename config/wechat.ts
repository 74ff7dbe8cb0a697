import type { Core } from '@strapi/strapi';

// The WeChat Official Account (公众号) the CMS pushes articles to.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Tests and staging point this at a fake; production uses WeChat's own host.
  apiBaseUrl: env('WECHAT_API_BASE_URL', 'https://api.weixin.qq.com'),
  appId: env('WECHAT_APP_ID', ''),
  appSecret: env('WECHAT_APP_SECRET', ''),
  // The account's name as readers see it under each article (the admin's phone preview shows it).
  accountName: env('WECHAT_ACCOUNT_NAME', '党建动车组'),
  // When an article targeted at WeChat is published (by a reviewer or the scheduler):
  // off (push by hand), draft (push to the draft box), submit (push and publish).
  autoPush: env('WECHAT_AUTO_PUSH', 'off'),
  // Origins (scheme://host[:port]) of a remote upload provider whose files a push may fetch;
  // local uploads need none. Body images from anywhere else are refused (no server-side fetches
  // of editor-written URLs).
  mediaOrigins: env.array('MEDIA_ORIGINS', []).map((origin: string) => origin.replace(/\/+$/, '')),
});
