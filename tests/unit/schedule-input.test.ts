import { instantProblem, parseScheduleInstant } from '../../src/workflow/schedule-input';

describe('schedule input: strict ISO 8601 with a zone, real dates, years 2000–2100', () => {
  test.each([
    ['2030-02-30T09:00:00+08:00', /calendar date/], // JavaScript rolls this over to 2 March
    ['2031-02-29T09:00:00Z', /calendar date/], // not a leap year
    ['2030-04-31T09:00:00Z', /calendar date/],
    ['2030-13-01T09:00:00Z', /calendar date/],
    ['2030-05-01', /ISO 8601/], // a bare date, read as UTC midnight by Date
    ['2030-05-01T09:00:00', /ISO 8601/], // no zone, read as local time by Date
    ['2030-05-01 09:00:00Z', /ISO 8601/],
    ['+275760-09-13T00:00:00Z', /ISO 8601/],
    ['1999-12-31T23:59:59Z', /year/],
    ['2101-01-01T00:00:00Z', /year/],
    ['2030-05-01T24:00:00Z', /time of day/],
    ['2030-05-01T09:60:00Z', /time of day/],
    ['2030-05-01T09:00:00+15:00', /zone/],
    ['tomorrow', /ISO 8601/],
  ])('%s is refused (%s)', (text, problem) => {
    expect(instantProblem(text)).toMatch(problem);
    expect(() => parseScheduleInstant(text, 'publishAt')).toThrow(/publishAt/);
  });

  test.each([
    ['2030-05-01T09:00:00+08:00', '2030-05-01T01:00:00.000Z'],
    ['2032-02-29T23:59:59.5Z', '2032-02-29T23:59:59.500Z'],
    ['2100-12-31T23:59Z', '2100-12-31T23:59:00.000Z'],
    ['2000-01-01T08:00:00+0800', '2000-01-01T00:00:00.000Z'],
  ])('%s is stored as %s', (text, stored) => {
    expect(instantProblem(text)).toBeNull();
    expect(parseScheduleInstant(text, 'publishAt')).toBe(stored);
  });

  test('undefined keeps the field, null and empty clear it, anything but a string is refused', () => {
    expect(parseScheduleInstant(undefined, 'publishAt')).toBeUndefined();
    expect(parseScheduleInstant(null, 'publishAt')).toBeNull();
    expect(parseScheduleInstant('', 'publishAt')).toBeNull();
    expect(() => parseScheduleInstant(1893456000000, 'unpublishAt')).toThrow(
      /unpublishAt must be a string/,
    );
    expect(() => parseScheduleInstant({}, 'unpublishAt')).toThrow(/unpublishAt/);
  });
});
