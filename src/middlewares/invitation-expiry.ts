import { refuseExpiredInvitation } from '../participation/invitations';

/**
 * Route middleware of users-permissions' `POST /api/auth/reset-password`: an invitation code
 * (src/participation/invitations.ts) past its expiry is refused with a 400 before the code is
 * looked up. Strapi's own reset codes pass unchanged.
 */
export default () =>
  async (ctx: { request: { body?: { code?: unknown } } }, next: () => Promise<void>) => {
    refuseExpiredInvitation(ctx.request.body?.code);
    await next();
  };
