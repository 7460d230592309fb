import {
  canonical,
  drawSample,
  drawStratified,
  verifySample,
  SAMPLE_ALGORITHM,
  STRATIFIED_ALGORITHM,
  type SampleCandidate,
} from './sample';

const units: SampleCandidate[] = Array.from({ length: 17 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `单位${i}`,
  kind: i < 6 ? 'DEPARTMENT' : 'COMMUNITY',
}));

describe('random inspection draw', () => {
  it('is reproducible from the seed and candidates, whatever order they are read in', () => {
    const a = drawSample('seed-1', units, 2);
    expect(a).toHaveLength(2);
    expect(new Set(a).size).toBe(2);
    expect(drawSample('seed-1', [...units].reverse(), 2)).toEqual(a);
    expect(drawSample('seed-1', units, 2)).toEqual(a);
  });

  it('depends on the seed', () => {
    const draws = new Set(Array.from({ length: 20 }, (_, i) => drawSample(`seed-${i}`, units, 2).join(',')));
    expect(draws.size).toBeGreaterThan(10);
  });

  it('draws every unit when the sample is larger than the candidates, and none from none', () => {
    expect(drawSample('s', units.slice(0, 3), 5).sort()).toEqual(
      units
        .slice(0, 3)
        .map((u) => u.id)
        .sort(),
    );
    expect(drawSample('s', [], 2)).toEqual([]);
  });

  it('is roughly uniform', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 3400; i += 1)
      for (const id of drawSample(`u${i}`, units, 1)) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect(counts.size).toBe(17);
    for (const n of counts.values()) expect(n).toBeGreaterThan(120); // expected 200 each
  });

  it('verifies a recorded draw and detects a tampered one', () => {
    const candidates = canonical(units);
    const drawn = drawSample('abc', candidates, 2);
    const record = {
      algorithm: SAMPLE_ALGORITHM,
      seed: 'abc',
      period: { start: '2026-10-01', end: '2026-12-31' },
      targets: ['DEPARTMENT'],
      sampleSize: 2,
      candidates,
      drawn,
      source: '002',
    };
    expect(verifySample(record)).toBe(true);
    expect(verifySample({ ...record, drawn: [drawn[1], drawn[0]] })).toBe(false);
    expect(verifySample({ ...record, seed: 'abd' })).toBe(false);
    expect(verifySample(null)).toBe(false);
  });

  it('002 四(四) stratified: every quarter draws departments AND communities, each stratum its own size, reproducibly', () => {
    const departments = units.filter((u) => u.kind === 'DEPARTMENT');
    const communities = units.filter((u) => u.kind === 'COMMUNITY');
    for (let i = 0; i < 200; i += 1) {
      const strata = drawStratified(`quarter-${i}`, [
        { kinds: ['DEPARTMENT'], sampleSize: 1, candidates: departments },
        { kinds: ['COMMUNITY'], sampleSize: 2, candidates: communities },
      ]);
      expect(strata[0].drawn).toHaveLength(1);
      expect(departments.map((u) => u.id)).toContain(strata[0].drawn[0]);
      expect(strata[1].drawn).toHaveLength(2);
      expect(strata[1].drawn.every((id) => communities.some((u) => u.id === id))).toBe(true);
    }
    const strata = drawStratified('seed-s', [
      { kinds: ['DEPARTMENT'], sampleSize: 1, candidates: departments },
      { kinds: ['COMMUNITY'], sampleSize: 1, candidates: communities },
    ]);
    const record = { algorithm: STRATIFIED_ALGORITHM, seed: 'seed-s', strata, drawn: strata.flatMap((s) => s.drawn) };
    expect(verifySample(record)).toBe(true);
    expect(verifySample({ ...record, drawn: [...record.drawn].reverse() })).toBe(false);
    expect(verifySample({ ...record, seed: 'other' })).toBe(false);
  });
});
