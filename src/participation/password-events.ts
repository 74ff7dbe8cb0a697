import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { WORKFLOW_UID } from '../constants';
import { userActor, type AdminUser } from '../workflow/actor';
import type { Actor } from '../kernel/actor';
import { recordAudit } from '../kernel/audit-trail';
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

type RequestState = {
  user?: AdminUser & { id: number };
  auth?: { strategy?: { name?: string } };
  route?: { handler?: string; info?: { pluginName?: string } };
};

const SYSTEM: Actor = { type: 'system', name: 'system' };

/** The administrator who made the person's latest invitation, as the trail names them. */
const invitedBy = async (strapi: Core.Strapi, member: StaffMember): Promise<string | null> => {
  const [invitation] = (await strapi.db.query(WORKFLOW_UID.auditEntry).findMany({
    where: {
      contentType: PARTICIPATION_UID.staffMember,
      targetDocumentId: member.documentId,
      action: 'staff_invitation',
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    limit: 1,
  })) as Array<{ actorName: string }>;
  return invitation?.actorName ?? null;
};

/**
 * Who set a password in the request under way, and how. Fails closed: a change in any request
 * that is not the person's own change or an invitation's (or a reset code's) is an
 * administrator's, whatever door it came through (an admin session, an admin API token, a door
 * not foreseen), so the person is asked to choose their own; only code with no request behind it
 * (the demo seed, a script) is the system's.
 */
const setterOf = async (
  strapi: Core.Strapi,
  member: StaffMember,
  accountId: number,
): Promise<{ how: PasswordSetHow; actor: Actor; invitedBy?: string | null }> => {
  const request = strapi.requestContext.get();
  if (!request) return { how: 'system', actor: SYSTEM };
  const state: RequestState = request.state ?? {};
  const strategy = state.auth?.strategy?.name;
  const handler =
    state.route?.info?.pluginName === 'users-permissions' ? state.route.handler : undefined;
  const staff: Actor = { type: 'staff', staffMemberId: member.id, name: member.name };
  if (
    handler === 'auth.changePassword' &&
    strategy === 'users-permissions' &&
    state.user?.id === accountId
  )
    return { how: 'self', actor: staff };
  if (handler === 'auth.resetPassword')
    return { how: 'invitation', actor: staff, invitedBy: await invitedBy(strapi, member) };
  const actor: Actor =
    state.user && (strategy === 'admin' || strategy === 'admin-token')
      ? userActor(state.user)
      : { type: 'api', name: strategy ?? 'unknown' };
  return { how: 'admin', actor };
};

const memberRef = (member: StaffMember) => ({
  uid: PARTICIPATION_UID.staffMember,
  documentId: member.documentId,
  locale: '*',
});

/**
 * Every change of a staff account's password, whatever path made it (the admin API's generated
 * password, the content manager's user form, an invitation, the person's own change), is on the
 * audit trail with who and how: the one database write every path makes.
 */
export const passwordChangesOnTheTrail = (strapi: Core.Strapi): void => {
  strapi.db.lifecycles.subscribe({
    models: [USER_UID],
    async afterUpdate(event: {
      params?: { data?: Record<string, unknown> };
      result?: { id?: number };
    }) {
      const accountId = event.result?.id;
      if (typeof accountId !== 'number' || typeof event.params?.data?.password !== 'string') return;
      const member = await findStaffMember(strapi, { account: { id: accountId } });
      if (!member) return;
      const { how, actor, invitedBy: inviter } = await setterOf(strapi, member, accountId);
      await recordAudit(strapi, memberRef(member), {
        action: 'staff_password_set',
        actor,
        details: { how, ...(inviter ? { invitedBy: inviter } : {}) },
      });
    },
  });
};

/** When and by whom a staff member's password was set, newest first, from the trail (which nobody can change). */
export const passwordHistory = async (
  strapi: Core.Strapi,
  member: StaffMember,
  limit = 5,
): Promise<PasswordEvent[]> => {
  const entries = (await strapi.db.query(WORKFLOW_UID.auditEntry).findMany({
    where: {
      contentType: PARTICIPATION_UID.staffMember,
      targetDocumentId: member.documentId,
      action: 'staff_password_set',
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    limit,
  })) as Array<{
    createdAt: string;
    actorName: string;
    details: { how?: PasswordSetHow; invitedBy?: string } | null;
  }>;
  // An invitation's password is named by the administrator who made the invitation: they could have used it.
  return entries.map((entry) => ({
    at: entry.createdAt,
    how: entry.details?.how ?? 'system',
    by: entry.details?.invitedBy ?? entry.actorName,
  }));
};

/** An administrator knows the password until the person chooses their own. */
export const passwordChangeRequired = (history: readonly PasswordEvent[]): boolean =>
  history[0]?.how === 'admin';

/**
 * A session (a users-permissions JWT, `iat` in seconds) opened before the password was last set
 * ends with that setting: the administrator who signed in with a password they set cannot go on
 * once the person chose their own, nor anyone with the person's earlier password once it changed.
 * A session opened in the same second (the new token a change answers with) holds.
 */
export const sessionOutlived = (
  issuedAtSeconds: number | undefined,
  history: readonly PasswordEvent[],
): boolean =>
  history.length > 0 &&
  (issuedAtSeconds === undefined ||
    issuedAtSeconds < Math.floor(new Date(history[0].at).getTime() / 1000));

export const SESSION_ENDED =
  '密码已更改，请重新登录 / The password was changed since this session began: sign in again';

/** The refusal of every staff request but `me` while the person must choose their own password. */
export const passwordChangeFirst = (setBy: PasswordEvent) =>
  new errors.PolicyError(
    `管理员${setBy.by}于 ${setBy.at} 为您设置了密码，请先设置您自己的密码 / An administrator (${setBy.by}) set your password at ${setBy.at}: choose your own before going on`,
    { code: 'PASSWORD_CHANGE_REQUIRED' },
  );
