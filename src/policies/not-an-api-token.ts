/**
 * API tokens are issued to partner sites to read content; they never act for a person,
 * so routes about people's accounts refuse them (see src/access/account-privacy.ts).
 * Strapi 5 names its token strategy `content-api-token` (`api-token` in older releases).
 */
type PolicyContext = { state: { auth?: { strategy?: { name?: string } } } };

const API_TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

export default (policyContext: PolicyContext): boolean =>
  !API_TOKEN_STRATEGIES.has(policyContext.state.auth?.strategy?.name ?? '');
