import { SCHEDULE_RISK_HOURS, scheduleRiskOf } from '../../src/workflow/schedule-risk';

const now = new Date('2026-12-07T08:00:00Z');
const hoursFromNow = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString();

test('an item in review whose release time passed is overdue, one within the window is tight', () => {
  expect(scheduleRiskOf(hoursFromNow(-1), now)).toBe('overdue');
  expect(scheduleRiskOf(now.toISOString(), now)).toBe('overdue');
  expect(scheduleRiskOf(hoursFromNow(2), now)).toBe('tight');
  expect(scheduleRiskOf(hoursFromNow(SCHEDULE_RISK_HOURS), now)).toBe('tight');
});

test('no release time, or a comfortable one, is no risk', () => {
  expect(scheduleRiskOf(null, now)).toBeNull();
  expect(scheduleRiskOf(hoursFromNow(SCHEDULE_RISK_HOURS + 1), now)).toBeNull();
});
