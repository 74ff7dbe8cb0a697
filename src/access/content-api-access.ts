import type { Core } from '@strapi/strapi';
import { PUBLIC_UIDS } from '../constants';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

/** What readers of the Content API may do: list and read the public types, nothing else. */
export const PUBLIC_READ_ACTIONS: readonly string[] = PUBLIC_UIDS.flatMap((uid) => [
  `${uid}.find`,
  `${uid}.findOne`,
]);

/** Grants `roleType` (a users-permissions role) the `actions` it lacks; returns how many were missing. */
export const grantMissing = async (
  strapi: Core.Strapi,
  roleType: string,
  actions: readonly string[],
): Promise<number> => {
  const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: roleType } });
  if (!role) throw new Error(`users-permissions role "${roleType}" is missing`);
  const existing = await strapi.db
    .query(PERMISSION_UID)
    .findMany({ where: { role: role.id, action: { $in: actions } } });
  const granted = new Set(existing.map((permission: { action: string }) => permission.action));
  const missing = actions.filter((action) => !granted.has(action));
  for (const action of missing) {
    await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
  }
  return missing.length;
};

/**
 * Public (anonymous) and Authenticated readers get find/findOne on the public types. Which
 * versions and items they see is narrowed further on the Document Service
 * (see read-scope/content-api-scope.ts). Self-registration is switched off the first time:
 * staff accounts are issued by administrators.
 */
export const ensureContentApiAccess = async (strapi: Core.Strapi): Promise<void> => {
  const firstSetup =
    (await grantMissing(strapi, 'public', PUBLIC_READ_ACTIONS)) === PUBLIC_READ_ACTIONS.length;
  await grantMissing(strapi, 'authenticated', PUBLIC_READ_ACTIONS);
  if (firstSetup) {
    const advanced = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
    const settings = ((await advanced.get()) ?? {}) as Record<string, unknown>;
    await advanced.set({ value: { ...settings, allow_register: false } });
  }
};
