import type { Core } from '@strapi/strapi';

type Route = { method: string; path: string; config?: { policies?: unknown[] } & Record<string, unknown> };

/** Only full-access tokens list or read the media library over the Content API (see policies/full-access-token). */
export const closeMediaLibraryListing = (strapi: Core.Strapi): void => {
  const routes: Route[] = strapi.plugin('upload').routes['content-api'].routes;
  for (const route of routes.filter((candidate) => candidate.method === 'GET')) {
    route.config = { ...route.config, policies: [...(route.config?.policies ?? []), 'global::full-access-token'] };
  }
};
