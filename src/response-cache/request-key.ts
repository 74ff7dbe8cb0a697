import type { IncomingMessage } from 'http';
import stringify from 'safe-stable-stringify';

/** Whose view a response is: the Public role, one API token, or the display screens. */
export type ReaderScope = 'public' | 'screen' | `token:${number}`;

const decodedName = (pair: string): string => {
  const name = pair.split('=')[0].replace(/\+/g, ' ');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
};

/**
 * The query string with its parameters ordered by name, so `?locale=zh-CN&sort=…` and
 * `?sort=…&locale=zh-CN` are one entry. The sort is stable: repeated names (`sort[]=a&sort[]=b`)
 * keep their order, which is their meaning. Credentials (`token`) are never part of a key.
 */
export const normalisedQuery = (query: string): string =>
  query
    .split('&')
    .filter((pair) => pair.length > 0 && decodedName(pair) !== 'token')
    .map((pair, index) => ({ pair, name: decodedName(pair), index }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.index - b.index))
    .map(({ pair }) => pair)
    .join('&');

const header = (request: IncomingMessage, name: string): string => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
};

/**
 * What makes two requests the same response: the reader's scope, the Origin (CORS answers per
 * origin), the Host and forwarding headers (feeds and sitemaps may build absolute URLs from
 * them), and the resource itself.
 */
const requestParts = (request: IncomingMessage, scope: ReaderScope): string[] => [
  scope,
  header(request, 'origin'),
  header(request, 'host'),
  header(request, 'x-forwarded-host'),
  header(request, 'x-forwarded-proto'),
];

/** A GET's key: path and normalised query. HEAD shares it (same headers, no body). */
export const readKey = (request: IncomingMessage, scope: ReaderScope, path: string, query: string): string =>
  ['GET', ...requestParts(request, scope), `${path}?${normalisedQuery(query)}`].join('\n');

/** A GraphQL query's key: the normalised document, the operation chosen and the variables. */
export const graphqlKey = (request: IncomingMessage, scope: ReaderScope, path: string, document: string, operationName: string | null, variables: unknown): string =>
  ['POST', ...requestParts(request, scope), path, document, operationName ?? '', stringify(variables ?? {})].join('\n');
