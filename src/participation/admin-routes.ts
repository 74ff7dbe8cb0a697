import type { AdminRoutes } from '../access/admin-route';

/** The participation module's admin API, under /participation: the contributions inbox, staff accounts, rankings. */
export const PARTICIPATION_ADMIN_ROUTES: AdminRoutes = {
  prefix: '/participation',
  controller: 'api::participation.participation-admin',
  routes: [
    ['GET', '/contributions', 'inbox'],
    ['POST', '/contributions/:documentId/adopt', 'adopt'],
    ['POST', '/contributions/:documentId/decline', 'decline'],
    ['POST', '/staff/import', 'importStaff'],
    ['POST', '/staff/:documentId/invitation', 'invite'],
    ['POST', '/staff/:documentId/password', 'generatePassword'],
    ['GET', '/rankings', 'rankings'],
    ['GET', '/rankings/export', 'exportRankings'],
    ['GET', '/quotas', 'quotas'],
    ['GET', '/opinions', 'opinions'],
    ['POST', '/opinions/:documentId/answer', 'answer'],
    ['POST', '/opinions/:documentId/qa', 'proposeQa'],
  ],
};
