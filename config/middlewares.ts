export default ({ env }) => [
  // Strapi's access log, with credentials in query strings redacted.
  'global::access-log',
  'strapi::errors',
  'strapi::security',
  {
    name: 'strapi::cors',
    config: {
      // Partner sites are listed explicitly in production; '*' is the development default.
      origin: env.array('CORS_ORIGINS', ['*']),
    },
  },
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
