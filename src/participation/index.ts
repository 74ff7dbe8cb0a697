import type { Core } from '@strapi/strapi';
import { registerAdminRoutes } from '../access/admin-route';
import { grantMissing } from '../access/content-api-access';
import { addPluginRouteMiddleware } from '../access/plugin-route-policy';
import { PARTICIPATION_ADMIN_ROUTES } from './admin-routes';
import { contributionFolder } from './contribution-photos';
import { ensureOpinionIndexes } from './opinions';
import { passwordChangesOnTheTrail } from './password-events';
import { ensureLedgerIndexes } from './points-ledger';
import { rankingsLiveOnScreens } from './screen-rankings';

/**
 * What a signed-in account may call: the participation API (whose route middleware then requires
 * an active staff member) and a change of its own password.
 */
export const STAFF_ACTIONS: readonly string[] = [
  ...[
    'me',
    'myContributions',
    'submit',
    'edit',
    'rankings',
    'myOpinions',
    'sendOpinion',
    'rate',
  ].map((action) => `api::participation.staff.${action}`),
  'plugin::users-permissions.auth.changePassword',
];

/** Invitations, forgotten and set passwords of staff accounts; rankings shown on screens are live content. */
export const registerParticipation = (strapi: Core.Strapi): void => {
  passwordChangesOnTheTrail(strapi);
  // An invitation (invitations.ts) is a reset code with an expiry Strapi does not know of, and no mail may replace it.
  addPluginRouteMiddleware(
    strapi,
    'users-permissions',
    'content-api',
    (route) =>
      route.method === 'POST' &&
      (route.path === '/auth/reset-password' || route.path === '/auth/forgot-password'),
    'global::staff-password-routes',
  );
  rankingsLiveOnScreens(strapi);
};

/** The ledger's indexes, the photos' folder, the staff's permissions, and the admin API (inbox, staff accounts, rankings, opinions). */
export const bootstrapParticipation = async (strapi: Core.Strapi): Promise<void> => {
  await ensureLedgerIndexes(strapi);
  await ensureOpinionIndexes(strapi);
  await contributionFolder(strapi);
  await grantMissing(strapi, 'authenticated', STAFF_ACTIONS);
  registerAdminRoutes(strapi, PARTICIPATION_ADMIN_ROUTES);
};
