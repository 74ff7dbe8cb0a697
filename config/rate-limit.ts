import type { Core } from '@strapi/strapi';

// Request rate limits and stream caps (see docs/operations.md, "Rate limits"). Counts live in
// Redis with REDIS_URL, so every instance shares them; in memory otherwise (and while Redis is away).
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  enabled: env.bool('RATE_LIMIT_ENABLED', true),
  redisUrl: env('REDIS_URL', ''),
  redisPrefix: env('RATE_LIMIT_REDIS_PREFIX', 'brand-cms:rate'),
  // Public reads (REST, GraphQL, feeds, sitemap, screen feed; cache hits included), per client
  // address, and per API token for callers that present one (partner sites behind one address).
  readsPerMinute: env.int('RATE_LIMIT_READS_PER_MINUTE', 600),
  tokenReadsPerMinute: env.int('RATE_LIMIT_TOKEN_READS_PER_MINUTE', 3000),
  // Everything that is not a read: saves, uploads, review actions, staff submissions, per address.
  actionsPerMinute: env.int('RATE_LIMIT_ACTIONS_PER_MINUTE', 300),
  // Participation writes (contributions and their edits) per staff member, wherever they send from.
  staffWritesPerMinute: env.int('RATE_LIMIT_STAFF_WRITES_PER_MINUTE', 10),
  // Reads of the admin API (content manager, media library, review queue, …) per admin user
  // (per address for a session that does not verify); the panel's own files are not counted.
  adminReadsPerMinute: env.int('RATE_LIMIT_ADMIN_READS_PER_MINUTE', 600),
  // Files under /uploads per address: 50 display screens behind one office address load about
  // 1,250 a minute at most (tests/rate-limits.test.ts counts what the display page loads).
  downloadsPerMinute: env.int('RATE_LIMIT_DOWNLOADS_PER_MINUTE', 3000),
  // Look-ups and ratings of anonymous opinions by receipt code (no sign-in), per address.
  receiptsPerMinute: env.int('RATE_LIMIT_RECEIPTS_PER_MINUTE', 10),
  // Requests refused (401/403) with a token nobody issued, an expired or a malformed one, before
  // an address is locked out of every request that presents a token, for the rest of the window.
  // A valid token's refusals (a staff member asking what they may not) never count.
  credentialFailures: env.int('RATE_LIMIT_CREDENTIAL_FAILURES', 20),
  credentialFailureWindowSeconds: env.int('RATE_LIMIT_CREDENTIAL_FAILURE_WINDOW', 600),
  // Sign-in attempts (admin panel and staff), per account and address, and per address alone.
  loginAttempts: env.int('RATE_LIMIT_LOGIN_ATTEMPTS', 5),
  loginAttemptsPerAddress: env.int('RATE_LIMIT_LOGIN_ATTEMPTS_PER_ADDRESS', 30),
  loginWindowSeconds: env.int('RATE_LIMIT_LOGIN_WINDOW', 300),
  // Concurrent screen event streams (per instance): per token (or per address without one; many
  // screens may share a token) and in all. At a cap, the stream idle longest (nothing but
  // heartbeats for streamIdleSeconds) makes room; without one the new stream gets a 429.
  streamsPerToken: env.int('RATE_LIMIT_STREAMS_PER_TOKEN', 50),
  streamsTotal: env.int('RATE_LIMIT_STREAMS_TOTAL', 500),
  streamIdleSeconds: env.int('RATE_LIMIT_STREAM_IDLE_SECONDS', 600),
});
