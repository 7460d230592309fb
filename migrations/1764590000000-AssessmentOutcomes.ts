import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assessments owned by the jurisdiction (issue 13 item 6): where the source states no scoring the row holds
 * the facts with no score and no outcome; an outcome is the plugin's formula (judged_by PLUGIN_*) or the
 * jurisdiction's own result recorded by the person the plugin names (RECORDED, with its basis); results
 * reported to the performance department are stamped (003 §七).
 */
export class AssessmentOutcomes1764590000000 implements MigrationInterface {
  name = 'AssessmentOutcomes1764590000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE assessment ALTER COLUMN score DROP NOT NULL, ALTER COLUMN passed DROP NOT NULL,
        ADD COLUMN judged_by text CHECK (judged_by IN ('PLUGIN_SCORING', 'PLUGIN_HOOK', 'RECORDED')),
        ADD COLUMN outcome_basis text,
        ADD COLUMN outcome_recorded_by uuid,
        ADD COLUMN outcome_recorded_at timestamptz,
        ADD COLUMN reported_at timestamptz,
        ADD CONSTRAINT assessment_judged CHECK ((passed IS NULL) = (judged_by IS NULL))
    `);
    // Rows computed by the old platform default were never the jurisdiction's: they become facts only.
    await q.query(
      `UPDATE assessment SET score = NULL, passed = NULL, vetoed = false, veto_reason = NULL, rule = rule || '; outcome withdrawn: platform default, not the jurisdiction''s' WHERE rule LIKE '%platform default%'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Facts-only rows cannot be stated as passed or failed: they are recomputed by running the assessment again.
    await q.query(`DELETE FROM assessment WHERE passed IS NULL OR score IS NULL`);
    await q.query(`
      ALTER TABLE assessment DROP CONSTRAINT assessment_judged, DROP COLUMN judged_by, DROP COLUMN outcome_basis,
        DROP COLUMN outcome_recorded_by, DROP COLUMN outcome_recorded_at, DROP COLUMN reported_at,
        ALTER COLUMN score SET NOT NULL, ALTER COLUMN passed SET NOT NULL
    `);
  }
}
