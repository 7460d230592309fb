import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['sensitive_report', 'issue_list'];

/**
 * Day-to-day coordination: important sensitive information (重要敏感信访信息, 000/001 art. 11) and issue
 * lists (问题清单, 000 art. 12). Tenant-owned, RLS enabled and forced; not open to platform scope
 * (this is petition work data).
 */
export class Coordination1763950000000 implements MigrationInterface {
  name = 'Coordination1763950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sensitive_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        content text NOT NULL,
        occurred_at timestamptz NOT NULL,
        location text,
        severity text CHECK (severity IN ('GENERAL', 'SERIOUS', 'MAJOR')),
        status text NOT NULL CHECK (status IN ('REPORTED', 'NOTIFIED', 'VERIFIED', 'CLOSED')),
        reporting_unit_id uuid REFERENCES member_unit (id),
        reported_by uuid NOT NULL REFERENCES app_user (id),
        reported_at timestamptz NOT NULL DEFAULT now(),
        responsible_unit_id uuid REFERENCES member_unit (id),
        instructions text,
        return_comment text,
        notified_at timestamptz,
        round integer NOT NULL DEFAULT 0,
        verify_due_on date,
        verify_due_provisional boolean NOT NULL DEFAULT false,
        verified_on_site boolean,
        verification text,
        handling text,
        verified_at timestamptz,
        closing_note text,
        closed_at timestamptz,
        rule text NOT NULL,
        steps jsonb NOT NULL DEFAULT '[]',
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status = 'REPORTED' OR (responsible_unit_id IS NOT NULL AND verify_due_on IS NOT NULL))
      );
      CREATE INDEX sensitive_report_tenant_idx ON sensitive_report (tenant_id, reported_at DESC);
      CREATE INDEX sensitive_report_status_idx ON sensitive_report (tenant_id, status, verify_due_on);
      CREATE INDEX sensitive_report_units_idx ON sensitive_report (tenant_id, responsible_unit_id, reporting_unit_id);

      CREATE TABLE issue_list (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        title text NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        items jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'REVIEWED')),
        recipient_role text,
        instructions text,
        rule text NOT NULL,
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        submitted_by uuid REFERENCES app_user (id),
        submitted_at timestamptz,
        reviewed_by uuid REFERENCES app_user (id),
        reviewed_at timestamptz,
        CHECK (period_end >= period_start),
        CHECK (status = 'DRAFT' OR recipient_role IS NOT NULL)
      );
      CREATE INDEX issue_list_tenant_idx ON issue_list (tenant_id, created_at DESC);
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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS ${[...TABLES].reverse().join(', ')}`);
  }
}
