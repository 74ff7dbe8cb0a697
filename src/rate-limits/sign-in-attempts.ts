/** How a sign-in route is counted: which body field names the account, and what counts as an attempt. */
export type SignInRoute = {
  /** The body field naming the account, or null where the body names none (a reset code). */
  account: 'email' | 'identifier' | null;
  /** Every request counts (a forgotten-password mail is sent whatever the answer says); else only refused ones. */
  countsEvery: boolean;
};

/**
 * The sign-in routes of the admin panel and of staff (users-permissions), under one limit shared
 * by every instance. Strapi's own limits on them (in memory, English only) are switched off in
 * config/admin.ts and config/plugins.ts.
 */
export const SIGN_IN_ROUTES: Readonly<Record<string, SignInRoute>> = {
  '/admin/login': { account: 'email', countsEvery: false },
  '/admin/forgot-password': { account: 'email', countsEvery: true },
  '/admin/reset-password': { account: null, countsEvery: false },
  '/api/auth/local': { account: 'identifier', countsEvery: false },
  '/api/auth/forgot-password': { account: 'email', countsEvery: true },
  '/api/auth/reset-password': { account: null, countsEvery: false },
};

/** The route a POST path signs in through, matched as the router does (case, trailing slash). */
export const signInRouteOf = (path: string): { path: string; route: SignInRoute } | null => {
  const normalised = path.toLowerCase().replace(/(.)\/+$/, '$1');
  const route = SIGN_IN_ROUTES[normalised];
  return route ? { path: normalised, route } : null;
};

/** The key of one account's attempts from one address on one route, or null when the body names none. */
export const accountAttemptsKey = (
  path: string,
  route: SignInRoute,
  address: string,
  body: unknown,
): string | null => {
  if (route.account === null || body === null || typeof body !== 'object') return null;
  const named = (body as Record<string, unknown>)[route.account];
  return typeof named === 'string' && named.length > 0
    ? `${path}|${address}|${named.trim().toLowerCase()}`
    : null;
};
