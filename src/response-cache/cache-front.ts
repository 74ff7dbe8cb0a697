import type { IncomingMessage, RequestListener, ServerResponse } from 'http';
import type { Core } from '@strapi/strapi';
import { redactedUrl } from '../middlewares/access-log';
import { notModified } from './etag';
import { cacheableQuery, type GraphqlBody } from './graphql-operation';
import { graphqlKey, readKey, type ReaderScope } from './request-key';
import type { PendingRead, ReadBody, ResponseCache } from './response-cache';
import type { StoredResponse } from './response-store';

/** Koa's own JSON body limit for GraphQL (koa-bodyparser): larger bodies are left to it. */
const MAX_GRAPHQL_BODY = 1024 * 1024;

type Target = { path: string; query: string };

const targetOf = (url: string): Target => {
  const mark = url.indexOf('?');
  return mark < 0 ? { path: url, query: '' } : { path: url.slice(0, mark), query: url.slice(mark + 1) };
};

const queryToken = (query: string): string | undefined => {
  const pair = query.split('&').find((candidate) => candidate.startsWith('token='));
  if (pair === undefined) return undefined;
  try {
    return decodeURIComponent(pair.slice('token='.length).replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
};

const readBody = (request: IncomingMessage): Promise<string | null> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => resolve(null));
    request.on('aborted', () => resolve(null));
  });

const parsedBody = (raw: string): ReadBody => {
  try {
    return { raw, parsed: JSON.parse(raw) as unknown, valid: true };
  } catch {
    return { raw, parsed: undefined, valid: false };
  }
};

/**
 * Sends a stored response with the headers the miss carried; `304` to a GET whose
 * If-None-Match names its ETag (content headers dropped, as Koa drops them).
 */
const send = (request: IncomingMessage, response: ServerResponse, stored: StoredResponse): number => {
  const headers = new Map<string, string>(stored.headers);
  const etag = headers.get('etag');
  const status = request.method !== 'POST' && etag !== undefined && notModified(request.headers['if-none-match'], etag) ? 304 : stored.status;
  if (status === 304) {
    headers.delete('content-type');
  } else {
    headers.set('content-length', String(stored.body.length));
  }
  response.writeHead(status, Object.fromEntries(headers));
  response.end(status === 304 || request.method === 'HEAD' ? undefined : stored.body);
  return status;
};

/**
 * Answers repeated public reads from the response cache before Strapi's middleware chain runs
 * (the chain alone costs more than a whole hit); everything else, and every miss, goes to the
 * chain unchanged. Wraps the HTTP server's request listener.
 */
export const cacheFront = (strapi: Core.Strapi, cache: ResponseCache, chain: RequestListener): RequestListener => {
  const apiPrefix = `${(strapi.config.get('api.rest.prefix') as string | undefined) ?? '/api'}/`;
  const graphqlPath = strapi.plugin('graphql') ? (strapi.plugin('graphql').config('endpoint') as string) : null;

  /** The cache entry a request would read, or null for requests the cache never answers. */
  const identify = async (request: IncomingMessage, { path, query }: Target): Promise<Omit<PendingRead, 'version'> | null> => {
    if ((request.method === 'GET' || request.method === 'HEAD') && path.startsWith(apiPrefix)) {
      const scope = await cache.scopes.of(request, path, queryToken(query));
      return scope === null ? null : { key: readKey(request, scope, path, query), scope, method: 'GET' };
    }
    if (request.method === 'POST' && path === graphqlPath && query === '') {
      const length = Number(request.headers['content-length']);
      if (!(length > 0 && length <= MAX_GRAPHQL_BODY) || !/^application\/json\b/i.test(request.headers['content-type'] ?? '')) return null;
      const raw = await readBody(request);
      if (raw === null) return null;
      const body = parsedBody(raw);
      cache.readBodies.set(request, body);
      const operation = body.valid && typeof body.parsed === 'object' && body.parsed !== null ? cacheableQuery(body.parsed as GraphqlBody) : null;
      if (operation === null) return null;
      const scope = await cache.scopes.of(request, path, undefined);
      if (scope === null) return null;
      const { variables } = body.parsed as GraphqlBody;
      return { key: graphqlKey(request, scope, path, operation.document, operation.operationName, variables), scope, method: 'POST' };
    }
    return null;
  };

  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const started = Date.now();
    const read = await identify(request, targetOf(request.url ?? '/'));
    if (read === null) return false;
    const version = await cache.version.current();
    if (version === null) return false;
    const stored = await cache.store.get(read.key, version);
    if (stored === undefined) {
      cache.pending.set(request, { ...read, version });
      return false;
    }
    const status = send(request, response, stored);
    strapi.log.http(`${request.method} ${redactedUrl(request.url ?? '/')} (${Math.ceil(Date.now() - started)} ms) ${status}`);
    return true;
  };

  return (request, response) => {
    answer(request, response).then(
      (answered) => {
        if (!answered) chain(request, response);
      },
      (error: Error) => {
        // The cache is an accelerator: when it fails, Strapi answers.
        strapi.log.warn(`response cache: ${error.message}`);
        if (!response.headersSent) chain(request, response);
      }
    );
  };
};
