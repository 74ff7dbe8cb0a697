import type { Core } from '@strapi/strapi';
import { fillResponseCache, type MissContext } from '../response-cache/cache-fill';
import { responseCacheOf } from '../response-cache/response-cache';

/** The miss side of the response cache (src/response-cache); a pass-through when it is off. */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const cache = responseCacheOf(strapi);
  return cache
    ? fillResponseCache(cache)
    : async (_ctx: MissContext, next: () => Promise<void>) => next();
};
