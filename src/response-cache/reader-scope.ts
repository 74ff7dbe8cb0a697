import type { IncomingMessage } from 'http';
import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import type { ReaderScope } from './request-key';

/**
 * A channel's own read (the screens' feed), handed over by the channels at start: the response
 * cache answers it for that channel's readers only, as its route's policy would.
 */
export type ChannelFeed = {
  channel: string;
  /** Under the API prefix: `/screen/feed`. */
  path: string;
  mayRead: (strapi: Core.Strapi, authorization: string | undefined, queryToken: unknown) => boolean;
};

/** What a token was found to be, and under which live-content version (every token change moves it). */
type RememberedToken = { version: string; token: { id: number; expiresAt: string | null } | false };

/** The part of Strapi's Content API token service a hit needs (admin::api-token-content-api). */
type TokenService = {
  hash(accessKey: string): string;
  getByAccessKey(
    hash: string,
  ): Promise<{ id: number; kind: string | null; expiresAt: string | null } | null | undefined>;
};

const bearerOf = (request: IncomingMessage): string | null | undefined => {
  const authorization = request.headers.authorization;
  if (authorization === undefined) return undefined;
  const parts = authorization.split(/\s+/);
  return parts.length === 2 && parts[0].toLowerCase() === 'bearer' ? parts[1] : null;
};

/**
 * Whose view the request reads, decided before Strapi's chain runs under the live-content
 * `version` just read, or null when it must go through the chain (a users-permissions or admin
 * JWT, an unknown, expired or malformed token, a channel's feed its reader may not read): only the
 * chain answers those.
 */
export type ReaderScopes = (
  request: IncomingMessage,
  path: string,
  queryToken: unknown,
  version: string,
) => Promise<ReaderScope | null>;

/** As Koa's router matches paths: without regard to case or a trailing slash. */
const routeShape = (path: string) => path.toLowerCase().replace(/\/+$/, '');

/**
 * API tokens are checked as Strapi's own strategy does (kind, expiry) and remembered by their
 * hash while the live-content version they were looked up under is current. Every token change
 * (created, regenerated, revoked, its permissions) moves that version once committed, on every
 * instance, so a hit costs no database read and a revoked token is refused from then on.
 */
export const readerScopes = (
  strapi: Core.Strapi,
  apiPrefix: string,
  feeds: readonly ChannelFeed[],
): ReaderScopes => {
  const feedAt = new Map(feeds.map((feed) => [routeShape(`${apiPrefix}${feed.path}`), feed]));
  const tokens = new LRUCache<string, RememberedToken>({ max: 10_000 });
  // Boundary: Strapi's token service is untyped in its public types.
  const tokenService = () => strapi.service('admin::api-token-content-api') as TokenService;

  const contentApiToken = async (
    accessKey: string,
    version: string,
  ): Promise<RememberedToken['token']> => {
    const hash = tokenService().hash(accessKey);
    const known = tokens.get(hash);
    if (known?.version === version) return known.token;
    const stored = await tokenService().getByAccessKey(hash);
    const token =
      stored && (stored.kind === 'content-api' || stored.kind === null)
        ? { id: stored.id, expiresAt: stored.expiresAt }
        : false;
    // Remembered under the version read before the lookup: a change committed meanwhile retires it.
    tokens.set(hash, { version, token });
    return token;
  };

  return async (request, path, queryToken, version) => {
    const feed = feedAt.get(routeShape(path));
    if (feed !== undefined)
      return feed.mayRead(strapi, request.headers.authorization, queryToken)
        ? `channel:${feed.channel}`
        : null;
    const bearer = bearerOf(request);
    if (bearer === undefined) return 'public';
    if (bearer === null) return null;
    const token = await contentApiToken(bearer, version);
    if (token === false) return null;
    if (token.expiresAt !== null && new Date(token.expiresAt).getTime() < Date.now()) return null;
    return `token:${token.id}`;
  };
};
