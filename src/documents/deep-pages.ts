import { LRUCache } from 'lru-cache';
import stringify from 'safe-stable-stringify';
import type { Core } from '@strapi/strapi';
import { PUBLISHABLE_UIDS } from '../constants';
import { isChannelFlag } from '../kernel/channel-flags';
import { publishedContentVersion } from '../kernel/live-content-version';
import { allOf } from './all-of';

/** From this offset on a page is read in two steps; above it the one query costs little either way. */
export const DEEP_OFFSET = 100;

/** Larger pages (or none: every row from the offset on) keep the one query: their ids would make too long a list. */
const MAX_PAGE = 1000;

/**
 * A kept list's signposts stand this many rows apart: a page at any depth seeks to the one
 * before it and steps over fewer rows than this.
 */
export const SIGNPOST_EVERY = 500;

/** Kept lists (their keys are few: type, locale, channel, order). */
const MAX_KEPT_LISTS = 200;

/** The id queries this module runs: not rewritten again. */
const idQueries = new WeakSet<object>();

type FindManyParams = {
  where?: unknown;
  orderBy?: unknown;
  _q?: unknown;
  filters?: unknown;
  offset?: unknown;
  limit?: unknown;
  groupBy?: unknown;
};

type FilterFunction = (context: { meta: unknown; uid: string; db: unknown }) => unknown;

/**
 * The conditions `filters` adds to the query itself (a function of the model, as Strapi builds
 * it, so that it applies to populated relations too). Undefined when they cannot be known.
 */
