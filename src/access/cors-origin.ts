import type { Core } from '@strapi/strapi';

type MiddlewareEntry = string | { name?: string; config?: { origin?: unknown } };

/**
 * The origin Strapi's CORS middleware answers for (strapi::cors in config/middlewares.ts): every
 * Origin with `*`, the listed ones otherwise; '' for any other Origin, which gets the same answer
 * as none (the response cache keeps both under one entry instead of one per made-up Origin).
 */
export const allowedCorsOrigin = (strapi: Core.Strapi) => {
  const cors = strapi.config
    .get<MiddlewareEntry[]>('middlewares')
    .find(
      (entry): entry is Exclude<MiddlewareEntry, string> =>
        typeof entry === 'object' && entry.name === 'strapi::cors',
    );
  const configured = cors?.config?.origin ?? '*';
  const allowed = new Set(
    (Array.isArray(configured) ? configured : String(configured).split(',')).map((origin) =>
      String(origin).trim(),
    ),
  );
  return (origin: string | undefined): string =>
    origin && (allowed.has('*') || allowed.has(origin)) ? origin : '';
};
