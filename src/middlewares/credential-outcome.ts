import type { IncomingMessage } from 'http';
import type { Core } from '@strapi/strapi';
import { isIssuedCredential } from '../access/issued-credential';
import { isScreenToken } from '../channels/screen/screen-access';
import { bearerOf } from '../http/request-listener';
import { noteRecognisedCredential, presentedCredentialOf } from '../rate-limits/credential-outcome';

type AuthContext = {
  req: IncomingMessage;
  status: number;
  get: (header: string) => string;
  state: { isAuthenticated?: boolean; auth?: { credentials?: unknown } };
};

/**
 * Just inside the access log: whether the credential a refused request presented is one the server issued, for
 * the rate limits, which count only unknown, expired or malformed ones against the address
 * (src/rate-limits/rate-limit-front.ts). Strapi's authentication recognised it (an API token, a
 * staff member's JWT); or a route that reads credentials of its own (the screens') refused
 * another kind the server issued, or a screen's token was refused where it does not belong.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: AuthContext, next: () => Promise<void>) => {
    try {
      await next();
    } finally {
      // Only the credential the rate limits counted the request by is looked at: another, valid one
      // sent beside a guess (a header and ?token=) must not make the guess free.
      const presented = presentedCredentialOf(ctx.req);
      if (presented !== null && (ctx.status === 401 || ctx.status === 403)) {
        const authenticated =
          ctx.state.isAuthenticated === true &&
          ctx.state.auth?.credentials &&
          bearerOf(ctx.get('authorization')) === presented;
        if (
          authenticated ||
          isScreenToken(strapi, presented) ||
          (await isIssuedCredential(strapi, presented))
        )
          noteRecognisedCredential(ctx.req);
      }
    }
  };
