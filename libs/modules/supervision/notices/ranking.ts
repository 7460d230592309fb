import { METRICS } from '@jm/plugin-sdk';

export type Metric = (typeof METRICS)[number];
export type Metrics = Record<Metric, number>;

/** All metrics at zero: a unit with nothing on record. */
export function zeroMetrics(): Metrics {
  return Object.fromEntries(METRICS.map((m) => [m, 0])) as Metrics;
}

/** Σ weight × metric (a metric without a weight counts nothing). */
export function weightedScore(
  metrics: Readonly<Record<string, number>>,
  weights: Readonly<Partial<Record<Metric, number>>>,
): number {
  let score = 0;
  for (const metric of METRICS) score += (weights[metric] ?? 0) * (metrics[metric] ?? 0);
  return score;
}

/** One fact behind a unit's score: the metric, its value in the period, its weight and the points it gave. */
export interface ScoreFact {
  metric: Metric;
  value: number;
  weight: number;
  points: number;
  /** Counted against the unit (a negative weight): only such facts can put a unit in the bottom band. */
  adverse: boolean;
}

/** The facts behind a score: every metric with a value in the period, with its weight (0 when unweighted). */
export function scoreFacts(
  metrics: Readonly<Record<string, number>>,
  weights: Readonly<Partial<Record<Metric, number>>>,
): ScoreFact[] {
  const out: ScoreFact[] = [];
  for (const metric of METRICS) {
    const value = metrics[metric] ?? 0;
    if (!value) continue;
    const weight = weights[metric] ?? 0;
    out.push({ metric, value, weight, points: round(weight * value), adverse: weight < 0 });
  }
  return out;
}

export interface RankCandidate {
  unitId: string;
  /** The unit's place in the joint meeting's list: orders the units of a shared place, never their rank. */
  position: number;
  name: string;
  metrics: Metrics;
}

export interface RankedUnit {
  unitId: string;
  score: number;
  /** 1 is the best; tied units share a place (并列): 1, 2, 2, 4. `rankedOf` the number of units ranked. */
  rank: number;
  rankedOf: number;
  /** Units tied on this place (1 when alone). */
  tiedWith: number;
  /** Adverse facts (metrics with a negative weight) on record in the period. */
  adverseFacts: number;
  /** In the bottom band: the place lies in the last `bottom` places, the unit has adverse facts, the list has enough data. */
  bottom: boolean;
}

/** How a list's bottom band was decided: marked, or withheld and why. */
export interface BottomBand {
  /** Places the ladder watches (排名后N位); 0 when no rule watches one. */
  width: number;
  /** Units of the list with any fact on record in the period. */
  unitsWithFacts: number;
  /** Units with facts the plugin requires before it marks a bottom band (`notices.minimumToRank`), or the platform default. */
  minimum: number;
  minimumIsDefault: boolean;
  /** Whether a bottom band was marked; when not, `withheld` says why. */
  marked: boolean;
  withheld: 'NO_RULE' | 'TOO_LITTLE_DATA' | 'NO_ADVERSE_FACTS' | null;
}

/**
 * The platform default when the plugin states no minimum: a bottom band needs one unit with facts —
 * which, with the adverse-facts rule, only says that an empty period has none. Shown as a default.
 */
export const DEFAULT_MINIMUM_TO_RANK = 1;

/** Scores compare after rounding, so 0.1 + 0.2 and 0.3 tie as people would expect. */
const round = (n: number): number => Math.round(n * 1e6) / 1e6;

const hasFacts = (m: Readonly<Record<string, number>>): boolean => METRICS.some((k) => (m[k] ?? 0) !== 0);

/**
 * Ranks one list of units by score (higher is better: the plugin's weights make adverse metrics
 * negative). Tied units share a place (并列, competition ranking: 1, 2, 2, 4); the list's order only
 * orders the units of one place for display. A unit is in the bottom band only when its place lies in
 * the last `band` places, it has adverse facts of its own (no adverse facts, never 后N位 — an all-zero
 * month has no bottom band), and the list has at least `minimum` units with facts (too little data:
 * ranked, no bottom band). A score that is not a finite number (a misbehaving hook) ranks last.
 */
export function rankUnits(
  candidates: readonly RankCandidate[],
  score: (metrics: Metrics) => number,
  band: number,
  weights: Readonly<Partial<Record<Metric, number>>>,
  minimum: number = DEFAULT_MINIMUM_TO_RANK,
): { units: RankedUnit[]; bottomBand: BottomBand } {
  const scored = candidates.map((c) => {
    const s = score(c.metrics);
    return {
      c,
      score: Number.isFinite(s) ? round(s) : Number.NEGATIVE_INFINITY,
      adverse: scoreFacts(c.metrics, weights)
        .filter((f) => f.adverse)
        .reduce((n, f) => n + f.value, 0),
    };
  });
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      a.c.position - b.c.position ||
      a.c.name.localeCompare(b.c.name, 'zh-CN') ||
      (a.c.unitId < b.c.unitId ? -1 : a.c.unitId > b.c.unitId ? 1 : 0),
  );
  const n = scored.length;
  const unitsWithFacts = candidates.filter((c) => hasFacts(c.metrics)).length;
  const enough = unitsWithFacts >= minimum;
  const units: RankedUnit[] = [];
  for (let i = 0; i < n; i += 1) {
    const s = scored[i];
    const rank = i > 0 && scored[i - 1].score === s.score ? units[i - 1].rank : i + 1;
    const tiedWith = scored.filter((x) => x.score === s.score).length;
    units.push({
      unitId: s.c.unitId,
      score: Number.isFinite(s.score) ? s.score : 0,
      rank,
      rankedOf: n,
      tiedWith,
      adverseFacts: s.adverse,
      bottom: band > 0 && enough && s.adverse > 0 && isBottom(rank, n, band),
    });
  }
  const marked = units.some((u) => u.bottom);
  const withheld = marked
    ? null
    : band <= 0
      ? 'NO_RULE'
      : !enough
        ? 'TOO_LITTLE_DATA'
        : units.every((u) => u.adverseFacts === 0)
          ? 'NO_ADVERSE_FACTS'
          : null;
  return { units, bottomBand: { width: band, unitsWithFacts, minimum, minimumIsDefault: false, marked, withheld } };
}

/** Whether place `rank` of `rankedOf` lies in the last `bottom` places (a shared place counts by its own number). */
export function isBottom(rank: number, rankedOf: number, bottom: number): boolean {
  return rank > rankedOf - bottom;
}
