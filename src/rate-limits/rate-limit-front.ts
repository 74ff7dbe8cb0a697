import crypto from 'crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'http';
import type { Core } from '@strapi/strapi';
import { PREVIEW_PATH } from '../constants';
import { allowedCorsOrigin } from '../access/cors-origin';
import { bearerOf, queryParameter, requestTarget } from '../http/request-listener';
import { redactedUrl } from '../http/redacted-url';
import { addressKey, clientAddress, type ProxySettings } from './client-address';
import { notePresentedCredential, presentedRecognisedCredential } from './credential-outcome';
import type { Bucket, Limiters, Refusal } from './limiters';
import { retryAfterSeconds, tooManyRequestsBody, type RefusedFor } from './too-many-requests';

type Paths = { api: string; graphql: string | null; uploads: string };

/**
 * The credential a request presents to the Content API: a Bearer header, or `?token=` on the
 * screen routes (EventSource cannot send headers). Elsewhere `?token=` means nothing, so it must
 * not buy a token's allowance: a made-up one each time would escape the address's limit.
 */
const presentedCredential = (
  request: IncomingMessage,
  path: string,
  query: string,
  screenPrefix: string,
): string | null => {
  const bearer = bearerOf(request.headers.authorization);
  if (bearer) return bearer;
  if (!path.startsWith(screenPrefix)) return null;
  return queryParameter(query, 'token') || null;
};

const digestOf = (credential: string) =>
  crypto.createHash('sha256').update(credential).digest('base64url').slice(0, 22);

/** The buckets counted here, in front of everything (the others are counted where their requests are understood). */
type Counted = {
  bucket: Extract<
    Bucket,
    'reads' | 'tokenReads' | 'actions' | 'adminReads' | 'downloads' | 'receipts'
  >;
  key: string;
};

/** The admin user an admin API request is signed in as (the access token's signature and expiry checked), or null. */
type AdminSessions = (token: string) => string | null;

/**
 * What a request counts against: reads of the public API and GraphQL per address or token,
 * files per address, admin API reads per admin user, look-ups by receipt code per address, or
 * actions (every other write) per address. The admin panel's own files count against nothing.
 */
const countedAs = (
  method: string,
  path: string,
  paths: Paths,
  credential: string | null,
  address: string,
  request: IncomingMessage,
  adminUserOf: AdminSessions,
): Counted | null => {
  const isRead = method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
  if (isRead && path.startsWith(paths.uploads)) return { bucket: 'downloads', key: address };
  // A preview link is checked (signature, session, permissions) on every open: counted per address.
  if (isRead && (path === PREVIEW_PATH || path.startsWith(`${PREVIEW_PATH}/`)))
    return { bucket: 'reads', key: address };
  if ((isRead && path.startsWith(paths.api)) || (method === 'POST' && path === paths.graphql)) {
    // A caller with a token is counted by it (a partner site's many servers behind one address);
    // a made-up token is a wrong credential, and those lock the address out (below).
    return credential
      ? { bucket: 'tokenReads', key: digestOf(credential) }
      : { bucket: 'reads', key: address };
  }
  if (method === 'POST' && path.startsWith(`${paths.api}participation/receipts/`))
    return { bucket: 'receipts', key: address };
  if (!isRead) return { bucket: 'actions', key: address };
  // The admin API: a signed-in admin's reads, per admin user wherever they work from.
  const bearer = bearerOf(request.headers.authorization);
  if (bearer === null || path.startsWith(paths.api) || path === paths.graphql) return null;
  const adminUser = adminUserOf(bearer);
  return adminUser === null
    ? { bucket: 'adminReads', key: `address:${address}` }
    : { bucket: 'adminReads', key: `user:${adminUser}` };
};

/**
 * Rate limits, in front of everything (the response cache's hits included): each request is
 * counted against its address, its token or its admin user before it is answered, and refused
 * with a 429 and Retry-After when the window's allowance is spent, saying what was counted.
 * Requests refused (401/403 to the Content API) for a credential nobody issued, an expired or a
 * malformed one are counted too: past their limit, the address is refused every request that
 * presents a credential until the window ends (a token guesser, a misconfigured screen).
 */
export const rateLimitFront = (
  strapi: Core.Strapi,
  limiters: Limiters,
  next: RequestListener,
): RequestListener => {
  const api =
    `${strapi.config.get<string | undefined>('api.rest.prefix') ?? '/api'}/`.toLowerCase();
  const graphql = strapi.plugin('graphql')
    ? strapi.plugin('graphql').config<string>('endpoint').toLowerCase()
    : null;
  const paths: Paths = { api, graphql, uploads: '/uploads/' };
  const app: ProxySettings = strapi.server.app;
  const corsOrigin = allowedCorsOrigin(strapi);
  const adminUserOf: AdminSessions = (token) => {
    const result = strapi.sessionManager('admin').validateAccessToken(token);
    return result.isValid ? String(result.payload.userId) : null;
  };

  const refuse = (
    request: IncomingMessage,
    response: ServerResponse,
    refused: RefusedFor,
    { retryAfterMs, allowance }: Refusal,
  ): false => {
    const retryAfter = retryAfterSeconds(retryAfterMs);
    const body = JSON.stringify(tooManyRequestsBody(refused, retryAfter, allowance));
    const origin = corsOrigin(request.headers.origin);
    response.writeHead(429, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Retry-After': String(retryAfter),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...(origin ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
    strapi.log.http(`${request.method} ${redactedUrl(request.url ?? '/')} (0 ms) 429`);
    return false;
  };

  const check = async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const target = requestTarget(request.url ?? '/');
    // As the router matches: without regard to case or a trailing slash.
    const path = target.path.toLowerCase().replace(/(.)\/+$/, '$1');
    const { query } = target;
    const address = addressKey(clientAddress(app, request));
    const method = request.method ?? 'GET';
    const isContentApi = path.startsWith(paths.api) || path === paths.graphql;
    const credential = isContentApi
      ? presentedCredential(request, path, query, `${paths.api}screen/`)
      : null;
    if (credential) {
      notePresentedCredential(request, credential);
      const lockedOut = await limiters.exhausted('credentialFailures', address);
      if (lockedOut) return refuse(request, response, 'credentials', lockedOut);
      response.once('finish', () => {
        // Only a credential nobody issued, an expired or a malformed one: a valid token's
        // refusals (a staff member asking for what they may not) lock nobody else out.
        if (
          (response.statusCode === 401 || response.statusCode === 403) &&
          !presentedRecognisedCredential(request)
        ) {
          limiters
            .consume('credentialFailures', address)
            .catch((error: Error) => strapi.log.warn(`rate limits: ${error.message}`));
        }
      });
    }
    const counted = countedAs(method, path, paths, credential, address, request, adminUserOf);
    if (counted === null) return true;
    const refusal = await limiters.consume(counted.bucket, counted.key);
    return refusal ? refuse(request, response, counted.bucket, refusal) : true;
  };

  return (request, response) => {
    check(request, response).then(
      (allowed) => {
        if (allowed) next(request, response);
      },
      (error: Error) => {
        // A counter that cannot be read does not take the site down: the request goes on.
        strapi.log.warn(`rate limits: ${error.message}`);
        if (!response.headersSent) next(request, response);
      },
    );
  };
};
