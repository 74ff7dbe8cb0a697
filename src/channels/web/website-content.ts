import type { Core } from '@strapi/strapi';
import { UID } from '../../constants';
import { channelReads } from '../channel-reads';
import { isChannelTargeted, targetedAt } from '../channel-targeting';
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

/** Published pages of one type and locale; channel-targeted types only where they target the website. */
const websitePages = (strapi: Core.Strapi, uid: PageUid, locale: string) => {
  const fields: Array<'slug' | 'updatedAt'> = ['slug', 'updatedAt'];
  const query = { locale, status: 'published' as const, fields, sort: [{ id: 'asc' as const }] };
  return isChannelTargeted(uid) ? channelReads(strapi, uid).findMany({ ...query, filters: targetedAt('website') }) : channelReads(strapi, uid).findMany(query);
};

export const sitemapEntries = async (strapi: Core.Strapi, locales: string[]): Promise<SitemapEntry[]> => {
  const entries: SitemapEntry[] = [];
  for (const { uid, kind } of SITEMAP_TYPES) {
    for (const locale of locales) {
      const items = await websitePages(strapi, uid, locale);
      entries.push(...items.map((item) => ({ kind, locale, slug: item.slug, updatedAt: item.updatedAt })));
    }
  }
  return entries;
};
