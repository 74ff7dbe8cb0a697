import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

type PolicyContext = { request: { header: Record<string, string | undefined>; query: Record<string, unknown> } };

const sameToken = (given: string, expected: string) => {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
};

/**
 * Screens are internal: the feed and stream need one of SCREEN_TOKENS, as a Bearer header or,
 * for EventSource (which cannot set headers), as ?token=. SCREEN_FEED_PUBLIC=true opens them.
 */
export default (policyContext: PolicyContext, _config: unknown, { strapi }: { strapi: Core.Strapi }): boolean => {
  if (strapi.config.get('screens.public') === true) return true;
  const header = policyContext.request.header.authorization ?? '';
  const given = header.startsWith('Bearer ') ? header.slice(7).trim() : typeof policyContext.request.query.token === 'string' ? policyContext.request.query.token : '';
  const tokens = (strapi.config.get('screens.tokens') as string[]).filter((token) => token.length > 0);
  if (given && tokens.some((token) => sameToken(given, token))) return true;
  throw new errors.PolicyError(given ? 'This screen token is not valid' : 'A screen token is required (Authorization: Bearer <token> or ?token=)');
};
