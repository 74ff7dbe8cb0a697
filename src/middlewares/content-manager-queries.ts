import type { Core } from '@strapi/strapi';
import { checkPopulate, type SchemaOf } from '../documents/query-shape';

type QueryContext = { path: string; query: Record<string, unknown> };

const CONTENT_MANAGER_ROUTE = /^\/content-manager\/(?:collection-types|single-types)\/([^/]+)/;
/** The media library's and the admin users' routes read their model's populate through the same sanitiser. */
const SANITISED_ROUTES: Array<[RegExp, string]> = [
  [/^\/upload\/files(?:\/|$)/, 'plugin::upload.file'],
  [/^\/upload\/folders(?:\/|$)/, 'plugin::upload.folder'],
  [/^\/admin\/users(?:\/|$)/, 'admin::user'],
  [/^\/admin\/roles(?:\/|$)/, 'admin::role'],
];

const modelOfRoute = (path: string): string | null => {
  const named = CONTENT_MANAGER_ROUTE.exec(path)?.[1];
  if (named !== undefined) return decoded(named);
  return SANITISED_ROUTES.find(([route]) => route.test(path))?.[1] ?? null;
};

const decoded = (segment: string): string | null => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
};

/**
 * The content manager's, the media library's and the admin users' controllers hand `populate` to
 * the admin permission sanitiser before the Document Service (where query-shape.ts checks the rest) sees it,
 * so its shape is checked here, against the model the route reads: a 400 naming it, never the
 * sanitiser's 500.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const schemaOf = ((uid: string) =>
    strapi.contentTypes[uid as keyof typeof strapi.contentTypes] ??
    strapi.components[uid as keyof typeof strapi.components]) as SchemaOf;
  return async (ctx: QueryContext, next: () => Promise<void>) => {
    const uid = ctx.query.populate === undefined ? null : modelOfRoute(ctx.path);
    if (uid) checkPopulate(schemaOf, uid, ctx.query.populate);
    await next();
  };
};
