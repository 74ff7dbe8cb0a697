import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const USER_UID = 'plugin::users-permissions.user';
const INVITATION_PREFIX = 'inv';
export const INVITATION_DAYS = 14;

/**
 * An invitation is a users-permissions reset code (one use: the standard
 * `POST /api/auth/reset-password` clears it) that carries its own expiry, since Strapi's codes
 * have none: `inv.<expiry in base 36>.<64 random hex digits>`.
 */
const invitationCode = (expiresAt: number) =>
  `${INVITATION_PREFIX}.${expiresAt.toString(36)}.${crypto.randomBytes(32).toString('hex')}`;

/** When an invitation code stops working, or null for a code that is not an invitation (Strapi's own reset codes). */
export const invitationExpiry = (code: unknown): number | null => {
  if (typeof code !== 'string' || !code.startsWith(`${INVITATION_PREFIX}.`)) return null;
  const expiresAt = parseInt(code.split('.')[1] ?? '', 36);
  return Number.isFinite(expiresAt) ? expiresAt : 0;
};

export type Invitation = { link: string; code: string; expiresAt: string };

/**
 * Makes a new invitation for a staff member's account (an earlier one stops working) and returns
 * the link to the staff page, which an administrator hands over: there is no mail server. The
 * password the person chooses there is theirs; nobody else ever sees it.
 */
export const inviteAccount = async (
  strapi: Core.Strapi,
  accountId: number,
  now = Date.now(),
): Promise<Invitation> => {
  const expiresAt = now + INVITATION_DAYS * 24 * 60 * 60 * 1000;
  const code = invitationCode(expiresAt);
  await strapi.db
    .query(USER_UID)
    .update({ where: { id: accountId }, data: { resetPasswordToken: code } });
  const page = strapi.config.get('participation.pageUrl', '/participate/') as string;
  return {
    code,
    link: `${page}#invite=${encodeURIComponent(code)}`,
    expiresAt: new Date(expiresAt).toISOString(),
  };
};

/** A password made for someone without a phone at hand, shown once to the administrator: 16 characters, no look-alikes. */
export const generatedPassword = (): string => {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 16 }, () => alphabet[crypto.randomInt(alphabet.length)]).join('');
};

export const setGeneratedPassword = async (
  strapi: Core.Strapi,
  accountId: number,
): Promise<string> => {
  const password = generatedPassword();
  await strapi
    .plugin('users-permissions')
    .service('user')
    .edit(accountId, { password, resetPasswordToken: null });
  return password;
};

/** For the reset-password route: an expired invitation is refused with a 400 that says so. */
export const refuseExpiredInvitation = (code: unknown, now = Date.now()): void => {
  const expiresAt = invitationExpiry(code);
  if (expiresAt !== null && expiresAt < now) {
    throw new errors.ValidationError(
      '邀请链接已过期，请联系管理员重新生成 / This invitation has expired; ask an administrator for a new one',
      { code: 'INVITATION_EXPIRED' },
    );
  }
};
