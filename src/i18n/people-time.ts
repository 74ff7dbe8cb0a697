/**
 * Times as people read and type them: in one configured zone (ADMIN_TIME_ZONE, default
 * Asia/Shanghai), whatever zone the server or the browser runs in, written the Chinese way
 * (2026-12-07 18:44, 24-hour). No ISO string reaches a person. Shared by the server (messages,
 * preview) and the admin panel (panels, lists, calendar), so both say the same time.
 */
export const DEFAULT_PEOPLE_TIME_ZONE = 'Asia/Shanghai';

type WallClock = { year: string; month: string; day: string; hour: string; minute: string };

const wallClockOf = (at: string | number | Date, timeZone: string): WallClock => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((entry) => entry.type === type)?.value ?? '00';
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
  };
};

/** `2026-12-07 18:44` in `timeZone`. */
export const readableTime = (
  at: string | number | Date,
  timeZone: string = DEFAULT_PEOPLE_TIME_ZONE,
): string => {
  const { year, month, day, hour, minute } = wallClockOf(at, timeZone);
  return `${year}-${month}-${day} ${hour}:${minute}`;
};

/** `2026-12-07` in `timeZone`. */
export const readableDate = (
  at: string | number | Date,
  timeZone: string = DEFAULT_PEOPLE_TIME_ZONE,
): string => readableTime(at, timeZone).slice(0, 10);

/** `18:44` in `timeZone`. */
export const readableClock = (
  at: string | number | Date,
  timeZone: string = DEFAULT_PEOPLE_TIME_ZONE,
): string => readableTime(at, timeZone).slice(11);

/** The value of an `<input type="datetime-local">` showing `at` in `timeZone` (`2026-12-07T18:44`). */
export const wallClockInput = (
  at: string | null,
  timeZone: string = DEFAULT_PEOPLE_TIME_ZONE,
): string => (at ? readableTime(at, timeZone).replace(' ', 'T') : '');

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
const offsetAt = (instant: number, timeZone: string): number => {
  const { year, month, day, hour, minute } = wallClockOf(instant, timeZone);
  const seconds = new Date(instant).getUTCSeconds();
  return (
    Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), seconds) -
    (instant - (instant % 1000))
  );
};

/**
 * The instant a wall-clock time typed in `timeZone` names (`2026-12-07T18:44` → ISO, UTC), or
 * null for an empty or unreadable value. In a zone with summer time, a time the clocks skip is
 * read with the offset before the change.
 */
export const instantOfWallClock = (
  value: string,
  timeZone: string = DEFAULT_PEOPLE_TIME_ZONE,
): string | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const guess = asUtc - offsetAt(asUtc, timeZone);
  return new Date(asUtc - offsetAt(guess, timeZone)).toISOString();
};

/** The configured zone (`admin.timeZone`, from ADMIN_TIME_ZONE), checked: an unknown zone stops the start, naming it. */
export const peopleTimeZoneOf = (config: {
  get(path: string, fallback?: unknown): unknown;
}): string => {
  const timeZone = String(
    config.get('admin.timeZone', DEFAULT_PEOPLE_TIME_ZONE) || DEFAULT_PEOPLE_TIME_ZONE,
  );
  try {
    readableTime(0, timeZone);
  } catch {
    throw new Error(
      `ADMIN_TIME_ZONE=${timeZone} is not a time zone (an IANA name such as Asia/Shanghai)`,
    );
  }
  return timeZone;
};
