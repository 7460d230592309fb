import { addDays, assertIsoDate, toDayNumber } from './iso-date';

/**
 * Instants ↔ calendar days in Beijing time. Deadlines are "by the end of that day, Beijing time",
 * whatever the server's TZ. The offset comes from Intl (the IANA database), not a hard-coded +8:
 * China observed daylight saving time in 1986–1991, and old records may reach back that far.
 */
export const SHANGHAI_TIME_ZONE = 'Asia/Shanghai';

const DAY_MS = 86_400_000;
const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: SHANGHAI_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZoneName: 'longOffset',
});

function parts(instantMs: number): Record<string, string> {
  return Object.fromEntries(formatter.formatToParts(instantMs).map((p) => [p.type, p.value]));
}

function assertValid(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime()))
    throw new RangeError(`not a valid instant: ${String(instant)}`);
}

/** Shanghai's UTC offset at an instant, in ms ("GMT+08:00" → 8 h; "GMT" → 0). */
function offsetMs(instantMs: number): number {
  const m = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(parts(instantMs).timeZoneName ?? '');
  if (!m) throw new Error(`unexpected offset format from Intl: ${parts(instantMs).timeZoneName}`);
  if (!m[1]) return 0;
  const ms = ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4] ?? 0)) * 1000;
  return m[1] === '-' ? -ms : ms;
}

/** The Beijing calendar day (YYYY-MM-DD) an instant falls on: 2026-01-01T16:00Z is 2026-01-02. */
export function shanghaiDateOf(instant: Date): string {
  assertValid(instant);
  const p = parts(instant.getTime());
  return `${p.year.padStart(4, '0')}-${p.month}-${p.day}`;
}

/** The instant Beijing-time midnight starts `date`. */
export function startOfShanghaiDay(date: string): Date {
  assertIsoDate(date);
  const wallMs = toDayNumber(date) * DAY_MS; // the wall-clock reading, as if it were UTC
  // Two passes: the offset at the first guess, then at the corrected instant (settles DST edges).
  const guess = wallMs - offsetMs(wallMs - 8 * 3_600_000);
  return new Date(wallMs - offsetMs(guess));
}

/** The last millisecond of `date` in Beijing time: 2026-10-23 → 2026-10-23T15:59:59.999Z. */
export function endOfShanghaiDay(date: string): Date {
  assertIsoDate(date);
  return new Date(startOfShanghaiDay(addDays(date, 1)).getTime() - 1);
}

/** Whether a deadline day has passed at `now` (it is met up to the end of that day, Beijing time). */
export function isPastShanghaiDay(date: string, now: Date): boolean {
  assertValid(now);
  return now.getTime() > endOfShanghaiDay(date).getTime();
}
