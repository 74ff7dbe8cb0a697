import type { Core } from '@strapi/strapi';
import { UID } from '../../constants';
import { websiteTypes, type WebsiteUid } from '../../content/registry';
import { columnOf } from '../../documents/document-rows';
import { channelReads } from '../channel-reads';
import { isChannelTargeted } from '../../content/registry';
import { flagOf, targetedAt } from '../../kernel/channel-flags';
import type { FeedArticle } from './feeds';
import { sitemapPartCount } from './sitemap';
import type { SiteKind, SitemapEntry } from './site-types';

/**
 * Reads for the website's feeds and sitemap. They state `status: 'published'` and the website
 * target themselves rather than relying on the Content API scope, so they stay correct from any caller.
 */
export const taxonomyBySlug = async (
  strapi: Core.Strapi,
  uid: typeof UID.category | typeof UID.brand,
  slug: string,
  locale: string,
): Promise<{ documentId: string; name: string; slug: string } | null> => {
  const found = await channelReads(strapi, uid).findFirst({
    filters: { slug },
    locale,
    status: 'published',
    fields: ['name', 'slug'],
  });
  return found ? { documentId: found.documentId, name: found.name, slug: found.slug } : null;
};

export const latestArticles = async (
  strapi: Core.Strapi,
  {
    locale,
    categoryId,
    brandId,
    limit,
  }: { locale: string; categoryId?: string; brandId?: string; limit: number },
): Promise<FeedArticle[]> => {
  const filters: object[] = [targetedAt('website')];
  if (categoryId) filters.push({ category: { documentId: categoryId } });
  if (brandId) filters.push({ brand: { documentId: brandId } });
  const articles = await channelReads(strapi, UID.article).findMany({
    locale,
    status: 'published',
    filters: { $and: filters },
    sort: [{ publishedAt: 'desc' }, { id: 'desc' }],
    limit,
    populate: { cover: true, category: { fields: ['name', 'slug'] } },
  });
  return articles.map(
    ({
      documentId,
      slug,
      title,
      digest,
      author,
      body,
      publishedAt,
      updatedAt,
      cover,
      category,
    }) => ({
      documentId,
      slug,
      title,
      digest,
      author,
      body,
      publishedAt,
      updatedAt,
      cover,
      category,
    }),
  );
};

/** The types with pages of their own on the website. */
type PageUid = WebsiteUid;

/** One run of the sitemap: the website pages of one type in one locale, in id order. */
export type SitemapSegment = { uid: PageUid; kind: SiteKind; locale: string; pages: number };

/** Part of a segment: what one sitemap file lists of it. */
export type SitemapSlice = { segment: SitemapSegment; offset: number; limit: number };

/**
 * The live rows of a type and locale that are website pages, straight from the table: the
 * sitemap needs two columns of up to every published row, which the Document Service would
 * build into documents (at 100,000 articles: 0.6 s of a blocked event loop per build). The
 * filters are the read scope's for the website (published, targeted at it); the website pages
 * index (documents/read-indexes.ts) holds every column read, so a slice is read from the index alone.
 */
export const livePages = (strapi: Core.Strapi, uid: PageUid, locale: string) => {
  const query = strapi.db
    .connection(strapi.db.metadata.get(uid).tableName)
    .whereNotNull('published_at')
    .where('locale', locale);
  return isChannelTargeted(uid)
    ? query.where(columnOf(strapi, uid, flagOf('website')), true)
    : query;
};

/** How many pages each type has in each locale, in the sitemap's order. */
export const sitemapSegments = async (
  strapi: Core.Strapi,
  locales: string[],
): Promise<SitemapSegment[]> => {
  const segments: SitemapSegment[] = [];
  for (const { uid, pageKind: kind } of websiteTypes()) {
    for (const locale of locales) {
      const [{ pages }] = await livePages(strapi, uid, locale).count({ pages: 'id' });
      segments.push({ uid, kind, locale, pages: Number(pages) });
    }
  }
  return segments;
};

/** The pages of one slice, as the sitemap lists them. */
export const sliceEntries = async (
  strapi: Core.Strapi,
  { segment, offset, limit }: SitemapSlice,
): Promise<SitemapEntry[]> => {
  const slug = columnOf(strapi, segment.uid, 'slug');
  const updatedAt = columnOf(strapi, segment.uid, 'updatedAt');
  const rows: Array<Record<string, unknown>> = await livePages(strapi, segment.uid, segment.locale)
    .select(slug, updatedAt)
    .orderBy('id')
    .limit(limit)
    .offset(offset);
  return rows.map((row) => ({
    kind: segment.kind,
    locale: segment.locale,
    slug: String(row[slug]),
    updatedAt: new Date(row[updatedAt] as string | number | Date).toISOString(),
  }));
};

