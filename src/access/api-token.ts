/**
 * Whether a request is authenticated by a Content API token. Strapi 5 names its token strategy
 * `content-api-token` (`api-token` in older releases).
 */
type Auth = { strategy?: { name?: string } } | undefined;

const API_TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

export const isApiToken = (auth: Auth): boolean =>
  API_TOKEN_STRATEGIES.has(auth?.strategy?.name ?? '');
