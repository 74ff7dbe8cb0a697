import type { Core } from '@strapi/strapi';
import ExcelJS from 'exceljs';
import { UID } from '../constants';
import { columnOf } from '../documents/document-rows';
import { PARTICIPATION_UID } from './participation-types';
import type { PeriodKind } from './periods';
import { publishedNames } from './taxonomy-names';

export type RankingScope = 'person' | 'organization';

export type RankingRow = {
  rank: number;
  points: number;
  /** Contributions adopted in the period (a correspondent's quota counts these). */
  adopted: number;
  name: string;
  /** A person's staff member (admin and internal use: never shown to staff or screens). */
  staffMemberId?: number;
  employeeNumber?: string;
  organization: string;
  correspondent?: boolean;
};

export type Ranking = {
  period: string;
  periodKind: PeriodKind;
  scope: RankingScope;
  rows: RankingRow[];
};

type Sum = { key: string | number; points: number | string; adopted: number | string };

/** Rows in order of points, highest first, each with its rank: equal points share one (1, 2, 2, 4). */
export const withRanks = <Row extends { points: number }>(
  rows: Row[],
): Array<Row & { rank: number }> => {
  let rank = 0;
  return rows.map((row, index) => {
    if (index === 0 || row.points !== rows[index - 1].points) rank = index + 1;
    return { ...row, rank };
  });
};

/**
 * Points per person or per organization in one month, quarter or year (Asia/Shanghai), highest
 * first; equal points share a rank (1, 2, 2, 4). An organization's points are those its staff
 * earned while they belonged to it.
 */
export const ranking = async (
  strapi: Core.Strapi,
  {
    periodKind,
    period,
    scope,
    limit,
  }: { periodKind: PeriodKind; period: string; scope: RankingScope; limit: number },
): Promise<Ranking> => {
  const knex = strapi.db.connection;
  const { tableName } = strapi.db.metadata.get(PARTICIPATION_UID.pointEvent);
  const column = (attribute: string) => columnOf(strapi, PARTICIPATION_UID.pointEvent, attribute);
  const keyColumn = column(scope === 'person' ? 'staffMemberId' : 'organizationDocumentId');
  const sums = (await knex(tableName)
    .select({ key: keyColumn })
    .sum({ points: column('points') })
    .select(
      knex.raw(`SUM(CASE WHEN ?? = 'adopted' THEN 1 ELSE 0 END) AS adopted`, [
        column('pointEvent'),
      ]),
    )
    .where(column(periodKind), period)
    .whereNotNull(keyColumn)
    .groupBy(keyColumn)
    .orderBy([
      { column: 'points', order: 'desc' },
      { column: keyColumn, order: 'asc' },
    ])
    .limit(limit)) as Sum[];
  const organizations = await publishedNames(strapi, UID.organization);
  const staff =
    scope === 'person' && sums.length > 0
      ? new Map(
          (
            (await strapi.db.query(PARTICIPATION_UID.staffMember).findMany({
              where: { id: { $in: sums.map((sum) => Number(sum.key)) } },
              select: ['id', 'name', 'employeeNumber', 'correspondent'],
              populate: { organization: { select: ['documentId'] } },
            })) as Array<{
              id: number;
              name: string;
              employeeNumber: string;
              correspondent: boolean;
              organization?: { documentId: string } | null;
            }>
          ).map((member) => [member.id, member]),
        )
      : new Map();
  const rows = withRanks(
    sums.map((sum): Omit<RankingRow, 'rank'> => {
      const points = Number(sum.points);
      const adopted = Number(sum.adopted);
      if (scope === 'organization')
        return {
          points,
          adopted,
          name: organizations.get(String(sum.key)) ?? String(sum.key),
          organization: organizations.get(String(sum.key)) ?? '',
        };
      const member = staff.get(Number(sum.key));
      return {
        points,
        adopted,
        name: member?.name ?? '',
        staffMemberId: Number(sum.key),
        employeeNumber: member?.employeeNumber ?? '',
        organization: member?.organization
          ? (organizations.get(member.organization.documentId) ?? '')
          : '',
        correspondent: member?.correspondent ?? false,
      };
    }),
  );
  return { period, periodKind, scope, rows };
};

