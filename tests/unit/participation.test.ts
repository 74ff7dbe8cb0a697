import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { invitationExpiry, refuseExpiredInvitation } from '../../src/participation/invitations';
import { periodOf } from '../../src/participation/periods';
import { pointsWithinCap } from '../../src/participation/points-ledger';
import { PARTICIPATION_UID } from '../../src/participation/participation-types';
import { rankingFile, type Ranking } from '../../src/participation/rankings';
import { changesRankings } from '../../src/participation/screen-rankings';

describe('periods are counted in China Standard Time', () => {
  test('a month, quarter and year turn at midnight in Shanghai, not UTC', () => {
    // 2026-12-31 16:00 UTC is 2027-01-01 00:00 in Shanghai.
    expect(periodOf(new Date('2026-12-31T15:59:59Z'))).toEqual({
      month: '2026-12',
      quarter: '2026-Q4',
      year: '2026',
    });
    expect(periodOf(new Date('2026-12-31T16:00:00Z'))).toEqual({
      month: '2027-01',
      quarter: '2027-Q1',
      year: '2027',
    });
    expect(periodOf(new Date('2026-06-30T16:00:00Z')).quarter).toBe('2026-Q3');
  });

  test('every instant falls in the month its Shanghai date shows', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (at) => {
          const shanghai = new Intl.DateTimeFormat('en-CA', {
            timeZone: 'Asia/Shanghai',
            year: 'numeric',
            month: '2-digit',
          }).format(at);
          expect(periodOf(at).month).toBe(shanghai.slice(0, 7));
        },
      ),
    );
  });
});

test('points never pass the monthly cap and are never negative', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 10 }),
      fc.integer({ min: 0, max: 50 }),
      fc.integer({ min: 0, max: 60 }),
      (points, monthlyCap, earned) => {
        const given = pointsWithinCap({ points, monthlyCap }, earned);
        expect(given).toBeGreaterThanOrEqual(0);
        expect(given).toBeLessThanOrEqual(points);
        if (earned < monthlyCap) expect(earned + given).toBeLessThanOrEqual(monthlyCap);
        else expect(given).toBe(0);
      },
    ),
  );
});

test('an invitation code carries its expiry; Strapi’s own reset codes are left alone', () => {
  const now = Date.now();
  const code = `inv.${(now + 1000).toString(36)}.${'a'.repeat(64)}`;
  expect(invitationExpiry(code)).toBe(now + 1000);
  expect(() => refuseExpiredInvitation(code, now)).not.toThrow();
  expect(() => refuseExpiredInvitation(code, now + 2000)).toThrow(/expired/);
  expect(() => refuseExpiredInvitation('inv.!!.x', now)).toThrow(/expired/);
  expect(invitationExpiry('3f2a9c')).toBeNull();
  expect(() => refuseExpiredInvitation(undefined, now)).not.toThrow();
});

describe('ranking exports', () => {
  const ranking: Ranking = {
    period: '2026',
    periodKind: 'year',
    scope: 'person',
    rows: [
      {
        rank: 1,
        points: 8,
        adopted: 1,
        name: '=HYPERLINK("http://evil.example","点我")',
        employeeNumber: 'E1',
        organization: '机务党支部',
        correspondent: true,
      },
    ],
  };

  test('a CSV cell that a spreadsheet would run as a formula is written as text', async () => {
    const csv = (await rankingFile(ranking, 'csv')).toString('utf8');
    expect(csv.startsWith('\uFEFF名次,姓名,工号,所属党组织,通讯员,采用篇数,积分\n')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
  });

  test('XLSX keeps the name as typed text', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await rankingFile(ranking, 'xlsx')) as unknown as ExcelJS.Buffer);
    const cell = workbook.worksheets[0].getRow(2).getCell(2);
    expect(cell.value).toBe('=HYPERLINK("http://evil.example","点我")');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
  });
});

describe('which writes change what the screens rank', () => {
  const ledger = (action: string, result: object) =>
    changesRankings(PARTICIPATION_UID.pointEvent, { action, params: {}, result });
  const update = (uid: string, data: Record<string, unknown>) =>
    changesRankings(uid, { action: 'afterUpdate', params: { data } });

  test('an award that earns points, or records an adoption; not a submission past its cap', () => {
    expect(ledger('afterCreate', { pointEvent: 'submitted', points: 2 })).toBe(true);
    expect(ledger('afterCreate', { pointEvent: 'submitted', points: 0 })).toBe(false);
    expect(ledger('afterCreate', { pointEvent: 'adopted', points: 0 })).toBe(true);
    expect(ledger('afterCreateMany', { count: 2 })).toBe(true);
  });

  test('a name, a block or a consent that changed, and any deletion; not a text, an account or a new record', () => {
    expect(update(PARTICIPATION_UID.staffMember, { name: '新名字' })).toBe(true);
    expect(update(PARTICIPATION_UID.staffMember, { active: false })).toBe(true);
    expect(update(PARTICIPATION_UID.staffMember, { account: 7, phone: '13800000000' })).toBe(false);
    expect(update(PARTICIPATION_UID.contribution, { consentToBeNamed: false })).toBe(true);
    expect(update(PARTICIPATION_UID.contribution, { title: '改了标题', body: '正文' })).toBe(false);
    expect(
      changesRankings(PARTICIPATION_UID.contribution, {
        action: 'afterCreate',
        params: { data: { consentToBeNamed: false } },
      }),
    ).toBe(false);
    for (const uid of [
      PARTICIPATION_UID.staffMember,
      PARTICIPATION_UID.contribution,
      PARTICIPATION_UID.pointEvent,
    ])
      expect(changesRankings(uid, { action: 'afterDelete', params: {} })).toBe(true);
  });
});
