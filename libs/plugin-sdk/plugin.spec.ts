import { SDK_VERSION, rruleSchema } from '@jm/plugin-sdk';

describe('plugin SDK primitives', () => {
  it('accepts RFC 5545 rules and rejects others', () => {
    expect(rruleSchema.safeParse('FREQ=MONTHLY').success).toBe(true);
    expect(rruleSchema.safeParse('FREQ=WEEKLY;BYDAY=MO').success).toBe(true);
    expect(rruleSchema.safeParse('every month').success).toBe(false);
    expect(rruleSchema.safeParse('INTERVAL=2').success).toBe(false);
  });
  it('refuses a cadence that fires within a day (every hour, minute or second) with a clear message', () => {
    for (const rule of ['FREQ=SECONDLY', 'FREQ=MINUTELY', 'FREQ=HOURLY']) expect(rruleSchema.safeParse(rule).success).toBe(false);
    for (const rule of ['FREQ=DAILY;BYSECOND=0,1,2,3', 'FREQ=DAILY;BYHOUR=0,1,2;BYMINUTE=0', 'FREQ=WEEKLY;BYMINUTE=5']) {
      const r = rruleSchema.safeParse(rule);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0].message).toMatch(/BYHOUR, BYMINUTE and BYSECOND are not allowed/);
    }
    expect(rruleSchema.safeParse('FREQ=DAILY').success).toBe(true);
  });
  it('has a semantic version', () => {
    expect(SDK_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
