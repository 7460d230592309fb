import { follows, periodFrom, previousPeriod } from './periods';

describe('notice periods', () => {
  it('computes whole months, quarters, halves and years', () => {
    expect(periodFrom('MONTHLY', '2026-02-01')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(periodFrom('QUARTERLY', '2026-10-01')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(periodFrom('HALF_YEARLY', '2026-07-01')).toEqual({ start: '2026-07-01', end: '2026-12-31' });
    expect(periodFrom('ANNUAL', '2026-01-01')).toEqual({ start: '2026-01-01', end: '2026-12-31' });
  });

  it('says why a date cannot start a period', () => {
    expect(periodFrom('MONTHLY', '2026-02-02')).toEqual({ problem: 'a MONTHLY period starts on the 1st of a month' });
    expect(periodFrom('HALF_YEARLY', '2026-04-01')).toEqual({
      problem: 'a HALF_YEARLY period starts on 1 January or 1 July',
    });
    expect(periodFrom('ANNUAL', '2026-13-01')).toEqual({ problem: 'must be a date YYYY-MM-DD' });
  });

  it('finds the last whole period before today', () => {
    expect(previousPeriod('MONTHLY', '2026-06-01')).toEqual({ start: '2026-05-01', end: '2026-05-31' });
    expect(previousPeriod('MONTHLY', '2026-01-15')).toEqual({ start: '2025-12-01', end: '2025-12-31' });
    expect(previousPeriod('HALF_YEARLY', '2026-07-01')).toEqual({ start: '2026-01-01', end: '2026-06-30' });
    expect(previousPeriod('ANNUAL', '2026-03-09')).toEqual({ start: '2025-01-01', end: '2025-12-31' });
  });

  it('knows consecutive periods from a gap', () => {
    expect(follows({ start: '2026-05-01', end: '2026-05-31' }, { start: '2026-06-01', end: '2026-06-30' })).toBe(true);
    expect(follows({ start: '2026-05-01', end: '2026-05-31' }, { start: '2026-07-01', end: '2026-07-31' })).toBe(false);
  });
});
