import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../constants';
import { articleFeed, FEED_FORMATS, isFeedFormat, type FeedFormat } from '../../../channels/web/feeds';
import { siteOf } from '../../../channels/web/site';
import { liveContentCache } from '../../../channels/live-content-cache';
import { buildSitemapIndex, buildSitemapPart, sitemapParts } from '../../../channels/web/sitemap';
import type { SitemapEntry } from '../../../channels/web/site-types';
import { latestArticles, sitemapEntries, taxonomyBySlug } from '../../../channels/web/website-content';
import { localeCodes, requestedLocale } from '../../../i18n/locales';

type Context = {
  params: { format?: string; part?: string };
  query: Record<string, string | undefined>;
  request: { origin: string; path: string };
  set: (name: string, value: string) => void;
  type: string;
  body: unknown;
};

const FEED_SIZE = 50;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // The website's pages, read and rendered once per change of the published content (per app).
  const cachedEntries = liveContentCache<SitemapEntry[]>();
  const cachedXml = liveContentCache<string>();
  const sitemapPartsOf = async (): Promise<SitemapEntry[][]> => {
    const locales = await localeCodes(strapi);
    const entries = await cachedEntries(strapi, `sitemap|${locales.join(',')}`, () => sitemapEntries(strapi, locales));
    return sitemapParts(entries, strapi.config.get('website.sitemapUrlsPerFile') as number);
  };

  return {
    async feed(ctx: Context) {
      const format = ctx.params.format ?? '';
      if (!isFeedFormat(format)) throw new errors.NotFoundError(`Unknown feed format "${ctx.params.format}": use rss, atom or json`);
      const locale = await requestedLocale(strapi, ctx.query.locale);

      const category = ctx.query.category ? await taxonomyBySlug(strapi, UID.category, ctx.query.category, locale) : null;
      if (ctx.query.category && !category) throw new errors.NotFoundError(`No category with slug "${ctx.query.category}"`);
      const brand = ctx.query.brand ? await taxonomyBySlug(strapi, UID.brand, ctx.query.brand, locale) : null;
      if (ctx.query.brand && !brand) throw new errors.NotFoundError(`No published brand with slug "${ctx.query.brand}" in ${locale}`);

      const site = siteOf(strapi, ctx.request.origin);
      const articles = await latestArticles(strapi, { locale, categoryId: category?.documentId, brandId: brand?.documentId, limit: FEED_SIZE });
      const query = new URLSearchParams(Object.entries({ locale, category: ctx.query.category, brand: ctx.query.brand }).filter(([, value]) => value) as Array<[string, string]>);
      const selfUrl = (other: FeedFormat) => `${ctx.request.origin}${ctx.request.path.replace(/[^/]+$/, other)}?${query}`;
      const feed = articleFeed(site, { locale, category, brand }, articles, format, selfUrl);

      ctx.type = FEED_FORMATS[format].contentType;
      ctx.body = FEED_FORMATS[format].render(feed);
    },

    async sitemap(ctx: Context) {
      const parts = await sitemapPartsOf();
      const cms = (strapi.config.get('server.url') as string) || ctx.request.origin;
      ctx.type = 'application/xml; charset=utf-8';
      ctx.body = await cachedXml(strapi, `index|${cms}`, () => buildSitemapIndex((part) => `${cms}/api/sitemaps/${part}.xml`, parts));
    },

    async sitemapPart(ctx: Context) {
      const number = /^([1-9]\d{0,5})\.xml$/.exec(ctx.params.part ?? '')?.[1];
      const entries = number ? (await sitemapPartsOf())[Number(number) - 1] : undefined;
      if (!entries) throw new errors.NotFoundError(`No sitemap part "${ctx.params.part}": the index at /api/sitemap.xml lists them`);
      ctx.type = 'application/xml; charset=utf-8';
      ctx.body = await cachedXml(strapi, `part|${number}`, () => buildSitemapPart(siteOf(strapi, ctx.request.origin), entries));
    },
  };
};
