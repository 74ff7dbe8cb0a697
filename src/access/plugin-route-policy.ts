import type { Core } from '@strapi/strapi';

export type PluginRoute = Core.Route;

/**
 * Adds `policy` to the routes of a plugin (its `admin` or `content-api` router) that `applies`
 * selects, keeping the policies they already have. Runs in register(), before routes mount.
 */
export const addPluginRoutePolicy = (
  strapi: Core.Strapi,
  plugin: string,
  router: 'admin' | 'content-api',
  applies: (route: PluginRoute) => boolean,
  policy: string,
): void => {
  const routers = strapi.plugin(plugin).routes;
  // A plugin declares either one list of routes or named routers; the ones this is used for have routers.
  if (Array.isArray(routers) || !routers[router])
    throw new Error(`Plugin ${plugin} has no ${router} router`);
  for (const route of routers[router].routes.filter(applies)) {
    route.config = { ...route.config, policies: [...(route.config?.policies ?? []), policy] };
  }
};

/**
 * Adds route middleware `middleware` (a registered name, e.g. `global::…`) to the routes of a
 * plugin's router that `applies` selects: it runs after the route's authentication and policies,
 * just before its controller. Runs in register(), before routes mount.
 */
export const addPluginRouteMiddleware = (
  strapi: Core.Strapi,
  plugin: string,
  router: 'admin' | 'content-api',
  applies: (route: PluginRoute) => boolean,
  middleware: string,
): void => {
  const routers = strapi.plugin(plugin).routes;
  if (Array.isArray(routers) || !routers[router])
    throw new Error(`Plugin ${plugin} has no ${router} router`);
  const routes = routers[router].routes.filter(applies);
  if (routes.length === 0) throw new Error(`No ${router} route of ${plugin} takes ${middleware}`);
  for (const route of routes) {
    route.config = {
      ...route.config,
      middlewares: [...(route.config?.middlewares ?? []), middleware],
    };
  }
};
