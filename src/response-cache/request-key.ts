import type { IncomingMessage } from 'http';
import { LRUCache } from 'lru-cache';
import { parameterName } from '../http/redacted-url';
import type { GraphqlRead } from './graphql-operation';

/** Whose view a response is: the Public role, one API token, or the display screens. */
export type ReaderScope = 'public' | `channel:${string}` | `token:${number}`;

/** The parameter a name belongs to as Strapi's parser (qs) reads it: `sort` for `sort[]` and `sort[0]`. */
const rootName = (name: string): string => {
  const bracket = name.indexOf('[');
  return bracket > 0 ? name.slice(0, bracket) : name;
};

const orderedByName = (query: string): string =>
  query
    .split('&')
    .filter((pair) => pair.length > 0 && parameterName(pair) !== 'token')
    .map((pair, index) => ({ pair, name: rootName(parameterName(pair)), index }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.index - b.index))
    .map(({ pair }) => pair)
    .join('&');

// Readers repeat the same query strings: each is ordered once (its decoding and sorting showed in
// a hit's profile). Bounded by the characters held.
const orderedQueries = new LRUCache<string, string>({
  maxSize: 2_000_000,
  sizeCalculation: (ordered, query) => ordered.length + query.length + 1,
});

/**
 * The query string with its parameters ordered by name, so `?locale=zh-CN&sort=…` and
 * `?sort=…&locale=zh-CN` are one entry. The sort is stable and by the parameter a name belongs
 * to: everything qs merges into one value (`sort=a&sort[]=b`, `sort[]=a&sort[]=b`) keeps its
 * order, which is its meaning. Credentials (`token`) are never part of a key.
 */
export const normalisedQuery = (query: string): string => {
  if (query === '') return query;
  let ordered = orderedQueries.get(query);
  if (ordered === undefined) {
    ordered = orderedByName(query);
    orderedQueries.set(query, ordered);
  }
  return ordered;
};

const header = (request: IncomingMessage, name: string): string => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
};

/**
 * What else than the resource decides the answer, as the front found it: the CORS answer's
 * origin (the Origin when CORS allows it; every other Origin gets the same answer as none), and
 * whether the forwarding headers count (only when Koa trusts a proxy).
 */
export type RequestContext = { corsOrigin: string; behindProxy: boolean };

/**
 * What makes two requests the same response: the reader's scope, the CORS origin, the Host
 * (feeds and sitemaps build absolute URLs from the request's origin) and, behind a trusted
 * proxy, the forwarding headers that change that origin.
 */
const requestParts = (
  request: IncomingMessage,
  scope: ReaderScope,
  { corsOrigin, behindProxy }: RequestContext,
): string[] => [
  scope,
  corsOrigin,
  header(request, 'host'),
  behindProxy
    ? `${header(request, 'x-forwarded-host')} ${header(request, 'x-forwarded-proto')}`
    : '',
];

/** A GET's key: path and normalised query. HEAD shares it (same headers, no body). */
export const readKey = (
  request: IncomingMessage,
  scope: ReaderScope,
  context: RequestContext,
  path: string,
  query: string,
): string =>
  ['GET', ...requestParts(request, scope, context), `${path}?${normalisedQuery(query)}`].join('\n');

/**
 * A GraphQL query's key: the normalised document, the operation chosen, the variables, and
 * `Accept` (the server answers `application/json` or `application/graphql-response+json` by it).
 */
export const graphqlKey = (
  request: IncomingMessage,
  scope: ReaderScope,
  context: RequestContext,
  path: string,
  read: GraphqlRead,
): string =>
  [
    'POST',
    ...requestParts(request, scope, context),
    header(request, 'accept'),
    path,
    read.document,
    read.operationName ?? '',
    read.variables,
  ].join('\n');
