import type { AssessmentInput } from '@jm/plugin-sdk';
import type { Metric } from '../notices/ranking';

/** What a plugin's assessment may count (`supervision.assessment.counts`). */
export type AssessmentCount = 'NOTICES' | 'LISTINGS' | 'INTERVIEWS' | 'ACCOUNTABILITY' | 'METRICS';

/** The jurisdiction's formula (`supervision.assessment.scoring`), when its source states one. */
export interface AssessmentScoring {
  full: number;
  perEvent: number;
  passMark: number;
  source: string;
}

/** How an assessment's outcome was reached: the plugin's formula, its hook, a person recording the jurisdiction's result, or not at all. */
export type JudgedBy = 'PLUGIN_SCORING' | 'PLUGIN_HOOK' | 'RECORDED';

/** Metrics that record a failure (the others — cases received, resolved in time — are facts, not events). */
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

/** The counted events, restricted to what the plugin counts. */
export function countedEvents(counts: readonly AssessmentCount[], input: AssessmentInput): number {
  let events = 0;
  if (counts.includes('NOTICES')) events += input.notices;
  if (counts.includes('LISTINGS')) events += input.listings;
  if (counts.includes('INTERVIEWS')) events += input.interviews;
  if (counts.includes('ACCOUNTABILITY')) events += input.accountability;
  if (counts.includes('METRICS')) for (const m of ADVERSE_METRICS) events += input.metrics[m] ?? 0;
  return events;
}

export interface Judgement {
  score: number | null;
  passed: boolean | null;
  judgedBy: Exclude<JudgedBy, 'RECORDED'> | null;
  /** The formula in words, for the `rule` column. */
  formula: string;
}

/**
 * The score and outcome as the jurisdiction defines them — never a platform formula (issue 13 item 6):
 * the plugin's hook when it has one and it answers a number in 0‥100, else the plugin's `scoring`; a
 * pass or fail only against the plugin's `scoring.passMark`. With neither, the facts are reported with
 * no score and no outcome (`NOT_JUDGED`), and a person may record the jurisdiction's own result where the
 * plugin says who (`outcomeRecordedBy`).
 */
export function judge(
  counts: readonly AssessmentCount[],
  input: AssessmentInput,
  scoring: AssessmentScoring | undefined,
  hook?: (input: AssessmentInput) => number,
  pluginId = 'plugin',
): Judgement {
  if (hook) {
    let value: number;
    try {
      value = hook(input);
    } catch {
      value = Number.NaN;
    }
    if (Number.isFinite(value) && value >= 0 && value <= 100) {
      const score = Math.round(value * 100) / 100;
      return scoring
        ? {
            score,
            passed: score >= scoring.passMark,
            judgedBy: 'PLUGIN_HOOK',
            formula: `scoreAssessment hook (${pluginId}), pass at ${scoring.passMark} (${scoring.source})`,
          }
        : {
            score,
            passed: null,
            judgedBy: null,
            formula: `scoreAssessment hook (${pluginId}); no pass mark stated: not judged`,
          };
    }
  }
  if (scoring) {
    const score = Math.max(0, scoring.full - scoring.perEvent * countedEvents(counts, input));
    return {
      score,
      passed: score >= scoring.passMark,
      judgedBy: 'PLUGIN_SCORING',
      formula: `${scoring.full} − ${scoring.perEvent} per counted event, pass at ${scoring.passMark} (${scoring.source})`,
    };
  }
  return {
    score: null,
    passed: null,
    judgedBy: null,
    formula: 'no scoring stated by the source: facts only, not judged',
  };
}
