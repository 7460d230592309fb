import { CalendarYearNotLoadedError } from './errors';
import type { CalendarYear } from './calendar-year';
import { prcCalendar } from './prc-calendar';

/** A made-up 2027 arrangement for the tests (not the published one): operator data, loaded at run time. */
const year2027: CalendarYear = {
  year: 2027,
  holidays: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
  workdays: ['2027-01-30', '2027-02-20'],
  source: 'test fixture (hypothetical 2027 notice)',
};

describe('WorkingDayCalendar with the built-in years', () => {
  const calendar = prcCalendar();

  it('covers 2004–2026', () => {
    expect(calendar.coveredYears()[0]).toBe(2004);
    expect(calendar.coveredYears().at(-1)).toBe(2026);
  });

  it('15 working days after 2026-09-28 is 2026-10-23: National Day skipped, Saturday 10-10 counted', () => {
    expect(calendar.addWorkingDays('2026-09-28', 15)).toEqual({
      date: '2026-10-23',
      provisional: false,
      missingYears: [],
    });
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true); // Saturday, 调休上班
    expect(calendar.isWorkingDay('2026-10-11')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2026-10-07')).toBe(false); // Wednesday, holiday
    expect(calendar.dayStatus('2026-10-10').basis).toBe('ADJUSTED_WORKDAY');
  });

  it('Spring Festival 2026: 02-15…02-23 off, make-up Saturdays 02-14 and 02-28, make-up Sunday 01-04', () => {
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    for (const d of ['2026-02-15', '2026-02-16', '2026-02-20', '2026-02-21', '2026-02-23'])
      expect(calendar.isWorkingDay(d)).toBe(false);
    expect(calendar.isWorkingDay('2026-02-24')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
    expect(calendar.isWorkingDay('2026-01-04')).toBe(true);
    // 02-13 (Fri) → 02-14 (Sat, worked) → 02-24 … 02-27 → 02-28 (Sat, worked)
    expect(calendar.addWorkingDays('2026-02-13', 1).date).toBe('2026-02-14');
    expect(calendar.addWorkingDays('2026-02-13', 2).date).toBe('2026-02-24');
    expect(calendar.addWorkingDays('2026-02-13', 6).date).toBe('2026-02-28');
    expect(calendar.addWorkingDays('2026-02-13', 7).date).toBe('2026-03-02');
  });

  it('does not count the start day, counts backwards for n < 0 and returns the start for 0', () => {
    expect(calendar.addWorkingDays('2026-10-10', 1).date).toBe('2026-10-12'); // from a worked Saturday
    expect(calendar.addWorkingDays('2026-10-04', 1).date).toBe('2026-10-08'); // from inside the break
    expect(calendar.addWorkingDays('2026-10-23', -15).date).toBe('2026-09-28');
    expect(calendar.addWorkingDays('2026-10-03', 0).date).toBe('2026-10-03');
  });

  it('flags a count running into 2027 as provisional (2027 counted Monday–Friday) and names the year', () => {
    // 12-16…12-31: 12 weekdays; 2027-01-01 (Fri) assumed working = 13; 01-04…01-08 = 18; 01-12 = 20
    expect(calendar.addWorkingDays('2026-12-15', 20)).toEqual({
      date: '2027-01-12',
      provisional: true,
      missingYears: [2027],
    });
  });

  it('flags the last week of December too: the 2027 New Year notice may still move it', () => {
    expect(calendar.addWorkingDays('2026-12-15', 7)).toEqual({
      date: '2026-12-24',
      provisional: false,
      missingYears: [],
    });
    expect(calendar.addWorkingDays('2026-12-21', 5)).toEqual({
      date: '2026-12-28',
      provisional: true,
      missingYears: [2027],
    });
    expect(calendar.dayStatus('2026-12-28')).toEqual({
      date: '2026-12-28',
      working: true,
      basis: 'WEEKDAY',
      missingYear: 2027,
    });
  });

  it('refuses to say whether a day of an unloaded year is a working day, with a typed error', () => {
    expect(() => calendar.isWorkingDay('2027-03-01')).toThrow(CalendarYearNotLoadedError);
    expect(() => calendar.isWorkingDay('2027-03-01')).toThrow('The working-day arrangement for 2027 is not loaded');
    expect(() => calendar.isWorkingDay('2003-06-02')).toThrow(
      expect.objectContaining({ year: 2003, date: '2003-06-02' }),
    );
    expect(() => calendar.isWorkingDay('2026-12-30')).toThrow(
      '2026-12-30 may still be moved by the 2027 New Year arrangement',
    );
    expect(calendar.dayStatus('2027-03-01')).toEqual({
      date: '2027-03-01',
      working: true,
      basis: 'WEEKDAY',
      missingYear: 2027,
    });
  });
});

describe('WorkingDayCalendar with an operator-loaded 2027', () => {
  const calendar = prcCalendar({ years: [year2027] });

  it('uses the loaded year and drops the provisional flag', () => {
    expect(calendar.coveredYears().at(-1)).toBe(2027);
    // as above, but 2027-01-01 is a holiday now: 01-04…01-08 = 17, 01-11…01-13 = 20
    expect(calendar.addWorkingDays('2026-12-15', 20)).toEqual({
      date: '2027-01-13',
      provisional: false,
      missingYears: [],
    });
    expect(calendar.isWorkingDay('2026-12-28')).toBe(true);
    expect(calendar.isWorkingDay('2027-01-30')).toBe(true);
    expect(calendar.isWorkingDay('2027-02-10')).toBe(false);
  });

  it('lets the 2027 notice move a day at the end of December 2026', () => {
    const withSpillover = prcCalendar({ years: [{ ...year2027, workdays: ['2026-12-26', ...year2027.workdays] }] });
    expect(withSpillover.isWorkingDay('2026-12-26')).toBe(true);
    expect(calendar.isWorkingDay('2026-12-26')).toBe(false);
  });

  it('lets an operator year replace a built-in year wholesale', () => {
    const corrected = prcCalendar({
      years: [{ year: 2026, holidays: ['2026-01-01'], workdays: [], source: 'correction' }],
    });
    expect(corrected.isWorkingDay('2026-10-07')).toBe(true);
    expect(corrected.isWorkingDay('2026-01-01')).toBe(false);
  });
});

describe('tenant overrides', () => {
  it('a local holiday shifts a working-day deadline by one day', () => {
    const plain = prcCalendar();
    const local = prcCalendar({ overrides: [{ date: '2026-10-15', kind: 'HOLIDAY', reason: 'local festival' }] });
    expect(plain.addWorkingDays('2026-09-28', 15).date).toBe('2026-10-23');
    expect(local.addWorkingDays('2026-09-28', 15).date).toBe('2026-10-26');
    expect(local.dayStatus('2026-10-15')).toEqual({
      date: '2026-10-15',
      working: false,
      basis: 'OVERRIDE_HOLIDAY',
      reason: 'local festival',
    });
  });

  it('a local working day counts, and an override settles a day even in an unloaded year', () => {
    const local = prcCalendar({
      overrides: [
        { date: '2026-10-11', kind: 'WORKDAY', reason: 'office open' },
        { date: '2027-03-01', kind: 'HOLIDAY', reason: 'local festival' },
      ],
    });
    expect(local.addWorkingDays('2026-09-28', 15).date).toBe('2026-10-22');
    expect(local.isWorkingDay('2027-03-01')).toBe(false);
  });
});
