/** The periods points are counted in, as the enterprise counts them: calendar months, quarters and years in China Standard Time. */
export type Period = { month: string; quarter: string; year: string };
export type PeriodKind = keyof Period;

// China has no daylight saving time: Asia/Shanghai is always UTC+8.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

export const periodOf = (at: Date): Period => {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const year = String(local.getUTCFullYear());
  const month = local.getUTCMonth() + 1;
  return { month: `${year}-${String(month).padStart(2, '0')}`, quarter: `${year}-Q${Math.ceil(month / 3)}`, year };
};

const PERIOD_PATTERN: Record<PeriodKind, RegExp> = { month: /^\d{4}-(0[1-9]|1[0-2])$/, quarter: /^\d{4}-Q[1-4]$/, year: /^\d{4}$/ };

/** Whether `value` names a period of that kind (`2026-12`, `2026-Q4`, `2026`). */
export const isPeriod = (kind: PeriodKind, value: string): boolean => PERIOD_PATTERN[kind].test(value);

export const isPeriodKind = (value: unknown): value is PeriodKind => value === 'month' || value === 'quarter' || value === 'year';
