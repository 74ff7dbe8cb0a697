import crypto from 'crypto';
import { LRUCache } from 'lru-cache';
import stringify from 'safe-stable-stringify';
import type { Core } from '@strapi/strapi';
import { liveContentCache } from '../kernel/live-content-version';
import type { DocumentMiddleware } from '../documents/document-middlewares';
import { requestChannel } from './content-api-scope';

/**
 * What a count does not depend on: Strapi's list service hands count the page, order and
 * populate of the list it counts for. Left out of the key, every page of one list shares its total.
 */
const NOT_COUNTED = new Set([
  'start',
  'limit',
  'page',
  'pageSize',
  'pagination',
  'sort',
  'populate',
  'fields',
]);
const countedQuery = (params: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(params).filter(([name]) => !NOT_COUNTED.has(name)));

/**
 * The total a Content API list carries (`meta.pagination.total`) is a count over every matching
 * published row: it grows with the archive while the page itself does not. Published rows
 * change only through the release path, which moves the live-content version, so a count is
 * kept per query until that version moves. Registered inside the read scope: the key is the
 * query as scoped (channel, status and all), so no reader is ever counted another's rows.
 */
export const cachedPublicCounts = (strapi: Core.Strapi): DocumentMiddleware => {
  const counted = liveContentCache<unknown>(
    new LRUCache<string, { version: string; value: unknown }>({ max: 2000 }),
  );
  return async ({ uid, action, params }, next) => {
    if (
      action !== 'count' ||
      params.status !== 'published' ||
      requestChannel(strapi.requestContext.get()?.state) === null
    )
      return next();
    // Hashed: a query's filters can be long (a GraphQL body up to 1 MB), and 2,000 of them are kept.
    return counted(
      strapi,
      crypto
        .createHash('sha256')
        .update(`${uid}|${stringify(countedQuery(params))}`)
        .digest('base64url'),
      next,
    );
  };
};
