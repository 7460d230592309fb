import { createRequire } from 'node:module';
import { cadencePeriods } from './cadence-periods';
import { addDays } from './iso-date';

const { RRule } = createRequire(import.meta.url)('rrule') as typeof import('rrule');

/** What cadencePeriods answered before its occurrence cache: rrule's `between` from the anchor, every call. */
function reference(rrule: string, from: string, to: string): { start: string; end: string }[] {
  const options = RRule.parseString(rrule.replace(/^RRULE:/, ''));
  const anchor = RRule.FREQUENCIES[options.freq!] === 'WEEKLY' ? '2000-01-03' : '2000-01-01';
  const rule = new RRule({ ...options, dtstart: new Date(`${anchor}T00:00:00Z`) });
  const starts = rule
    .between(new Date(`${addDays(from, -400)}T00:00:00Z`), new Date(`${addDays(to, 400)}T00:00:00Z`), true)
    .map((d) => d.toISOString().slice(0, 10));
  const out: { start: string; end: string }[] = [];
  for (let i = 0; i + 1 < starts.length; i += 1) {
    const p = { start: starts[i], end: addDays(starts[i + 1], -1) };
    if (p.end >= from && p.start <= to) out.push(p);
  }
  return out;
}

describe('cadence periods from RRULEs', () => {
  it('monthly: calendar months', () => {
    expect(cadencePeriods('FREQ=MONTHLY', '2026-02-10', '2026-04-02')).toEqual([
      { start: '2026-02-01', end: '2026-02-28' },
      { start: '2026-03-01', end: '2026-03-31' },
      { start: '2026-04-01', end: '2026-04-30' },
    ]);
  });
  it('weekly: Monday to Sunday', () => {
    expect(cadencePeriods('FREQ=WEEKLY', '2026-03-04', '2026-03-10')).toEqual([
      { start: '2026-03-02', end: '2026-03-08' },
      { start: '2026-03-09', end: '2026-03-15' },
    ]);
  });
  it('quarterly: FREQ=MONTHLY;INTERVAL=3 gives calendar quarters', () => {
    expect(cadencePeriods('FREQ=MONTHLY;INTERVAL=3', '2026-05-01', '2026-05-01')).toEqual([
      { start: '2026-04-01', end: '2026-06-30' },
    ]);
  });
  it('answers what rrule answers from the anchor, for any range and in any order of calls (the occurrence cache)', () => {
    const rules = [
      'FREQ=MONTHLY',
      'FREQ=WEEKLY',
      'FREQ=MONTHLY;INTERVAL=3',
      'FREQ=DAILY',
      'FREQ=YEARLY',
      'FREQ=WEEKLY;INTERVAL=2',
    ];
    const ranges: [string, string][] = [
      ['2026-02-10', '2026-04-02'],
      ['2000-01-01', '2000-03-01'],
      ['2025-12-07', '2026-12-07'],
      ['2026-12-31', '2026-12-31'],
      ['2031-05-05', '2034-01-09'],
      ['2024-02-29', '2024-03-01'],
    ];
    for (const rule of rules)
      for (const [from, to] of ranges) expect(cadencePeriods(rule, from, to)).toEqual(reference(rule, from, to));
  });
});
