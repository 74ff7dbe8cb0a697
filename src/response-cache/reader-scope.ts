import type { IncomingMessage } from 'http';
import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import { presentedScreenToken, screenMayRead } from '../channels/screen/screen-access';
import type { ReaderScope } from './request-key';

type ContentApiToken = { id: number; expiresAt: string | null } | false;

/** The part of Strapi's Content API token service a hit needs (admin::api-token-content-api). */
type TokenService = {
  hash(accessKey: string): string;
  getByAccessKey(hash: string): Promise<{ id: number; kind: string | null; expiresAt: string | null } | null | undefined>;
};

const bearerOf = (request: IncomingMessage): string | null | undefined => {
  const authorization = request.headers.authorization;
  if (authorization === undefined) return undefined;
  const parts = authorization.split(/\s+/);
  return parts.length === 2 && parts[0].toLowerCase() === 'bearer' ? parts[1] : null;
};

export type ReaderScopes = {
  /**
   * Whose view the request reads, decided before Strapi's chain runs, or null when it must go
   * through the chain (a users-permissions or admin JWT, an unknown, expired or malformed token,
   * a screen without a valid screen token): only the chain answers those.
   */
  of(request: IncomingMessage, path: string, queryToken: unknown): Promise<ReaderScope | null>;
  /** Tokens were created, changed or revoked: look each one up again. */
  forgetTokens(): void;
};

/**
 * API tokens are checked as Strapi's own strategy does (kind, expiry) and remembered by their
 * hash until any token changes, so a hit costs no database read and a revoked token is refused
 * from the moment the revocation is committed.
 */
export const readerScopes = (strapi: Core.Strapi, screenPaths: ReadonlySet<string>): ReaderScopes => {
  const tokens = new LRUCache<string, ContentApiToken>({ max: 10_000 });
  // Boundary: Strapi's token service is untyped in its public types.
  const tokenService = () => strapi.service('admin::api-token-content-api') as unknown as TokenService;

  const contentApiToken = async (accessKey: string): Promise<ContentApiToken> => {
    const hash = tokenService().hash(accessKey);
    const known = tokens.get(hash);
    if (known !== undefined) return known;
    const stored = await tokenService().getByAccessKey(hash);
    const token: ContentApiToken = stored && (stored.kind === 'content-api' || stored.kind === null) ? { id: stored.id, expiresAt: stored.expiresAt } : false;
    tokens.set(hash, token);
    return token;
  };

  return {
    of: async (request, path, queryToken) => {
      const bearer = bearerOf(request);
      if (screenPaths.has(path)) {
        return screenMayRead(strapi, presentedScreenToken(request.headers.authorization, queryToken)) ? 'screen' : null;
      }
      if (bearer === undefined) return 'public';
      if (bearer === null) return null;
      const token = await contentApiToken(bearer);
      if (token === false) return null;
      if (token.expiresAt !== null && new Date(token.expiresAt).getTime() < Date.now()) return null;
      return `token:${token.id}`;
    },
    forgetTokens: () => tokens.clear(),
  };
};
