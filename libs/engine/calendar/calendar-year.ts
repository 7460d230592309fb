import { InvalidCalendarDataError, type CalendarDataProblem } from './errors';
import { isIsoDate, isWeekend, weekdayName, yearOf } from './iso-date';

/**
 * One year's official working-day arrangement (国务院办公厅 节假日安排通知), as data, so an operator
 * can load a newly published year without a release.
 *
 * Only the deviations from Monday–Friday are listed: `holidays` are weekdays that are off,
 * `workdays` are Saturdays/Sundays that are worked (调休上班). A weekend day inside a holiday break
 * is off anyway and is not listed.
 *
 * A notice for year Y may also move days at the very end of December of Y−1 (the 2019 notice made
 * Saturday 2018-12-29 a working day and 2018-12-31 a holiday), so a CalendarYear may list dates of
 * its own year and of Y−1's last week (`spilloverFirstDay`).
 */
export interface CalendarYear {
  year: number;
  /** YYYY-MM-DD weekdays that are off. */
  holidays: readonly string[];
  /** YYYY-MM-DD weekend days that are working days. */
  workdays: readonly string[];
  /** Where the arrangement comes from: the notice's title or URL, or the package it was taken from. */
  source: string;
}

/** The first day of December of Y−1 that year Y's New Year arrangement may move (historically 12-29 at the earliest). */
export function spilloverFirstDay(year: number): string {
  return `${year - 1}-12-25`;
}

/** Whether the arrangement of the year after `date`'s may still move it (its last week of December). */
export function inNextYearsSpillover(date: string): boolean {
  return date >= spilloverFirstDay(yearOf(date) + 1);
}

/** Where `date` may be listed: its own year, or for the last week of December also the next year. */
function belongsTo(date: string, year: number): boolean {
  return yearOf(date) === year || (date >= spilloverFirstDay(year) && date <= `${year - 1}-12-31`);
}

/** Every problem with one operator-supplied year, each naming its date. Accepts parsed JSON. */
export function calendarYearProblems(input: unknown, path = 'year'): CalendarDataProblem[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return [{ path, message: 'must be an object { year, holidays, workdays, source }' }];
  const y = input as Record<string, unknown>;
  const problems: CalendarDataProblem[] = [];
  const year = y.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1000 || year > 9999) {
    return [{ path: `${path}.year`, message: `must be a four-digit year, got ${JSON.stringify(year)}` }];
  }
  if (typeof y.source !== 'string' || y.source.trim() === '')
    problems.push({
      path: `${path}.source`,
      message: `must say where the ${year} arrangement comes from (notice title or URL)`,
    });
  const seen = new Set<string>();
  for (const list of ['holidays', 'workdays'] as const) {
    const dates = y[list];
    if (!Array.isArray(dates)) {
      problems.push({ path: `${path}.${list}`, message: 'must be a list of YYYY-MM-DD dates' });
      continue;
    }
    dates.forEach((date: unknown, i) => {
      const at = `${path}.${list}[${i}]`;
      if (!isIsoDate(date))
        return problems.push({
          path: at,
          message: `${JSON.stringify(date)} is not a real calendar date as YYYY-MM-DD`,
        });
      const bad = (message: string) => problems.push({ path: at, date, message: `${date} ${message}` });
      if (!belongsTo(date, year))
        return bad(
          `is outside ${year} (allowed: ${year} dates, and ${spilloverFirstDay(year)}…${year - 1}-12-31 moved by the New Year arrangement)`,
        );
      if (list === 'holidays' && isWeekend(date))
        return bad(`is a ${weekdayName(date)}: holidays lists only weekdays that are off (weekends are off anyway)`);
      if (list === 'workdays' && !isWeekend(date))
        return bad(
          `is a ${weekdayName(date)}, a working day anyway: workdays lists only weekend days that are worked (调休上班)`,
        );
      // (A date in both lists cannot pass the weekday/weekend checks above.)
      if (seen.has(date)) return bad(`is listed twice in ${list}`);
      seen.add(date);
    });
  }
  if (Array.isArray(y.holidays) && y.holidays.length === 0) {
    problems.push({
      path: `${path}.holidays`,
      message: `is empty: every published arrangement has weekday holidays, and an empty ${year} would only hide that ${year} is not really known`,
    });
  }
  return problems;
}

/** Problems with a list of years, including a year given twice. */
export function calendarYearsProblems(inputs: readonly unknown[], path = 'years'): CalendarDataProblem[] {
  const problems = inputs.flatMap((y, i) => calendarYearProblems(y, `${path}[${i}]`));
  const years = inputs.map((y) => (typeof y === 'object' && y !== null ? (y as { year?: unknown }).year : undefined));
  years.forEach((year, i) => {
    if (typeof year === 'number' && years.indexOf(year) !== i)
      problems.push({ path: `${path}[${i}].year`, message: `${year} is given twice` });
  });
  return problems;
}

/** Validates operator-supplied data (e.g. a parsed JSON file) into a CalendarYear, or throws listing every problem. */
export function parseCalendarYear(input: unknown): CalendarYear {
  const problems = calendarYearProblems(input);
  if (problems.length > 0) throw new InvalidCalendarDataError(problems);
  const y = input as CalendarYear;
  return { year: y.year, holidays: [...y.holidays].sort(), workdays: [...y.workdays].sort(), source: y.source };
}
