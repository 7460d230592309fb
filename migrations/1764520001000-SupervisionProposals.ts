import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ladder proposes, a person decides (issue 13, architecture "Supervision is advice until a person
 * confirms it"). A rule that fires writes a `supervision_proposal` with the rule, its source article and
 * the evidence; the office confirms it (choosing the step where the rule leaves a choice, 提醒或约谈, and
 * the severity or channel), or dismisses it with a reason. Only a confirmed proposal becomes a
 * `supervision_action` (sent, filed). A rule the plugin declares automatic (a general reminder only) is
 * confirmed as it is written, by no one, and says so.
 *
 * Keyed (tenant_id, id) so it distributes by tenant; the unit, case and action it points at are checked
 * references (a county's proposal targets its towns' units), like supervision_action's.
 */
export class SupervisionProposals1764520001000 implements MigrationInterface {
  name = 'SupervisionProposals1764520001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supervision_proposal (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        rule_id text NOT NULL,
        rule_source text NOT NULL,
        step text NOT NULL CHECK (step IN ('REMINDER', 'REMINDER_OR_INTERVIEW', 'INTERVIEW', 'LISTED_SUPERVISION', 'ACCOUNTABILITY', 'NAMED_CRITICISM')),
        target_unit_id uuid NOT NULL,
        target_tenant_id uuid,
        case_id uuid,
        caused_by uuid,
        facts jsonb NOT NULL DEFAULT '{}',
        severity text,
        automatic boolean NOT NULL DEFAULT false,
        dedupe_key text NOT NULL,
        status text NOT NULL CHECK (status IN ('PROPOSED', 'CONFIRMED', 'DISMISSED')),
        proposed_at timestamptz NOT NULL,
        decided_at timestamptz,
        decided_by uuid,
        decision jsonb,
        action_id uuid,
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT supervision_proposal_dedupe UNIQUE (tenant_id, dedupe_key),
        CHECK (status = 'PROPOSED' OR decided_at IS NOT NULL),
        CHECK (status <> 'CONFIRMED' OR action_id IS NOT NULL)
      );
      CREATE INDEX supervision_proposal_status_idx ON supervision_proposal (tenant_id, status, proposed_at DESC);
      CREATE INDEX supervision_proposal_caused_by_idx ON supervision_proposal (tenant_id, caused_by) WHERE caused_by IS NOT NULL;
      ALTER TABLE supervision_proposal ENABLE ROW LEVEL SECURITY;
      ALTER TABLE supervision_proposal FORCE ROW LEVEL SECURITY;
      CREATE POLICY supervision_proposal_read ON supervision_proposal FOR SELECT USING (tenant_id = ANY ((SELECT app_read_tenants())::uuid[]));
      CREATE POLICY supervision_proposal_write ON supervision_proposal FOR ALL
        USING (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]))
        WITH CHECK (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]));
      GRANT SELECT, INSERT, UPDATE ON supervision_proposal TO jm_app;
      SELECT audit_attach('supervision_proposal'::regclass);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS supervision_proposal`);
  }
}