/**
 * The newest change among the next `take` pages of a segment after the page with id `afterId`,
 * and the id of the last of them: one run of the website pages index, from a seek, summed up
 * inside the database.
 */
export const pageRunChange = (
  strapi: Core.Strapi,
  segment: SitemapSegment,
  afterId: number,
  take: number,
) => {
  const updated = columnOf(strapi, segment.uid, 'updatedAt');
  const run = livePages(strapi, segment.uid, segment.locale)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(take)
    .select('id', { updated });
  return strapi.db.connection
    .from(run.as('run'))
    .max({ newest: 'updated', last: 'id' })
    .count({ pages: '*' });
};

/**
 * The same in one query: every page numbered in id order, grouped by part. Over the same index
 * entries, it costs PostgreSQL one round trip off the event loop; SQLite runs it on the event
 * loop, with a sort to group the numbered pages (63 ms at 100,000 articles).
 */
export const numberedPartChanges = (
  strapi: Core.Strapi,
  segment: SitemapSegment,
  start: number,
  size: number,
) => {
  const numbered = livePages(strapi, segment.uid, segment.locale)
    .select({ updated: columnOf(strapi, segment.uid, 'updatedAt') })
    // Integer division on both databases (better-sqlite3 binds numbers as reals).
    .select(
      strapi.db.connection.raw(
        '(row_number() over (order by id) + cast(? as integer)) / cast(? as integer) as part',
        [start - 1, size],
      ),
    );
  return strapi.db.connection
    .from(numbered.as('numbered'))
    .select('part')
    .max({ newest: 'updated' })
    .groupBy('part');
};

type PartChange = { part: number; newest: string | number | Date | null };
type PageRun = {
  newest: PartChange['newest'];
  last: number | string | null;
  pages: number | string;
};

/** A run of pages per part, each from the last id of the one before: 16 ms in all on SQLite at 100,000 articles, none over a millisecond. */
const partChangesByRuns = async (
  strapi: Core.Strapi,
  segment: SitemapSegment,
  start: number,
  size: number,
): Promise<PartChange[]> => {
  const changes: PartChange[] = [];
  let afterId = 0;
  let position = start;
  for (let left = segment.pages; left > 0;) {
    const take = Math.min(size - (position % size), left);
    const [run]: PageRun[] = await pageRunChange(strapi, segment, afterId, take);
    // Pages taken down since they were counted: the rest of the segment is empty.
    if (!run || Number(run.pages) === 0 || run.last === null) break;
    changes.push({ part: Math.floor(position / size), newest: run.newest });
    afterId = Number(run.last);
    position += take;
    left -= take;
  }
  return changes;
};

/**
 * The newest change in each sitemap part a segment's pages fall in (the segment starting at page
 * `start` of the whole sitemap, from 0, its pages in id order), read the way each database holds
 * readers up least: on PostgreSQL in one query (runs of a part each took longer there, a round
 * trip each), on SQLite, where every query runs on the one event loop, in runs of a part each.
 */
export const lastChangeByPart = async (
  strapi: Core.Strapi,
  segment: SitemapSegment,
  start: number,
  size: number,
): Promise<PartChange[]> => {
  if (strapi.db.dialect.client !== 'postgres')
    return partChangesByRuns(strapi, segment, start, size);
  const parts: Array<{ part: number | string; newest: PartChange['newest'] }> =
    await numberedPartChanges(strapi, segment, start, size);
  return parts.map(({ part, newest }) => ({ part: Number(part), newest }));
};

/**
 * The newest change of every sitemap part (the index's `lastmod`), in one pass over each type and
 * locale's pages, from the index alone. Asked part by part with an offset, each part's query
 * stepped over all the parts before it: at 100,000 articles on PostgreSQL the index took a
 * quarter of a second.
 */
export const partsLastModified = async (
  strapi: Core.Strapi,
  segments: SitemapSegment[],
  size: number,
): Promise<Array<Date | null>> => {
  const newest: Array<Date | null> = Array.from(
    { length: sitemapPartCount(segments, size) },
    () => null,
  );
  let start = 0;
  for (const segment of segments) {
    if (segment.pages > 0) {
      for (const { part: index, newest: changed } of await lastChangeByPart(
        strapi,
        segment,
        start,
        size,
      )) {
        const date = changed === null || changed === undefined ? null : new Date(changed);
        if (date && index < newest.length && (newest[index] === null || date > newest[index]))
          newest[index] = date;
      }
    }
    start += segment.pages;
  }
  return newest;
};
