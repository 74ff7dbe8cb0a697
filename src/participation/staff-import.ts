import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { documentInput } from '../documents/document-input';
import type { Actor } from '../kernel/actor';
import { recordAudit } from '../kernel/audit-trail';
import { PARTICIPATION_UID } from './participation-types';
import { accountEmail, findStaffMembers, type StaffMember } from './staff-accounts';
import { readStaffSheet, type SheetRow, type StaffColumn } from './staff-sheet';

export const MAX_IMPORT_ROWS = 5000;

const EMPLOYEE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9_.-]{1,31}$/;
const PHONE = /^\+?[0-9][0-9 -]{4,18}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '']);

export type RowProblem = { column: StaffColumn; message: string };
export type RowOutcome = 'create' | 'update' | 'unchanged' | 'invalid';

/** What importing one row does, or why it cannot. */
export type RowReport = {
  row: number;
  employeeNumber: string | null;
  name: string | null;
  outcome: RowOutcome;
  problems: RowProblem[];
};

export type ImportReport = {
  dryRun: boolean;
  applied: boolean;
  counts: Record<RowOutcome, number>;
  rows: RowReport[];
  unknownColumns: string[];
  /** The staff members made by this import (applied), for invitations. */
  created: Array<{ documentId: string; employeeNumber: string; name: string }>;
};

type StaffFields = {
  employeeNumber: string;
  name: string;
  phone: string | null;
  email: string | null;
  organizationDocumentId: string;
  correspondent: boolean;
};
type PlannedRow = RowReport & { fields?: StaffFields; existing?: StaffMember | null };

const textOf = (values: SheetRow['values'], column: StaffColumn) => values[column]?.trim() ?? '';

/** Published organizations by slug: staff belong to organizations readers can see. */
const organizationsBySlug = async (strapi: Core.Strapi): Promise<Map<string, string>> => {
  const rows = (await strapi.db.query(UID.organization).findMany({
    where: { publishedAt: { $notNull: true } },
    select: ['slug', 'documentId'],
  })) as Array<{ slug: string; documentId: string }>;
  return new Map(rows.map((row) => [row.slug, row.documentId]));
};

/** E-mails of accounts, with the account they belong to: an imported e-mail must be free or already this person's. */
const accountIdsByEmail = async (
  strapi: Core.Strapi,
  emails: string[],
): Promise<Map<string, number>> => {
  if (emails.length === 0) return new Map();
  const rows = (await strapi.db
    .query('plugin::users-permissions.user')
    .findMany({ where: { email: { $in: emails } }, select: ['id', 'email'] })) as Array<{
    id: number;
    email: string;
  }>;
  return new Map(rows.map((row) => [row.email, row.id]));
};

const rowFields = (
  values: SheetRow['values'],
  organizations: Map<string, string>,
): { fields?: StaffFields; problems: RowProblem[] } => {
  const problems: RowProblem[] = [];
  const employeeNumber = textOf(values, 'employeeNumber');
  const name = textOf(values, 'name');
  const phone = textOf(values, 'phone');
  const email = textOf(values, 'email').toLowerCase();
  const slug = textOf(values, 'organization');
  const correspondent = textOf(values, 'correspondent').toLowerCase();
  if (!EMPLOYEE_NUMBER.test(employeeNumber))
    problems.push({
      column: 'employeeNumber',
      message:
        employeeNumber === ''
          ? '工号必填 / required'
          : `工号只能由字母、数字和 _ . - 组成，2–32 位 / letters, digits, _ . - only, 2–32 characters: “${employeeNumber}”`,
    });
  if (name === '') problems.push({ column: 'name', message: '姓名必填 / required' });
  else if (name.length > 40)
    problems.push({ column: 'name', message: '姓名最多 40 字 / at most 40 characters' });
  if (phone !== '' && !PHONE.test(phone))
    problems.push({ column: 'phone', message: `手机号格式不对 / not a phone number: “${phone}”` });
  if (email !== '' && (!EMAIL.test(email) || email.length > 120))
    problems.push({ column: 'email', message: `邮箱格式不对 / not an e-mail address: “${email}”` });
  if (phone === '' && email === '')
    problems.push({
      column: 'phone',
      message: '手机号和邮箱至少填一项 / a phone number or an e-mail address is required',
    });
  const organizationDocumentId = organizations.get(slug);
  if (slug === '')
    problems.push({
      column: 'organization',
      message: '所属党组织必填（填组织的 slug）/ required (the organization’s slug)',
    });
  else if (!organizationDocumentId)
    problems.push({
      column: 'organization',
      message: `没有已发布的党组织 “${slug}” / no published organization with slug “${slug}”`,
    });
  if (!YES.has(correspondent) && !NO.has(correspondent))
    problems.push({
      column: 'correspondent',
      message: `通讯员一栏填“是”或“否” / write yes or no: “${correspondent}”`,
    });
  if (problems.length > 0 || !organizationDocumentId) return { problems };
  return {
    fields: {
      employeeNumber,
      name,
      phone: phone || null,
      email: email || null,
      organizationDocumentId,
      correspondent: YES.has(correspondent),
    },
    problems,
  };
};

const unchanged = (existing: StaffMember, fields: StaffFields) =>
  existing.name === fields.name &&
  existing.phone === fields.phone &&
  existing.email === fields.email &&
  existing.organizationDocumentId === fields.organizationDocumentId &&
  existing.correspondent === fields.correspondent;

