import type { Core } from '@strapi/strapi';
import { PUBLISHABLE_UIDS } from '../constants';

/** From this offset on a page is read in two steps; above it the one query costs little either way. */
export const DEEP_OFFSET = 100;

/** Larger pages (or none: every row from the offset on) keep the one query: their ids would make too long a list. */
const MAX_PAGE = 1000;

/** The id query a deep page runs first: not rewritten again. */
const idQueries = new WeakSet<object>();

/**
 * A page deep in a list (`offset` in the hundreds or thousands), asked the way Strapi builds it,
 * has PostgreSQL read every skipped row whole from the table before the offset drops it: with
 * 10,000 articles a newest-first page near the end took most of a second. Asked in two steps it
 * costs the same at any depth: the ids of the page, with the same conditions and order, which
 * the read indexes answer alone; then those rows, in that order. Every findMany of a publishable
 * type passes here (Content API, GraphQL, admin lists), on both databases: SQLite skips rows
 * without reading them for the orders the indexes hold, and sorts only ids for the others.
 */
export const readDeepPagesInTwoSteps = (strapi: Core.Strapi): void => {
  strapi.db.lifecycles.subscribe({
    models: [...PUBLISHABLE_UIDS],
    async beforeFindMany(event) {
      const { params } = event;
      if (!params || idQueries.has(params) || params.groupBy !== undefined) return;
      if (typeof params.offset !== 'number' || params.offset < DEEP_OFFSET || typeof params.limit !== 'number' || params.limit > MAX_PAGE) return;
      const idQuery = { ...params, select: ['id'], populate: undefined };
      idQueries.add(idQuery);
      const page = (await strapi.db.query(event.model.uid as (typeof PUBLISHABLE_UIDS)[number]).findMany(idQuery)) as Array<{ id: number }>;
      // The same rows by id (conditions and search already applied), in the same order.
      params.where = { id: { $in: page.map(({ id }) => id) } };
      delete params._q;
      delete params.offset;
    },
  });
};
