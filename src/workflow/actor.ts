import type { Core } from '@strapi/strapi';
import { displayName } from '../i18n/person-names';
import type { Actor, UserActor } from '../kernel/actor';
import { workflowService } from './workflow-services';

export const SCHEDULER: Actor = { type: 'scheduler', name: 'scheduler' };

export type AdminUser = {
  id: number;
  firstname?: string;
  lastname?: string;
  username?: string | null;
  email?: string;
  roles?: Array<{ name: string; code: string }>;
};

export const userActor = (user: AdminUser): UserActor => {
  const roles = user.roles ?? [];
  const name = displayName(user) || `user ${user.id}`;
  return {
    type: 'user',
    id: user.id,
    name,
    roles: roles.map((role) => role.name),
    isSuperAdmin: roles.some((role) => role.code === 'strapi-super-admin'),
  };
};

type RequestState = {
  user?: AdminUser;
  route?: { info?: { type?: string } };
  auth?: { strategy?: { name?: string } };
};

/** The actor of the current request: an admin session, an API token, or code with no request. */
export const currentActor = (strapi: Core.Strapi): Actor => {
  const explicit = workflowService(strapi, 'context').explicitActor();
  if (explicit) return explicit;
  const state: RequestState | undefined = strapi.requestContext.get()?.state;
  if (state?.auth?.strategy?.name === 'admin' && state.user) return userActor(state.user);
  if (state?.route?.info?.type === 'content-api')
    return { type: 'api', name: state.auth?.strategy?.name ?? 'content-api' };
  return { type: 'system', name: 'system' };
};
