import type { CalendarYear } from './calendar-year';
import { chineseDaysYears } from './chinese-days-years';
import type { CalendarOverride } from './override';
import { WorkingDayCalendar } from './working-day-calendar';

export interface PrcCalendarOptions {
  /**
   * Arrangements loaded by an operator as data (e.g. 2027 once the State Council publishes it).
   * A year given here replaces the built-in one wholesale (a correction); errors name `years[i]`
   * by its index in this list.
   */
  years?: readonly CalendarYear[];
  /** The tenant's local overrides, applied on top of every year. */
  overrides?: readonly CalendarOverride[];
}

/** The PRC calendar: chinese-days' built-in years (2004–2026), the operator's years, the tenant's overrides. */
export function prcCalendar(options: PrcCalendarOptions = {}): WorkingDayCalendar {
  const years = options.years ?? [];
  const loaded = new Set(years.map((y) => y.year));
  return new WorkingDayCalendar(
    [...years, ...chineseDaysYears().filter((y) => !loaded.has(y.year))],
    options.overrides ?? [],
  );
}
