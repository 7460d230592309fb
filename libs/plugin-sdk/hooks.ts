/** Inputs to the assessment hook: a unit's counted supervision events and metrics in the period. */
export interface AssessmentInput {
  unitName: string;
  metrics: Readonly<Record<string, number>>;
  notices: number;
  listings: number;
  interviews: number;
  accountability: number;
}

/**
 * Optional code hooks, for what data cannot say. Hooks must be pure and fast: they run inside the
 * engine's jobs and must not perform I/O.
 */
export interface PluginHooks {
  /**
   * Score for the periodic assessment (考核); higher is better. Returns a number in 0‥100. It decides a
   * pass or fail only against the plugin's `assessment.scoring.passMark`; without one it is reported only.
   */
  scoreAssessment?: (input: AssessmentInput) => number;
  /** Ranking score for a notice (通报排名), replacing the weighted sum of `supervision.notices.scoring`. */
  rankScore?: (metrics: Readonly<Record<string, number>>) => number;
}
