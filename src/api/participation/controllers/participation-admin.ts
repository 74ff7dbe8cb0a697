import fs from 'fs/promises';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../constants';
import type { AdminAbility } from '../../../access/document-read';
import { userActor, type AdminUser } from '../../../workflow/actor';
import { recordAudit } from '../../../kernel/audit-trail';
import { refuse } from '../../../workflow/workflow-error';
import {
  adoptContribution,
  declineContribution,
  inbox,
} from '../../../participation/contribution-inbox';
import { inviteAccount, setGeneratedPassword } from '../../../participation/invitations';
import { pageOf, periodQuery } from '../../../participation/list-query';
import { answerOpinion, opinionsFor, proposeQa } from '../../../participation/opinions';
import {
  PARTICIPATION_UID,
  type ContributionState,
} from '../../../participation/participation-types';
import {
  quotaFulfilment,
  ranking,
  rankingFile,
  type RankingScope,
} from '../../../participation/rankings';
import { findStaffMember } from '../../../participation/staff-accounts';
import { importStaff } from '../../../participation/staff-import';
import { SheetError } from '../../../participation/staff-sheet';
import { fieldError as field } from '../../../participation/field-error';

type UploadedSheet = { filepath: string; originalFilename?: string | null; size: number };

type Context = {
  params: { documentId?: string };
  query: Record<string, unknown>;
  request: {
    body?: Record<string, unknown>;
    files?: Record<string, UploadedSheet | UploadedSheet[]>;
  };
  state: { user: AdminUser; userAbility: AdminAbility };
  status: number;
  body: unknown;
  set: (name: string, value: string) => void;
};

const EXPLORER = 'plugin::content-manager.explorer';
const MAX_SHEET_BYTES = 5 * 1024 * 1024;
const CONTRIBUTION_STATES: readonly ContributionState[] = ['received', 'adopted', 'declined'];

/** Editors handle the inbox: those who may create articles. */
const assertEditor = (ctx: Context) => {
  if (!ctx.state.userAbility.can(`${EXPLORER}.create`, UID.article))
    throw refuse(
      '只有宣传编辑可以处理投稿',
      'Only editors who may create articles handle contributions',
    );
};

/** Staff accounts are managed by those who may create and change staff members in the content manager. */
const assertStaffManager = (ctx: Context) => {
  const can = (action: string) =>
    ctx.state.userAbility.can(`${EXPLORER}.${action}`, PARTICIPATION_UID.staffMember);
  if (!can('create') || !can('update'))
    throw refuse(
      '只有职工管理员可以导入职工或发放登录方式',
      'Only administrators of staff members import staff or hand out sign-ins',
    );
};

const assertRankingReader = (ctx: Context) => {
  const ability = ctx.state.userAbility;
  if (
    !ability.can(`${EXPLORER}.create`, UID.article) &&
    !ability.can(`${EXPLORER}.read`, PARTICIPATION_UID.staffMember)
  )
    throw refuse('没有查看积分排名的权限', 'You may not read the rankings');
};

const staffAccountOf = async (strapi: Core.Strapi, documentId: string | undefined) => {
  const member = documentId ? await findStaffMember(strapi, { documentId }) : null;
  if (!member) throw new errors.NotFoundError('No such staff member');
  if (!member.accountId)
    throw new errors.ApplicationError('This staff member has no sign-in account');
  return member;
};

