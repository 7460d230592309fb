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
 * The periods of an RFC 5545 cadence ("at least once per period") that overlap [from, to]: each
 * occurrence of the rule opens a period that closes the day before the next occurrence.
 */
export function cadencePeriods(rrule: string, from: IsoDate, to: IsoDate): Period[] {
  const options = RRule.parseString(rrule.replace(/^RRULE:/, ''));
  const freq = RRule.FREQUENCIES[options.freq!];
  const rule = new RRule({ ...options, dtstart: ANCHOR[freq] ?? ANCHOR.MONTHLY });
  // Look one long period back so the period containing `from` is found.
  const starts = rule.between(toDate(addDays(from, -400)), toDate(addDays(to, 400)), true).map(toIso);
  const periods: Period[] = [];
  for (let i = 0; i + 1 < starts.length; i += 1) {
    const period = { start: starts[i], end: addDays(starts[i + 1], -1) };
    if (period.end >= from && period.start <= to) periods.push(period);
  }
  return periods;
}
