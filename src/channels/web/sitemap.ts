import { SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap';
import { pageUrl, type Site } from './site';
import type { SitemapEntry } from './site-types';

const xmlOf = async (stream: SitemapStream | SitemapIndexStream, items: object[]): Promise<string> => {
  for (const item of items) stream.write(item);
  stream.end();
  return (await streamToPromise(stream)).toString('utf-8');
};

/** The published website pages in parts of at most `size` URLs (the protocol allows 50,000). */
export const sitemapParts = (entries: SitemapEntry[], size: number): SitemapEntry[][] =>
  Array.from({ length: Math.ceil(entries.length / size) }, (_, index) => entries.slice(index * size, (index + 1) * size));

const lastModified = (entries: SitemapEntry[]) => new Date(Math.max(0, ...entries.map((entry) => new Date(entry.updatedAt).getTime()))).toISOString();

/** sitemap.xml: the index of the parts, each with its newest change. */
export const buildSitemapIndex = (partUrl: (part: number) => string, parts: SitemapEntry[][]): Promise<string> =>
  xmlOf(new SitemapIndexStream(), parts.map((entries, index) => ({ url: partUrl(index + 1), lastmod: lastModified(entries) })));

/** One part: a <url> per item and locale. */
export const buildSitemapPart = (site: Site, entries: SitemapEntry[]): Promise<string> =>
  xmlOf(new SitemapStream(), entries.map((entry) => ({ url: pageUrl(site, entry.kind, entry.locale, entry.slug), lastmod: new Date(entry.updatedAt).toISOString() })));
