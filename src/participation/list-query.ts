import { isPeriod, isPeriodKind, periodOf, type PeriodKind } from './periods';
import { fieldError as field } from './field-error';

/** `page` and `pageSize` of a participation list: whole numbers, pages of at most 100. */
export const pageOf = (query: {
  page?: unknown;
  pageSize?: unknown;
}): { page: number; pageSize: number } => {
  const whole = (name: string, value: unknown, fallback: number, max: number) => {
    if (value === undefined || value === '') return fallback;
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1 || number > max)
      throw field(name, `must be a whole number from 1 to ${max}`);
    return number;
  };
  return {
    page: whole('page', query.page, 1, 100000),
    pageSize: whole('pageSize', query.pageSize, 20, 100),
  };
};

/** `period` (month, quarter or year) and `value` (2026-12, 2026-Q4, 2026) of a ranking; the current month when unsaid. */
export const periodQuery = (
  query: { period?: unknown; value?: unknown },
  now = new Date(),
): { periodKind: PeriodKind; period: string } => {
  const periodKind = query.period === undefined ? 'month' : query.period;
  if (!isPeriodKind(periodKind)) throw field('period', 'must be month, quarter or year');
  const period =
    query.value === undefined || query.value === '' ? periodOf(now)[periodKind] : query.value;
  if (typeof period !== 'string' || !isPeriod(periodKind, period))
    throw field('value', `is not a ${periodKind} (for example ${periodOf(now)[periodKind]})`);
  return { periodKind, period };
};
