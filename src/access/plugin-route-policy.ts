import type { Core } from '@strapi/strapi';

export type PluginRoute = { method: string; path: string; config?: { policies?: unknown[] } & Record<string, unknown> };

/**
 * Adds `policy` to the routes of a plugin (its `admin` or `content-api` router) that `applies`
 * selects, keeping the policies they already have. Runs in register(), before routes mount.
 */
export const addPluginRoutePolicy = (strapi: Core.Strapi, plugin: string, router: 'admin' | 'content-api', applies: (route: PluginRoute) => boolean, policy: string): void => {
  const routes = (strapi.plugin(plugin).routes as unknown as Record<string, { routes: PluginRoute[] }>)[router].routes;
  for (const route of routes.filter(applies)) {
    route.config = { ...route.config, policies: [...(route.config?.policies ?? []), policy] };
  }
};
