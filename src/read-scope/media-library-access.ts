import type { Core } from '@strapi/strapi';
import { addPluginRoutePolicy } from '../access/plugin-route-policy';

/** Only full-access tokens list or read the media library over the Content API (see policies/full-access-token). */
export const closeMediaLibraryListing = (strapi: Core.Strapi): void =>
  addPluginRoutePolicy(strapi, 'upload', 'content-api', (route) => route.method === 'GET', 'global::full-access-token');
