import { invalid } from './workflow-error';

/**
 * Schedule times as editors and integrations send them: ISO 8601 with a date, a time and a
 * zone (`Z` or `±hh:mm`), a real calendar date, in the years 2000–2100. JavaScript's Date
 * parser is far looser (it rolls 2030-02-30 over to March, reads a bare date as UTC midnight
 * and a time without a zone as local time, accepts years ±275,760): none of that reaches a
 * schedule.
 */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):?(\d{2}))$/;

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

const daysInMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Why `text` is not a schedule instant, or null when it is one. */
export const instantProblem = (text: string): string | null => {
  const match = ISO_INSTANT.exec(text);
  if (!match) return 'ISO 8601 date and time with a zone, e.g. 2030-05-01T09:00:00+08:00';
  const [year, month, day, hour, minute, second = '0'] = match
    .slice(1, 7)
    .map((part) => (part === undefined ? undefined : Number(part))) as number[];
  if (year < FIRST_YEAR || year > LAST_YEAR) return `a year from ${FIRST_YEAR} to ${LAST_YEAR}`;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return 'a real calendar date';
  if (hour > 23 || minute > 59 || Number(second) > 59) return 'a real time of day';
  const [zoneHours, zoneMinutes] = [match[9], match[10]].map(Number);
  if (match[8] !== 'Z' && (zoneHours > 14 || zoneMinutes > 59)) return 'a real time zone offset';
  return null;
};

/** `undefined` leaves the field as it is, `null` (or '') clears it, a valid instant sets it (in UTC). */
export const parseScheduleInstant = (value: unknown, field: string): string | null | undefined => {
  if (value === undefined) return undefined;
  if (value === null || value === '') return null;
  const problem = typeof value === 'string' ? instantProblem(value) : 'a string';
  if (problem !== null) {
    throw invalid(
      `${field} 不是有效的时间（须为带时区的 ISO 8601 时间，年份 ${FIRST_YEAR}–${LAST_YEAR}）`,
      `${field} must be ${problem}`,
      { path: [field] },
    );
  }
  return new Date(value as string).toISOString();
};
