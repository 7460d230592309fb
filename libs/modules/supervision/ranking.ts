import { METRICS } from '@jm/plugin-sdk';

export type Metric = (typeof METRICS)[number];
export type Metrics = Record<Metric, number>;

/** All metrics at zero: a unit with nothing on record. */
export function zeroMetrics(): Metrics {
  return Object.fromEntries(METRICS.map((m) => [m, 0])) as Metrics;
}

/** Σ weight × metric (a metric without a weight counts nothing). */
export function weightedScore(metrics: Readonly<Record<string, number>>, weights: Readonly<Partial<Record<Metric, number>>>): number {
  let score = 0;
  for (const metric of METRICS) score += (weights[metric] ?? 0) * (metrics[metric] ?? 0);
  return score;
}

export interface RankCandidate {
  unitId: string;
  /** The unit's place in the joint meeting's list (the plugin's order, then onboarding order). */
  position: number;
  name: string;
  metrics: Metrics;
}

export interface RankedUnit {
  unitId: string;
  score: number;
  /** 1 is the best; `rankedOf` the worst. */
  rank: number;
  rankedOf: number;
  /** In the bottom `bottom` places (rank > rankedOf − bottom). */
  bottom: boolean;
}

/** Scores compare after rounding, so 0.1 + 0.2 and 0.3 tie as people would expect. */
const round = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * Ranks units by score (higher is better: the plugin's weights make adverse metrics negative). Ties are
 * broken deterministically by the unit's position in the joint meeting's list, then its name, then its
 * id, so every run of the same data gives the same ranks. A score that is not a finite number (a
 * misbehaving hook) ranks last.
 */
export function rankUnits(candidates: readonly RankCandidate[], score: (metrics: Metrics) => number, bottom: number): RankedUnit[] {
  const scored = candidates.map((c) => {
    const s = score(c.metrics);
    return { c, score: Number.isFinite(s) ? round(s) : Number.NEGATIVE_INFINITY };
  });
  scored.sort((a, b) => b.score - a.score || a.c.position - b.c.position || a.c.name.localeCompare(b.c.name, 'zh-CN') || (a.c.unitId < b.c.unitId ? -1 : a.c.unitId > b.c.unitId ? 1 : 0));
  const n = scored.length;
  return scored.map((s, i) => ({ unitId: s.c.unitId, score: Number.isFinite(s.score) ? s.score : 0, rank: i + 1, rankedOf: n, bottom: isBottom(i + 1, n, bottom) }));
}

/** Whether `rank` of `rankedOf` lies in the bottom `bottom` places. */
export function isBottom(rank: number, rankedOf: number, bottom: number): boolean {
  return rank > rankedOf - bottom;
}
