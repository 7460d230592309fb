import { cadencePeriods } from './cadence-periods';

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
});
