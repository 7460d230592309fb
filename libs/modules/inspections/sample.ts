import { createHash, randomBytes } from 'node:crypto';

export const SAMPLE_ALGORITHM = 'sha256-fisher-yates/v1';
/** One draw per stratum, each with the seed `<seed>:stratum:<index>` (same algorithm inside a stratum). */
export const STRATIFIED_ALGORITHM = 'sha256-fisher-yates-stratified/v1';

/** A unit that could be drawn, as recorded in the sample (so the draw can be re-run from the record). */
export interface SampleCandidate {
  id: string;
  name: string;
  kind: string;
}

/**
 * What a random inspection records (`inspection.sample`): enough to re-run the draw and get the same
 * units — the algorithm, the seed, the candidates in their canonical order and the sample size.
 */
export interface InspectionSample {
  algorithm: typeof SAMPLE_ALGORITHM | typeof STRATIFIED_ALGORITHM;
  seed: string;
  period: { start: string; end: string };
  targets: string[];
  sampleSize: number;
  candidates: SampleCandidate[];
  drawn: string[];
  source: string;
  /** A stratified draw: each stratum's kinds, size, candidates and drawn units (`drawn` is their union, in order). */
  strata?: SampleStratum[];
  /** Where the sample sizes come from: the article that states them, or the plugin's default. */
  sizeBasis?: string;
}

export interface SampleStratum {
  kinds: string[];
  sampleSize: number;
  candidates: SampleCandidate[];
  drawn: string[];
}

/** Draws each stratum separately (so every stratum is represented), each from its own derived seed. */
export function drawStratified(
  seed: string,
  strata: readonly { kinds: readonly string[]; sampleSize: number; candidates: readonly SampleCandidate[] }[],
): SampleStratum[] {
  return strata.map((s, i) => ({
    kinds: [...s.kinds],
    sampleSize: s.sampleSize,
    candidates: canonical(s.candidates),
    drawn: drawSample(`${seed}:stratum:${i}`, s.candidates, s.sampleSize),
  }));
}

/** A fresh seed: unpredictable, so units cannot know in advance which of them will be inspected. */
export function newSeed(): string {
  return randomBytes(16).toString('hex');
}

/** Candidates in canonical order (by id), so the order they were read in does not change the draw. */
export function canonical(candidates: readonly SampleCandidate[]): SampleCandidate[] {
  return [...candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const RANGE = 2 ** 48;

/** A uniform integer in [0, bound) from SHA-256(seed:counter[:retry]), rejection-sampled (no modulo bias). */
function uniform(seed: string, counter: number, bound: number): number {
  const limit = Math.floor(RANGE / bound) * bound;
  for (let retry = 0; ; retry += 1) {
    const digest = createHash('sha256')
      .update(retry ? `${seed}:${counter}:${retry}` : `${seed}:${counter}`)
      .digest();
    const value = digest.readUIntBE(0, 6);
    if (value < limit) return value % bound;
  }
}

/**
 * Draws `size` units (all of them when fewer) by a partial Fisher–Yates shuffle of the canonical
 * candidate order, driven by SHA-256 of the seed and a counter: the same seed and candidates always
 * give the same units, in the same order, on any machine.
 */
export function drawSample(seed: string, candidates: readonly SampleCandidate[], size: number): string[] {
  const pool = canonical(candidates).map((c) => c.id);
  const n = Math.min(Math.max(size, 0), pool.length);
  for (let i = 0; i < n; i += 1) {
    const j = i + uniform(seed, i, pool.length - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}

/** Re-runs a recorded draw: true when the record's seed and candidates give exactly its drawn units. */
export function verifySample(sample: unknown): boolean {
  const s = sample as Partial<InspectionSample> | null;
  const same = (a: readonly string[], b: readonly string[]): boolean =>
    a.length === b.length && a.every((id, i) => id === b[i]);
  if (!s || typeof s.seed !== 'string' || !Array.isArray(s.drawn)) return false;
  if (s.algorithm === STRATIFIED_ALGORITHM) {
    if (!Array.isArray(s.strata)) return false;
    const again = drawStratified(s.seed, s.strata);
    return (
      again.every((st, i) => same(st.drawn, s.strata![i].drawn)) &&
      same(
        again.flatMap((st) => st.drawn),
        s.drawn,
      )
    );
  }
  if (s.algorithm !== SAMPLE_ALGORITHM || !Array.isArray(s.candidates) || typeof s.sampleSize !== 'number')
    return false;
  return same(drawSample(s.seed, s.candidates, s.sampleSize), s.drawn);
}
