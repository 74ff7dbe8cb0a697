import type { Core } from '@strapi/strapi';

type Route = { path: string; config?: { policies?: unknown[] } & Record<string, unknown> };

const ACCOUNT_TYPES = ['plugin::users-permissions.user', 'plugin::users-permissions.role', 'plugin::users-permissions.permission'];
const isAccountRoute = (route: Route) => /^\/(users|roles|permissions)(\/|$)/.test(route.path);

/**
 * Keeps people's accounts (users, e-mails, roles) out of reach of API tokens. A read-only token
 * would otherwise be granted `users.find`, since Strapi gives read-only tokens every find action.
 * REST account routes get a policy; GraphQL loses the account queries, and its user and role
 * mutations refuse tokens (login, `me` and the auth mutations stay).
 */
export const protectAccounts = (strapi: Core.Strapi): void => {
  const routes: Route[] = strapi.plugin('users-permissions').routes['content-api'].routes;
  for (const route of routes.filter(isAccountRoute)) {
    route.config = { ...route.config, policies: [...(route.config?.policies ?? []), 'global::not-an-api-token'] };
  }

  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  const extension = graphql.service('extension');
  for (const uid of ACCOUNT_TYPES) {
    extension.shadowCRUD(uid).disableQueries();
  }
  // users-permissions replaces the CRUD mutations of users and roles with its own, scoped by the
  // token's permissions: a full-access token would pass. Tokens never manage accounts.
  const { naming } = graphql.service('utils');
  const accountMutations = ACCOUNT_TYPES.slice(0, 2).flatMap((uid) => {
    const model = strapi.getModel(uid as never);
    return [naming.getCreateMutationTypeName(model), naming.getUpdateMutationTypeName(model), naming.getDeleteMutationTypeName(model)];
  });
  extension.use({
    resolversConfig: Object.fromEntries(accountMutations.map((name: string) => [`Mutation.${name}`, { policies: ['global::not-an-api-token'] }])),
  });
};
