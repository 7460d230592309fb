import { createRequire } from 'node:module';
import { addDays, type IsoDate } from './iso-date';

// rrule ships CommonJS whose named exports Node's ESM loader cannot see: load it as CommonJS.
const { RRule } = createRequire(import.meta.url)('rrule') as typeof import('rrule');

export interface Period {
  start: IsoDate;
  end: IsoDate;
}

/**
 * Fixed anchors, so periods are calendar periods whatever the tenant: months start on the 1st,
 * weeks on Monday (2000-01-03 was a Monday), quarters (FREQ=MONTHLY;INTERVAL=3) in Jan/Apr/Jul/Oct.
 */
const ANCHOR: Record<string, Date> = {
  YEARLY: new Date(Date.UTC(2000, 0, 1)),
  MONTHLY: new Date(Date.UTC(2000, 0, 1)),
  WEEKLY: new Date(Date.UTC(2000, 0, 3)),
  DAILY: new Date(Date.UTC(2000, 0, 1)),
};

const toDate = (d: IsoDate): Date => new Date(`${d}T00:00:00Z`);
const toIso = (d: Date): IsoDate => d.toISOString().slice(0, 10);

/**
 * The occurrences of a rule from its anchor, kept per rule text: with fixed anchors a rule's occurrences never
 * depend on the caller, but rrule iterates from the anchor (2000) on every `between`, so each call walked 26
 * years of weeks or days — a millisecond a call, once per meeting type and tenant in every cadence sweep.
 * Each entry holds the occurrences up to its horizon (a later `before` recomputes it further on); the
 * answer is the same slice `between(after, before, true)` returns. Bounded: the rules come from plugins.
 */
const OCCURRENCES = new Map<string, { horizon: number; times: number[] }>();
const MAX_RULES = 256;
const HORIZON_MS = 3 * 366 * 86_400_000;

function occurrences(rrule: string, after: Date, before: Date): Date[] {
  let entry = OCCURRENCES.get(rrule);
  if (!entry || entry.horizon < before.getTime()) {
    const options = RRule.parseString(rrule.replace(/^RRULE:/, ''));
    const freq = RRule.FREQUENCIES[options.freq!];
    const dtstart = ANCHOR[freq] ?? ANCHOR.MONTHLY;
    const rule = new RRule({ ...options, dtstart });
    const horizon = before.getTime() + HORIZON_MS;
    if (OCCURRENCES.size >= MAX_RULES) OCCURRENCES.clear();
    entry = { horizon, times: rule.between(dtstart, new Date(horizon), true).map((d) => d.getTime()) };
    OCCURRENCES.set(rrule, entry);
  }
  const { times } = entry;
  const lo = after.getTime();
  const hi = before.getTime();
  // First occurrence at or after `after` (binary search), then every one up to `before`.
  let i = 0;
  for (let j = times.length; i < j;) {
    const mid = (i + j) >>> 1;
    if (times[mid] < lo) i = mid + 1;
    else j = mid;
  }
  const out: Date[] = [];
  for (; i < times.length && times[i] <= hi; i += 1) out.push(new Date(times[i]));
  return out;
}

/**
 * The periods of an RFC 5545 cadence ("at least once per period") that overlap [from, to]: each
 * occurrence of the rule opens a period that closes the day before the next occurrence.
 */
export function cadencePeriods(rrule: string, from: IsoDate, to: IsoDate): Period[] {
  // Look one long period back so the period containing `from` is found.
  const starts = occurrences(rrule, toDate(addDays(from, -400)), toDate(addDays(to, 400))).map(toIso);
  const periods: Period[] = [];
  for (let i = 0; i + 1 < starts.length; i += 1) {
    const period = { start: starts[i], end: addDays(starts[i + 1], -1) };
    if (period.end >= from && period.start <= to) periods.push(period);
  }
  return periods;
}
