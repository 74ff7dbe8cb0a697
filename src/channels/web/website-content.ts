import type { Core } from '@strapi/strapi';
import { UID } from '../../constants';
import { targetedAt } from '../channel-targeting';
import type { FeedArticle } from './feeds';
import type { SiteKind, SitemapEntry } from './site-types';

// The Document Service, typed loosely for these read-only queries.
const documentsOf = (strapi: Core.Strapi, uid: string) => strapi.documents(uid as never) as unknown as {
  findMany: (params: object) => Promise<Array<Record<string, any>>>;
  findFirst: (params: object) => Promise<Record<string, any> | null>;
};

/**
 * Reads for the website's feeds and sitemap. They state `status: 'published'` and the website
 * target themselves rather than relying on the Content API scope, so they stay correct from any caller.
 */
export const taxonomyBySlug = async (strapi: Core.Strapi, uid: typeof UID.category | typeof UID.brand, slug: string, locale: string) =>
  documentsOf(strapi, uid).findFirst({ filters: { slug }, locale, status: 'published', fields: ['name', 'slug'] });

export const latestArticles = async (
  strapi: Core.Strapi,
  { locale, categoryId, brandId, limit }: { locale: string; categoryId?: string; brandId?: string; limit: number }
): Promise<FeedArticle[]> => {
  const filters: object[] = [targetedAt('website')];
  if (categoryId) filters.push({ category: { documentId: categoryId } });
  if (brandId) filters.push({ brand: { documentId: brandId } });
  return (await documentsOf(strapi, UID.article).findMany({
    locale,
    status: 'published',
    filters: { $and: filters },
    sort: [{ publishedAt: 'desc' }, { id: 'desc' }],
    limit,
    populate: { cover: true, category: { fields: ['name', 'slug'] } },
  })) as FeedArticle[];
};

const SITEMAP_TYPES: Array<{ uid: string; kind: SiteKind; channelTargeted: boolean }> = [
  { uid: UID.brand, kind: 'brands', channelTargeted: false },
  { uid: UID.article, kind: 'articles', channelTargeted: true },
  { uid: UID.video, kind: 'videos', channelTargeted: true },
  { uid: UID.achievement, kind: 'achievements', channelTargeted: true },
];

export const sitemapEntries = async (strapi: Core.Strapi, locales: string[]): Promise<SitemapEntry[]> => {
  const entries: SitemapEntry[] = [];
  for (const { uid, kind, channelTargeted } of SITEMAP_TYPES) {
    for (const locale of locales) {
      const items = await documentsOf(strapi, uid).findMany({
        locale,
        status: 'published',
        ...(channelTargeted ? { filters: targetedAt('website') } : {}),
        fields: ['slug', 'updatedAt'],
        sort: [{ id: 'asc' }],
      });
      entries.push(...items.map((item) => ({ kind, locale, slug: item.slug as string, updatedAt: item.updatedAt as string })));
    }
  }
  return entries;
};
