import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isApiToken } from '../access/api-token';
import jwt from 'jsonwebtoken';
import { errorBody } from '../http/error-body';
import { bearerOf } from '../http/request-listener';
import {
  passwordChangeFirst,
  passwordChangeRequired,
  passwordHistory,
  SESSION_ENDED,
  sessionOutlived,
} from '../participation/password-events';
import { staffMemberOfAccount, type StaffMember } from '../participation/staff-accounts';
import { rateLimitsOf } from '../rate-limits';
import { retryAfterSeconds, tooManyRequestsBody } from '../rate-limits/too-many-requests';

type StaffContext = {
  method: string;
  get: (header: string) => string;
  state: {
    user?: { id: number };
    auth?: { strategy?: { name?: string } };
    staffMember?: StaffMember;
    route?: { handler?: string };
  };
  status: number;
  body: unknown;
  set: (name: string, value: string) => void;
};

/**
 * Route middleware of the participation API (src/api/participation/routes): the caller must be
 * signed in as an active staff member (a users-permissions account that belongs to one; API
 * tokens never act for a person), who is then `ctx.state.staffMember`, and has chosen their own
 * password. Every write counts against that person's allowance (rate limits on), in memory or
 * Redis, wherever it is sent from.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: StaffContext, next: () => Promise<void>) => {
    const user = ctx.state.user;
    if (isApiToken(ctx.state.auth) || !user)
      throw new errors.UnauthorizedError('请先登录 / Sign in as a staff member');
    const member = await staffMemberOfAccount(strapi, user.id);
    if (!member)
      throw new errors.ForbiddenError(
        '该账号不是在册职工 / This account is not an active staff member',
      );
    // A session older than the password's last setting has ended; a password an administrator set
    // is theirs to know: nothing but `me` (which says so) until the person chooses their own.
    const lastSet = await passwordHistory(strapi, member, 1);
    const session = jwt.decode(bearerOf(ctx.get('authorization')) ?? '', { json: true });
    if (sessionOutlived(session?.iat, lastSet)) {
      // Answered here: Strapi would replace an UnauthorizedError's message with its own.
      ctx.status = 401;
      ctx.body = errorBody(401, 'UnauthorizedError', SESSION_ENDED);
      return;
    }
    if (passwordChangeRequired(lastSet) && !ctx.state.route?.handler?.endsWith('staff.me'))
      throw passwordChangeFirst(lastSet[0]);
    ctx.state.staffMember = member;
    const limits = rateLimitsOf(strapi);
    if (limits && ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      const refusal = await limits.limiters.consume('staffWrites', String(member.id));
      if (refusal) {
        const retryAfter = retryAfterSeconds(refusal.retryAfterMs);
        ctx.set('Retry-After', String(retryAfter));
        ctx.status = 429;
        ctx.body = tooManyRequestsBody('staffWrites', retryAfter, refusal.allowance);
        return;
      }
    }
    await next();
  };
