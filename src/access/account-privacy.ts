import type { Core } from '@strapi/strapi';
import { addPluginRoutePolicy, type PluginRoute } from './plugin-route-policy';

const ACCOUNT_TYPES = ['plugin::users-permissions.user', 'plugin::users-permissions.role', 'plugin::users-permissions.permission'] as const;
/** users-permissions' GraphQL sign-in and password mutations (`me` stays: it reads, and needs a session). */
const SIGN_IN_MUTATIONS = ['login', 'register', 'forgotPassword', 'resetPassword', 'changePassword', 'emailConfirmation'] as const;
const isAccountRoute = (route: PluginRoute) => /^\/(users|roles|permissions)(\/|$)/.test(route.path);

/**
 * Keeps people's accounts (users, e-mails, roles) out of reach of API tokens. A read-only token
 * would otherwise be granted `users.find`, since Strapi gives read-only tokens every find action.
 * REST account routes get a policy; GraphQL loses the account queries, and its user and role
 * mutations refuse tokens (`me` stays). Its sign-in and password mutations are closed: staff sign
 * in over REST, under the sign-in limits.
 */
export const protectAccounts = (strapi: Core.Strapi): void => {
  addPluginRoutePolicy(strapi, 'users-permissions', 'content-api', isAccountRoute, 'global::not-an-api-token');

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
    const model = strapi.getModel(uid);
    return [naming.getCreateMutationTypeName(model), naming.getUpdateMutationTypeName(model), naming.getDeleteMutationTypeName(model)];
  });
  extension.use({
    resolversConfig: {
      ...Object.fromEntries(accountMutations.map((name: string) => [`Mutation.${name}`, { policies: ['global::not-an-api-token'] }])),
      // Sign-in and password mutations bypass the REST routes' limits: staff sign in over REST.
      ...Object.fromEntries(SIGN_IN_MUTATIONS.map((name) => [`Mutation.${name}`, { policies: ['global::rest-sign-in-only'] }])),
    },
  });
};
