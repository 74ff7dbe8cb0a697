import type { Core } from '@strapi/strapi';
import cronTasks from './cron-tasks';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Behind a reverse proxy or load balancer: PROXY_HOPS is how many of them add to
  // X-Forwarded-For. The client's address (rate limits, logs) is the entry the outermost one
  // wrote; entries before it are the client's own and never trusted. 0: no proxy, the socket's address.
  proxy: {
    koa: env.int('PROXY_HOPS', 0) > 0,
    maxIpsCount: env.int('PROXY_HOPS', 0),
  },
  app: {
    keys: env.array('APP_KEYS'),
  },
  // Uploaded media live under <PUBLIC_DIR>/uploads; tests point this at a throwaway folder.
  dirs: {
    public: env('PUBLIC_DIR', './public'),
  },
  // The scheduled-publishing clock. Tests switch it off and call the scheduler with their own clock.
  cron: {
    enabled: env.bool('CRON_ENABLED', true),
    tasks: cronTasks,
  },
  logger: {
    updates: { enabled: env.bool('STRAPI_UPDATE_NOTIFICATION', false) },
  },
});
