import type { Core } from '@strapi/strapi';

// The public website this CMS feeds: used for the links in feeds and the sitemap.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  url: env('WEBSITE_URL', 'http://localhost:3000'),
  // Links to the website are given to people (the staff page) only where WEBSITE_URL names the
  // real site: unset, or its built-in default (a developer's address), links nowhere they can go.
  linksForPeople: !['', 'http://localhost:3000'].includes(
    env('WEBSITE_URL', '').replace(/\/+$/, ''),
  ),
  title: env('WEBSITE_TITLE', '党建动车组 · 铁路运输分公司'),
  description: env('WEBSITE_DESCRIPTION', '“党建动车组”党建品牌的动态、视频与成果展示'),
  // The sitemaps protocol allows 50,000 URLs a file. A part is built on the one event loop at its
  // first read after a release: 5,000 keeps that under a tenth of a second at 100,000 articles
  // on PostgreSQL here (10,000 took 110–130 ms, stalling every other reader meanwhile).
  sitemapUrlsPerFile: Math.min(50000, Math.max(1, env.int('SITEMAP_URLS_PER_FILE', 5000))),
});
