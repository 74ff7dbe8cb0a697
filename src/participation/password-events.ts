import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { WORKFLOW_UID } from '../constants';
import { userActor, type Actor, type AdminUser } from '../workflow/actor';
import { recordAudit } from '../workflow/audit-trail';
import { PARTICIPATION_UID } from './participation-types';
import { findStaffMember, type StaffMember } from './staff-accounts';

const USER_UID = 'plugin::users-permissions.user';

/**
 * How a staff account's password came to be:
 * - `admin`: an administrator set it (a generated password, or the account edited in the content
 *   manager). The administrator knows it, so the person must choose their own at the next sign-in;
 * - `invitation`: chosen through an invitation link (or a reset code) by whoever held it;
 * - `self`: changed by the signed-in person;
 * - `system`: set with no request behind it (the demo seed, a script).
 */
export type PasswordSetHow = 'admin' | 'invitation' | 'self' | 'system';

/** One setting of a staff member's password, as the staff page shows it: when, how and by whom. */
export type PasswordEvent = { at: string; how: PasswordSetHow; by: string };

type RequestState = { user?: AdminUser & { id: number }; auth?: { strategy?: { name?: string } }; route?: { handler?: string; info?: { pluginName?: string } } };

/** Who set a password in the request under way, and how. */
const setterOf = (strapi: Core.Strapi, member: StaffMember, accountId: number): { how: PasswordSetHow; actor: Actor } => {
  const state: RequestState | undefined = strapi.requestContext.get()?.state;
  if (state?.auth?.strategy?.name === 'admin' && state.user) return { how: 'admin', actor: userActor(state.user) };
  const staff: Actor = { type: 'staff', staffMemberId: member.id, name: member.name };
  const handler = state?.route?.info?.pluginName === 'users-permissions' ? state.route.handler : undefined;
  if (handler === 'auth.changePassword' && state?.user?.id === accountId) return { how: 'self', actor: staff };
  if (handler === 'auth.resetPassword') return { how: 'invitation', actor: staff };
  return { how: 'system', actor: { type: 'system', name: 'system' } };
};

const memberRef = (member: StaffMember) => ({ uid: PARTICIPATION_UID.staffMember, documentId: member.documentId, locale: '*' });

/**
 * Every change of a staff account's password, whatever path made it (the admin API's generated
 * password, the content manager's user form, an invitation, the person's own change), is on the
 * audit trail with who and how: the one database write every path makes.
 */
export const passwordChangesOnTheTrail = (strapi: Core.Strapi): void => {
  strapi.db.lifecycles.subscribe({
    models: [USER_UID],
    async afterUpdate(event: { params?: { data?: Record<string, unknown> }; result?: { id?: number } }) {
      const accountId = event.result?.id;
      if (typeof accountId !== 'number' || typeof event.params?.data?.password !== 'string') return;
      const member = await findStaffMember(strapi, { account: { id: accountId } });
      if (!member) return;
      const { how, actor } = setterOf(strapi, member, accountId);
      await recordAudit(strapi, memberRef(member), { action: 'staff_password_set', actor, details: { how } });
    },
  });
};

/** When and by whom a staff member's password was set, newest first, from the trail (which nobody can change). */
export const passwordHistory = async (strapi: Core.Strapi, member: StaffMember, limit = 5): Promise<PasswordEvent[]> => {
  const entries = (await strapi.db.query(WORKFLOW_UID.auditEntry).findMany({
    where: { contentType: PARTICIPATION_UID.staffMember, targetDocumentId: member.documentId, action: 'staff_password_set' },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    limit,
  })) as Array<{ createdAt: string; actorName: string; details: { how?: PasswordSetHow } | null }>;
  return entries.map((entry) => ({ at: entry.createdAt, how: entry.details?.how ?? 'system', by: entry.actorName }));
};

/** An administrator knows the password until the person chooses their own. */
export const passwordChangeRequired = (history: readonly PasswordEvent[]): boolean => history[0]?.how === 'admin';

/** The refusal of every staff request but `me` while the person must choose their own password. */
export const passwordChangeFirst = (setBy: PasswordEvent) =>
  new errors.PolicyError(`管理员${setBy.by}于 ${setBy.at} 为您设置了密码，请先设置您自己的密码 / An administrator (${setBy.by}) set your password at ${setBy.at}: choose your own before going on`, { code: 'PASSWORD_CHANGE_REQUIRED' });
