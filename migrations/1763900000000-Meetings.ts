import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = [
  'key_period',
  'meeting',
  'meeting_unit',
  'minutes',
  'minutes_recipient',
  'agreed_item',
  'agreed_item_owner',
  'implementation_report',
  'cadence_obligation',
  'finding',
];

/**
 * Joint-meeting operations: meetings and attendance, minutes and their approval and receipt,
 * agreed items and implementation reports, cadence obligations, key periods and findings.
 * Tenant-owned, RLS enabled and forced; not open to platform scope (this is tenant work data).
 */
export class Meetings1763900000000 implements MigrationInterface {
  name = 'Meetings1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE key_period (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        reason text NOT NULL,
        declared_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on >= starts_on)
      );
      CREATE INDEX key_period_tenant_idx ON key_period (tenant_id, starts_on);

      CREATE TABLE meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        type_code text NOT NULL,
        title text NOT NULL,
        scheduled_at timestamptz NOT NULL,
        location text,
        topics text[] NOT NULL DEFAULT '{}',
        guests jsonb NOT NULL DEFAULT '[]',
        ad_hoc boolean NOT NULL DEFAULT false,
        status text NOT NULL CHECK (status IN ('SCHEDULED', 'HELD', 'CANCELLED')),
        held_at timestamptz,
        chair_name text,
        escalated_from uuid REFERENCES meeting (id),
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX meeting_tenant_idx ON meeting (tenant_id, scheduled_at DESC);

      -- Units invited to a meeting, and how they attended once it is held.
      CREATE TABLE meeting_unit (
        meeting_id uuid NOT NULL REFERENCES meeting (id),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        member_unit_id uuid NOT NULL REFERENCES member_unit (id),
        attendance text CHECK (attendance IN ('PRESENT', 'ABSENT')),
        absence_reason text,
        PRIMARY KEY (tenant_id, meeting_id, member_unit_id)
      );

      CREATE TABLE minutes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        meeting_id uuid NOT NULL REFERENCES meeting (id),
        kind text NOT NULL CHECK (kind IN ('MINUTES', 'MEETING_DOCUMENT')),
        number text,
        body text NOT NULL,
        status text NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'ISSUED')),
        return_comment text,
        approved_by uuid REFERENCES app_user (id),
        approved_at timestamptz,
        issued_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT minutes_one_per_meeting UNIQUE (tenant_id, meeting_id)
      );

      CREATE TABLE minutes_recipient (
        minutes_id uuid NOT NULL REFERENCES minutes (id),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        member_unit_id uuid NOT NULL REFERENCES member_unit (id),
        acknowledged_at timestamptz,
        acknowledged_by uuid REFERENCES app_user (id),
        PRIMARY KEY (tenant_id, minutes_id, member_unit_id)
      );

      CREATE TABLE agreed_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        minutes_id uuid NOT NULL REFERENCES minutes (id),
        position integer NOT NULL,
        content text NOT NULL,
        due_spec jsonb NOT NULL,
        due_on date,
        due_provisional boolean NOT NULL DEFAULT false,
        status text NOT NULL CHECK (status IN ('PENDING', 'OPEN', 'DONE')),
        done_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX agreed_item_tenant_idx ON agreed_item (tenant_id, status, due_on);

      CREATE TABLE agreed_item_owner (
        agreed_item_id uuid NOT NULL REFERENCES agreed_item (id),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        member_unit_id uuid NOT NULL REFERENCES member_unit (id),
        accepted_at timestamptz,
        PRIMARY KEY (tenant_id, agreed_item_id, member_unit_id)
      );
      CREATE INDEX agreed_item_owner_unit_idx ON agreed_item_owner (tenant_id, member_unit_id);

      CREATE TABLE implementation_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        agreed_item_id uuid NOT NULL REFERENCES agreed_item (id),
        member_unit_id uuid NOT NULL REFERENCES member_unit (id),
        body text NOT NULL,
        status text NOT NULL CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'SENT_BACK')),
        review_comment text,
        filed_by uuid NOT NULL REFERENCES app_user (id),
        reviewed_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        reviewed_at timestamptz
      );
      CREATE INDEX implementation_report_item_idx ON implementation_report (tenant_id, agreed_item_id, created_at);

      -- A meeting a tenant's cadence requires in a period (one row per type and period).
      CREATE TABLE cadence_obligation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        type_code text NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        key_period boolean NOT NULL DEFAULT false,
        rrule text NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN', 'MET', 'MISSED')),
        meeting_id uuid REFERENCES meeting (id),
        CONSTRAINT cadence_obligation_unique UNIQUE (tenant_id, type_code, period_start, period_end)
      );
      CREATE INDEX cadence_obligation_open_idx ON cadence_obligation (tenant_id, status, period_end);

      -- Facts that feed supervision (missed cadence, overdue items…), each with the rule behind it.
      CREATE TABLE finding (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        kind text NOT NULL,
        rule text NOT NULL,
        facts jsonb NOT NULL,
        dedupe_key text NOT NULL,
        found_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT finding_dedupe UNIQUE (tenant_id, dedupe_key)
      );
      CREATE INDEX finding_tenant_idx ON finding (tenant_id, kind, found_at DESC);
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
      `);
    }
    // A draft's agreed items are replaced when the office edits the draft.
    await q.query(`GRANT DELETE ON agreed_item, agreed_item_owner TO jm_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS ${[...TABLES].reverse().join(', ')}`);
  }
}