const rootFilters = (strapi: Core.Strapi, uid: string, filters: unknown): unknown => {
  if (typeof filters !== 'function') return filters ?? null;
  try {
    return (
      (filters as FilterFunction)({ meta: strapi.db.metadata.get(uid), uid, db: strapi.db }) ?? null
    );
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
};

/** One condition of the read scope's: those above, or a channel's flag (its items only). */
const isScopeCondition = (name: string, value: unknown): boolean =>
  Object.hasOwn(SCOPE_CONDITIONS, name)
    ? SCOPE_CONDITIONS[name](value)
    : isChannelFlag(name) && value === true;

const onlyScopeConditions = (conditions: unknown): conditions is Record<string, unknown> =>
  conditions !== null &&
  typeof conditions === 'object' &&
  !Array.isArray(conditions) &&
  Object.entries(conditions).every(([name, value]) => isScopeCondition(name, value));

/** Orders the read indexes hold: newest first (or oldest), then by id; or by id alone. */
const INDEXED_ORDER = new Set(['publishedAt', 'id']);

const indexedOrder = (orderBy: unknown): boolean => {
  if (orderBy === undefined || orderBy === null) return true;
  const entries = Array.isArray(orderBy) ? orderBy : [orderBy];
  return entries.every((entry) => {
    if (typeof entry === 'string') return INDEXED_ORDER.has(entry);
    return (
      entry !== null &&
      typeof entry === 'object' &&
      Object.entries(entry).every(
        ([field, direction]) =>
          INDEXED_ORDER.has(field) && (direction === 'asc' || direction === 'desc'),
      )
    );
  });
};

/**
 * The key of a list kept for a query, or null when its pages are not kept: only a plain list of
 * live rows (the read scope's conditions, nothing a reader filtered or searched) in an order the
 * read indexes hold. Those are what crawlers and sites page through; their keys are few (type,
 * locale, channel, order), so a reader cannot make the server read lists of its own making.
 */
const listKey = (strapi: Core.Strapi, uid: string, params: FindManyParams): string | null => {
  if (
    params._q !== undefined ||
    !onlyScopeConditions(params.where) ||
    !indexedOrder(params.orderBy)
  )
    return null;
  const filters = rootFilters(strapi, uid, params.filters);
  if (filters !== null && !onlyScopeConditions(filters)) return null;
  if (
    ![params.where, filters].some(
      (conditions) => conditions !== null && asksLiveRows(conditions.publishedAt),
    )
  )
    return null;
  // The order as given: the order of its fields is the order of the sort.
  return `${uid}|${stringify({ where: params.where, filters })}|${JSON.stringify(params.orderBy ?? null)}`;
};

type Direction = 'asc' | 'desc';
/** A list's order as the query builder runs it: the order given, then the id ascending unless the id is last already. */
type Order = Array<[field: string, direction: Direction]>;

const orderOf = (orderBy: unknown): Order | null => {
  const entries =
    orderBy === undefined || orderBy === null ? [] : Array.isArray(orderBy) ? orderBy : [orderBy];
  const order: Order = [];
  for (const entry of entries) {
    if (typeof entry === 'string') order.push([entry, 'asc']);
    else order.push(...(Object.entries(entry as Record<string, Direction>) as Order));
  }
  if (order[order.length - 1]?.[0] !== 'id') order.push(['id', 'asc']);
  // Signposts seek on the first field and the id: the orders the read indexes hold.
  return order.length <= 2 && order.slice(0, -1).every(([field]) => field !== 'id') ? order : null;
};

/**
 * The rows after the row with id `signpost` in `order`. Written so that each database reads it
 * as a range of the index (the row's own value of the field, then not the rows of that value up
 * to it), not as an OR it would scan from the start; the value is read in a subquery, exactly as
 * stored (a timestamp carried through JavaScript loses its microseconds on PostgreSQL).
 */
const afterRow = (
  strapi: Core.Strapi,
  uid: string,
  order: Order,
  signpost: number,
): Record<string, unknown> => {
  const [[field, direction], tieBreak] = order;
  if (!tieBreak) return { id: { [direction === 'asc' ? '$gt' : '$lt']: signpost } };
  const { tableName, attributes } = strapi.db.metadata.get(uid);
  const column = (attributes[field] as { columnName?: string }).columnName ?? field;
  const valueOfSignpost = () =>
    strapi.db.connection(tableName).select(column).where('id', signpost);
  return {
    $and: [
      { [field]: { [direction === 'desc' ? '$lte' : '$gte']: valueOfSignpost() } },
      {
        $not: {
          [field]: { $eq: valueOfSignpost() },
          id: { [tieBreak[1] === 'asc' ? '$lte' : '$gte']: signpost },
        },
      },
    ],
  };
};

/** A kept list's signposts: the id of every SIGNPOST_EVERY-th row, in order, as far as read. */
type Signposts = { version: string; ids: number[]; ended: boolean; walking: Promise<void> };

/**
 * A page deep in a list (`offset` in the hundreds or thousands), asked the way Strapi builds it,
 * has PostgreSQL read every skipped row whole from the table before the offset drops it: with
 * 10,000 articles a newest-first page near the end took most of a second. Asked in two steps it
 * costs the same at any depth: the ids of the page, with the same conditions and order, which
 * the read indexes answer alone; then those rows, in that order. Every findMany of a publishable
 * type passes here (Content API, GraphQL, admin lists), on both databases.
 *
 * Stepping over index entries to the offset still grows with the depth: at 100,000 articles a
 * page near the end cost SQLite 8–15 ms of a blocked event loop, PostgreSQL 13 ms per 50,000. So
 * for a plain list of live rows (see `listKey`), every SIGNPOST_EVERY-th row's id is kept, read
 * once as deep as readers page and until the live-content version moves; a deep page seeks past
 * the signpost before it and steps over fewer than SIGNPOST_EVERY rows. A list is walked by one
 * reader at a time; the others wait for that walk.
 */
export const readDeepPagesInTwoSteps = (strapi: Core.Strapi): void => {
  const keptLists = new LRUCache<string, Signposts>({ max: MAX_KEPT_LISTS });

  strapi.db.lifecycles.subscribe({
    models: [...PUBLISHABLE_UIDS],
    async beforeFindMany(event) {
      const params = event.params as FindManyParams | undefined;
      if (!params || idQueries.has(params) || params.groupBy !== undefined) return;
      const { offset, limit } = params;
      if (
        typeof offset !== 'number' ||
        offset < DEEP_OFFSET ||
        typeof limit !== 'number' ||
        limit < 1 ||
        limit > MAX_PAGE
      )
        return;
      const uid = event.model.uid;
      const query = strapi.db.query(uid);
      const idsOf = async (ask: object): Promise<number[]> => {
        idQueries.add(ask);
        return ((await query.findMany(ask)) as Array<{ id: number }>).map(({ id }) => id);
      };
      const idQuery = { ...params, select: ['id'], populate: undefined };
      /** Ids from the row after `signpost` (or the first) on, in the list's order. */
      const idsAfter = (order: Order, signpost: number | undefined, skip: number, take: number) =>
        idsOf({
          ...idQuery,
          where:
            signpost === undefined
              ? params.where
              : allOf(params.where ?? {}, afterRow(strapi, uid, order, signpost)),
          orderBy: order.map(([field, direction]) => ({ [field]: direction })),
          offset: skip,
          limit: take,
        });

      const key = listKey(strapi, uid, params);
      const order = key === null ? null : orderOf(params.orderBy);
      let page: number[];
      if (key === null || order === null) {
        page = await idsOf(idQuery);
      } else {
        const version = await publishedContentVersion(strapi);
        let list = keptLists.get(key);
        if (list?.version !== version) {
          list = { version, ids: [], ended: false, walking: Promise.resolve() };
          keptLists.set(key, list);
        }
        const kept = list;
        const wanted = Math.floor(offset / SIGNPOST_EVERY);
        // One walk at a time per list: each goes on from where the one before it stopped (a
        // failed one, from where it failed).
        kept.walking = kept.walking
          .catch(() => undefined)
          .then(async () => {
            while (kept.ids.length < wanted && !kept.ended) {
              const [next] = await idsAfter(
                order,
                kept.ids[kept.ids.length - 1],
                SIGNPOST_EVERY - 1,
                1,
              );
              if (next === undefined) kept.ended = true;
              else kept.ids.push(next);
            }
          });
        await kept.walking;
        page =
          kept.ids.length < wanted
            ? []
            : await idsAfter(order, kept.ids[wanted - 1], offset - wanted * SIGNPOST_EVERY, limit);
      }
      // The same rows by id (conditions and search already applied), in the same order.
      params.where = { id: { $in: page } };
      delete params._q;
      delete params.offset;
    },
  });
};
