import type { MigrationInterface, QueryRunner } from 'typeorm';
import { catalogQuery } from '../libs/engine/database/distribution.query';
import { citusStatements, distributionPlan, type TableFacts } from '../libs/engine/database/distribution';

/** New tenant-owned tables (parents first; down drops them in reverse). */
const TABLES = ['case_area_cadre', 'case_area_screening'];

/**
 * 002 六(三) (实行干部包片排查矛盾纠纷机制): the register of cadres and the area (片: a village or community
 * member unit) each covers — one current cadre per area, a reassignment ends the earlier row, so changes
 * are kept — and the screening a cadre records for an area and period (the disputes found, each a case
 * registered through the intake or a note of its resolution on the spot). Keyed (tenant_id, id), RLS
 * enabled and forced, audited, like every tenant table; nothing is deleted. On Citus the two tables are
 * distributed by tenant_id here (created after 1764740100000: docs/scale.md).
 */
export class CaseAreaScreening1764710300000 implements MigrationInterface {
  name = 'CaseAreaScreening1764710300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_area_cadre (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        area_unit_id uuid NOT NULL,
        cadre_user_id uuid NOT NULL,
        assigned_by uuid NOT NULL,
        assigned_at timestamptz NOT NULL,
        ended_at timestamptz,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE UNIQUE INDEX case_area_cadre_current_idx ON case_area_cadre (tenant_id, area_unit_id) WHERE ended_at IS NULL;

      CREATE TABLE case_area_screening (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        area_unit_id uuid NOT NULL,
        cadre_user_id uuid NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        disputes jsonb NOT NULL DEFAULT '[]',
        rule text NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT case_area_screening_period_unique UNIQUE (tenant_id, area_unit_id, period_start)
      );
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
    const citus: unknown[] = await q.query(`SELECT 1 FROM pg_extension WHERE extname = 'citus'`);
    if (!citus.length) return;
    const existing: { t: string }[] = await q.query(`SELECT logicalrelid::regclass::text AS t FROM pg_dist_partition`);
    const plan = distributionPlan((await q.query(catalogQuery)) as TableFacts[]);
    for (const statement of citusStatements(
      plan,
      existing.map((r) => r.t),
    ))
      await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS ${[...TABLES].reverse().join(', ')}`);
  }
}
