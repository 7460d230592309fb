import { assessmentScore, countedEvents, DEFAULT_ASSESSMENT, passed } from './assessment-scoring';
import { zeroMetrics } from './ranking';

const input = { unitName: '甲镇', metrics: { ...zeroMetrics(), SKIP_LEVEL_PETITIONS: 2, RESOLVED_IN_TIME: 7 }, notices: 2, listings: 1, interviews: 1, accountability: 1 };

describe('assessment scoring', () => {
  it('counts only what the plugin counts, and only adverse metrics', () => {
    expect(countedEvents(['NOTICES', 'LISTINGS', 'INTERVIEWS', 'ACCOUNTABILITY'], input)).toBe(5);
    expect(countedEvents(['METRICS'], input)).toBe(2);
  });

  it('deducts per counted event from the platform default and passes at its mark', () => {
    const { score, by } = assessmentScore(['NOTICES', 'LISTINGS', 'INTERVIEWS', 'ACCOUNTABILITY'], input);
    expect(by).toBe('DEFAULT');
    expect(score).toBe(DEFAULT_ASSESSMENT.full - 5 * DEFAULT_ASSESSMENT.perEvent);
    expect(passed(score)).toBe(score >= DEFAULT_ASSESSMENT.pass);
    expect(assessmentScore(['METRICS'], { ...input, metrics: { ...input.metrics, SKIP_LEVEL_PETITIONS: 50 } }).score).toBe(0);
  });

  it('uses the plugin hook when it answers in range, the default otherwise', () => {
    expect(assessmentScore(['METRICS'], input, () => 91.234)).toEqual({ score: 91.23, by: 'HOOK' });
    expect(assessmentScore(['METRICS'], input, () => 140).by).toBe('DEFAULT');
    expect(
      assessmentScore(['METRICS'], input, () => {
        throw new Error('bad hook');
      }).by,
    ).toBe('DEFAULT');
  });
});
