import { SitemapStream, streamToPromise } from 'sitemap';
import { pageUrl, type Site } from './site';
import type { SitemapEntry } from './site-types';

/** sitemap.xml of every published website page, one <url> per item and locale. */
export const buildSitemap = async (site: Site, entries: SitemapEntry[]): Promise<string> => {
  const stream = new SitemapStream();
  for (const entry of entries) {
    stream.write({ url: pageUrl(site, entry.kind, entry.locale, entry.slug), lastmod: new Date(entry.updatedAt).toISOString() });
  }
  stream.end();
  return (await streamToPromise(stream)).toString('utf-8');
};
