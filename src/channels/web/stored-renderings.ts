import { createHash } from 'crypto';
import { LRUCache } from 'lru-cache';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { renderBlocks } from './body-html';

/** Created by database/migrations/2026.11.28T00.00.00.website-renderings.js. */
export const RENDERINGS_TABLE = 'website_renderings';

/**
 * Part of every key: change it whenever `renderBlocks` or its allowlist would write different
 * HTML for the same blocks, and HTML of the older renderer is never read again.
 */
const RENDERER_VERSION = '1';

/**
 * A rich text's HTML depends on its blocks alone (inline images carry their own file data), so
 * it is stored under a digest of them: every released version renders once, whatever path wrote
 * it (a release, a bulk import, a restore), and an edit can never be served the HTML of another.
 */
export const sourceKeyOf = (blocks: unknown): string | null =>
  Array.isArray(blocks)
    ? createHash('sha256')
        .update(`${RENDERER_VERSION}\n`)
        .update(JSON.stringify(blocks))
        .digest('base64url')
    : null;

type Rendering = { source_key: string; html: string; rendered_at: number };

/** The newest renderings in memory too, bounded by bytes: a page of a busy list reads no table at all. */
const remembered = new WeakMap<Core.Strapi, LRUCache<string, string>>();
const memoryOf = (strapi: Core.Strapi) => {
  let memory = remembered.get(strapi);
  if (!memory) {
    memory = new LRUCache<string, string>({
      maxSize: 8 * 1024 * 1024,
      sizeCalculation: (html, key) => 2 * (html.length + key.length),
    });
    remembered.set(strapi, memory);
  }
  return memory;
};

/** Drops this process's copies (tests, to prove what is stored is what is served). */
export const forgetRememberedRenderings = (strapi: Core.Strapi): void => memoryOf(strapi).clear();

/** The release's transaction when there is one (on SQLite the one connection is held by it), else the pool. */
const withKnex = async <T>(strapi: Core.Strapi, work: (knex: Knex) => Promise<T>): Promise<T> => {
  if (!strapi.db.inTransaction()) return work(strapi.db.connection);
  const current = await strapi.db.transaction();
  return work(current.get());
};

const store = (strapi: Core.Strapi, rows: Rendering[], refresh: boolean) =>
  withKnex(strapi, async (knex) => {
    for (let start = 0; start < rows.length; start += 100) {
      const insert = knex(RENDERINGS_TABLE)
        .insert(rows.slice(start, start + 100))
        .onConflict('source_key');
      await (refresh ? insert.merge(['html', 'rendered_at']) : insert.ignore());
    }
  });

/** A rendering of each distinct rich text among `sources`. */
const render = (sources: unknown[]): Rendering[] => {
  const renderedAt = Date.now();
  const byKey = new Map<string, Rendering>();
  for (const source of sources) {
    const key = sourceKeyOf(source);
    if (key !== null && !byKey.has(key))
      byKey.set(key, { source_key: key, html: renderBlocks(source), rendered_at: renderedAt });
  }
  return [...byKey.values()];
};

/**
 * Sanitised HTML of each rich text (blocks), in order: from memory, else from the table, else
 * rendered now and stored for the next reader (after an import, or HTML of an older renderer).
 */
export const renderedBodies = async (
  strapi: Core.Strapi,
  sources: unknown[],
): Promise<string[]> => {
  const memory = memoryOf(strapi);
  const keys = sources.map(sourceKeyOf);
  const html = new Map<string, string>();
  for (const key of keys) {
    const kept = key === null ? undefined : memory.get(key);
    if (key !== null && kept !== undefined) html.set(key, kept);
  }
  const wanted = [...new Set(keys.filter((key): key is string => key !== null && !html.has(key)))];
  if (wanted.length > 0) {
    const rows: Array<Pick<Rendering, 'source_key' | 'html'>> = await withKnex(strapi, (knex) =>
      knex(RENDERINGS_TABLE).whereIn('source_key', wanted).select('source_key', 'html'),
    );
    for (const row of rows) html.set(row.source_key, row.html);
    const missing = wanted.filter((key) => !html.has(key));
    if (missing.length > 0) {
      const fresh = render(missing.map((key) => sources[keys.indexOf(key)]));
      for (const row of fresh) html.set(row.source_key, row.html);
      // A reader still gets its HTML when the table cannot take it now; the next one renders again.
      await store(strapi, fresh, false).catch((error: Error) =>
        strapi.log.warn(`website renderings not stored: ${error.message}`),
      );
    }
    for (const key of wanted) memory.set(key, html.get(key));
  }
  return keys.map((key) => (key === null ? '' : html.get(key)!));
};

/** Renders and stores what a release just made live, inside its transaction: no reader renders it. */
export const storeReleasedRenderings = async (
  strapi: Core.Strapi,
  sources: unknown[],
): Promise<void> => {
  await store(strapi, render(sources), false);
};

/**
 * `npm run reindex`: renders every live rich text again and drops every rendering no live
 * version uses any more (older versions, taken-down items, older renderers).
 */
export const rebuildRenderings = async (
  strapi: Core.Strapi,
  liveSources: AsyncIterable<unknown[]>,
): Promise<{ rendered: number; dropped: number }> => {
  const startedAt = Date.now();
  let rendered = 0;
  for await (const sources of liveSources) {
    const rows = render(sources);
    await store(strapi, rows, true);
    rendered += rows.length;
  }
  const dropped = await strapi.db
    .connection(RENDERINGS_TABLE)
    .where('rendered_at', '<', startedAt)
    .delete();
  forgetRememberedRenderings(strapi);
  return { rendered, dropped };
};
