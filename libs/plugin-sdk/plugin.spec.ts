import { SDK_VERSION, rruleSchema } from '@jm/plugin-sdk';

describe('plugin SDK primitives', () => {
  it('accepts RFC 5545 rules and rejects others', () => {
    expect(rruleSchema.safeParse('FREQ=MONTHLY').success).toBe(true);
    expect(rruleSchema.safeParse('FREQ=WEEKLY;BYDAY=MO').success).toBe(true);
    expect(rruleSchema.safeParse('every month').success).toBe(false);
    expect(rruleSchema.safeParse('INTERVAL=2').success).toBe(false);
  });
  it('has a semantic version', () => {
    expect(SDK_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
