import { errors } from '@strapi/utils';
import { isApiToken } from '../access/api-token';

/**
 * The media library's listing (`GET /api/upload/files…`) is for integrations that manage
 * media, holding a full-access API token. Public readers, read-only tokens and staff reach
 * files only through the published content that uses them. Even then a file's `related` (every
 * document using it, drafts included) is not populated: it is outside every reader's scope.
 */
type PolicyContext = {
  state: { auth?: { strategy?: { name?: string }; credentials?: { type?: string } } };
  request: { query: Record<string, unknown> };
};

export default (policyContext: PolicyContext): boolean => {
  const auth = policyContext.state.auth;
  if (!isApiToken(auth) || auth?.credentials?.type !== 'full-access') return false;
  const populate = policyContext.request.query.populate;
  if (populate !== undefined && /related/.test(JSON.stringify(populate))) {
    throw new errors.PolicyError('populate[related] is not allowed: it reaches documents no reader may see');
  }
  return true;
};
