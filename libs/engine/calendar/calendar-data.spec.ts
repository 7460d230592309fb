import { parseCalendarYear } from './calendar-year';
import { InvalidCalendarDataError } from './errors';
import { parseOverrides } from './override';
import { prcCalendar } from './prc-calendar';
import { WorkingDayCalendar } from './working-day-calendar';

const valid = { year: 2027, holidays: ['2027-01-01', '2027-02-08'], workdays: ['2027-01-30'], source: 'gov.cn notice' };

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof InvalidCalendarDataError) return e.problems.map((p) => `${p.path}: ${p.message}`);
    throw e;
  }
  throw new Error('expected InvalidCalendarDataError');
}

describe('operator calendar data', () => {
  it('accepts a well-formed year and sorts its dates', () => {
    expect(parseCalendarYear({ ...valid, holidays: ['2027-02-08', '2027-01-01'] }).holidays).toEqual([
      '2027-01-01',
      '2027-02-08',
    ]);
  });

  it('names every bad date, with what is wrong with it', () => {
    const problems = problemsOf(() =>
      parseCalendarYear({
        year: 2027,
        holidays: ['2027-02-30', '2028-01-03', '2027-02-06', '2027-02-08', '2027-02-08', '2026-12-01'],
        workdays: ['2027-02-09', '2027-01-30', '2027-01-31'],
        source: 'notice',
      }),
    );
    expect(problems).toEqual([
      'year.holidays[0]: "2027-02-30" is not a real calendar date as YYYY-MM-DD',
      'year.holidays[1]: 2028-01-03 is outside 2027 (allowed: 2027 dates, and 2026-12-25…2026-12-31 moved by the New Year arrangement)',
      'year.holidays[2]: 2027-02-06 is a Saturday: holidays lists only weekdays that are off (weekends are off anyway)',
      'year.holidays[4]: 2027-02-08 is listed twice in holidays',
      'year.holidays[5]: 2026-12-01 is outside 2027 (allowed: 2027 dates, and 2026-12-25…2026-12-31 moved by the New Year arrangement)',
      'year.workdays[0]: 2027-02-09 is a Tuesday, a working day anyway: workdays lists only weekend days that are worked (调休上班)',
    ]);
  });

  it('rejects a duplicate, an empty year, a missing source and a malformed year', () => {
    expect(problemsOf(() => parseCalendarYear({ ...valid, workdays: ['2027-01-30', '2027-01-30'] }))).toEqual([
      'year.workdays[1]: 2027-01-30 is listed twice in workdays',
    ]);
    expect(problemsOf(() => parseCalendarYear({ ...valid, holidays: [], source: ' ' }))).toEqual([
      'year.source: must say where the 2027 arrangement comes from (notice title or URL)',
      'year.holidays: is empty: every published arrangement has weekday holidays, and an empty 2027 would only hide that 2027 is not really known',
    ]);
    expect(problemsOf(() => parseCalendarYear({ ...valid, year: '2027' }))).toEqual([
      'year.year: must be a four-digit year, got "2027"',
    ]);
    expect(problemsOf(() => parseCalendarYear(null))).toEqual([
      'year: must be an object { year, holidays, workdays, source }',
    ]);
  });

  it('the calendar refuses bad years and overrides, and a year given twice, naming them', () => {
    const message = (fn: () => unknown) => {
      try {
        fn();
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(message(() => prcCalendar({ years: [{ ...valid, holidays: ['2027-01-02'] }] }))).toBe(
      'Invalid calendar data:\n- years[0].holidays[0]: 2027-01-02 is a Saturday: holidays lists only weekdays that are off (weekends are off anyway)',
    );
    expect(problemsOf(() => new WorkingDayCalendar([valid, valid]))).toEqual(['years[1].year: 2027 is given twice']);
    expect(
      problemsOf(() => prcCalendar({ overrides: [{ date: '2026-02-29', kind: 'HOLIDAY', reason: 'x' }] })),
    ).toEqual(['overrides[0].date: "2026-02-29" is not a real calendar date as YYYY-MM-DD']);
  });

  it('validates tenant overrides', () => {
    expect(parseOverrides([{ date: '2026-10-15', kind: 'HOLIDAY', reason: 'local festival', extra: 1 }])).toEqual([
      { date: '2026-10-15', kind: 'HOLIDAY', reason: 'local festival' },
    ]);
    expect(
      problemsOf(() =>
        parseOverrides([
          { date: '2026-10-32', kind: 'HOLIDAY', reason: 'x' },
          { date: '2026-10-15', kind: 'DAY_OFF', reason: '' },
          { date: '2026-10-15', kind: 'WORKDAY', reason: 'y' },
        ]),
      ),
    ).toEqual([
      'overrides[0].date: "2026-10-32" is not a real calendar date as YYYY-MM-DD',
      'overrides[1].kind: 2026-10-15: kind must be WORKDAY or HOLIDAY, got "DAY_OFF"',
      'overrides[1].reason: 2026-10-15: say why this day deviates (reason)',
      'overrides[2].date: 2026-10-15 is overridden twice',
    ]);
  });
});
