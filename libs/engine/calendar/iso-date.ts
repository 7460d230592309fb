/**
 * Calendar dates as `YYYY-MM-DD` strings, with the arithmetic done on day numbers in UTC.
 *
 * Why strings: a deadline is a day in Beijing, not an instant. Turning '2026-10-10' into a `Date`
 * at local midnight and adding 24 h is how off-by-one bugs across time zones and DST happen; here a
 * date is only ever its year/month/day components, and a day number is days since 1970-01-01.
 */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** The date's components, or null when it is not a real `YYYY-MM-DD` date (e.g. 2027-02-30). */
export function parseIsoDate(date: string): { year: number; month: number; day: number } | null {
  const m = ISO.exec(date);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(date: unknown): date is IsoDate {
  return typeof date === 'string' && parseIsoDate(date) !== null;
}

/** Throws a RangeError naming the value when it is not a real `YYYY-MM-DD` date. */
export function assertIsoDate(date: unknown, what = 'date'): asserts date is IsoDate {
  if (!isIsoDate(date))
    throw new RangeError(`${what} must be a real calendar date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
}

export function daysInMonth(year: number, month: number): number {
  return month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;
}

/** Days since 1970-01-01 (UTC components; setUTCFullYear avoids Date.UTC's 0–99 → 19xx quirk). */
export function toDayNumber(date: IsoDate): number {
  const p = parseIsoDate(date);
  if (!p) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const t = new Date(0);
  t.setUTCFullYear(p.year, p.month - 1, p.day);
  return Math.round(t.getTime() / DAY_MS);
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const t = new Date(dayNumber * DAY_MS);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01, day 0, was a Thursday). */
export function dayOfWeek(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function weekdayName(date: IsoDate): string {
  return WEEKDAY_NAMES[dayOfWeek(date)];
}

export function isWeekend(date: IsoDate): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/**
 * The same day-of-month n months later (n may be negative); when that month is shorter, its last
 * day (民法典 第二百零二条: 没有对应日的，月末日为期间的最后一日). 2026-01-31 + 1 month = 2026-02-28.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const p = parseIsoDate(date);
  if (!p) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const index = p.year * 12 + (p.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Math.min(p.day, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
