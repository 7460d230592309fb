import { yearOf } from './iso-date';

/**
 * Thrown when a question can only be answered from a year's official arrangement that is not
 * loaded. The calendar never guesses silently: strict questions (isWorkingDay) throw this, counting
 * questions answer with `provisional: true` instead (see WorkingDayCalendar).
 */
export class CalendarYearNotLoadedError extends Error {
  override readonly name = 'CalendarYearNotLoadedError';

  constructor(
    /** The date that was asked about. */
    readonly date: string,
    /** The year whose State Council arrangement is missing (for late December, the next year's). */
    readonly year: number,
  ) {
    super(
      yearOf(date) === year
        ? `The working-day arrangement for ${year} is not loaded, so whether ${date} is a working day is unknown`
        : `${date} may still be moved by the ${year} New Year arrangement, which is not loaded`,
    );
  }
}

/** One problem in operator-supplied calendar data, naming the offending date where there is one. */
export interface CalendarDataProblem {
  /** Where: e.g. `years[0].holidays[3]` or `overrides[2]`. */
  path: string;
  date?: string;
  message: string;
}

/**
 * Operator data (a CalendarYear or a tenant override) that cannot be used. Every problem is listed
 * at once, each naming its date, so the operator can fix the file in one pass.
 */
export class InvalidCalendarDataError extends Error {
  override readonly name = 'InvalidCalendarDataError';

  constructor(readonly problems: readonly CalendarDataProblem[]) {
    super(`Invalid calendar data:\n${problems.map((p) => `- ${p.path}: ${p.message}`).join('\n')}`);
  }
}
