import type { Core } from '@strapi/strapi';

// The response cache in front of every public read (see docs/response-cache.md).
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  enabled: env.bool('RESPONSE_CACHE_ENABLED', true),
  // Memory of this instance's tier, in bytes of stored responses (keys and headers included).
  maxBytes: env.int('RESPONSE_CACHE_MAX_MB', 64) * 1024 * 1024,
  // What a CDN or browser may reuse without asking (seconds), and serve stale while it asks.
  maxAgeSeconds: env.int('RESPONSE_CACHE_MAX_AGE', 10),
  staleWhileRevalidateSeconds: env.int('RESPONSE_CACHE_STALE_WHILE_REVALIDATE', 30),
  // With REDIS_URL every instance shares the live-content version and the stored responses.
  redisUrl: env('REDIS_URL', ''),
  redisPrefix: env('RESPONSE_CACHE_REDIS_PREFIX', 'brand-cms:responses'),
  // How long a response is kept at most, in either tier: bounds what depends on the clock alone
  // (the screens' "this month"), and Redis's memory (an old version's entries are never read again).
  ttlSeconds: env.int('RESPONSE_CACHE_TTL', 300),
  // A Redis command slower than this is a miss, not a wait.
  redisTimeoutMs: env.int('RESPONSE_CACHE_REDIS_TIMEOUT_MS', 250),
});
