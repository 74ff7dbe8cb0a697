import type { Core } from '@strapi/strapi';

import type { SiteKind } from './site-types';

export type Site = { url: string; title: string; description: string; mediaBase: string | null };

/** The public website the CMS feeds (config/website.ts), and where its media are served from. */
export const siteOf = (strapi: Core.Strapi, requestOrigin: string | null): Site => ({
  url: String(strapi.config.get('website.url')).replace(/\/+$/, ''),
  title: String(strapi.config.get('website.title')),
  description: String(strapi.config.get('website.description')),
  mediaBase: strapi.config.get<string>('server.url') || requestOrigin,
});

/** Where an item lives on the website: `<WEBSITE_URL>/<locale>/<kind>/<slug>`. */
export const pageUrl = (site: Site, kind: SiteKind, locale: string, slug: string) =>
  `${site.url}/${locale}/${kind}/${encodeURIComponent(slug)}`;
