import type { Core } from '@strapi/strapi';
import { rateLimitsOf } from '../rate-limits';
import { addressKey } from '../rate-limits/client-address';
import { accountAttemptsKey, signInRouteOf } from '../rate-limits/sign-in-attempts';
import { retryAfterSeconds, tooManyRequestsBody } from '../rate-limits/too-many-requests';

type SignInContext = {
  method: string;
  path: string;
  status: number;
  body: unknown;
  request: { ip: string; body?: unknown };
  set: (name: string, value: string) => void;
};

/**
 * Sign-in attempts (admin panel and staff) per account and address, and per address alone (so
 * naming a new account each time gains nothing). Refused attempts count; a success clears its
 * account's count. After the body parser: the account is named in the body.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: SignInContext, next: () => Promise<void>) => {
    const limits = rateLimitsOf(strapi);
    const signIn = ctx.method === 'POST' ? signInRouteOf(ctx.path) : null;
    if (limits === null || signIn === null) return next();
    const { limiters } = limits;
    const address = addressKey(ctx.request.ip);
    const account = accountAttemptsKey(signIn.path, signIn.route, address, ctx.request.body);
    const refusal =
      (await limiters.exhausted('loginsPerAddress', address)) ??
      (account ? await limiters.exhausted('logins', account) : null);
    if (refusal) {
      const retryAfter = retryAfterSeconds(refusal.retryAfterMs);
      ctx.set('Retry-After', String(retryAfter));
      ctx.status = 429;
      ctx.body = tooManyRequestsBody('logins', retryAfter, refusal.allowance);
      return;
    }
    let refused = true;
    try {
      await next();
      refused = ctx.status >= 400;
    } finally {
      if (refused || signIn.route.countsEvery) {
        await limiters.consume('loginsPerAddress', address);
        if (account) await limiters.consume('logins', account);
      } else if (account) {
        await limiters.forget('logins', account);
      }
    }
  };
