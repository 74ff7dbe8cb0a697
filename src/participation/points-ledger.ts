import type { Core } from '@strapi/strapi';
import type { DocumentMiddleware } from '../documents/document-middlewares';
import { columnOf } from '../documents/document-rows';
import { recordAudit } from '../kernel/audit-trail';
import { refuse } from '../workflow/workflow-error';
import { PARTICIPATION_UID, type PointEvent } from './participation-types';
import { periodOf } from './periods';
import type { StaffMember } from './staff-accounts';

export type PointRule = { points: number; monthlyCap: number };

export type PointAward = {
  event: PointEvent;
  member: Pick<StaffMember, 'id' | 'name' | 'organizationDocumentId'>;
  contributionDocumentId: string;
  articleDocumentId?: string | null;
  at?: Date;
};

type LedgerRow = {
  id: number;
  points: number;
  cappedFrom: number | null;
  pointEvent: PointEvent;
  eventKey: string;
};

export const pointRules = (strapi: Core.Strapi): Record<PointEvent, PointRule> =>
  strapi.config.get<Record<PointEvent, PointRule>>('participation.points');

/** The points an event may still earn this month: its rule's points, no more than what is left under its monthly cap. */
export const pointsWithinCap = (rule: PointRule, earnedThisMonth: number): number =>
  Math.max(0, Math.min(rule.points, rule.monthlyCap - earnedThisMonth));

/**
 * Records one point event in the ledger, once: an event of a contribution (its submission, its
 * adoption, its article's release …) earns points the first time only, whatever path reports it
 * again. Points beyond the person's monthly cap for that event are not given, and the row says
 * what they would have been. The staff member's row is locked while the month is summed, so two
 * events at once cannot both pass the cap (PostgreSQL; SQLite writes one at a time).
 */
export const awardPoints = async (
  strapi: Core.Strapi,
  award: PointAward,
): Promise<LedgerRow | null> => {
  const rule = pointRules(strapi)[award.event];
  if (!rule || rule.points <= 0) return null;
  const eventKey = `${award.event}:${award.contributionDocumentId}`;
  const ledger = strapi.db.query(PARTICIPATION_UID.pointEvent);
  return strapi.db.transaction(async ({ trx }) => {
    const { tableName } = strapi.db.metadata.get(PARTICIPATION_UID.staffMember);
    if (strapi.db.dialect.client === 'postgres')
      await trx(tableName).where({ id: award.member.id }).forUpdate().select('id');
    const earlier = (await ledger.findOne({ where: { eventKey } })) as LedgerRow | null;
    if (earlier) return null;
    const period = periodOf(award.at ?? new Date());
    const earned = (await ledger.findMany({
      where: { staffMemberId: award.member.id, pointEvent: award.event, month: period.month },
      select: ['points'],
    })) as Array<{ points: number }>;
    const points = pointsWithinCap(
      rule,
      earned.reduce((sum, row) => sum + row.points, 0),
    );
    const row = (await ledger.create({
      data: {
        eventKey,
        pointEvent: award.event,
        staffMemberId: award.member.id,
        organizationDocumentId: award.member.organizationDocumentId,
        contributionDocumentId: award.contributionDocumentId,
        articleDocumentId: award.articleDocumentId ?? null,
        points,
        cappedFrom: points < rule.points ? rule.points : null,
        ...period,
      },
    })) as LedgerRow;
    await recordAudit(
      strapi,
      {
        uid: PARTICIPATION_UID.contribution,
        documentId: award.contributionDocumentId,
        locale: '*',
      },
      {
        action: 'points_award',
        actor: { type: 'system', name: 'points' },
        details: {
          staffMemberId: award.member.id,
          event: award.event,
          points,
          cappedFrom: row.cappedFrom,
        },
      },
    );
    return row;
  });
};

/** The ledger is append-only on every Document Service path (points are corrected by a new event, never by editing one). */
export const appendOnlyLedger: DocumentMiddleware = async (call, next) => {
  if (
    call.uid === PARTICIPATION_UID.pointEvent &&
    !['create', 'findOne', 'findMany', 'findFirst', 'count'].includes(call.action)
  ) {
    throw refuse(
      '积分记录只能追加，不能修改或删除',
      'The points ledger is append-only: entries cannot be changed or deleted',
    );
  }
  return next();
};

/** One event per key (a unique index: two instances reporting the same event at once record it once), and the sums rankings read. */
export const ensureLedgerIndexes = async (strapi: Core.Strapi): Promise<void> => {
  const knex = strapi.db.connection;
  const { tableName } = strapi.db.metadata.get(PARTICIPATION_UID.pointEvent);
  const column = (attribute: string) => columnOf(strapi, PARTICIPATION_UID.pointEvent, attribute);
  await knex.raw('CREATE UNIQUE INDEX IF NOT EXISTS ?? ON ?? (??)', [
    `${tableName}_event_key_uniq`,
    tableName,
    column('eventKey'),
  ]);
  await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??, ??, ??)', [
    `${tableName}_member_month_idx`,
    tableName,
    column('staffMemberId'),
    column('pointEvent'),
    column('month'),
  ]);
  const staff = strapi.db.metadata.get(PARTICIPATION_UID.staffMember).tableName;
  await knex.raw('CREATE UNIQUE INDEX IF NOT EXISTS ?? ON ?? (??)', [
    `${staff}_employee_number_uniq`,
    staff,
    columnOf(strapi, PARTICIPATION_UID.staffMember, 'employeeNumber'),
  ]);
};

/** A staff member's points this month, quarter and year (Asia/Shanghai), and in all. */
export const pointsOf = async (
  strapi: Core.Strapi,
  staffMemberId: number,
  now = new Date(),
): Promise<{ month: number; quarter: number; year: number; total: number }> => {
  const rows = (await strapi.db.query(PARTICIPATION_UID.pointEvent).findMany({
    where: { staffMemberId },
    select: ['points', 'month', 'quarter', 'year'],
  })) as Array<{ points: number; month: string; quarter: string; year: string }>;
  const current = periodOf(now);
  const sum = (match: (row: (typeof rows)[number]) => boolean) =>
    rows.filter(match).reduce((total, row) => total + row.points, 0);
  return {
    month: sum((row) => row.month === current.month),
    quarter: sum((row) => row.quarter === current.quarter),
    year: sum((row) => row.year === current.year),
    total: sum(() => true),
  };
};
