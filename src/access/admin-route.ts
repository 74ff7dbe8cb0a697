import type { Core } from '@strapi/strapi';

type Method = 'GET' | 'POST' | 'PUT';

/**
 * Our own admin API: routes signed in as an admin user, under `prefix`, each handled by
 * `<controller>.<action>` (e.g. `api::workflow.review.approve`). Routes under src/api are always
 * Content API routes in Strapi 5, so admin routes are declared here and registered from
 * bootstrap; editorial data never gets a Content API route.
 */
export type AdminRoutes = {
  prefix: string;
  controller: `api::${string}.${string}`;
  routes: ReadonlyArray<readonly [Method, string, string]>;
};

export const adminRouter = ({ prefix, controller, routes }: AdminRoutes): Core.Router => ({
  type: 'admin',
  prefix,
  routes: routes.map(([method, path, action]) => ({
    method,
    path,
    handler: `${controller}.${action}`,
    config: { policies: ['admin::isAuthenticatedAdmin'] },
    info: { apiName: controller.split('::')[1].split('.')[0] },
  })),
});

export const registerAdminRoutes = (strapi: Core.Strapi, routes: AdminRoutes): void => {
  strapi.server.routes(adminRouter(routes));
};
