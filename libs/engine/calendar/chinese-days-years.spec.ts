// chinese-days is CommonJS whose named exports Node's ESM loader cannot see: import the default, as Node does.
import chineseDays from 'chinese-days';
import { calendarYearProblems } from './calendar-year';
import { chineseDaysVersion, chineseDaysYears } from './chinese-days-years';
import { addDays, isWeekend } from './iso-date';
import { WorkingDayCalendar } from './working-day-calendar';

const { isWorkday } = chineseDays;
const year = (y: number) => chineseDaysYears().find((c) => c.year === y)!;

describe('built-in arrangements from chinese-days', () => {
  it('covers exactly 2004–2026 (chinese-days 1.5.7), every year valid operator-grade data', () => {
    expect(chineseDaysVersion()).toBe('1.5.7');
    expect(chineseDaysYears().map((y) => y.year)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    for (const y of chineseDaysYears()) expect(calendarYearProblems(y, String(y.year))).toEqual([]);
  });

  it('has the 2026 notice as published (gov.cn, November 2025): weekday holidays and 调休 weekends', () => {
    expect(year(2026).holidays).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-23',
      '2026-04-06',
      '2026-05-01',
      '2026-05-04',
      '2026-05-05',
      '2026-06-19',
      '2026-09-25',
      '2026-10-01',
      '2026-10-02',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
    expect(year(2026).workdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('drops the weekend days the package lists inside breaks (they are off anyway)', () => {
    for (const y of chineseDaysYears()) expect(y.holidays.filter(isWeekend)).toEqual([]);
    expect(year(2026).holidays).not.toContain('2026-10-03'); // Saturday inside National Day, listed by the package
  });

  it('files late-December New Year days under the notice that set them', () => {
    expect(year(2019).workdays).toContain('2018-12-29');
    expect(year(2019).holidays).toContain('2018-12-31');
    expect(year(2018).workdays).not.toContain('2018-12-29');
    expect(year(2008).workdays).toContain('2007-12-29');
    expect(year(2007).workdays).toEqual(expect.arrayContaining(['2006-12-30', '2006-12-31']));
    expect(year(2012).workdays).toContain('2011-12-31');
  });

  it('keeps the one-off changes: the 2015 V-Day holiday and the 2020 COVID Spring Festival extension', () => {
    expect(year(2015).holidays).toEqual(expect.arrayContaining(['2015-09-03', '2015-09-04']));
    expect(year(2015).workdays).toContain('2015-09-06');
    expect(year(2020).holidays).toContain('2020-01-31');
    expect(year(2020).workdays).not.toContain('2020-02-01'); // the planned make-up Saturday was cancelled
  });

  /**
   * chinese-days builds its tables and parses strings with `new Date(Date.UTC(…))` read back through
   * local getters, so in a process whose TZ is west of UTC its own functions are a day off (in
   * America/Los_Angeles it calls 2026-09-30 National Day and 2026-10-07 a working Wednesday). Its
   * shipped JSON, which we read, does not depend on the TZ; its functions are only a reference east of UTC.
   */
  const eastOfUtc = new Date(2026, 0, 1).getTimezoneOffset() <= 0;
  (eastOfUtc ? it : it.skip)('agrees with chinese-days itself on every day it covers (2004-01-01 … 2026-12-31)', () => {
    const calendar = new WorkingDayCalendar(chineseDaysYears());
    const disagreements: string[] = [];
    for (let d = '2004-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      if (calendar.dayStatus(d).working !== isWorkday(d)) disagreements.push(d);
    }
    expect(disagreements).toEqual([]);
  });
});
