import type { Core } from '@strapi/strapi';
import { refuseExpiredInvitation } from '../participation/invitations';
import { findStaffMember } from '../participation/staff-accounts';

type PasswordRouteContext = {
  path: string;
  request: { body?: { code?: unknown; email?: unknown } };
  body: unknown;
};

/**
 * Route middleware of users-permissions' `POST /api/auth/reset-password` and
 * `POST /api/auth/forgot-password`:
 * - an invitation code (src/participation/invitations.ts) past its expiry is refused with a 400
 *   before the code is looked up; Strapi's own reset codes pass unchanged;
 * - a forgotten password of a staff account is not reset by mail (there is none: an
 *   administrator hands out a new invitation), so it cannot replace a pending invitation. It is
 *   answered as any other address is, so the answer tells nobody which accounts are staff.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: PasswordRouteContext, next: () => Promise<void>) => {
    if (ctx.path.toLowerCase().includes('reset-password'))
      refuseExpiredInvitation(ctx.request.body?.code);
    if (
      ctx.path.toLowerCase().includes('forgot-password') &&
      typeof ctx.request.body?.email === 'string'
    ) {
      const email = ctx.request.body.email.trim().toLowerCase();
      const account = await strapi.db
        .query('plugin::users-permissions.user')
        .findOne({ where: { email }, select: ['id'] });
      const staff = account ? await findStaffMember(strapi, { account: { id: account.id } }) : null;
      if (staff) {
        ctx.body = { ok: true };
        return;
      }
    }
    await next();
  };
