import { faultJobDelayFromEnv } from './fault-delay';

describe('the test-only job delay hook', () => {
  it('is off unless asked for', () => {
    expect(faultJobDelayFromEnv({})).toBeNull();
  });

  it('reads a job name, a pause and where the pause goes', () => {
    expect(
      faultJobDelayFromEnv({ JM_FAULT_JOB_DELAY_JOB: 'notification.welcome', JM_FAULT_JOB_DELAY_MS: '1000' }),
    ).toEqual({ job: 'notification.welcome', ms: 1000, at: 'before' });
    expect(
      faultJobDelayFromEnv({ JM_FAULT_JOB_DELAY_JOB: 'x', JM_FAULT_JOB_DELAY_MS: '5', JM_FAULT_JOB_DELAY_AT: 'after' })
        ?.at,
    ).toBe('after');
  });

  it('refuses half a setting and refuses production', () => {
    expect(() => faultJobDelayFromEnv({ JM_FAULT_JOB_DELAY_MS: '1000' })).toThrow(/go together/);
    expect(() =>
      faultJobDelayFromEnv({
        JM_FAULT_JOB_DELAY_JOB: 'x',
        JM_FAULT_JOB_DELAY_MS: '1000',
        JM_FAULT_JOB_DELAY_AT: 'during',
      }),
    ).toThrow(/go together/);
    expect(() =>
      faultJobDelayFromEnv({ NODE_ENV: 'production', JM_FAULT_JOB_DELAY_JOB: 'x', JM_FAULT_JOB_DELAY_MS: '1000' }),
    ).toThrow(/production/);
  });
});