/** Every row checked against the file, the organizations and the accounts that exist, before anything is written. */
const planRows = async (strapi: Core.Strapi, rows: SheetRow[]): Promise<PlannedRow[]> => {
  const organizations = await organizationsBySlug(strapi);
  const seen = new Map<string, number>();
  const seenEmails = new Map<string, number>();
  const planned: PlannedRow[] = [];
  const emails = rows.map((row) =>
    accountEmail(strapi, textOf(row.values, 'employeeNumber') || '-', textOf(row.values, 'email')),
  );
  const emailOwners = await accountIdsByEmail(strapi, emails);
  const numbers = rows
    .map((row) => textOf(row.values, 'employeeNumber'))
    .filter((number) => number !== '');
  const existingByNumber = new Map(
    (await findStaffMembers(strapi, { employeeNumber: { $in: numbers } })).map((member) => [
      member.employeeNumber,
      member,
    ]),
  );
  for (const [index, sheetRow] of rows.entries()) {
    const { fields, problems } = rowFields(sheetRow.values, organizations);
    const employeeNumber = textOf(sheetRow.values, 'employeeNumber') || null;
    const report: PlannedRow = {
      row: sheetRow.row,
      employeeNumber,
      name: textOf(sheetRow.values, 'name') || null,
      outcome: 'invalid',
      problems,
    };
    if (employeeNumber !== null) {
      const earlier = seen.get(employeeNumber);
      if (earlier !== undefined)
        problems.push({
          column: 'employeeNumber',
          message: `与第 ${earlier} 行工号重复 / the same employee number as row ${earlier}`,
        });
      else {
        seen.set(employeeNumber, sheetRow.row);
        // Two people may not sign in with one e-mail (a made-up one too: AB1 and ab1 make the same).
        const sameEmail = seenEmails.get(emails[index]);
        const ownColumn = textOf(sheetRow.values, 'email') === '' ? 'employeeNumber' : 'email';
        if (sameEmail !== undefined)
          problems.push({
            column: ownColumn,
            message: `与第 ${sameEmail} 行的登录邮箱相同（${emails[index]}）/ the same sign-in e-mail as row ${sameEmail}`,
          });
        else seenEmails.set(emails[index], sheetRow.row);
      }
    }
    if (fields && problems.length === 0) {
      const existing = existingByNumber.get(fields.employeeNumber) ?? null;
      const owner = emailOwners.get(emails[index]);
      if (owner !== undefined && owner !== existing?.accountId)
        problems.push({
          column: 'email',
          message: `邮箱 ${emails[index]} 已属于其他账号 / already belongs to another account`,
        });
      else {
        report.fields = fields;
        report.existing = existing;
        report.outcome =
          existing === null ? 'create' : unchanged(existing, fields) ? 'unchanged' : 'update';
      }
    }
    planned.push(report);
  }
  return planned;
};

const countOutcomes = (rows: RowReport[]): Record<RowOutcome, number> => {
  const counts: Record<RowOutcome, number> = { create: 0, update: 0, unchanged: 0, invalid: 0 };
  for (const row of rows) counts[row.outcome] += 1;
  return counts;
};

const staffData = ({ organizationDocumentId, ...fields }: StaffFields) =>
  documentInput(PARTICIPATION_UID.staffMember, {
    ...fields,
    organization: organizationDocumentId,
  });

/**
 * Imports a staff list. A dry run reports what each row would do and why a row cannot be
 * imported; an import writes only a file with no invalid row, in one transaction: all of it, or
 * (on any failure) none. Rows are matched by employee number, so importing again updates people
 * and never duplicates them; people missing from the file are left as they are.
 */
export const importStaff = async (
  strapi: Core.Strapi,
  file: { bytes: Buffer; fileName: string },
  options: { dryRun: boolean; actor: Actor },
): Promise<ImportReport> => {
  const sheet = await readStaffSheet(file.bytes, file.fileName, MAX_IMPORT_ROWS);
  const missing = sheet.missingColumns.map((column): RowProblem => ({
    column,
    message: `缺少“${column}”列 / the file has no ${column} column`,
  }));
  const planned = missing.length > 0 ? [] : await planRows(strapi, sheet.rows);
  const rows: RowReport[] = planned.map(
    ({ fields: _fields, existing: _existing, ...report }) => report,
  );
  if (missing.length > 0)
    rows.push({ row: 1, employeeNumber: null, name: null, outcome: 'invalid', problems: missing });
  const counts = countOutcomes(rows);
  const report: ImportReport = {
    dryRun: options.dryRun,
    applied: false,
    counts,
    rows,
    unknownColumns: sheet.unknownColumns,
    created: [],
  };
  if (options.dryRun || counts.invalid > 0) return report;

  await strapi.db.transaction(async () => {
    for (const row of planned) {
      if (!row.fields || row.outcome === 'unchanged') continue;
      if (row.outcome === 'create') {
        const made = await strapi
          .documents(PARTICIPATION_UID.staffMember)
          .create({ data: staffData(row.fields) });
        report.created.push({
          documentId: made.documentId,
          employeeNumber: row.fields.employeeNumber,
          name: row.fields.name,
        });
      } else if (row.existing) {
        await strapi
          .documents(PARTICIPATION_UID.staffMember)
          .update({ documentId: row.existing.documentId, data: staffData(row.fields) });
      }
    }
    await recordAudit(
      strapi,
      { uid: PARTICIPATION_UID.staffMember, documentId: '*', locale: '*' },
      {
        action: 'staff_import',
        actor: options.actor,
        details: { fileName: file.fileName, counts },
      },
    );
  });
  report.applied = true;
  return report;
};
