import type { AssessmentInput } from '@jm/plugin-sdk';
import type { Metric } from './ranking';

/** What a plugin's assessment may count (`supervision.assessment.counts`). */
export type AssessmentCount = 'NOTICES' | 'LISTINGS' | 'INTERVIEWS' | 'ACCOUNTABILITY' | 'METRICS';

/**
 * The platform's default assessment, used when a plugin gives no `scoreAssessment` hook. No source
 * states a formula (003 §七 only says notices, listings, interviews and accountability count; 001 art. 16
 * asks for an indicator system), so this is a platform default, documented in the README: start from
 * `full`, deduct `perEvent` for each counted event, pass at `pass`.
 */
export const DEFAULT_ASSESSMENT = { full: 100, perEvent: 10, pass: 60 } as const;

/** Metrics that record a failure (the others — cases received, resolved in time — are not deducted). */
export const ADVERSE_METRICS: readonly Metric[] = [
  'CASES_OVERDUE',
  'REPEAT_PETITIONS',
  'SKIP_LEVEL_PETITIONS',
  'BEIJING_PETITIONS',
  'MISSING_WEEKLY_REPORTS',
  'AGREED_ITEMS_OVERDUE',
  'MISSED_CADENCE',
  'REVIEWS_OVERTURNED',
];

/** The events the default deducts for, restricted to what the plugin counts. */
export function countedEvents(counts: readonly AssessmentCount[], input: AssessmentInput): number {
  let events = 0;
  if (counts.includes('NOTICES')) events += input.notices;
  if (counts.includes('LISTINGS')) events += input.listings;
  if (counts.includes('INTERVIEWS')) events += input.interviews;
  if (counts.includes('ACCOUNTABILITY')) events += input.accountability;
  if (counts.includes('METRICS')) for (const m of ADVERSE_METRICS) events += input.metrics[m] ?? 0;
  return events;
}

export function defaultAssessmentScore(counts: readonly AssessmentCount[], input: AssessmentInput): number {
  return Math.max(0, DEFAULT_ASSESSMENT.full - DEFAULT_ASSESSMENT.perEvent * countedEvents(counts, input));
}

/**
 * The score (0‥100) and which formula gave it: the plugin's hook when it has one and it answers a
 * number in range, the default otherwise.
 */
export function assessmentScore(counts: readonly AssessmentCount[], input: AssessmentInput, hook?: (input: AssessmentInput) => number): { score: number; by: 'HOOK' | 'DEFAULT' } {
  if (hook) {
    let value: number;
    try {
      value = hook(input);
    } catch {
      value = Number.NaN;
    }
    if (Number.isFinite(value) && value >= 0 && value <= 100) return { score: Math.round(value * 100) / 100, by: 'HOOK' };
  }
  return { score: defaultAssessmentScore(counts, input), by: 'DEFAULT' };
}

export function passed(score: number): boolean {
  return score >= DEFAULT_ASSESSMENT.pass;
}
