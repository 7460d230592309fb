import { assertIsoDate, dayOfWeek, parseIsoDate, SHANGHAI_TIME_ZONE, shanghaiDateOf } from '@engine/calendar';

/**
 * How dates, times and lists are written in official documents (党政机关公文格式 GB/T 9704):
 * dates in Arabic numerals without leading zeros ("2026年11月22日", not "2026年11月02日" nor
 * "二〇二六年"), and every instant as Beijing wall-clock time whatever the server's TZ.
 */

/** Indexed by dayOfWeek: 0 = Sunday (星期日). */
const WEEKDAYS = '日一二三四五六';

const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: SHANGHAI_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Parses an ISO instant, refusing garbage rather than printing "NaN年". */
export function instantOf(iso: string, what = 'instant'): Date {
  const at = new Date(iso);
  if (typeof iso !== 'string' || Number.isNaN(at.getTime()))
    throw new RangeError(`${what} is not a valid ISO instant: ${JSON.stringify(iso)}`);
  return at;
}

/** "2026-11-02" → "2026年11月2日". */
export function chineseDate(date: string, what = 'date'): string {
  assertIsoDate(date, what);
  const { year, month, day } = parseIsoDate(date)!;
  return `${year}年${month}月${day}日`;
}

/** The Beijing day of an instant, Chinese style: 2026-11-21T16:30Z → "2026年11月22日". */
export function chineseDateOf(iso: string, what = 'instant'): string {
  return chineseDate(shanghaiDateOf(instantOf(iso, what)));
}

/** Beijing wall-clock "HH:MM" of an instant. */
export function shanghaiClock(iso: string, what = 'instant'): string {
  const parts = Object.fromEntries(clock.formatToParts(instantOf(iso, what)).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute}`;
}

/** "2026年11月22日（星期日）09:30", Beijing time: the 会议时间 line. */
export function chineseDateTime(iso: string, what = 'instant'): string {
  const day = shanghaiDateOf(instantOf(iso, what));
  return `${chineseDate(day)}（星期${WEEKDAYS[dayOfWeek(day)]}）${shanghaiClock(iso, what)}`;
}

/**
 * Beijing wall-clock time as a Date whose UTC fields carry it: spreadsheets have no time zones and
 * exceljs writes a Date's UTC reading, so this is what makes a cell show Beijing time.
 */
export function shanghaiWallClockDate(iso: string, what = 'instant'): Date {
  const { year, month, day } = parseIsoDate(shanghaiDateOf(instantOf(iso, what)))!;
  const [hour, minute] = shanghaiClock(iso, what).split(':').map(Number);
  return new Date(Date.UTC(year, month - 1, day, hour, minute));
}

/** A calendar date as a Date at UTC midnight, for the same reason as `shanghaiWallClockDate`. */
export function calendarDate(date: string, what = 'date'): Date {
  assertIsoDate(date, what);
  const { year, month, day } = parseIsoDate(date)!;
  return new Date(Date.UTC(year, month - 1, day));
}

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → "一", 10 → "十", 12 → "十二", 20 → "二十", 99 → "九十九": first-level numbering ("一、"). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`chineseNumeral covers 1–99, got ${n}`);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
}

/** Printed when a unit must be named but none was given, so the gap shows instead of a blank. */
export const UNASSIGNED = '待定';

/** Units in a list are separated by the enumeration comma: "镇派出所、镇司法所". */
export function enumerate(items: readonly string[]): string {
  return items
    .map((s) => s.trim())
    .filter(Boolean)
    .join('、');
}
