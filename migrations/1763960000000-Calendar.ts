import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The working-day calendar as data: national arrangements loaded by an operator (a year the bundled
 * package does not cover yet) and each tenant's local overrides.
 */
export class Calendar1763960000000 implements MigrationInterface {
  name = 'Calendar1763960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- National reference data: readable by every tenant, written only in platform scope.
      CREATE TABLE calendar_year (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        holidays date[] NOT NULL,
        workdays date[] NOT NULL,
        source text NOT NULL,
        loaded_at timestamptz NOT NULL DEFAULT now()
      );
      ALTER TABLE calendar_year ENABLE ROW LEVEL SECURITY;
      ALTER TABLE calendar_year FORCE ROW LEVEL SECURITY;
      CREATE POLICY calendar_year_read ON calendar_year FOR SELECT USING (true);
      CREATE POLICY calendar_year_write ON calendar_year FOR ALL USING ((SELECT app_is_platform())) WITH CHECK ((SELECT app_is_platform()));
      GRANT SELECT, INSERT, UPDATE ON calendar_year TO jm_app;

      CREATE TABLE calendar_override (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        date date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('WORKDAY', 'HOLIDAY')),
        reason text NOT NULL,
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, date)
      );
      ALTER TABLE calendar_override ENABLE ROW LEVEL SECURITY;
      ALTER TABLE calendar_override FORCE ROW LEVEL SECURITY;
      CREATE POLICY calendar_override_read ON calendar_override FOR SELECT USING (tenant_id = ANY ((SELECT app_read_tenants())::uuid[]));
      CREATE POLICY calendar_override_write ON calendar_override FOR ALL
        USING (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]))
        WITH CHECK (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]));
      GRANT SELECT, INSERT, UPDATE, DELETE ON calendar_override TO jm_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS calendar_override, calendar_year`);
  }
}
