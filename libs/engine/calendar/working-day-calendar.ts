import { calendarYearsProblems, inNextYearsSpillover, type CalendarYear } from './calendar-year';
import { computeDue, countDays } from './due';
import { CalendarYearNotLoadedError, InvalidCalendarDataError } from './errors';
import { addDays, assertIsoDate, isWeekend, yearOf } from './iso-date';
import { overridesProblems, type CalendarOverride } from './override';
import type { DayStatus, DueDate, Duration, Pause } from './types';

/**
 * The PRC working-day calendar: the official arrangements of the loaded years, the tenant's
 * overrides on top. Pure: built from data, no I/O, no clock.
 *
 * Conventions (README.md):
 * - dates are `YYYY-MM-DD` days in Beijing time; deadlines end at the end of that day;
 * - counting starts the day after `start` (the start day is never counted: 期间开始的当日不计入);
 * - a year without a loaded arrangement is never answered silently: `isWorkingDay` throws
 *   CalendarYearNotLoadedError, counts assume Monday–Friday and return `provisional: true`.
 */
export class WorkingDayCalendar {
  private readonly years = new Set<number>();
  private readonly national = new Map<string, 'HOLIDAY' | 'WORKDAY'>();
  private readonly overrides = new Map<string, CalendarOverride>();

  /** Throws InvalidCalendarDataError listing every bad date. Use `prcCalendar()` for the built-in years. */
  constructor(years: readonly CalendarYear[], overrides: readonly CalendarOverride[] = []) {
    const problems = [...calendarYearsProblems(years), ...overridesProblems(overrides)];
    if (problems.length > 0) throw new InvalidCalendarDataError(problems);
    for (const y of years) {
      this.years.add(y.year);
      // Holidays are weekdays and workdays weekends (validated), so two years cannot disagree on a date.
      for (const date of y.holidays) this.national.set(date, 'HOLIDAY');
      for (const date of y.workdays) this.national.set(date, 'WORKDAY');
    }
    for (const o of overrides) this.overrides.set(o.date, { date: o.date, kind: o.kind, reason: o.reason });
  }

  /** The years whose official arrangement is loaded, ascending. */
  coveredYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  /** What a day is and why; `missingYear` is set when the answer is not settled (see DayStatus). */
  dayStatus(date: string): DayStatus {
    assertIsoDate(date);
    const override = this.overrides.get(date);
    if (override)
      return {
        date,
        working: override.kind === 'WORKDAY',
        basis: override.kind === 'WORKDAY' ? 'OVERRIDE_WORKDAY' : 'OVERRIDE_HOLIDAY',
        reason: override.reason,
      };
    const national = this.national.get(date);
    const status: DayStatus =
      national === 'HOLIDAY'
        ? { date, working: false, basis: 'HOLIDAY' }
        : national === 'WORKDAY'
          ? { date, working: true, basis: 'ADJUSTED_WORKDAY' }
          : isWeekend(date)
            ? { date, working: false, basis: 'WEEKEND' }
            : { date, working: true, basis: 'WEEKDAY' };
    const year = yearOf(date);
    if (!this.years.has(year)) status.missingYear = year;
    else if (inNextYearsSpillover(date) && !this.years.has(year + 1)) status.missingYear = year + 1;
    return status;
  }

  /**
   * Whether `date` is a working day. Strict: throws CalendarYearNotLoadedError when the answer
   * depends on an arrangement that is not loaded (use `dayStatus` for the provisional answer).
   */
  isWorkingDay(date: string): boolean {
    const status = this.dayStatus(date);
    if (status.missingYear !== undefined) throw new CalendarYearNotLoadedError(date, status.missingYear);
    return status.working;
  }

  /**
   * The n-th working day after `start` (`start` itself is not counted, whatever it is; n < 0
   * counts backwards, n = 0 returns `start`). 15 working days after 2026-09-28 is 2026-10-23.
   */
  addWorkingDays(start: string, n: number): DueDate {
    return countDays(this, start, n, { workingDaysOnly: true });
  }

  /** `start` + n calendar days. Needs no arrangement, so never provisional. */
  addCalendarDays(start: string, n: number): DueDate {
    assertIsoDate(start, 'start');
    if (!Number.isSafeInteger(n)) throw new RangeError(`n must be a whole number of days, got ${n}`);
    return { date: addDays(start, n), provisional: false, missingYears: [] };
  }

  /**
   * The deadline of `duration` from `start`, the clock stopped during `pauses` (both ends included;
   * a paused day is never counted, working or not). See Duration for `excluding` and `lastDayOff`.
   */
  due(start: string, duration: Duration, pauses: readonly Pause[] = []): DueDate {
    return computeDue(this, start, duration, pauses);
  }
}
