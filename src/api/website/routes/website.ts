// Public website outputs: feeds of published articles and the sitemap. Open to everyone (and to
// any API token), like the published content they are made of.
export default {
  routes: [
    { method: 'GET', path: '/feeds/:format', handler: 'website.feed', config: { auth: false } },
    { method: 'GET', path: '/sitemap.xml', handler: 'website.sitemap', config: { auth: false } },
    {
      method: 'GET',
      path: '/sitemaps/:part',
      handler: 'website.sitemapPart',
      config: { auth: false },
    },
  ],
};
