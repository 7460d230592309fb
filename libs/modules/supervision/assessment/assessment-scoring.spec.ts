import { countedEvents, judge } from './assessment-scoring';

const input = (
  over: Partial<{ notices: number; listings: number; interviews: number; accountability: number }> = {},
  metrics: Record<string, number> = {},
) => ({ unitName: '镇信访办', metrics, notices: 0, listings: 0, interviews: 0, accountability: 0, ...over });

describe('assessment judgement (issue 13 item 6: no platform formula can fail a unit)', () => {
  it('counts only what the plugin counts', () => {
    expect(countedEvents(['NOTICES', 'LISTINGS'], input({ notices: 2, listings: 1, interviews: 5 }))).toBe(3);
    expect(
      countedEvents(['METRICS'], input({ notices: 9 }, { CASES_OVERDUE: 5, CASES_RECEIVED: 40, RESOLVED_IN_TIME: 30 })),
    ).toBe(5);
  });

  it('a plugin that states no scoring gets facts only: no score, no pass, no fail — however many events', () => {
    expect(judge(['METRICS'], input({}, { CASES_OVERDUE: 50, BEIJING_PETITIONS: 9 }), undefined)).toEqual({
      score: null,
      passed: null,
      judgedBy: null,
      formula: expect.stringContaining('not judged'),
    });
  });

  it("the plugin's own formula decides, against its own pass mark and source", () => {
    const scoring = { full: 100, perEvent: 10, passMark: 60, source: '某县考核细则 第三条' };
    expect(judge(['LISTINGS'], input({ listings: 4 }), scoring)).toMatchObject({
      score: 60,
      passed: true,
      judgedBy: 'PLUGIN_SCORING',
    });
    expect(judge(['LISTINGS'], input({ listings: 5 }), scoring)).toMatchObject({
      score: 50,
      passed: false,
      judgedBy: 'PLUGIN_SCORING',
    });
    expect(judge(['LISTINGS'], input({ listings: 20 }), scoring).score).toBe(0);
    expect(judge(['LISTINGS'], input(), scoring).formula).toContain('某县考核细则 第三条');
  });

  it('a hook scores; it passes or fails only against a stated pass mark', () => {
    expect(judge(['NOTICES'], input(), undefined, () => 42)).toMatchObject({ score: 42, passed: null, judgedBy: null });
    expect(
      judge(['NOTICES'], input(), { full: 100, perEvent: 1, passMark: 50, source: 'x 第一条' }, () => 42),
    ).toMatchObject({ score: 42, passed: false, judgedBy: 'PLUGIN_HOOK' });
  });

  it("a hook that throws or answers out of range falls back to the plugin's scoring, or to facts only", () => {
    expect(judge(['NOTICES'], input(), undefined, () => 500)).toMatchObject({ score: null, passed: null });
    expect(
      judge(['NOTICES'], input(), undefined, () => {
        throw new Error('boom');
      }),
    ).toMatchObject({ score: null, passed: null });
    expect(
      judge(
        ['NOTICES'],
        input({ notices: 1 }),
        { full: 10, perEvent: 1, passMark: 5, source: 'x 第一条' },
        () => Number.NaN,
      ),
    ).toMatchObject({ score: 9, passed: true, judgedBy: 'PLUGIN_SCORING' });
  });
});
