import type { Core } from '@strapi/strapi';
import { mapSchema, MapperKind, pruneSchema } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import { PUBLIC_UIDS } from '../constants';

/**
 * The Content API holds the project's public model and nothing else. Strapi's plugins bring
 * Content API routes and GraphQL queries and mutations of their own types (review workflows,
 * releases, users and roles, locales, the media library, the model's schema, e-mail); every one
 * of them is closed here, in register(), before routes mount and the schema is built:
 * - REST: every plugin's `content-api` router is emptied, but for users-permissions' sign-in
 *   routes, through which staff sign in and set their passwords (under the sign-in limits);
 * - GraphQL: the schema keeps the root fields the public types generate (find, find one,
 *   connection; create, update, delete) and only the types they reach. `UploadFile` stays as
 *   the type of media fields, without a query or mutation of its own.
 * A new plugin's routes or GraphQL fields are closed without a line written here.
 */

/** users-permissions' routes staff use: sign in, an invitation's or a reset's password, a change of password. */
export const SIGN_IN_ROUTES: ReadonlyArray<readonly [method: string, path: string]> = [
  ['POST', '/auth/local'],
  ['POST', '/auth/forgot-password'],
  ['POST', '/auth/reset-password'],
  ['POST', '/auth/change-password'],
];

const isSignInRoute = (plugin: string, route: Core.Route) =>
  plugin === 'users-permissions' &&
  SIGN_IN_ROUTES.some(([method, path]) => route.method === method && route.path === path);

const closePluginRoutes = (strapi: Core.Strapi): void => {
  for (const [name, plugin] of Object.entries(strapi.plugins)) {
    const routers = plugin.routes;
    // A plain list of routes is a plugin's admin API.
    if (Array.isArray(routers) || !routers['content-api']) continue;
    routers['content-api'].routes = routers['content-api'].routes.filter((route) =>
      isSignInRoute(name, route),
    );
  }
};

/** The GraphQL root fields of the public types, as the plugin names them. */
const publicRootFields = (strapi: Core.Strapi): { query: Set<string>; mutation: Set<string> } => {
  const { naming } = strapi.plugin('graphql').service('utils');
  const models = PUBLIC_UIDS.map((uid) => strapi.getModel(uid));
  return {
    query: new Set(
      models.flatMap((model): string[] => [
        naming.getFindQueryName(model),
        naming.getFindOneQueryName(model),
        naming.getFindConnectionQueryName(model),
      ]),
    ),
    mutation: new Set(
      models.flatMap((model): string[] => [
        naming.getCreateMutationTypeName(model),
        naming.getUpdateMutationTypeName(model),
        naming.getDeleteMutationTypeName(model),
      ]),
    ),
  };
};

/** `schema` with the public types' root fields only, and the types those reach. */
export const publicSchema = (
  schema: GraphQLSchema,
  allowed: { query: Set<string>; mutation: Set<string> },
): GraphQLSchema =>
  pruneSchema(
    mapSchema(schema, {
      [MapperKind.QUERY_ROOT_FIELD]: (field, name) => (allowed.query.has(name) ? field : null),
      [MapperKind.MUTATION_ROOT_FIELD]: (field, name) =>
        allowed.mutation.has(name) ? field : null,
      [MapperKind.SUBSCRIPTION_ROOT_FIELD]: () => null,
    }),
  );

const closeGraphqlToPlugins = (strapi: Core.Strapi): void => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  // Boundary: the plugin's services are untyped; its bootstrap builds the schema through this one.
  const contentApi: { buildSchema: () => GraphQLSchema } = graphql.service('content-api');
  const build = contentApi.buildSchema;
  contentApi.buildSchema = () => publicSchema(build(), publicRootFields(strapi));
};

export const closeContentApiToPlugins = (strapi: Core.Strapi): void => {
  closePluginRoutes(strapi);
  closeGraphqlToPlugins(strapi);
};
