import type { Core } from '@strapi/strapi';
import { registerAdminRoutes } from '../access/admin-route';
import { grantMissing } from '../access/content-api-access';
import { addPluginRouteMiddleware } from '../access/plugin-route-policy';
import { PARTICIPATION_ADMIN_ROUTES } from './admin-routes';
import { PARTICIPATION_UID } from './participation-types';
import { contributionFolder } from './contribution-photos';
import { ensureLedgerIndexes } from './points-ledger';
import { rankingsLiveOnScreens } from './screen-rankings';

/** What a signed-in account may call of the participation API; the route middleware then requires an active staff member. */
export const STAFF_ACTIONS: readonly string[] = ['me', 'myContributions', 'submit', 'edit', 'rankings', 'myOpinions', 'sendOpinion', 'rate'].map((action) => `api::participation.staff.${action}`);

/** Staff records, contributions and the ledger never enter the public GraphQL schema (they have no REST route either); rankings shown on screens are live content. */
export const registerParticipation = (strapi: Core.Strapi): void => {
  const extension = strapi.plugin('graphql')?.service('extension');
  for (const uid of Object.values(PARTICIPATION_UID)) extension?.shadowCRUD(uid).disable();
  // An invitation (invitations.ts) is a reset code with an expiry Strapi does not know of, and no mail may replace it.
  addPluginRouteMiddleware(strapi, 'users-permissions', 'content-api', (route) => route.method === 'POST' && (route.path === '/auth/reset-password' || route.path === '/auth/forgot-password'), 'global::staff-password-routes');
  addPluginRouteMiddleware(strapi, 'upload', 'content-api', (route) => route.method === 'GET', 'global::contribution-photos-hidden');
  rankingsLiveOnScreens(strapi);
};

/** The ledger's indexes, the photos' folder, the staff's permissions, and the admin API (inbox, staff accounts, rankings, opinions). */
export const bootstrapParticipation = async (strapi: Core.Strapi): Promise<void> => {
  await ensureLedgerIndexes(strapi);
  await contributionFolder(strapi);
  await grantMissing(strapi, 'authenticated', STAFF_ACTIONS);
  registerAdminRoutes(strapi, PARTICIPATION_ADMIN_ROUTES);
};