const HEADERS: Record<RankingScope, Array<[keyof RankingRow, string]>> = {
  person: [
    ['rank', '名次'],
    ['name', '姓名'],
    ['employeeNumber', '工号'],
    ['organization', '所属党组织'],
    ['correspondent', '通讯员'],
    ['adopted', '采用篇数'],
    ['points', '积分'],
  ],
  organization: [
    ['rank', '名次'],
    ['name', '党组织'],
    ['adopted', '采用篇数'],
    ['points', '积分'],
  ],
};

// A CSV cell a spreadsheet would read as a formula (=, +, -, @) is written as text (XLSX cells are typed).
const asCsvText = (value: unknown) =>
  typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;

/** A ranking as a spreadsheet for the annual 优秀通讯员 award: XLSX, or CSV (UTF-8 with a BOM, so Excel reads the Chinese). */
export const rankingFile = async (ranking: Ranking, format: 'xlsx' | 'csv'): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`${ranking.period} 积分排名`);
  const headers = HEADERS[ranking.scope];
  sheet.columns = headers.map(([key, header]) => ({
    header,
    key,
    width: key === 'organization' || key === 'name' ? 24 : 12,
  }));
  for (const row of ranking.rows)
    sheet.addRow(
      Object.fromEntries(
        headers.map(([key]) => [
          key,
          key === 'correspondent'
            ? row.correspondent
              ? '是'
              : '否'
            : format === 'csv'
              ? asCsvText(row[key])
              : row[key],
        ]),
      ),
    );
  if (format === 'xlsx') return Buffer.from(await workbook.xlsx.writeBuffer());
  return Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(await workbook.csv.writeBuffer())]);
};

export type QuotaFulfilment = {
  organization: string;
  organizationDocumentId: string;
  quarter: string;
  adoptedTarget: number;
  adopted: number;
  fulfilled: boolean;
};

/**
 * 投稿任务: for each quota of the quarter, how many contributions its organization's staff had
 * adopted in it (the organization they belonged to when adopted), and whether that meets it.
 */
export const quotaFulfilment = async (
  strapi: Core.Strapi,
  quarter: string,
): Promise<QuotaFulfilment[]> => {
  const quotas = (await strapi.db.query(PARTICIPATION_UID.quota).findMany({
    where: { quarter },
    orderBy: { id: 'asc' },
    populate: { organization: { select: ['documentId'] } },
  })) as Array<{ adoptedTarget: number; organization?: { documentId: string } | null }>;
  const knex = strapi.db.connection;
  const { tableName } = strapi.db.metadata.get(PARTICIPATION_UID.pointEvent);
  const column = (attribute: string) => columnOf(strapi, PARTICIPATION_UID.pointEvent, attribute);
  const counts: Array<{ organization: string; adopted: number | string }> = await knex(tableName)
    .select({ organization: column('organizationDocumentId') })
    .count({ adopted: '*' })
    .where(column('quarter'), quarter)
    .where(column('pointEvent'), 'adopted')
    .groupBy(column('organizationDocumentId'));
  const adoptedBy = new Map(counts.map((row) => [row.organization, Number(row.adopted)]));
  const names = await publishedNames(strapi, UID.organization);
  // Several quotas of one organization in a quarter: the last one entered counts.
  const byOrganization = new Map(
    quotas.flatMap((quota) =>
      quota.organization ? [[quota.organization.documentId, quota.adoptedTarget] as const] : [],
    ),
  );
  return [...byOrganization].map(([organizationDocumentId, adoptedTarget]) => {
    const adopted = adoptedBy.get(organizationDocumentId) ?? 0;
    return {
      organization: names.get(organizationDocumentId) ?? organizationDocumentId,
      organizationDocumentId,
      quarter,
      adoptedTarget,
      adopted,
      fulfilled: adopted >= adoptedTarget,
    };
  });
};
