import {
  addDays,
  addMonths,
  assertIsoDate,
  dayOfWeek,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  toDayNumber,
  weekdayName,
} from './iso-date';

describe('ISO date arithmetic (UTC components only)', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2026-10-10')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    for (const bad of [
      '2027-02-29',
      '2100-02-29',
      '2026-13-01',
      '2026-04-31',
      '2026-4-1',
      '2026-10-10T00:00:00Z',
      20261010,
      null,
    ]) {
      expect(isIsoDate(bad)).toBe(false);
    }
    expect(() => assertIsoDate('2027-02-30', 'start')).toThrow(
      'start must be a real calendar date as YYYY-MM-DD, got "2027-02-30"',
    );
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(weekdayName('2026-10-10')).toBe('Saturday');
    expect(weekdayName('2026-09-20')).toBe('Sunday');
    expect(weekdayName('1969-12-31')).toBe('Wednesday');
  });

  it('adds days across months, years and leap days without time-zone drift', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(fromDayNumber(toDayNumber('0999-12-31') + 1)).toBe('1000-01-01');
  });

  it('adds months keeping the day, or the month end when there is no such day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });
});
