import type { Core } from '@strapi/strapi';
import { liveContentCache } from '../kernel/live-content-version';

type PermissionService = { findPublicPermissions(): Promise<unknown[]> };

/**
 * Strapi reads the Public role's permissions (a join of three tables, some fifty rows turned into
 * objects) for every request without a token. They change only through permission and role
 * writes, and each of those moves the live-content version (response-cache/invalidation.ts), so
 * they are read once per version, on every instance, and a change counts from its commit.
 */
export const rememberPublicPermissions = (strapi: Core.Strapi): void => {
  const service = strapi.plugin('users-permissions').service<PermissionService>('permission');
  const read = service.findPublicPermissions.bind(service);
  const remembered = liveContentCache<unknown[]>();
  service.findPublicPermissions = () => remembered(strapi, 'public-permissions', read);
};
