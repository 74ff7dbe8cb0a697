import type { Core } from '@strapi/strapi';

/**
 * Whether `token` is a credential this server issued and still honours: an API token not past
 * its expiry, or a staff member's session (users-permissions JWT). For routes that read a
 * credential of their own kind and skip Strapi's authentication (the screens'): another valid
 * credential refused there is not a wrong one, and must not lock its address out.
 */
export const isIssuedCredential = async (strapi: Core.Strapi, token: string): Promise<boolean> => {
  if (token.length === 0) return false;
  // Boundary: Strapi's services are untyped; these are the two calls its own strategies make.
  const apiTokens = strapi.service('admin::api-token-content-api');
  const apiToken: { kind?: string | null; expiresAt?: string | null } | null =
    await apiTokens.getByAccessKey(apiTokens.hash(token));
  if (apiToken && apiToken.kind !== 'admin')
    return !apiToken.expiresAt || new Date(apiToken.expiresAt).getTime() > Date.now();
  const session: Promise<unknown> = strapi.plugin('users-permissions').service('jwt').verify(token);
  return session.then(
    () => true,
    () => false,
  );
};
