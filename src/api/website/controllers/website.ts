import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../constants';
import {
  articleFeed,
  FEED_FORMATS,
  isFeedFormat,
  type FeedFormat,
} from '../../../channels/web/feeds';
import { siteOf } from '../../../channels/web/site';
import { liveContentCache } from '../../../kernel/live-content-version';
import {
  buildSitemapIndex,
  buildSitemapPart,
  partSlices,
  sitemapPartCount,
} from '../../../channels/web/sitemap';
import {
  latestArticles,
  partsLastModified,
  sitemapSegments,
  sliceEntries,
  taxonomyBySlug,
  type SitemapSegment,
} from '../../../channels/web/website-content';
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
  // How many pages each type has in each locale, counted once per change of the published
  // content; each part then reads only its own pages. Repeated reads are response-cache hits.
  const cachedSegments = liveContentCache<SitemapSegment[]>();
  const partSize = () => strapi.config.get<number>('website.sitemapUrlsPerFile');
  const segmentsOf = async (): Promise<SitemapSegment[]> => {
    const locales = await localeCodes(strapi);
    return cachedSegments(strapi, `sitemap|${locales.join(',')}`, () =>
      sitemapSegments(strapi, locales),
    );
  };

  return {
    async feed(ctx: Context) {
      const format = ctx.params.format ?? '';
      if (!isFeedFormat(format))
        throw new errors.NotFoundError(
          `Unknown feed format "${ctx.params.format}": use rss, atom or json`,
        );
      const locale = await requestedLocale(strapi, ctx.query.locale);
      for (const name of ['category', 'brand'] as const) {
        const slug: unknown = ctx.query[name];
        if (slug !== undefined && typeof slug !== 'string')
          throw new errors.ValidationError(
            `${name} must be the slug of a ${name}, e.g. ?${name}=…`,
            { path: [name] },
          );
      }

      const category = ctx.query.category
        ? await taxonomyBySlug(strapi, UID.category, ctx.query.category, locale)
        : null;
      if (ctx.query.category && !category)
        throw new errors.NotFoundError(`No category with slug "${ctx.query.category}"`);
      const brand = ctx.query.brand
        ? await taxonomyBySlug(strapi, UID.brand, ctx.query.brand, locale)
        : null;
      if (ctx.query.brand && !brand)
        throw new errors.NotFoundError(
          `No published brand with slug "${ctx.query.brand}" in ${locale}`,
        );

      const site = siteOf(strapi, ctx.request.origin);
      const articles = await latestArticles(strapi, {
        locale,
        categoryId: category?.documentId,
        brandId: brand?.documentId,
        limit: FEED_SIZE,
      });
      const query = new URLSearchParams(
        Object.entries({ locale, category: ctx.query.category, brand: ctx.query.brand }).filter(
          ([, value]) => value,
        ) as Array<[string, string]>,
      );
      const selfUrl = (other: FeedFormat) =>
        `${ctx.request.origin}${ctx.request.path.replace(/[^/]+$/, other)}?${query}`;
      const feed = articleFeed(site, { locale, category, brand }, articles, format, selfUrl);

      ctx.type = FEED_FORMATS[format].contentType;
      ctx.body = FEED_FORMATS[format].render(feed);
    },

    async sitemap(ctx: Context) {
      const segments = await segmentsOf();
      const lastModified = await partsLastModified(strapi, segments, partSize());
      const cms = strapi.config.get<string>('server.url') || ctx.request.origin;
      ctx.type = 'application/xml; charset=utf-8';
      ctx.body = await buildSitemapIndex((part) => `${cms}/api/sitemaps/${part}.xml`, lastModified);
    },

    async sitemapPart(ctx: Context) {
      const number = Number(/^([1-9]\d{0,5})\.xml$/.exec(ctx.params.part ?? '')?.[1] ?? 0);
      const segments = await segmentsOf();
      if (number < 1 || number > sitemapPartCount(segments, partSize())) {
        throw new errors.NotFoundError(
          `No sitemap part "${ctx.params.part}": the index at /api/sitemap.xml lists them`,
        );
      }
      const entries = (
        await Promise.all(
          partSlices(segments, partSize(), number).map((slice) => sliceEntries(strapi, slice)),
        )
      ).flat();
      ctx.type = 'application/xml; charset=utf-8';
      ctx.body = await buildSitemapPart(siteOf(strapi, ctx.request.origin), entries);
    },
  };
};
