import { parseDateTime } from './date-time.scalar';

describe('strict DateTime', () => {
  it.each([
    '2026-02-30T09:00:00+08:00',
    '2026-02-30',
    '-000001-01-01T00:00:00Z',
    '+275760-09-13T00:00:00Z',
    '2026-03-01T24:00:00Z',
    '2026-03-01T09:60:00Z',
    '2026-03-01T09:00:00',
    '1899-12-31T23:59:59Z',
    '2200-01-01T00:00:00Z',
    '2026-03-01T09:00:00+24:00',
    '',
  ])('refuses %j', (v) => {
    expect(parseDateTime(v)).toBeNull();
  });
  it.each([0, 1_700_000_000_000, null, undefined, {}])('refuses the non-string %p', (v) => {
    expect(parseDateTime(v)).toBeNull();
  });
  it('accepts real date-times with their offset, leap days included', () => {
    expect(parseDateTime('2028-02-29T09:30:00+08:00')?.toISOString()).toBe('2028-02-29T01:30:00.000Z');
    expect(parseDateTime('2026-10-10T09:00:00.123Z')?.toISOString()).toBe('2026-10-10T09:00:00.123Z');
    expect(parseDateTime('2026-10-10T09:00Z')?.toISOString()).toBe('2026-10-10T09:00:00.000Z');
  });
});
