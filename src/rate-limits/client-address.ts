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

/**
 * The key a client's address is counted under: an IPv6 address by its /64, which one household,
 * office or host holds whole (counted one by one, a /64 was an allowance without end); IPv4, and
 * IPv4 mapped into IPv6, as it is.
 */
export const addressKey = (address: string): string => {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  const bare = address.split('%')[0];
  if (!bare.includes(':')) return bare;
  const [head, tail] = bare.split('::');
  const leading = head ? head.split(':') : [];
  const trailing = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? leading
      : [
          ...leading,
          ...Array(Math.max(0, 8 - leading.length - trailing.length)).fill('0'),
          ...trailing,
        ];
  return `${groups
    .slice(0, 4)
    .map((group) => (parseInt(group, 16) || 0).toString(16))
    .join(':')}::/64`;
};
