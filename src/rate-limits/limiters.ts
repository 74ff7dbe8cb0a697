import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export type RateLimitConfig = {
  enabled: boolean;
  redisUrl: string;
  redisPrefix: string;
  readsPerMinute: number;
  tokenReadsPerMinute: number;
  actionsPerMinute: number;
  staffWritesPerMinute: number;
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
export type Bucket = 'reads' | 'tokenReads' | 'actions' | 'staffWrites' | 'credentialFailures' | 'logins' | 'loginsPerAddress';

const windows = (config: RateLimitConfig): Record<Bucket, { points: number; duration: number }> => ({
  reads: { points: config.readsPerMinute, duration: 60 },
  tokenReads: { points: config.tokenReadsPerMinute, duration: 60 },
  actions: { points: config.actionsPerMinute, duration: 60 },
  staffWrites: { points: config.staffWritesPerMinute, duration: 60 },
  credentialFailures: { points: config.credentialFailures, duration: config.credentialFailureWindowSeconds },
  logins: { points: config.loginAttempts, duration: config.loginWindowSeconds },
  loginsPerAddress: { points: config.loginAttemptsPerAddress, duration: config.loginWindowSeconds },
});

/** A refusal: how long until the key may try again. */
export type Refusal = { retryAfterMs: number };

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
export const createLimiters = (config: RateLimitConfig, onRedisError: (error: Error) => void): Limiters => {
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 250 }) : null;
  redis?.on('error', onRedisError);
  const limiters = Object.fromEntries(
    Object.entries(windows(config)).map(([bucket, window]) => {
      const memory = new RateLimiterMemory({ ...window, keyPrefix: bucket });
      const limiter: RateLimiterAbstract = redis
        ? new RateLimiterRedis({ ...window, storeClient: redis, keyPrefix: `${config.redisPrefix}:${bucket}`, insuranceLimiter: memory, rejectIfRedisNotReady: true })
        : memory;
      return [bucket, limiter];
    })
  ) as Record<Bucket, RateLimiterAbstract>;

  return {
    async consume(bucket, key) {
      try {
        await limiters[bucket].consume(key);
        return null;
      } catch (outcome) {
        if (outcome instanceof RateLimiterRes) return { retryAfterMs: outcome.msBeforeNext };
        throw outcome;
      }
    },
    async exhausted(bucket, key) {
      const state = await limiters[bucket].get(key);
      return state !== null && state.remainingPoints <= 0 ? { retryAfterMs: state.msBeforeNext } : null;
    },
    async forget(bucket, key) {
      await limiters[bucket].delete(key);
    },
    close: () => redis?.disconnect(),
  };
};
