import type { Core } from '@strapi/strapi';
import { wrapRequestListener } from '../http/request-listener';
import { followLiveContent } from '../kernel/live-content-version';
import { cacheFront } from './cache-front';
import { invalidateOnSettingsChanges } from './invalidation';
import type { ChannelFeed } from './reader-scope';
import { createResponseCache, responseCacheOf } from './response-cache';

/**
 * Before anything runs: the cache exists (its middleware is built from it), answers the
 * channels' own `feeds` for their readers, follows the live-content version (its own version
 * moves with it) and hears changes. Those move the live-content version whether or not the cache
 * is on: list totals and the Public role's permissions are kept per version too.
 */
export const registerResponseCache = (strapi: Core.Strapi, feeds: readonly ChannelFeed[]): void => {
  const cache = createResponseCache(strapi, feeds);
  if (cache !== null)
    followLiveContent(strapi, { moved: () => cache.invalidate(), settled: () => cache.settled() });
  invalidateOnSettingsChanges(strapi);
};

/** Hits are answered in front of Strapi's request listener, before its middleware chain. */
export const serveCachedReads = (strapi: Core.Strapi): void => {
  const cache = responseCacheOf(strapi);
  if (cache === null) return;
  wrapRequestListener(strapi.server.httpServer, (chain) => cacheFront(strapi, cache, chain));
};

export const stopResponseCache = async (strapi: Core.Strapi): Promise<void> => {
  await responseCacheOf(strapi)?.close();
};
