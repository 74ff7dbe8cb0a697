import type { IncomingMessage } from 'http';
import { errors } from '@strapi/utils';
import { gzipOf, representationFor } from './content-coding';
import { notModified, strongEtag } from './etag';
import { parsedBody } from './graphql-operation';
import type { PendingRead, ResponseCache } from './response-cache';
import type { StoredResponse } from './response-store';

/** The part of Koa's context a miss is stored from. */
export type MissContext = {
  req: IncomingMessage;
  method: string;
  status: number;
  body: unknown;
  request: {
    body?: unknown;
    rawBody?: string;
    header: Record<string, string | string[] | undefined>;
  };
  response: {
    headers: Record<string, number | string | string[] | undefined>;
    get(name: string): string;
  };
  state: {
    route?: { info?: { type?: string } };
    channel?: unknown;
    auth?: { strategy?: { name?: string }; credentials?: { id?: unknown } | null };
  };
  set(name: string, value: string): void;
  remove(name: string): void;
  vary(field: string): void;
};

/** Headers a hit must not repeat from the miss: they describe one connection or one moment. */
const PER_RESPONSE = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
]);

/** The chain authenticated the reader the front said it was: a response is stored only then. */
const sameReader = (state: MissContext['state'], pending: PendingRead): boolean => {
  const { auth } = state;
  // A channel's own route (the screen feed, behind its token policy) reads for that channel,
  // whatever the path looked like.
  const channelScope = typeof state.channel === 'string' ? `channel:${state.channel}` : undefined;
  if (channelScope !== undefined || pending.scope.startsWith('channel:'))
    return channelScope === pending.scope;
  if (pending.scope === 'public')
    return auth === undefined || (auth.strategy?.name === 'users-permissions' && !auth.credentials);
  return (
    auth?.strategy?.name === 'content-api-token' &&
    `token:${String(auth.credentials?.id)}` === pending.scope
  );
};

/** GraphQL answers errors with a 200: a passing failure (a timeout) must not be kept for everyone. */
const hasGraphqlErrors = (pending: PendingRead, body: Buffer): boolean => {
  if (pending.method !== 'POST') return false;
  try {
    return (JSON.parse(body.toString('utf8')) as { errors?: unknown }).errors !== undefined;
  } catch {
    return true;
  }
};

const bodyBytes = (body: unknown): Buffer | null => {
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  if (
    body !== null &&
    typeof body === 'object' &&
    typeof (body as { pipe?: unknown }).pipe !== 'function'
  )
    return Buffer.from(JSON.stringify(body));
  return null; // a stream (the screen stream) or nothing
};

/**
 * The body in memory of its own: a small Buffer is a slice of an 8 KB pool block, and keeping
 * the slice keeps the whole block (a 1 KB answer would hold 8 KB, beyond the cache's byte budget).
 */
const ownBytes = (body: Buffer): Buffer => {
  if (body.byteLength === body.buffer.byteLength) return body;
  const own = Buffer.allocUnsafeSlow(body.byteLength);
  body.copy(own);
  return own;
};

/**
 * The inner half of the response cache, in Strapi's chain inside the security and CORS
 * middlewares (their headers are part of what is stored, as is powered-by's): gives
 * GraphQL the body the front already read, and stores what a miss answered (a 200 of a Content
 * API read, to the reader the front identified, with no cookie) with the ETag and Cache-Control
 * a hit will repeat. Every other request waits here until the invalidations it caused have
 * landed, so a publish call returns only once no instance can serve what it replaced.
 */
export const fillResponseCache =
  (cache: ResponseCache) => async (ctx: MissContext, next: () => Promise<void>) => {
    const raw = cache.readBodies.get(ctx.req);
    if (raw !== undefined) {
      const body = parsedBody(raw);
      if (!body.valid) throw new errors.ValidationError('The request body is not valid JSON');
      // As koa-bodyparser's strict mode: an object (or a batch), never a bare value Apollo cannot read.
      if (body.parsed === null || typeof body.parsed !== 'object')
        throw new errors.ValidationError(
          'A GraphQL request body must be a JSON object: {"query": "…"}',
        );
      ctx.request.body = body.parsed;
      ctx.request.rawBody = raw;
    }
    await next();
    const pending = cache.pending.get(ctx.req);
    if (!pending) {
      await cache.settled();
      return;
    }
    if (ctx.status !== 200 || ctx.response.headers['set-cookie'] !== undefined) return;
    if (ctx.state.route?.info?.type !== 'content-api' || !sameReader(ctx.state, pending)) return;
    const body = bodyBytes(ctx.body);
    if (body === null || hasGraphqlErrors(pending, body)) return;
    if (pending.method === 'GET') {
      if (!ctx.response.get('ETag')) ctx.set('ETag', strongEtag(body));
      if (!ctx.response.get('Cache-Control')) {
        const { maxAgeSeconds, staleWhileRevalidateSeconds } = cache.config;
        // A token's answer is that token holder's: shared caches (a CDN) must not give it to others.
        const audience = pending.scope === 'public' ? 'public' : 'private';
        ctx.set(
          'Cache-Control',
          `${audience}, max-age=${maxAgeSeconds}, stale-while-revalidate=${staleWhileRevalidateSeconds}`,
        );
      }
    }
    const gzipped = gzipOf(body, ctx.response.get('Content-Type'));
    // Both representations say that they depend on Accept-Encoding, as a CDN needs to know.
    if (gzipped) ctx.vary('Accept-Encoding');
    const headers = Object.entries(ctx.response.headers)
      .filter(([name, value]) => !PER_RESPONSE.has(name) && value !== undefined)
      .map(([name, value]): [string, string] => [
        name,
        Array.isArray(value) ? value.join(', ') : String(value),
      ]);
    const stored: StoredResponse = {
      status: 200,
      headers,
      body: ownBytes(body),
      ...(gzipped ? { gzipped: ownBytes(gzipped) } : {}),
    };
    // HEAD gets the headers a GET would (Koa sends no body); it is not stored, having none to send.
    // Stored only if nothing changed what is live while it was being built.
    if (ctx.method !== 'HEAD' && (await cache.version.current()) === pending.version) {
      await cache.store.set(pending.key, pending.version, stored);
    }
    // This reader gets exactly the bytes a hit would send it, so the miss and its hits are the same response.
    const sent = representationFor(ctx.req, stored);
    ctx.body = sent.body;
    for (const [name, value] of sent.headers)
      if (name === 'etag' || name === 'content-encoding') ctx.set(name, value);
    const etag = ctx.response.get('ETag');
    if (
      pending.method === 'GET' &&
      etag &&
      notModified(ctx.request.header['if-none-match'] as string | undefined, etag)
    ) {
      ctx.status = 304;
      ctx.body = null;
      ctx.remove('Content-Encoding');
    }
  };
