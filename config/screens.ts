import type { Core } from '@strapi/strapi';

// Display screens (大屏): who may read the feed and stream, and how live updates travel.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Bearer tokens (or ?token=) the screens present; comma-separated. Empty and not public: no access.
  tokens: env.array('SCREEN_TOKENS', []),
  // true serves the feed and stream without a token (screens on a closed network).
  public: env.bool('SCREEN_FEED_PUBLIC', false),
  heartbeatSeconds: env.int('SCREEN_HEARTBEAT_SECONDS', 15),
  // Wall clock of the screens, for "published this month".
  timeZone: env('SCREEN_TIME_ZONE', 'Asia/Shanghai'),
  // With several CMS instances, screens hear every instance's publishes through Redis pub/sub.
  redisUrl: env('REDIS_URL', ''),
  redisPrefix: env('REDIS_PREFIX', 'brand-cms:screen'),
});
