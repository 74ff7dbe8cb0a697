import type { Core } from '@strapi/strapi';
import { checkPopulate, type SchemaOf } from '../documents/query-shape';

type QueryContext = { path: string; query: Record<string, unknown> };

const CONTENT_MANAGER_ROUTE = /^\/content-manager\/(?:collection-types|single-types)\/([^/]+)/;

const decoded = (segment: string): string | null => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
};

/**
 * The content manager's controllers hand `populate` to the admin permission sanitiser before the
 * Document Service (where query-shape.ts checks the rest) sees it, so its shape is checked here,
 * against the content type the route names: a 400 naming it, never the sanitiser's 500.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const schemaOf = ((uid: string) => strapi.contentTypes[uid as keyof typeof strapi.contentTypes] ?? strapi.components[uid as keyof typeof strapi.components]) as SchemaOf;
  return async (ctx: QueryContext, next: () => Promise<void>) => {
    const uid = ctx.query.populate === undefined ? null : decoded(CONTENT_MANAGER_ROUTE.exec(ctx.path)?.[1] ?? '');
    if (uid) checkPopulate(schemaOf, uid, ctx.query.populate);
    await next();
  };
};
