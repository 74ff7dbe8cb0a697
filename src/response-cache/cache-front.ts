import type { IncomingMessage, RequestListener, ServerResponse } from 'http';
import type { Core } from '@strapi/strapi';
import { queryParameter, requestTarget, type RequestTarget } from '../http/request-listener';
import { redactedUrl } from '../http/redacted-url';
import { representationFor } from './content-coding';
import { notModified } from './etag';
import { graphqlReadOf } from './graphql-operation';
import { graphqlKey, readKey } from './request-key';
import type { PendingRead, ResponseCache } from './response-cache';
import type { StoredResponse } from './response-store';

/** Koa's own JSON body limit for GraphQL (koa-bodyparser): larger bodies are left to it. */
const MAX_GRAPHQL_BODY = 1024 * 1024;

const readBody = (request: IncomingMessage): Promise<string | null> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => resolve(null));
    request.on('aborted', () => resolve(null));
  });

/**
 * Sends a stored response with the headers the miss carried, gzipped to a reader that takes it;
 * `304` to a GET whose If-None-Match names its ETag (content headers dropped, as Koa drops them).
 */
const send = (
  request: IncomingMessage,
  response: ServerResponse,
  stored: StoredResponse,
): number => {
  const { body, head } = representationFor(request, stored);
  const etag = head.etag;
  const unchanged =
    request.method !== 'POST' &&
    etag !== undefined &&
    notModified(request.headers['if-none-match'], etag);
  if (unchanged) {
    const {
      'content-type': _type,
      'content-encoding': _coding,
      'content-length': _length,
      ...headers
    } = head;
    response.writeHead(304, headers);
    response.end();
    return 304;
  }
  response.writeHead(stored.status, head);
  response.end(request.method === 'HEAD' ? undefined : body);
  return stored.status;
};

/**
 * Answers repeated public reads from the response cache before Strapi's middleware chain runs
 * (the chain alone costs more than a whole hit); everything else, and every miss, goes to the
 * chain unchanged. Wraps the HTTP server's request listener.
 */
export const cacheFront = (
  strapi: Core.Strapi,
  cache: ResponseCache,
  chain: RequestListener,
): RequestListener => {
  const apiPrefix = `${strapi.config.get<string | undefined>('api.rest.prefix') ?? '/api'}/`;
  const graphqlPath = strapi.plugin('graphql')
    ? strapi.plugin('graphql').config<string>('endpoint')
    : null;
  const apollo = strapi
    .plugin('graphql')
    ?.config<{ parseOptions?: { maxTokens?: number } } | undefined>('apolloServer');
  const maxTokens = apollo?.parseOptions?.maxTokens ?? 2000;

  /** A POST /graphql body the front may read: JSON, of a declared length within koa-bodyparser's limit. */
  const readableGraphql = (request: IncomingMessage, { path, query }: RequestTarget) => {
    if (request.method !== 'POST' || path !== graphqlPath || query !== '') return false;
    const length = Number(request.headers['content-length']);
    return (
      length > 0 &&
      length <= MAX_GRAPHQL_BODY &&
      /^application\/json\b/i.test(request.headers['content-type'] ?? '')
    );
  };

  /** The cache entry a request would read under `version`, or null for requests the cache never answers. */
  const identify = async (
    request: IncomingMessage,
    target: RequestTarget,
    version: () => Promise<string | null>,
  ): Promise<PendingRead | null> => {
    const context = () => ({
      corsOrigin: cache.corsOriginOf(request.headers.origin),
      behindProxy: cache.behindProxy(),
    });
    if (
      (request.method === 'GET' || request.method === 'HEAD') &&
      target.path.startsWith(apiPrefix)
    ) {
      const current = await version();
      const scope =
        current === null
          ? null
          : await cache.scopes(
              request,
              target.path,
              queryParameter(target.query, 'token'),
              current,
            );
      return scope === null || current === null
        ? null
        : {
            key: readKey(request, scope, context(), target.path, target.query),
            scope,
            method: 'GET',
            version: current,
          };
    }
    if (readableGraphql(request, target)) {
      const raw = await readBody(request);
      if (raw === null) return null;
      cache.readBodies.set(request, raw);
      const read = graphqlReadOf(raw, maxTokens);
      if (read === null) return null;
      const current = await version();
      const scope =
        current === null ? null : await cache.scopes(request, target.path, undefined, current);
      if (scope === null || current === null) return null;
      return {
        key: graphqlKey(request, scope, context(), target.path, read),
        scope,
        method: 'POST',
        version: current,
      };
    }
    return null;
  };

  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const started = Date.now();
    const read = await identify(request, requestTarget(request.url ?? '/'), () =>
      cache.version.current(),
    );
    if (read === null) return false;
    const stored = await cache.store.get(read.key, read.version);
    if (stored === undefined) {
      cache.pending.set(request, read);
      return false;
    }
    const status = send(request, response, stored);
    strapi.log.http(
      `${request.method} ${redactedUrl(request.url ?? '/')} (${Math.ceil(Date.now() - started)} ms) ${status}`,
    );
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
      },
    );
  };
};
