import type { IncomingMessage } from 'http';
import type { Core } from '@strapi/strapi';
import Redis from 'ioredis';
import { allowedCorsOrigin } from '../access/cors-origin';
import { inFlightWork } from '../lifecycle/in-flight';
import { memoryLiveVersion, redisLiveVersion, type LiveVersion } from './live-version';
import { readerScopes, type ChannelFeed, type ReaderScopes } from './reader-scope';
import type { ReaderScope } from './request-key';
import { memoryResponseStore, tieredResponseStore, type ResponseStore } from './response-store';

export type ResponseCacheConfig = {
  enabled: boolean;
  maxBytes: number;
  maxAgeSeconds: number;
  staleWhileRevalidateSeconds: number;
  redisUrl: string;
  redisPrefix: string;
  ttlSeconds: number;
  redisTimeoutMs: number;
};

/** What the front learned of a request it could not answer, for the miss to store its answer. */
export type PendingRead = {
  key: string;
  version: string;
  scope: ReaderScope;
  method: 'GET' | 'POST';
};

export type ResponseCache = {
  config: ResponseCacheConfig;
  scopes: ReaderScopes;
  /** The Origin a request's answer is kept under: its own when CORS answers it, else none (see request-key.ts). */
  corsOriginOf(origin: string | undefined): string;
  behindProxy(): boolean;
  store: ResponseStore;
  version: LiveVersion;
  pending: WeakMap<IncomingMessage, PendingRead>;
  /** POST /graphql bodies the front has read: the chain gets them instead of the spent stream. */
  readBodies: WeakMap<IncomingMessage, string>;
  /** Moves the version once what changed is committed; `settled` waits for moves under way. */
  invalidate(): void;
  settled(): Promise<void>;
  close(): Promise<void>;
};

const caches = new WeakMap<Core.Strapi, ResponseCache>();
const moves = inFlightWork('response cache not invalidated');

/** The response cache of this server, or null when RESPONSE_CACHE_ENABLED=false. */
export const responseCacheOf = (strapi: Core.Strapi): ResponseCache | null =>
  caches.get(strapi) ?? null;

export const createResponseCache = (
  strapi: Core.Strapi,
  feeds: readonly ChannelFeed[],
): ResponseCache | null => {
  const config = strapi.config.get<ResponseCacheConfig>('response-cache');
  if (!config.enabled) return null;
  const apiPrefix = strapi.config.get<string | undefined>('api.rest.prefix') ?? '/api';
  const memory = memoryResponseStore(config.maxBytes, config.ttlSeconds);
  // Fail fast when Redis is away or slow: a reader then gets a miss, not a wait.
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, {
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        enableAutoPipelining: true,
        commandTimeout: config.redisTimeoutMs,
      })
    : null;
  redis?.on('error', (error: Error) => strapi.log.warn(`response cache: Redis: ${error.message}`));
  const shared = redis
    ? redisLiveVersion(redis, `${config.redisPrefix}:live-version`, () => memory.clear())
    : null;
  const version: LiveVersion = shared ?? memoryLiveVersion();
  const store = redis
    ? tieredResponseStore(memory, redis, {
        prefix: config.redisPrefix,
        ttlSeconds: config.ttlSeconds,
      })
    : memory;
  const cache: ResponseCache = {
    config,
    scopes: readerScopes(strapi, apiPrefix, feeds),
    corsOriginOf: allowedCorsOrigin(strapi),
    behindProxy: () => strapi.server.app.proxy === true,
    store,
    version,
    pending: new WeakMap(),
    readBodies: new WeakMap(),
    invalidate: () => moves.start(strapi, () => version.move()),
    settled: () => moves.drain(strapi),
    close: async () => {
      await moves.drain(strapi);
      shared?.close();
      redis?.disconnect();
    },
  };
  caches.set(strapi, cache);
  return cache;
};
