/**
 * The media library's listing (`GET /api/upload/files…`) is for integrations that manage
 * media, holding a full-access API token. Public readers, read-only tokens and staff reach
 * files only through the published content that uses them.
 */
type PolicyContext = { state: { auth?: { strategy?: { name?: string }; credentials?: { type?: string } } } };

const API_TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

export default (policyContext: PolicyContext): boolean => {
  const auth = policyContext.state.auth;
  return API_TOKEN_STRATEGIES.has(auth?.strategy?.name ?? '') && auth?.credentials?.type === 'full-access';
};
