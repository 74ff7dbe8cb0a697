import type { Core } from '@strapi/strapi';

/** Query parameters that carry a credential (the screen stream's `?token=`, EventSource cannot set headers). */
const SECRET_PARAMETERS = /^(token|access_token|api_token|signature)$/i;

/** The name of one `name=value` pair of a query string, decoded; a malformed escape stays as sent. */
export const parameterName = (pair: string): string => {
  const name = pair.split('=')[0].replace(/\+/g, ' ');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
};

/** A request URL as it may be written to a log: credentials in the query string replaced. */
export const redactedUrl = (url: string): string => {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return url;
  const query = url
    .slice(queryStart + 1)
    .split('&')
    .map((pair) => (SECRET_PARAMETERS.test(parameterName(pair)) ? `${pair.split('=')[0]}=[REDACTED]` : pair))
    .join('&');
  return `${url.slice(0, queryStart)}?${query}`;
};

/**
 * Strapi's access log (`strapi::logger`), with credentials kept out of it: logs are read and
 * shipped by more people than may hold a screen token.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: { method: string; url: string; status: number }, next: () => Promise<void>) => {
    const start = Date.now();
    await next();
    strapi.log.http(`${ctx.method} ${redactedUrl(ctx.url)} (${Math.ceil(Date.now() - start)} ms) ${ctx.status}`);
  };
