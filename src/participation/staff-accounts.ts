import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import type { DocumentMiddleware } from '../documents/document-middlewares';
import { PARTICIPATION_UID } from './participation-types';
import { fieldError as field } from './field-error';

const USER_UID = 'plugin::users-permissions.user';
const ROLE_UID = 'plugin::users-permissions.role';

/** A staff member as the participation module reads it. */
export type StaffMember = {
  id: number;
  documentId: string;
  employeeNumber: string;
  name: string;
  phone: string | null;
  email: string | null;
  correspondent: boolean;
  active: boolean;
  organizationDocumentId: string | null;
  accountId: number | null;
};

type StaffRow = Omit<StaffMember, 'organizationDocumentId' | 'accountId'> & {
  organization?: { documentId: string } | null;
  account?: { id: number } | null;
};

const asStaffMember = ({ organization, account, ...row }: StaffRow): StaffMember => ({
  ...row,
  organizationDocumentId: organization?.documentId ?? null,
  accountId: account?.id ?? null,
});

const STAFF_POPULATE = {
  organization: { fields: ['documentId'] },
  account: { fields: ['id'] },
} as const;

export const findStaffMember = async (
  strapi: Core.Strapi,
  where: Record<string, unknown>,
): Promise<StaffMember | null> => {
  const row = (await strapi.db
    .query(PARTICIPATION_UID.staffMember)
    .findOne({ where, populate: STAFF_POPULATE })) as StaffRow | null;
  return row ? asStaffMember(row) : null;
};

export const findStaffMembers = async (
  strapi: Core.Strapi,
  where: Record<string, unknown>,
): Promise<StaffMember[]> =>
  (
    (await strapi.db
      .query(PARTICIPATION_UID.staffMember)
      .findMany({ where, populate: STAFF_POPULATE })) as StaffRow[]
  ).map(asStaffMember);

/** The staff member a users-permissions account belongs to, if it is one and still active. */
export const staffMemberOfAccount = async (
  strapi: Core.Strapi,
  accountId: number,
): Promise<StaffMember | null> => {
  const member = await findStaffMember(strapi, { account: { id: accountId } });
  return member?.active ? member : null;
};

/** The e-mail users-permissions requires, made up in a domain that receives no mail for staff who have none. */
export const accountEmail = (
  strapi: Core.Strapi,
  employeeNumber: string,
  email: unknown,
): string => {
  if (typeof email === 'string' && email.trim() !== '') return email.trim().toLowerCase();
  const domain = strapi.config.get('participation.reservedEmailDomain', 'staff.invalid') as string;
  return `${employeeNumber.toLowerCase()}@${domain}`;
};

const authenticatedRoleId = async (strapi: Core.Strapi): Promise<number> => {
  const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: 'authenticated' } });
  if (!role) throw new Error('users-permissions role "authenticated" is missing');
  return role.id;
};

/** The account names a staff member signs in with must not belong to anyone else. */
const assertAccountNamesFree = async (
  strapi: Core.Strapi,
  username: string,
  email: string,
  ownAccountId: number | null,
) => {
  const holders = (await strapi.db.query(USER_UID).findMany({
    where: { $or: [{ username }, { email }] },
    select: ['id', 'username', 'email'],
  })) as Array<{ id: number; username: string; email: string }>;
  for (const holder of holders) {
    if (holder.id === ownAccountId) continue;
    if (holder.username === username)
      throw field(
        'employeeNumber',
        `工号 ${username} 已被其他账号使用 / Employee number ${username} is already another account's sign-in name`,
      );
    throw field(
      'email',
      `邮箱 ${email} 已被其他账号使用 / E-mail ${email} already belongs to another account`,
    );
  }
};

type StaffData = { employeeNumber?: unknown; email?: unknown; active?: unknown; account?: unknown };

/** Whether a relation value asks for a change: anything but nothing, or an empty connect/disconnect/set. */
const changesAccount = (value: unknown): boolean => {
  if (value === undefined) return false;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return true;
  return Object.entries(value as Record<string, unknown>).some(
    ([key, part]) =>
      !['connect', 'disconnect', 'set'].includes(key) || !Array.isArray(part) || part.length > 0,
  );
};

/**
 * A staff member's sign-in account (users-permissions, role Authenticated, username = employee
 * number) is kept in step with the staff member on every path (content manager, import, seed):
 * made with them, renamed and blocked with them, deleted with them. Nobody sets `account` by
 * hand: that would hand one person's account to another. New accounts get an unusable random
 * password until an invitation (invitations.ts) lets the person choose one.
 */
export const staffAccountsInStep =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (call, next) => {
    if (call.uid !== PARTICIPATION_UID.staffMember) return next();
    const data = call.params.data as StaffData | undefined;
    if (
      (call.action === 'create' || call.action === 'update') &&
      data &&
      changesAccount(data.account)
    ) {
      throw field(
        'account',
        '登录账号由系统维护，不能直接指定 / The sign-in account is kept by the system and cannot be set',
      );
    }
    // The content manager sends every relation of its form, an untouched one as an empty change.
    if (data && 'account' in data) delete data.account;
    const users = () => strapi.plugin('users-permissions').service('user');

    if (call.action === 'create') {
      const employeeNumber =
        typeof data?.employeeNumber === 'string' ? data.employeeNumber.trim() : '';
      if (!data || employeeNumber === '')
        throw field('employeeNumber', '工号必填 / employeeNumber is required');
      data.employeeNumber = employeeNumber;
      const email = accountEmail(strapi, employeeNumber, data.email);
      await assertAccountNamesFree(strapi, employeeNumber, email, null);
      const account = await users().add({
        username: employeeNumber,
        email,
        provider: 'local',
        password: crypto.randomBytes(24).toString('base64url'),
        confirmed: true,
        blocked: data.active === false,
        role: await authenticatedRoleId(strapi),
      });
      data.account = account.id;
      try {
        return await next();
      } catch (error) {
        // Nothing half-made: the staff member was refused, so is their account.
        await strapi.db.query(USER_UID).delete({ where: { id: account.id } });
        throw error;
      }
    }

    if (call.action === 'update' && call.params.documentId) {
      const before = await findStaffMember(strapi, { documentId: call.params.documentId });
      if (!before?.accountId || !data) return next();
      // Checked before anything is written, so a refusal leaves both as they were.
      const employeeNumber =
        typeof data.employeeNumber === 'string'
          ? data.employeeNumber.trim()
          : before.employeeNumber;
      if ('employeeNumber' in data) data.employeeNumber = employeeNumber;
      const email = accountEmail(
        strapi,
        employeeNumber,
        'email' in data ? data.email : before.email,
      );
      await assertAccountNamesFree(strapi, employeeNumber, email, before.accountId);
      const result = await next();
      const active = typeof data.active === 'boolean' ? data.active : before.active;
      await strapi.db.query(USER_UID).update({
        where: { id: before.accountId },
        data: { username: employeeNumber, email, blocked: !active },
      });
      return result;
    }

    if (call.action === 'delete' && call.params.documentId) {
      const before = await findStaffMember(strapi, { documentId: call.params.documentId });
      const result = await next();
      if (before?.accountId)
        await strapi.db.query(USER_UID).delete({ where: { id: before.accountId } });
      return result;
    }
    return next();
  };
