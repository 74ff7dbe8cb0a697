import type { Server, RequestListener } from 'http';

/** A request's URL split as routers see it: the path, and the query string without its `?`. */
export type RequestTarget = { path: string; query: string };

export const requestTarget = (url: string): RequestTarget => {
  // A request line in absolute form (`GET http://host/api/articles`) is routed by its path, as Koa reads it.
  if (!url.startsWith('/')) {
    try {
      const parsed = new URL(url);
      return { path: parsed.pathname, query: parsed.search.slice(1) };
    } catch {
      return { path: url, query: '' };
    }
  }
  const mark = url.indexOf('?');
  return mark < 0
    ? { path: url, query: '' }
    : { path: url.slice(0, mark), query: url.slice(mark + 1) };
};

/** The token of an `Authorization: Bearer <token>` header, as the rate limits and Strapi's strategies read it. */
export const bearerOf = (authorization: string | undefined): string | null =>
  /^bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? null;

/** The first value of `name` in a query string, decoded as Koa's parser (qs) decodes it: as sent when it is not valid percent-encoding. */
export const queryParameter = (query: string, name: string): string | undefined => {
  const pair = query.split('&').find((candidate) => candidate.startsWith(`${name}=`));
  if (pair === undefined) return undefined;
  const value = pair.slice(name.length + 1).replace(/\+/g, ' ');
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/**
 * Puts `wrap` in front of the server's request listener (Koa's, or an earlier wrapper): what
 * must answer before Strapi's middleware chain runs (rate limits, cached hits) wraps it.
 */
export const wrapRequestListener = (
  server: Server,
  wrap: (inner: RequestListener) => RequestListener,
): void => {
  const [inner] = server.listeners('request') as RequestListener[];
  server.removeListener('request', inner);
  server.on('request', wrap(inner));
};
