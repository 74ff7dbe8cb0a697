import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { presentedScreenToken, screenMayRead } from '../channels/screen/screen-access';

type PolicyContext = {
  request: { header: Record<string, string | undefined>; query: Record<string, unknown> };
};

/**
 * Screens are internal: the feed and stream need one of SCREEN_TOKENS, as a Bearer header or,
 * for EventSource (which cannot set headers), as ?token=. SCREEN_FEED_PUBLIC=true opens them.
 */
export default (
  policyContext: PolicyContext,
  _config: unknown,
  { strapi }: { strapi: Core.Strapi },
): boolean => {
  const given = presentedScreenToken(
    policyContext.request.header.authorization,
    policyContext.request.query.token,
  );
  if (screenMayRead(strapi, given)) return true;
  throw new errors.PolicyError(
    given
      ? 'This screen token is not valid'
      : 'A screen token is required (Authorization: Bearer <token> or ?token=)',
  );
};