const rankingQuery = (ctx: Context) => {
  const scope = ctx.query.scope === undefined ? 'person' : ctx.query.scope;
  if (scope !== 'person' && scope !== 'organization')
    throw field('scope', 'must be person or organization');
  const checked: RankingScope = scope;
  return { ...periodQuery(ctx.query), scope: checked };
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** 投稿箱: contributions, newest first, of one state or all. */
  async inbox(ctx: Context) {
    assertEditor(ctx);
    const state = ctx.query.state;
    if (state !== undefined && !CONTRIBUTION_STATES.includes(state as ContributionState))
      throw field('state', `must be one of ${CONTRIBUTION_STATES.join(', ')}`);
    const { page, pageSize } = pageOf(ctx.query);
    const { items, total } = await inbox(strapi, {
      state: state as ContributionState | undefined,
      page,
      pageSize,
    });
    ctx.body = { data: items, meta: { pagination: { page, pageSize, total } } };
  },

  async adopt(ctx: Context) {
    assertEditor(ctx);
    ctx.body = {
      data: await adoptContribution(strapi, ctx.params.documentId ?? '', userActor(ctx.state.user)),
    };
  },

  async decline(ctx: Context) {
    assertEditor(ctx);
    await declineContribution(
      strapi,
      ctx.params.documentId ?? '',
      ctx.request.body?.reason,
      userActor(ctx.state.user),
    );
    ctx.body = { data: { declined: true } };
  },

  /** A staff list (XLSX or CSV, as `file`): `?dryRun=true` reports what each row would do; without it the whole file is imported, or nothing. */
  async importStaff(ctx: Context) {
    assertStaffManager(ctx);
    const files = [ctx.request.files?.file ?? []].flat();
    if (files.length !== 1) throw field('file', 'send one .xlsx or .csv file as “file”');
    const [file] = files;
    if (file.size > MAX_SHEET_BYTES)
      throw field('file', `may be at most ${MAX_SHEET_BYTES / 1024 / 1024} MB`);
    const dryRun = ctx.query.dryRun === 'true' || ctx.query.dryRun === '1';
    try {
      const report = await importStaff(
        strapi,
        { bytes: await fs.readFile(file.filepath), fileName: file.originalFilename ?? 'staff.csv' },
        { dryRun, actor: userActor(ctx.state.user) },
      );
      // An import refused for invalid rows is a 400 carrying the same report as a dry run.
      if (!dryRun && !report.applied) ctx.status = 400;
      ctx.body = { data: report };
    } catch (error) {
      if (error instanceof SheetError) throw field('file', error.message);
      throw error;
    }
  },

  /** A one-time link to the staff page where the person chooses a password (14 days; a new one replaces it). */
  async invite(ctx: Context) {
    assertStaffManager(ctx);
    const member = await staffAccountOf(strapi, ctx.params.documentId);
    const invitation = await inviteAccount(strapi, member.accountId!);
    await recordAudit(
      strapi,
      { uid: PARTICIPATION_UID.staffMember, documentId: member.documentId, locale: '*' },
      {
        action: 'staff_invitation',
        actor: userActor(ctx.state.user),
        details: { expiresAt: invitation.expiresAt },
      },
    );
    ctx.body = { data: { employeeNumber: member.employeeNumber, ...invitation } };
  },

  /**
   * A generated password, shown this once, for someone who cannot open a link. On the trail
   * (password-events.ts), shown to the person, who must choose their own at the next sign-in.
   */
  async generatePassword(ctx: Context) {
    assertStaffManager(ctx);
    const member = await staffAccountOf(strapi, ctx.params.documentId);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {
      data: {
        employeeNumber: member.employeeNumber,
        password: await setGeneratedPassword(strapi, member.accountId!),
      },
    };
  },

  async rankings(ctx: Context) {
    assertRankingReader(ctx);
    ctx.body = { data: await ranking(strapi, { ...rankingQuery(ctx), limit: 1000 }) };
  },

  /** The ranking as a spreadsheet: `format=xlsx` (default) or `csv`. */
  async exportRankings(ctx: Context) {
    assertRankingReader(ctx);
    const format = ctx.query.format === undefined ? 'xlsx' : ctx.query.format;
    if (format !== 'xlsx' && format !== 'csv') throw field('format', 'must be xlsx or csv');
    const result = await ranking(strapi, { ...rankingQuery(ctx), limit: 100000 });
    ctx.set(
      'Content-Type',
      format === 'xlsx'
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv; charset=utf-8',
    );
    ctx.set(
      'Content-Disposition',
      `attachment; filename="rankings-${result.scope}-${result.period}.${format}"`,
    );
    ctx.body = await rankingFile(result, format);
  },

  /** 投稿任务: each organization's quota of adopted contributions for a quarter (`value=2026-Q4`, default this quarter) and its fulfilment. */
  async quotas(ctx: Context) {
    assertRankingReader(ctx);
    const { period } = periodQuery({ period: 'quarter', value: ctx.query.value });
    ctx.body = { data: await quotaFulfilment(strapi, period) };
  },

  /** 意见建议 for the organizations this handler answers for (all for a super admin), the soonest due first. */
  async opinions(ctx: Context) {
    const state = ctx.query.state;
    if (state !== undefined && state !== 'open' && state !== 'answered')
      throw field('state', 'must be open or answered');
    const { page, pageSize } = pageOf(ctx.query);
    const { items, total } = await opinionsFor(strapi, userActor(ctx.state.user), {
      state,
      page,
      pageSize,
    });
    ctx.body = { data: items, meta: { pagination: { page, pageSize, total } } };
  },

  async answer(ctx: Context) {
    await answerOpinion(
      strapi,
      userActor(ctx.state.user),
      ctx.params.documentId ?? '',
      ctx.request.body?.answer,
    );
    ctx.body = { data: { answered: true } };
  },

  /** The question and its answer as a draft Q&A article for the website, with the sender's consent. */
  async proposeQa(ctx: Context) {
    ctx.body = {
      data: await proposeQa(
        strapi,
        userActor(ctx.state.user),
        ctx.params.documentId ?? '',
        ctx.request.body ?? {},
      ),
    };
  },
});
