import type { Core } from '@strapi/strapi';
import { UID } from '../../constants';
import { columnOf } from '../../documents/document-rows';
import { channelReads } from '../channel-reads';
import { CHANNEL_FLAGS, isChannelTargeted, targetedAt } from '../channel-targeting';
import type { FeedArticle } from './feeds';
import type { SiteKind, SitemapEntry } from './site-types';

/**
 * Reads for the website's feeds and sitemap. They state `status: 'published'` and the website
 * target themselves rather than relying on the Content API scope, so they stay correct from any caller.
 */
export const taxonomyBySlug = async (
  strapi: Core.Strapi,
  uid: typeof UID.category | typeof UID.brand,
  slug: string,
  locale: string
): Promise<{ documentId: string; name: string; slug: string } | null> => {
  const found = await channelReads(strapi, uid).findFirst({ filters: { slug }, locale, status: 'published', fields: ['name', 'slug'] });
  return found ? { documentId: found.documentId, name: found.name, slug: found.slug } : null;
};

export const latestArticles = async (
  strapi: Core.Strapi,
  { locale, categoryId, brandId, limit }: { locale: string; categoryId?: string; brandId?: string; limit: number }
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
  return articles.map(({ documentId, slug, title, digest, author, body, publishedAt, updatedAt, cover, category }) => ({ documentId, slug, title, digest, author, body, publishedAt, updatedAt, cover, category }));
};

/** The types with pages of their own on the website. */
type PageUid = typeof UID.brand | typeof UID.article | typeof UID.video | typeof UID.achievement;

const SITEMAP_TYPES: Array<{ uid: PageUid; kind: SiteKind }> = [
  { uid: UID.brand, kind: 'brands' },
  { uid: UID.article, kind: 'articles' },
  { uid: UID.video, kind: 'videos' },
  { uid: UID.achievement, kind: 'achievements' },
];

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
  const query = strapi.db.connection(strapi.db.metadata.get(uid).tableName).whereNotNull('published_at').where('locale', locale);
  return isChannelTargeted(uid) ? query.where(columnOf(strapi, uid, CHANNEL_FLAGS.website), true) : query;
};

/** How many pages each type has in each locale, in the sitemap's order. */
export const sitemapSegments = async (strapi: Core.Strapi, locales: string[]): Promise<SitemapSegment[]> => {
  const segments: SitemapSegment[] = [];
  for (const { uid, kind } of SITEMAP_TYPES) {
    for (const locale of locales) {
      const [{ pages }] = await livePages(strapi, uid, locale).count({ pages: 'id' });
      segments.push({ uid, kind, locale, pages: Number(pages) });
    }
  }
  return segments;
};

/** The pages of one slice, as the sitemap lists them. */
export const sliceEntries = async (strapi: Core.Strapi, { segment, offset, limit }: SitemapSlice): Promise<SitemapEntry[]> => {
  const slug = columnOf(strapi, segment.uid, 'slug');
  const updatedAt = columnOf(strapi, segment.uid, 'updatedAt');
  const rows: Array<Record<string, unknown>> = await livePages(strapi, segment.uid, segment.locale).select(slug, updatedAt).orderBy('id').limit(limit).offset(offset);
  return rows.map((row) => ({ kind: segment.kind, locale: segment.locale, slug: String(row[slug]), updatedAt: new Date(row[updatedAt] as string | number | Date).toISOString() }));
};

/** The newest change among a slice's pages (a sitemap index's `lastmod`), without reading them out. */
export const sliceLastModified = async (strapi: Core.Strapi, { segment, offset, limit }: SitemapSlice): Promise<Date | null> => {
  const updatedAt = columnOf(strapi, segment.uid, 'updatedAt');
  const slice = livePages(strapi, segment.uid, segment.locale).select(updatedAt).orderBy('id').limit(limit).offset(offset).as('slice');
  const [{ newest }] = await strapi.db.connection.from(slice).max({ newest: updatedAt });
  return newest === null || newest === undefined ? null : new Date(newest as string | number | Date);
};
