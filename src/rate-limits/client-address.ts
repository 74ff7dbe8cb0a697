import type { IncomingMessage } from 'http';

/** The proxy settings of Strapi's Koa app (config/server.ts `proxy`). */
export type ProxySettings = { proxy: boolean; proxyIpHeader: string; maxIpsCount: number };

/**
 * The client's address exactly as Koa's `ctx.request.ip` gives it, for requests answered before
 * Koa sees them: behind trusted proxies, the last `maxIpsCount` entries of X-Forwarded-For
 * (those the proxies wrote; anything before them is the client's to forge); otherwise the socket's.
 */
export const clientAddress = (app: ProxySettings, request: IncomingMessage): string => {
  const header = app.proxy ? request.headers[app.proxyIpHeader.toLowerCase()] : undefined;
  const value = Array.isArray(header) ? header.join(',') : header;
  let forwarded = value ? value.split(/\s*,\s*/).filter((entry) => entry.length > 0) : [];
  if (app.maxIpsCount > 0) forwarded = forwarded.slice(-app.maxIpsCount);
  return forwarded[0] || request.socket.remoteAddress || '';
};
