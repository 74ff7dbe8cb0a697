import fc from 'fast-check';
import { instantOfWallClock, readableTime, wallClockInput } from '../../src/i18n/people-time';

/** Times as people read them: one configured zone, Chinese order, never an ISO string. */
test('an instant reads in the configured zone, whatever zone the process runs in', () => {
  expect(readableTime('2026-12-07T10:44:00.000Z')).toBe('2026-12-07 18:44');
  expect(readableTime('2026-12-07T16:30:00.000Z', 'Asia/Shanghai')).toBe('2026-12-08 00:30');
  expect(readableTime('2026-12-07T10:44:00.000Z', 'Europe/Berlin')).toBe('2026-12-07 11:44');
  expect(readableTime('2026-07-07T10:44:00.000Z', 'Europe/Berlin')).toBe('2026-07-07 12:44');
  expect(readableTime('2026-12-07T10:44:00.000Z', 'UTC')).toBe('2026-12-07 10:44');
});

test('a wall-clock time typed in the zone names the instant it shows, and back', () => {
  expect(instantOfWallClock('2026-12-07T18:44')).toBe('2026-12-07T10:44:00.000Z');
  expect(instantOfWallClock('2026-07-07T12:44', 'Europe/Berlin')).toBe('2026-07-07T10:44:00.000Z');
  expect(instantOfWallClock('')).toBeNull();
  expect(instantOfWallClock('tomorrow')).toBeNull();
  expect(wallClockInput('2026-12-07T10:44:00.000Z')).toBe('2026-12-07T18:44');
  expect(wallClockInput(null)).toBe('');
  for (const timeZone of [
    'Asia/Shanghai',
    'Europe/Berlin',
    'America/New_York',
    'Asia/Kolkata',
    'UTC',
  ]) {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
        (milliseconds) => {
          const minute = new Date(Math.floor(milliseconds / 60_000) * 60_000).toISOString();
          const typed = wallClockInput(minute, timeZone);
          // The hour the clocks repeat in autumn reads back as its first pass; every other minute exactly.
          const back = instantOfWallClock(typed, timeZone);
          expect(
            back === minute ||
              readableTime(back ?? '', timeZone) === readableTime(minute, timeZone),
          ).toBe(true);
        },
      ),
    );
  }
});
