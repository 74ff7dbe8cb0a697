import type { Core } from '@strapi/strapi';
import { registerAdminRoutes } from '../access/admin-route';
import { addPluginRouteMiddleware } from '../access/plugin-route-policy';
import { PARTICIPATION_ADMIN_ROUTES } from './admin-routes';
import { PARTICIPATION_UID } from './participation-types';
import { contributionFolder } from './contribution-photos';
import { ensureLedgerIndexes } from './points-ledger';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

/** What a signed-in account may call of the participation API; the route middleware then requires an active staff member. */
export const STAFF_ACTIONS: readonly string[] = ['me', 'myContributions', 'submit', 'edit', 'rankings', 'myOpinions', 'sendOpinion', 'rate'].map((action) => `api::participation.staff.${action}`);

/** Staff records, contributions and the ledger never enter the public GraphQL schema (they have no REST route either). */
export const registerParticipation = (strapi: Core.Strapi): void => {
  const extension = strapi.plugin('graphql')?.service('extension');
  for (const uid of Object.values(PARTICIPATION_UID)) extension?.shadowCRUD(uid).disable();
  // An invitation (invitations.ts) is a reset code with an expiry Strapi does not know of, and no mail may replace it.
  addPluginRouteMiddleware(strapi, 'users-permissions', 'content-api', (route) => route.method === 'POST' && (route.path === '/auth/reset-password' || route.path === '/auth/forgot-password'), 'global::staff-password-routes');
  addPluginRouteMiddleware(strapi, 'upload', 'content-api', (route) => route.method === 'GET', 'global::contribution-photos-hidden');
};

const grantStaffActions = async (strapi: Core.Strapi) => {
  const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: 'authenticated' } });
  if (!role) throw new Error('users-permissions role "authenticated" is missing');
  const existing = (await strapi.db.query(PERMISSION_UID).findMany({ where: { role: role.id, action: { $in: STAFF_ACTIONS } } })) as Array<{ action: string }>;
  const granted = new Set(existing.map((permission) => permission.action));
  for (const action of STAFF_ACTIONS.filter((name) => !granted.has(name))) await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
};

/** The ledger's indexes, the photos' folder, the staff's permissions, and the admin API (inbox, staff accounts, rankings, opinions). */
export const bootstrapParticipation = async (strapi: Core.Strapi): Promise<void> => {
  await ensureLedgerIndexes(strapi);
  await contributionFolder(strapi);
  await grantStaffActions(strapi);
  registerAdminRoutes(strapi, PARTICIPATION_ADMIN_ROUTES);
};
