import { createRequire } from 'node:module';
import type { CalendarYear } from './calendar-year';
import { isWeekend, yearOf } from './iso-date';

/**
 * The built-in arrangements, derived from the data file of the maintained `chinese-days` package
 * (dist/chinese-days.json: date → "English,中文,n" maps of holidays and adjusted working days).
 *
 * Why the data file and not its functions: its `isWorkday`/`findWorkday` silently treat every year
 * it has no data for (2027 onwards in 1.5.7) as plain Monday–Friday. Here a year is covered only if
 * the data has its arrangement; everything else is left to the calendar to flag as not loaded.
 *
 * Normalisation to CalendarYear:
 * - its `holidays` also hold weekend days inside a break (and not all of them: 2012-06-23 and
 *   2015-06-21 are missing); only the weekdays are kept, weekends are off anyway;
 * - a December date labelled New Year's Day belongs to the next year's notice (2018-12-29 is a
 *   working day set by the 2019 notice), so it goes to that year (see CalendarYear).
 */
interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const require = createRequire(import.meta.url);
let cached: readonly CalendarYear[] | undefined;

/** The package version the data comes from (recorded in each year's `source`). */
export function chineseDaysVersion(): string {
  return (require('chinese-days/package.json') as { version: string }).version;
}

/** The arrangements chinese-days knows, oldest first (2004–2026 in 1.5.7). Read once, then cached. */
export function chineseDaysYears(): readonly CalendarYear[] {
  cached ??= deriveYears(require('chinese-days/dist/chinese-days.json') as ChineseDaysData, chineseDaysVersion());
  return cached;
}

/** Which notice a dated entry belongs to: its own year, or the next for late-December New Year days. */
function noticeYear(date: string, label: string): number {
  return date.slice(5, 7) === '12' && label.startsWith("New Year's Day") ? yearOf(date) + 1 : yearOf(date);
}

export function deriveYears(data: ChineseDaysData, version: string): CalendarYear[] {
  const years = new Map<number, { holidays: string[]; workdays: string[] }>();
  const entry = (year: number) => years.get(year) ?? years.set(year, { holidays: [], workdays: [] }).get(year)!;
  for (const [date, label] of Object.entries(data.holidays)) {
    if (!isWeekend(date)) entry(noticeYear(date, label)).holidays.push(date);
  }
  for (const [date, label] of Object.entries(data.workdays)) entry(noticeYear(date, label)).workdays.push(date);
  return [...years.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, { holidays, workdays }]) => ({
      year,
      holidays: holidays.sort(),
      workdays: workdays.sort(),
      source: `chinese-days ${version} (State Council holiday arrangement for ${year})`,
    }));
}
