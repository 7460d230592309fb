import { addDays, addMonths, assertIsoDate, daysBetween, toDayNumber } from './iso-date';
import type { DayStatus, DueDate, Duration, DurationUnit, Pause } from './types';

/** What counting needs from a calendar (WorkingDayCalendar). */
export interface DayStatusSource {
  dayStatus(date: string): DayStatus;
}

const UNITS: readonly DurationUnit[] = ['WORKING_DAYS', 'CALENDAR_DAYS', 'WEEKS', 'MONTHS'];

/** Collects the missing years of every day whose status was consulted: that is what `provisional` means. */
class Tally {
  readonly missing = new Set<number>();
  constructor(private readonly source: DayStatusSource) {}

  working(date: string): boolean {
    const s = this.source.dayStatus(date);
    if (s.missingYear !== undefined) this.missing.add(s.missingYear);
    return s.working;
  }

  result(date: string): DueDate {
    const missingYears = [...this.missing].sort((a, b) => a - b);
    return { date, provisional: missingYears.length > 0, missingYears };
  }
}

/**
 * Steps from `start` (not counted) day by day, backwards when n < 0, until |n| days have counted.
 * A paused day never counts; with `workingDaysOnly` neither does a day off.
 */
export function countDays(
  source: DayStatusSource,
  start: string,
  n: number,
  options: { workingDaysOnly: boolean; paused?: (date: string) => boolean },
  tally = new Tally(source),
): DueDate {
  assertIsoDate(start, 'start');
  if (!Number.isSafeInteger(n)) throw new RangeError(`the number of days must be a whole number, got ${n}`);
  const step = n < 0 ? -1 : 1;
  let date = start;
  for (let remaining = Math.abs(n); remaining > 0;) {
    date = addDays(date, step);
    if (options.paused?.(date)) continue;
    if (!options.workingDaysOnly || tally.working(date)) remaining -= 1;
  }
  return tally.result(date);
}

/** Validated pauses as a membership test on day numbers, keeping only the kinds the rule excludes. */
function pausedTest(pauses: readonly Pause[], excluding: readonly string[] | undefined): (date: string) => boolean {
  const ranges = pauses
    .map((p, i) => {
      assertIsoDate(p.from, `pauses[${i}].from`);
      assertIsoDate(p.to, `pauses[${i}].to`);
      if (p.to < p.from) throw new RangeError(`pauses[${i}] ends (${p.to}) before it starts (${p.from})`);
      return p;
    })
    .filter((p) => excluding === undefined || (p.kind !== undefined && excluding.includes(p.kind)))
    .map((p) => [toDayNumber(p.from), toDayNumber(p.to)] as const);
  return (date) => {
    const d = toDayNumber(date);
    return ranges.some(([from, to]) => d >= from && d <= to);
  };
}

/** See WorkingDayCalendar.due. */
export function computeDue(
  source: DayStatusSource,
  start: string,
  duration: Duration,
  pauses: readonly Pause[],
): DueDate {
  assertIsoDate(start, 'start');
  const { amount, unit } = duration;
  if (!UNITS.includes(unit))
    throw new RangeError(`duration.unit must be one of ${UNITS.join(', ')}, got ${JSON.stringify(unit)}`);
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new RangeError(`duration.amount must be a whole number ≥ 0, got ${amount}`);
  const paused = pausedTest(pauses, duration.excluding);
  const tally = new Tally(source);
  if (unit === 'WORKING_DAYS') return countDays(source, start, amount, { workingDaysOnly: true, paused }, tally);

  // Calendar-based units: the length in days of the unpaused period, then that many unpaused days.
  const days =
    unit === 'CALENDAR_DAYS' ? amount : unit === 'WEEKS' ? amount * 7 : daysBetween(start, addMonths(start, amount));
  let { date } = countDays(source, start, days, { workingDaysOnly: false, paused }, tally);
  if (duration.lastDayOff === 'NEXT_WORKING_DAY') {
    while (paused(date) || !tally.working(date)) date = addDays(date, 1);
  }
  return tally.result(date);
}
