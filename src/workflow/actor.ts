import type { Core } from '@strapi/strapi';
import { displayName } from '../i18n/person-names';
import { workflowService } from './workflow-services';

/**
 * Who performed a workflow step: an admin user, the scheduler, the system (seed), an API token,
 * or a staff member taking part (their staff member id, null when anonymous; audit-trail.ts keeps
 * it out of `actorId`, which names admin users).
 */
export type Actor =
  | { type: 'user'; id: number; name: string; roles: string[]; isSuperAdmin: boolean }
  | { type: 'scheduler'; name: 'scheduler' }
  | { type: 'system'; name: string }
  | { type: 'api'; name: string }
  | { type: 'staff'; staffMemberId: number | null; name: string };

export type UserActor = Extract<Actor, { type: 'user' }>;

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
