import type { Core } from '@strapi/strapi';
import { PUBLISHABLE_UIDS, type ContentUid } from '../constants';
import { isLocalizedType } from '../i18n/locales';
import { channelFlags, DEFAULT_CHANNEL, flagOfChannel } from '../kernel/channel-flags';
import { columnOf } from './document-rows';

/**
 * Indexes for the public query shapes: the published rows of one locale (and channel), newest
 * first or in id order, and their count. Without them both databases read every row of a type,
 * bodies included, and sort them for each page (at 10,000 articles on SQLite: newest-first page
 * 170 ms → 0.2 ms, its count 18 ms → 0.6 ms). Strapi's schema sync keeps indexes it did not
 * create, and migrations run before the tables exist on a new database, so these are ensured at
 * every start, after the sync.
 */
type IndexColumn = string | { column: string; order: 'desc' };
type ReadIndex = { name: string; columns: IndexColumn[] };

/**
 * Newest first as Strapi orders it: `published_at DESC, id ASC` (it adds the id to every sort).
 * An ascending index read backwards gives `id DESC`, so the database sorted each run of equal
 * times itself, reading every skipped row whole: a page at offset 5,000 of 10,000 articles took
 * 8 ms on SQLite, and grew with the offset. In this order it is 0.3 ms at any offset.
 */
const NEWEST_FIRST: IndexColumn[] = [{ column: 'published_at', order: 'desc' }, 'id'];

export const readIndexName = (table: string) => `${table}_newest_first_idx`;

/**
 * The website's pages in id order (the REST list's default order, and the sitemap's), carrying
 * what a sitemap `<url>` needs (slug, last change) and the live mark, so a sitemap part is read
 * from the index alone at any offset (channels/web/website-content.ts).
 */
const pageColumns = (strapi: Core.Strapi, uid: ContentUid): string[] => [
  'id',
  'published_at',
  columnOf(strapi, uid, 'slug'),
  columnOf(strapi, uid, 'updatedAt'),
];

/** Indexes earlier versions made that a newer one here replaces. */
const replacedIndexes = (table: string) => [
  `${table}_website_by_id_idx`,
  `${table}_public_read_idx`,
  ...channelFlags().map(([channel]) => `${table}_${channel}_newest_idx`),
];

export const readIndexesOf = (strapi: Core.Strapi, uid: ContentUid): ReadIndex[] => {
  const table = strapi.db.metadata.get(uid).tableName;
  const locale = isLocalizedType(strapi, uid) ? ['locale'] : [];
  const indexes: ReadIndex[] = [
    { name: readIndexName(table), columns: [...locale, ...NEWEST_FIRST] },
  ];
  const { attributes } = strapi.contentType(uid);
  const hasPages = 'slug' in attributes;
  // A channel-targeted type carries the channels' flag columns; the others go to every channel.
  const websiteFlag = flagOfChannel(DEFAULT_CHANNEL);
  if (websiteFlag === undefined || !(websiteFlag in attributes))
    return hasPages
      ? [
          ...indexes,
          { name: `${table}_live_pages_idx`, columns: [...locale, ...pageColumns(strapi, uid)] },
        ]
      : indexes;
  for (const [channel, flag] of channelFlags().filter(([, column]) => column in attributes)) {
    indexes.push({
      name: `${table}_${channel}_newest_first_idx`,
      columns: [...locale, columnOf(strapi, uid, flag), ...NEWEST_FIRST],
    });
  }
  const website = columnOf(strapi, uid, websiteFlag);
  // In id order on the website, the channel nearly every reader uses: the REST default and the sitemap.
  indexes.push({
    name: `${table}_website_pages_idx`,
    columns: [...locale, website, ...(hasPages ? pageColumns(strapi, uid) : ['id'])],
  });
  // One item by its documentId: with an equality on every column SQLite's planner, which has
  // no statistics, prefers this to the channel indexes above (which would scan the locale).
  indexes.push({
    name: `${table}_website_document_idx`,
    columns: ['document_id', ...locale, website, 'published_at'],
  });
  return indexes;
};

export const ensureReadIndexes = async (strapi: Core.Strapi): Promise<void> => {
  const knex = strapi.db.connection;
  for (const uid of PUBLISHABLE_UIDS) {
    const table = strapi.db.metadata.get(uid).tableName;
    for (const name of replacedIndexes(table)) await knex.raw('DROP INDEX IF EXISTS ??', [name]);
    for (const { name, columns } of readIndexesOf(strapi, uid)) {
      const terms = columns.map((column) =>
        typeof column === 'string' ? '??' : `?? ${column.order.toUpperCase()}`,
      );
      const names = columns.map((column) => (typeof column === 'string' ? column : column.column));
      await knex.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (${terms.join(', ')})`, [
        name,
        table,
        ...names,
      ]);
    }
  }
};
