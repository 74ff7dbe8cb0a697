/**
 * A route of our own admin API: signed in as an admin user, handled by `api::<api>.<controller>.<action>`.
 * Routes under src/api are always Content API routes in Strapi 5, so admin routes are declared
 * with this and registered from bootstrap; editorial data never gets a Content API route.
 */
export const adminRoute = (method: 'GET' | 'POST' | 'PUT', path: string, handler: string) => ({
  method,
  path,
  handler,
  config: { policies: ['admin::isAuthenticatedAdmin'] },
  info: { apiName: handler.split('::')[1].split('.')[0] },
});
