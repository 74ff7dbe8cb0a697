import Redis from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Allowance } from './too-many-requests';

export type RateLimitConfig = {
  enabled: boolean;
  redisUrl: string;
  redisPrefix: string;
  readsPerMinute: number;
  tokenReadsPerMinute: number;
  actionsPerMinute: number;
  staffWritesPerMinute: number;
  adminReadsPerMinute: number;
  downloadsPerMinute: number;
  receiptsPerMinute: number;
  credentialFailures: number;
  credentialFailureWindowSeconds: number;
  loginAttempts: number;
  loginAttemptsPerAddress: number;
  loginWindowSeconds: number;
  streamsPerToken: number;
  streamsTotal: number;
  streamIdleSeconds: number;
};

/** The counted limits: points per window of seconds. */
export type Bucket =
  | 'reads'
  | 'tokenReads'
  | 'actions'
  | 'adminReads'
  | 'downloads'
  | 'staffWrites'
  | 'receipts'
  | 'credentialFailures'
  | 'logins'
  | 'loginsPerAddress';

const windows = (config: RateLimitConfig): Record<Bucket, Allowance> => ({
  reads: { points: config.readsPerMinute, seconds: 60 },
  tokenReads: { points: config.tokenReadsPerMinute, seconds: 60 },
  actions: { points: config.actionsPerMinute, seconds: 60 },
  adminReads: { points: config.adminReadsPerMinute, seconds: 60 },
  downloads: { points: config.downloadsPerMinute, seconds: 60 },
  staffWrites: { points: config.staffWritesPerMinute, seconds: 60 },
  receipts: { points: config.receiptsPerMinute, seconds: 60 },
  credentialFailures: {
    points: config.credentialFailures,
    seconds: config.credentialFailureWindowSeconds,
  },
  logins: { points: config.loginAttempts, seconds: config.loginWindowSeconds },
  loginsPerAddress: { points: config.loginAttemptsPerAddress, seconds: config.loginWindowSeconds },
});

/** A refusal: how long until the key may try again, and the allowance it spent. */
export type Refusal = { retryAfterMs: number; allowance: Allowance };

export type Limiters = {
  /** Counts one request against `key`; a refusal when the window's points are spent. */
  consume(bucket: Bucket, key: string): Promise<Refusal | null>;
  /** Whether `key` has spent its points, without counting anything. */
  exhausted(bucket: Bucket, key: string): Promise<Refusal | null>;
  /** Forgets `key` (a successful sign-in clears its failed attempts). */
  forget(bucket: Bucket, key: string): Promise<void>;
  close(): void;
};

/**
 * The counters, in Redis with REDIS_URL (shared by every instance), with a counter in memory
 * standing in while Redis is away: limits then hold per instance instead of failing open or shut.
 */
export const createLimiters = (
  config: RateLimitConfig,
  onRedisError: (error: Error) => void,
): Limiters => {
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, {
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        commandTimeout: 250,
      })
    : null;
  redis?.on('error', onRedisError);
  const allowances = windows(config);
  const limiters = Object.fromEntries(
    Object.entries(allowances).map(([bucket, { points, seconds }]) => {
      const window = { points, duration: seconds };
      const memory = new RateLimiterMemory({ ...window, keyPrefix: bucket });
      const limiter: RateLimiterAbstract = redis
        ? new RateLimiterRedis({
            ...window,
            storeClient: redis,
            keyPrefix: `${config.redisPrefix}:${bucket}`,
            insuranceLimiter: memory,
            rejectIfRedisNotReady: true,
          })
        : memory;
      return [bucket, limiter];
    }),
  ) as Record<Bucket, RateLimiterAbstract>;

  return {
    async consume(bucket, key) {
      try {
        await limiters[bucket].consume(key);
        return null;
      } catch (outcome) {
        if (outcome instanceof RateLimiterRes)
          return { retryAfterMs: outcome.msBeforeNext, allowance: allowances[bucket] };
        throw outcome;
      }
    },
    async exhausted(bucket, key) {
      const state = await limiters[bucket].get(key);
      return state !== null && state.remainingPoints <= 0
        ? { retryAfterMs: state.msBeforeNext, allowance: allowances[bucket] }
        : null;
    },
    async forget(bucket, key) {
      await limiters[bucket].delete(key);
    },
    close: () => redis?.disconnect(),
  };
};
