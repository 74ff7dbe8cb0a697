import type { Core } from '@strapi/strapi';

export type PluginRoute = Core.Route;

/**
 * Adds `policy` to the routes of a plugin (its `admin` or `content-api` router) that `applies`
 * selects, keeping the policies they already have. Runs in register(), before routes mount.
 */
export const addPluginRoutePolicy = (strapi: Core.Strapi, plugin: string, router: 'admin' | 'content-api', applies: (route: PluginRoute) => boolean, policy: string): void => {
  const routers = strapi.plugin(plugin).routes;
  // A plugin declares either one list of routes or named routers; the ones this is used for have routers.
  if (Array.isArray(routers) || !routers[router]) throw new Error(`Plugin ${plugin} has no ${router} router`);
  for (const route of routers[router].routes.filter(applies)) {
    route.config = { ...route.config, policies: [...(route.config?.policies ?? []), policy] };
  }
};
