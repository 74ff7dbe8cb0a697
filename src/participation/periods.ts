/** The periods points are counted in, as the enterprise counts them: calendar months, quarters and years in China Standard Time. */
export type Period = { month: string; quarter: string; year: string };
export type PeriodKind = keyof Period;

// China has no daylight saving time: Asia/Shanghai is always UTC+8.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

export const periodOf = (at: Date): Period => {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const year = String(local.getUTCFullYear());
  const month = local.getUTCMonth() + 1;
  return {
    month: `${year}-${String(month).padStart(2, '0')}`,
    quarter: `${year}-Q${Math.ceil(month / 3)}`,
    year,
  };
};

const PERIOD_PATTERN: Record<PeriodKind, RegExp> = {
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  quarter: /^\d{4}-Q[1-4]$/,
  year: /^\d{4}$/,
};

/** Whether `value` names a period of that kind (`2026-12`, `2026-Q4`, `2026`). */
export const isPeriod = (kind: PeriodKind, value: string): boolean =>
  PERIOD_PATTERN[kind].test(value);

export const isPeriodKind = (value: unknown): value is PeriodKind =>
  value === 'month' || value === 'quarter' || value === 'year';

/** How far back the admin's period picker reaches, per kind. */
export const PERIODS_OFFERED: Record<PeriodKind, number> = { month: 24, quarter: 12, year: 6 };

/** The `count` periods of that kind up to the one `at` falls in (Asia/Shanghai), newest first. */
export const recentPeriods = (
  kind: PeriodKind,
  at: Date,
  count = PERIODS_OFFERED[kind],
): string[] => {
  const current = periodOf(at);
  const year = Number(current.year);
  const month = Number(current.month.slice(5));
  // Each kind counted as a number of steps since year 0, then written back.
  const step = { month: 12, quarter: 4, year: 1 }[kind];
  const now =
    kind === 'year'
      ? year
      : year * step + (kind === 'month' ? month - 1 : Math.ceil(month / 3) - 1);
  return Array.from({ length: count }, (_, back) => {
    const index = now - back;
    if (kind === 'year') return String(index);
    const y = Math.floor(index / step);
    const n = (index % step) + 1;
    return kind === 'month' ? `${y}-${String(n).padStart(2, '0')}` : `${y}-Q${n}`;
  });
};

/** A period as people read it: 2026年12月, 2026年第4季度, 2026年. */
export const periodLabel = (kind: PeriodKind, value: string): string => {
  if (kind === 'month') return `${value.slice(0, 4)}年${Number(value.slice(5))}月`;
  if (kind === 'quarter') return `${value.slice(0, 4)}年第${value.slice(6)}季度`;
  return `${value}年`;
};
