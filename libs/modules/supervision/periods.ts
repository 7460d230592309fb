import { addDays, addMonths, isIsoDate } from '@engine/calendar';

/** Notice and assessment periods (通报 每月、半年、全年; 考核). */
export type PeriodKind = 'MONTHLY' | 'QUARTERLY' | 'HALF_YEARLY' | 'ANNUAL';

const MONTHS: Readonly<Record<PeriodKind, number>> = { MONTHLY: 1, QUARTERLY: 3, HALF_YEARLY: 6, ANNUAL: 12 };

export interface PeriodRange {
  start: string;
  end: string;
}

/**
 * The period of `kind` that starts on `start`, or why `start` cannot start one: periods are calendar
 * months, quarters, halves and years (a monthly period starts on the 1st, a half-year on 1 January or
 * 1 July…).
 */
export function periodFrom(kind: PeriodKind, start: string): PeriodRange | { problem: string } {
  if (!isIsoDate(start)) return { problem: 'must be a date YYYY-MM-DD' };
  const month = Number(start.slice(5, 7));
  const span = MONTHS[kind];
  if (start.slice(8) !== '01' || (month - 1) % span !== 0) {
    const starts: Record<PeriodKind, string> = {
      MONTHLY: 'the 1st of a month',
      QUARTERLY: '1 January, 1 April, 1 July or 1 October',
      HALF_YEARLY: '1 January or 1 July',
      ANNUAL: '1 January',
    };
    return { problem: `a ${kind} period starts on ${starts[kind]}` };
  }
  return { start, end: addDays(addMonths(start, span), -1) };
}

/** The last whole period of `kind` that ended before `today` (the one a regular notice covers now). */
export function previousPeriod(kind: PeriodKind, today: string): PeriodRange {
  const span = MONTHS[kind];
  const month = Number(today.slice(5, 7));
  const currentStart = `${today.slice(0, 5)}${String(month - ((month - 1) % span)).padStart(2, '0')}-01`;
  const start = addMonths(currentStart, -span);
  return { start, end: addDays(currentStart, -1) };
}

/** Whether `next` follows `prev` without a gap (two consecutive notices, 连续两次). */
export function follows(prev: PeriodRange, next: PeriodRange): boolean {
  return next.start === addDays(prev.end, 1);
}

/** A period in words, for titles (2026年5月, 2026年上半年, 2026年度). */
export function periodWords(period: PeriodKind, start: string): string {
  const year = `${start.slice(0, 4)}年`;
  const month = Number(start.slice(5, 7));
  switch (period) {
    case 'MONTHLY':
      return `${year}${month}月`;
    case 'QUARTERLY':
      return `${year}第${(month + 2) / 3}季度`;
    case 'HALF_YEARLY':
      return `${year}${month === 1 ? '上' : '下'}半年`;
    case 'ANNUAL':
      return `${year}度`;
  }
}
