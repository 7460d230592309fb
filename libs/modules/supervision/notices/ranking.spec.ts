import { isBottom, rankUnits, scoreFacts, weightedScore, zeroMetrics, type Metrics } from './ranking';

const m = (over: Partial<Metrics>): Metrics => ({ ...zeroMetrics(), ...over });
const weights = { BEIJING_PETITIONS: -3, SKIP_LEVEL_PETITIONS: -2, RESOLVED_IN_TIME: 1, CASES_RECEIVED: 0 };
const byWeights = (x: Metrics): number => weightedScore(x, weights);
const places = (r: ReturnType<typeof rankUnits>) => r.units.map((u) => [u.unitId, u.rank, u.bottom]);

describe('weightedScore and scoreFacts', () => {
  it('sums weight × metric; unweighted metrics count nothing', () => {
    expect(
      weightedScore(m({ BEIJING_PETITIONS: 2, RESOLVED_IN_TIME: 3, CASES_RECEIVED: 9, MISSED_CADENCE: 4 }), weights),
    ).toBe(-3);
  });

  it('003 三: the facts behind a score — every metric with a value, its weight and points, adverse when weighed against the unit', () => {
    expect(scoreFacts(m({ BEIJING_PETITIONS: 1, RESOLVED_IN_TIME: 2, CASES_RECEIVED: 3 }), weights)).toEqual([
      { metric: 'CASES_RECEIVED', value: 3, weight: 0, points: 0, adverse: false },
      { metric: 'RESOLVED_IN_TIME', value: 2, weight: 1, points: 2, adverse: false },
      { metric: 'BEIJING_PETITIONS', value: 1, weight: -3, points: -3, adverse: true },
    ]);
    expect(scoreFacts(zeroMetrics(), weights)).toEqual([]);
  });
});

