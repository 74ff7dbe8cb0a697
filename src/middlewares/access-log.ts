import type { Core } from '@strapi/strapi';
import { redactedUrl } from '../http/redacted-url';

/**
 * Strapi's access log (`strapi::logger`), with credentials kept out of it: logs are read and
 * shipped by more people than may hold a screen token.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: { method: string; url: string; status: number }, next: () => Promise<void>) => {
    const start = Date.now();
    await next();
    strapi.log.http(
      `${ctx.method} ${redactedUrl(ctx.url)} (${Math.ceil(Date.now() - start)} ms) ${ctx.status}`,
    );
  };
