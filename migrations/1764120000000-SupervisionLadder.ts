import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['supervision_flag', 'supervision_sequence'];

/**
 * What the escalation ladder needs beyond the supervision tables:
 * - `supervision_flag`: a concern the office flags against a unit (造成严重影响, 越级访…) with its reason
 *   code and facts; the ladder's FLAGGED rules act on it.
 * - `supervision_sequence`: per tenant, kind and year, the last number handed out (提醒函, 通报… 〔2026〕N号),
 *   taken under a row lock.
 * - `outbox_message.receipt` (what the channel adapter answered) and `ref_id` (the notice or action the
 *   message is about); `supervision_notice.distribution` (to whom it was published and reported).
 * RLS enabled and forced; audited.
 */
export class SupervisionLadder1764120000000 implements MigrationInterface {
  name = 'SupervisionLadder1764120000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supervision_flag (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        target_unit_id uuid NOT NULL REFERENCES member_unit (id),
        target_tenant_id uuid REFERENCES tenant (id),
        case_id uuid REFERENCES petition_case (id),
        reason text NOT NULL,
        note text NOT NULL,
        facts jsonb NOT NULL DEFAULT '{}',
        flagged_by uuid REFERENCES app_user (id),
        flagged_at timestamptz NOT NULL,
        -- Set once the ladder has evaluated the flag (every FLAGGED rule sees it in that one pass).
        evaluated_at timestamptz
      );
      CREATE INDEX supervision_flag_pending_idx ON supervision_flag (tenant_id) WHERE evaluated_at IS NULL;
      CREATE INDEX supervision_flag_idx ON supervision_flag (tenant_id, flagged_at DESC);

      CREATE TABLE supervision_sequence (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        kind text NOT NULL,
        year integer NOT NULL,
        last integer NOT NULL,
        PRIMARY KEY (tenant_id, kind, year)
      );

      ALTER TABLE outbox_message ADD COLUMN receipt text, ADD COLUMN ref_id uuid;
      CREATE INDEX outbox_message_tenant_idx ON outbox_message (tenant_id, status, created_at);
      ALTER TABLE supervision_notice ADD COLUMN distribution jsonb NOT NULL DEFAULT '{}';
      CREATE INDEX supervision_notice_entry_notice_idx ON supervision_notice_entry (tenant_id, notice_id);
      -- The evidence chain (问责 ← 约谈 ← …) is walked through caused_by.
      CREATE INDEX supervision_action_caused_by_idx ON supervision_action (caused_by) WHERE caused_by IS NOT NULL;
    `);
    for (const table of TABLES) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (tenant_id = ANY ((SELECT app_read_tenants())::uuid[]));
        CREATE POLICY ${table}_write ON ${table} FOR ALL
          USING (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]))
          WITH CHECK (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]));
        GRANT SELECT, INSERT, UPDATE ON ${table} TO jm_app;
        SELECT audit_attach('${table}'::regclass);
      `);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS supervision_action_caused_by_idx;
      DROP INDEX IF EXISTS supervision_notice_entry_notice_idx;
      ALTER TABLE supervision_notice DROP COLUMN IF EXISTS distribution;
      DROP INDEX IF EXISTS outbox_message_tenant_idx;
      ALTER TABLE outbox_message DROP COLUMN IF EXISTS receipt, DROP COLUMN IF EXISTS ref_id;
      DROP TABLE IF EXISTS supervision_sequence, supervision_flag;
    `);
  }
}
