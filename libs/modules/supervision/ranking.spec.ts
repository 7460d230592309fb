import { isBottom, rankUnits, weightedScore, zeroMetrics, type Metrics } from './ranking';

const m = (over: Partial<Metrics>): Metrics => ({ ...zeroMetrics(), ...over });
const weights = { BEIJING_PETITIONS: -3, SKIP_LEVEL_PETITIONS: -2, RESOLVED_IN_TIME: 1, CASES_RECEIVED: 0 };

describe('weightedScore', () => {
  it('sums weight × metric; unweighted metrics count nothing', () => {
    expect(weightedScore(m({ BEIJING_PETITIONS: 2, RESOLVED_IN_TIME: 3, CASES_RECEIVED: 9, MISSED_CADENCE: 4 }), weights)).toBe(-3);
  });
});

describe('rankUnits', () => {
  const units = [
    { unitId: 'a', position: 1, name: '甲镇', metrics: m({ RESOLVED_IN_TIME: 2 }) },
    { unitId: 'b', position: 2, name: '乙镇', metrics: m({ BEIJING_PETITIONS: 1 }) },
    // By name 丁 (ding) comes before 庚 (geng): position, not name, must decide the tie.
    { unitId: 'c', position: 3, name: '庚镇', metrics: m({}) },
    { unitId: 'd', position: 4, name: '丁镇', metrics: m({}) },
  ];

  it('ranks by score, best first, and marks the bottom band', () => {
    const ranked = rankUnits(units, (x) => weightedScore(x, weights), 3);
    expect(ranked.map((r) => [r.unitId, r.score, r.rank, r.bottom])).toEqual([
      ['a', 2, 1, false],
      ['c', 0, 2, true],
      ['d', 0, 3, true],
      ['b', -3, 4, true],
    ]);
    expect(ranked.every((r) => r.rankedOf === 4)).toBe(true);
  });

  it('breaks ties deterministically by position, whatever the input order', () => {
    const forward = rankUnits(units, (x) => weightedScore(x, weights), 0).map((r) => r.unitId);
    const reversed = rankUnits([...units].reverse(), (x) => weightedScore(x, weights), 0).map((r) => r.unitId);
    expect(reversed).toEqual(forward);
    expect(forward.indexOf('c')).toBeLessThan(forward.indexOf('d'));
  });

  it('treats floating noise as a tie, and a non-finite hook score as last', () => {
    const scores = new Map<Metrics, number>([
      [units[0].metrics, Number.NaN],
      [units[1].metrics, 0.3],
      [units[2].metrics, 0.1 + 0.2], // 0.30000000000000004: unrounded, it would outrank b
      [units[3].metrics, 0.3],
    ]);
    const ranked = rankUnits(units, (x) => scores.get(x)!, 1);
    expect(ranked.map((r) => r.unitId)).toEqual(['b', 'c', 'd', 'a']);
    expect(ranked[3]).toMatchObject({ unitId: 'a', score: 0, bottom: true });
  });

  it('has no bottom band when no rule watches one', () => {
    expect(rankUnits(units, () => 0, 0).some((r) => r.bottom)).toBe(false);
    expect(isBottom(4, 4, 0)).toBe(false);
    expect(isBottom(2, 15, 3)).toBe(false);
    expect(isBottom(13, 15, 3)).toBe(true);
  });
});
