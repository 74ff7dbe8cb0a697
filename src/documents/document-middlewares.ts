import type { Core, Modules, UID } from '@strapi/strapi';

/** What our rules read of a Document Service call: the parameters every action may carry. */
export type DocumentParams = {
  documentId?: string;
  locale?: string | string[];
  status?: 'draft' | 'published';
  data?: Record<string, unknown>;
  filters?: unknown;
  populate?: unknown;
  sort?: unknown;
  fields?: unknown;
  [parameter: string]: unknown;
};
export type DocumentCall = { uid: UID.ContentType; action: string; params: DocumentParams };

/** A rule that must hold on every Document Service path: sees the call, runs `next` or refuses. */
export type DocumentMiddleware = (
  call: DocumentCall,
  next: () => Promise<unknown>,
) => Promise<unknown>;

/**
 * Boundary: Strapi types a middleware's context and result per content type and action (a
 * union too deep to narrow); our rules read a few parameters and pass the result through.
 */
const asStrapiMiddleware =
  (middleware: DocumentMiddleware): Modules.Documents.Middleware.Middleware =>
  (context, next) =>
    middleware(context, next) as ReturnType<typeof next>;

/** Registers the rules in order: the first is outermost, so it sees every call before the others. */
export const registerDocumentMiddlewares = (
  strapi: Core.Strapi,
  middlewares: readonly DocumentMiddleware[],
): void => {
  for (const middleware of middlewares) strapi.documents.use(asStrapiMiddleware(middleware));
};
