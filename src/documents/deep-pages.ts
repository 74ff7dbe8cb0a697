import { LRUCache } from 'lru-cache';
import stringify from 'safe-stable-stringify';
import type { Core } from '@strapi/strapi';
import { CHANNEL_FLAG_FIELDS } from '../channels/channel-targeting';
import { liveContentCache, publishedContentVersion } from '../channels/live-content-cache';
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
 * The conditions `filters` adds to the query itself (a function of the model, as Strapi builds
 * it, so that it applies to populated relations too). Undefined when they cannot be known.
 */
const rootFilters = (strapi: Core.Strapi, uid: string, filters: unknown): unknown => {
  if (typeof filters !== 'function') return filters ?? null;
  try {
    return (filters as FilterFunction)({ meta: strapi.db.metadata.get(uid), uid, db: strapi.db }) ?? null;
  } catch {
    return undefined;
  }
};

/** Published rows, as Strapi's status lookup (`where`) and its status filter (`filters`) ask for them. */
const LIVE_ROWS = new Set(['{"$notNull":true}', '{"$null":false}']);
const asksLiveRows = (condition: unknown) => LIVE_ROWS.has(JSON.stringify(condition) ?? '');

/** What the read scope puts in a plain list of live rows: each condition, and the values it may have. */
const SCOPE_CONDITIONS: Record<string, (value: unknown) => boolean> = {
  publishedAt: asksLiveRows,
  locale: (value) => typeof value === 'string' && value.length <= 35,
  ...Object.fromEntries(CHANNEL_FLAG_FIELDS.map((flag) => [flag, (value: unknown) => value === true])),
};

const onlyScopeConditions = (conditions: unknown): conditions is Record<string, unknown> =>
  conditions !== null && typeof conditions === 'object' && !Array.isArray(conditions) && Object.entries(conditions).every(([name, value]) => SCOPE_CONDITIONS[name]?.(value) === true);

/** Orders the read indexes hold: newest first (or oldest), then by id; or by id alone. */
const INDEXED_ORDER = new Set(['publishedAt', 'id']);

const indexedOrder = (orderBy: unknown): boolean => {
  if (orderBy === undefined || orderBy === null) return true;
  const entries = Array.isArray(orderBy) ? orderBy : [orderBy];
  return entries.every((entry) => {
    if (typeof entry === 'string') return INDEXED_ORDER.has(entry);
    return entry !== null && typeof entry === 'object' && Object.entries(entry).every(([field, direction]) => INDEXED_ORDER.has(field) && (direction === 'asc' || direction === 'desc'));
  });
};

/**
 * The key of a list kept for a query, or null when its pages are not kept: only a plain list of
 * live rows (the read scope's conditions, nothing a reader filtered or searched) in an order the
 * read indexes hold. Those are what crawlers and sites page through; their keys are few (type,
 * locale, channel, order), so a reader cannot make the server read lists of its own making.
 */
const listKey = (strapi: Core.Strapi, uid: string, params: FindManyParams): string | null => {
  if (params._q !== undefined || !onlyScopeConditions(params.where) || !indexedOrder(params.orderBy)) return null;
  const filters = rootFilters(strapi, uid, params.filters);
  if (filters !== null && !onlyScopeConditions(filters)) return null;
  if (![params.where, filters].some((conditions) => conditions !== null && asksLiveRows(conditions.publishedAt))) return null;
  // The order as given: the order of its fields is the order of the sort.
  return `${uid}|${stringify({ where: params.where, filters })}|${JSON.stringify(params.orderBy ?? null)}`;
};

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
 * SQLite 2.4 ms). So there the ids of every page of a plain list of live rows (see `listKey`)
 * are kept in their order, read once from the same index until the live-content version moves:
 * a deep page is then a slice. Readers arriving while a list is read wait for that one read.
 */
export const readDeepPagesInTwoSteps = (strapi: Core.Strapi): void => {
  const listedIds = liveContentCache<Float64Array | null>(
    new LRUCache<string, { version: string; value: Float64Array | null }>({
      maxSize: LISTS_BYTES,
      sizeCalculation: ({ value }, key) => key.length * 2 + Math.max(1, value?.byteLength ?? 0),
    })
  );
  const listsBeingRead = new Map<string, Promise<Float64Array | null>>();
  const keepsLists = strapi.db.dialect.client === 'postgres';

  strapi.db.lifecycles.subscribe({
    models: [...PUBLISHABLE_UIDS],
    async beforeFindMany(event) {
      const params = event.params as FindManyParams | undefined;
      if (!params || idQueries.has(params) || params.groupBy !== undefined) return;
      const { offset, limit } = params;
      if (typeof offset !== 'number' || offset < DEEP_OFFSET || typeof limit !== 'number' || limit < 1 || limit > MAX_PAGE) return;
      const query = strapi.db.query(event.model.uid as (typeof PUBLISHABLE_UIDS)[number]);
      const idQuery = { ...params, select: ['id'], populate: undefined };
      const idsOf = async (ask: object): Promise<number[]> => {
        idQueries.add(ask);
        return ((await query.findMany(ask)) as Array<{ id: number }>).map(({ id }) => id);
      };
      const readList = async (key: string): Promise<Float64Array | null> =>
        listedIds(strapi, key, async () => {
          const ids = await idsOf({ ...idQuery, offset: undefined, limit: MAX_LISTED + 1 });
          return ids.length > MAX_LISTED ? null : Float64Array.from(ids);
        });

      const key = keepsLists ? listKey(strapi, event.model.uid, params) : null;
      let page: number[] | null = null;
      if (key !== null) {
        // One read per list and version: after a release, many readers of deep pages ask at once.
        const flight = `${key}|${await publishedContentVersion(strapi)}`;
        let listed = listsBeingRead.get(flight);
        if (!listed) {
          listed = readList(key).finally(() => listsBeingRead.delete(flight));
          listsBeingRead.set(flight, listed);
        }
        const ids = await listed;
        if (ids) page = Array.from(ids.subarray(offset, offset + limit));
      }
      page ??= await idsOf(idQuery);
      // The same rows by id (conditions and search already applied), in the same order.
      params.where = { id: { $in: page } };
      delete params._q;
      delete params.offset;
    },
  });
};
