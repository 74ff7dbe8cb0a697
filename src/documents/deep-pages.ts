import { LRUCache } from 'lru-cache';
import stringify from 'safe-stable-stringify';
import type { Core } from '@strapi/strapi';
import { liveContentCache } from '../channels/live-content-cache';
import { PUBLISHABLE_UIDS } from '../constants';

/** From this offset on a page is read in two steps; above it the one query costs little either way. */
export const DEEP_OFFSET = 100;

/** Larger pages (or none: every row from the offset on) keep the one query: their ids would make too long a list. */
const MAX_PAGE = 1000;

/** Lists longer than this are not kept: their pages step over the index as before. */
const MAX_LISTED = 250_000;

/** Memory for the kept lists of ids (8 bytes an id: 100,000 articles take 800 KB a list). */
const LISTS_BYTES = 16 * 1024 * 1024;

/** The id queries this module runs: not rewritten again. */
const idQueries = new WeakSet<object>();

type FindManyParams = { where?: unknown; orderBy?: unknown; _q?: unknown; filters?: unknown; offset?: unknown; limit?: unknown; groupBy?: unknown };

type FilterFunction = (context: { meta: unknown; uid: string; db: unknown }) => unknown;

/**
 * The conditions `filters` adds to the query itself: Strapi's status filter is a function of the
 * model (it applies to populated relations too). Undefined when they cannot be known.
 */
const rootFilters = (strapi: Core.Strapi, uid: string, filters: unknown): unknown => {
  if (typeof filters !== 'function') return filters ?? null;
  try {
    return (filters as FilterFunction)({ meta: strapi.db.metadata.get(uid), uid, db: strapi.db }) ?? null;
  } catch {
    return undefined;
  }
};

const LIVE_ROWS = stringify({ $notNull: true });

/** Rows the query finds change only when the live-content version moves: it asks for published rows. */
const readsLiveRowsOnly = (where: unknown, filters: unknown): boolean =>
  [where, filters].some((conditions) => conditions !== null && typeof conditions === 'object' && stringify((conditions as Record<string, unknown>).publishedAt) === LIVE_ROWS);

/**
 * A page deep in a list (`offset` in the hundreds or thousands), asked the way Strapi builds it,
 * has PostgreSQL read every skipped row whole from the table before the offset drops it: with
 * 10,000 articles a newest-first page near the end took most of a second. Asked in two steps it
 * costs the same at any depth: the ids of the page, with the same conditions and order, which
 * the read indexes answer alone; then those rows, in that order. Every findMany of a publishable
 * type passes here (Content API, GraphQL, admin lists), on both databases: SQLite skips rows
 * without reading them for the orders the indexes hold, and sorts only ids for the others.
 *
 * Stepping over the index still grows with the offset on PostgreSQL (50,000 entries: 13 ms,
 * SQLite 2.4 ms). So there, from the second deep page of a list of live rows on, the ids of all
 * its pages are kept in their order, read once (from the same index) until the live-content
 * version moves: a deep page is then a slice. (Not from the first: a made-up filter each time
 * would have every request read a whole list.)
 */
export const readDeepPagesInTwoSteps = (strapi: Core.Strapi): void => {
  const listedIds = liveContentCache<Float64Array | null>(
    new LRUCache<string, { version: string; value: Float64Array | null }>({ maxSize: LISTS_BYTES, sizeCalculation: ({ value }) => Math.max(1, value?.byteLength ?? 0) })
  );
  const keepsLists = strapi.db.dialect.client === 'postgres';
  const askedBefore = new LRUCache<string, true>({ max: 2000 });

  strapi.db.lifecycles.subscribe({
    models: [...PUBLISHABLE_UIDS],
    async beforeFindMany(event) {
      const params = event.params as FindManyParams | undefined;
      if (!params || idQueries.has(params) || params.groupBy !== undefined) return;
      const { offset, limit } = params;
      if (typeof offset !== 'number' || offset < DEEP_OFFSET || typeof limit !== 'number' || limit > MAX_PAGE) return;
      const query = strapi.db.query(event.model.uid as (typeof PUBLISHABLE_UIDS)[number]);
      const idQuery = { ...params, select: ['id'], populate: undefined };
      const idsOf = async (ask: object): Promise<number[]> => {
        idQueries.add(ask);
        return ((await query.findMany(ask)) as Array<{ id: number }>).map(({ id }) => id);
      };

      let page: number[] | null = null;
      const filters = keepsLists ? rootFilters(strapi, event.model.uid, params.filters) : undefined;
      if (filters !== undefined && readsLiveRowsOnly(params.where, filters)) {
        const key = `${event.model.uid}|${stringify({ where: params.where, filters, orderBy: params.orderBy, _q: params._q })}`;
        if (askedBefore.has(key)) {
          const listed = await listedIds(strapi, key, async () => {
            const ids = await idsOf({ ...idQuery, offset: undefined, limit: MAX_LISTED + 1 });
            return ids.length > MAX_LISTED ? null : Float64Array.from(ids);
          });
          if (listed) page = Array.from(listed.subarray(offset, offset + limit));
        } else askedBefore.set(key, true);
      }
      page ??= await idsOf(idQuery);
      // The same rows by id (conditions and search already applied), in the same order.
      params.where = { id: { $in: page } };
      delete params._q;
      delete params.offset;
    },
  });
};
