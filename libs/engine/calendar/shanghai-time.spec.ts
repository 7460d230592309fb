import { endOfShanghaiDay, isPastShanghaiDay, shanghaiDateOf, startOfShanghaiDay } from './shanghai-time';

describe('Asia/Shanghai days and instants', () => {
  it('maps instants around midnight UTC to the Beijing day (UTC+8)', () => {
    expect(shanghaiDateOf(new Date('2026-10-22T15:59:59.999Z'))).toBe('2026-10-22');
    expect(shanghaiDateOf(new Date('2026-10-22T16:00:00.000Z'))).toBe('2026-10-23'); // Beijing midnight
    expect(shanghaiDateOf(new Date('2026-10-22T23:59:59.999Z'))).toBe('2026-10-23'); // UTC still on the 22nd
    expect(shanghaiDateOf(new Date('2026-10-23T00:00:00.000Z'))).toBe('2026-10-23'); // UTC midnight = 08:00 Beijing
    expect(shanghaiDateOf(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
  });

  it('gives the start and the last millisecond of a Beijing day', () => {
    expect(startOfShanghaiDay('2026-10-23').toISOString()).toBe('2026-10-22T16:00:00.000Z');
    expect(endOfShanghaiDay('2026-10-23').toISOString()).toBe('2026-10-23T15:59:59.999Z');
    expect(endOfShanghaiDay('2026-12-31').toISOString()).toBe('2026-12-31T15:59:59.999Z');
    expect(endOfShanghaiDay('2028-02-28').toISOString()).toBe('2028-02-28T15:59:59.999Z');
  });

  it('round-trips: the end of a day is still that day, one millisecond later is the next', () => {
    for (const d of ['2026-01-01', '2026-10-10', '2027-02-28', '2028-02-29']) {
      const end = endOfShanghaiDay(d);
      expect(shanghaiDateOf(end)).toBe(d);
      expect(shanghaiDateOf(new Date(end.getTime() + 1))).not.toBe(d);
    }
  });

  it('follows the tz database, not a fixed +8 (China observed DST in 1986–1991)', () => {
    expect(endOfShanghaiDay('1988-07-01').toISOString()).toBe('1988-07-01T14:59:59.999Z'); // UTC+9 that summer
    expect(endOfShanghaiDay('1988-01-01').toISOString()).toBe('1988-01-01T15:59:59.999Z');
  });

  it('a deadline is met until the end of its day, Beijing time', () => {
    expect(isPastShanghaiDay('2026-10-23', new Date('2026-10-23T15:59:59.999Z'))).toBe(false);
    expect(isPastShanghaiDay('2026-10-23', new Date('2026-10-23T16:00:00.000Z'))).toBe(true);
  });

  it('rejects invalid input', () => {
    expect(() => shanghaiDateOf(new Date('nope'))).toThrow('not a valid instant');
    expect(() => endOfShanghaiDay('2026-02-29')).toThrow(
      'date must be a real calendar date as YYYY-MM-DD, got "2026-02-29"',
    );
  });
});