describe('rankUnits (003 三 排名后3位)', () => {
  const unit = (id: string, position: number, metrics: Metrics) => ({ unitId: id, position, name: `${id}镇`, metrics });

  it('003 三: equal scores share a place (并列): 1, 2, 2, 4', () => {
    const r = rankUnits(
      [
        unit('a', 1, m({ RESOLVED_IN_TIME: 2 })),
        unit('b', 2, m({ SKIP_LEVEL_PETITIONS: 1 })),
        unit('c', 3, m({ SKIP_LEVEL_PETITIONS: 1 })),
        unit('d', 4, m({ BEIJING_PETITIONS: 1 })),
      ],
      byWeights,
      3,
      weights,
    );
    expect(r.units.map((u) => [u.unitId, u.score, u.rank, u.tiedWith])).toEqual([
      ['a', 2, 1, 1],
      ['b', -2, 2, 2],
      ['c', -2, 2, 2],
      ['d', -3, 4, 1],
    ]);
    // Places 2 and 4 of 4 lie in the last 3; a has no adverse facts and is not in the band anyway.
    expect(places(r)).toEqual([
      ['a', 1, false],
      ['b', 2, true],
      ['c', 2, true],
      ['d', 4, true],
    ]);
  });

  it('003 三: equal zero scores — every unit shares first place and nobody is in the bottom band (no adverse facts)', () => {
    const r = rankUnits(
      [unit('a', 1, m({})), unit('b', 2, m({})), unit('c', 3, m({})), unit('d', 4, m({}))],
      byWeights,
      3,
      weights,
    );
    expect(places(r)).toEqual([
      ['a', 1, false],
      ['b', 1, false],
      ['c', 1, false],
      ['d', 1, false],
    ]);
    expect(r.bottomBand).toMatchObject({ width: 3, unitsWithFacts: 0, marked: false, withheld: 'TOO_LITTLE_DATA' });
  });

  it('003 三: one unit with data — it alone is in the bottom band; the units with nothing adverse share first place', () => {
    const r = rankUnits(
      [unit('a', 1, m({})), unit('b', 2, m({ BEIJING_PETITIONS: 1 })), unit('c', 3, m({})), unit('d', 4, m({}))],
      byWeights,
      3,
      weights,
    );
    expect(places(r)).toEqual([
      ['a', 1, false],
      ['c', 1, false],
      ['d', 1, false],
      ['b', 4, true],
    ]);
    expect(r.units[3]).toMatchObject({ adverseFacts: 1, score: -3 });
    expect(r.bottomBand).toMatchObject({ unitsWithFacts: 1, marked: true, withheld: null });
  });

  it("003 三: too little data (fewer units with facts than the plugin's minimum) — ranked, no bottom band", () => {
    const units = [
      unit('a', 1, m({ CASES_RECEIVED: 1 })),
      unit('b', 2, m({ BEIJING_PETITIONS: 1 })),
      unit('c', 3, m({})),
      unit('d', 4, m({})),
    ];
    const thin = rankUnits(units, byWeights, 3, weights, 3);
    expect(thin.units.map((u) => u.rank)).toEqual([1, 1, 1, 4]);
    expect(thin.units.some((u) => u.bottom)).toBe(false);
    expect(thin.bottomBand).toMatchObject({
      unitsWithFacts: 2,
      minimum: 3,
      marked: false,
      withheld: 'TOO_LITTLE_DATA',
    });
    expect(
      rankUnits(units, byWeights, 3, weights, 2)
        .units.filter((u) => u.bottom)
        .map((u) => u.unitId),
    ).toEqual(['b']);
  });

  it('003 三: a shared place counts by its own number — 并列第2 of 5 is not in the last 3', () => {
    const adverse = m({ SKIP_LEVEL_PETITIONS: 1 });
    const r = rankUnits(
      [unit('a', 1, m({})), unit('b', 2, adverse), unit('c', 3, adverse), unit('d', 4, adverse), unit('e', 5, adverse)],
      byWeights,
      3,
      weights,
    );
    expect(r.units.map((u) => u.rank)).toEqual([1, 2, 2, 2, 2]);
    expect(r.units.some((u) => u.bottom)).toBe(false);
  });

  it("orders a shared place by the joint meeting's list, whatever the input order; the order never changes a rank", () => {
    const units = [
      unit('a', 1, m({ RESOLVED_IN_TIME: 2 })),
      unit('c', 3, m({})),
      unit('d', 4, m({})),
      unit('b', 2, m({ BEIJING_PETITIONS: 1 })),
    ];
    const forward = rankUnits(units, byWeights, 0, weights).units.map((u) => [u.unitId, u.rank]);
    const reversed = rankUnits([...units].reverse(), byWeights, 0, weights).units.map((u) => [u.unitId, u.rank]);
    expect(reversed).toEqual(forward);
    expect(forward).toEqual([
      ['a', 1],
      ['c', 2],
      ['d', 2],
      ['b', 4],
    ]);
  });

  it('treats floating noise as a tie, and a non-finite hook score as last', () => {
    const ms = [
      m({ BEIJING_PETITIONS: 1 }),
      m({ CASES_RECEIVED: 1 }),
      m({ CASES_RECEIVED: 2 }),
      m({ CASES_RECEIVED: 3 }),
    ];
    const scores = new Map<Metrics, number>([
      [ms[0], Number.NaN],
      [ms[1], 0.3],
      [ms[2], 0.1 + 0.2], // 0.30000000000000004: unrounded, it would outrank b
      [ms[3], 0.3],
    ]);
    const r = rankUnits(
      ms.map((x, i) => unit('abcd'[i], i + 1, x)),
      (x) => scores.get(x)!,
      1,
      weights,
    );
    expect(r.units.map((u) => [u.unitId, u.rank])).toEqual([
      ['b', 1],
      ['c', 1],
      ['d', 1],
      ['a', 4],
    ]);
    expect(r.units[3]).toMatchObject({ unitId: 'a', score: 0, bottom: true });
  });

  it('has no bottom band when no rule watches one', () => {
    const r = rankUnits([unit('a', 1, m({ BEIJING_PETITIONS: 1 }))], () => -3, 0, weights);
    expect(r.units[0].bottom).toBe(false);
    expect(r.bottomBand.withheld).toBe('NO_RULE');
    expect(isBottom(4, 4, 0)).toBe(false);
    expect(isBottom(2, 15, 3)).toBe(false);
    expect(isBottom(13, 15, 3)).toBe(true);
  });
});
