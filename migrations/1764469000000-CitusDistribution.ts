import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Once: on Citus, distributed every tenant table by tenant_id from the catalog. It ran before the tenant
 * tables were keyed by (tenant_id, id) and so, on Citus, always refused (naming the tables that broke
 * the key rules); on plain PostgreSQL and the embedded database it did nothing. The distribution now
 * happens after the key rewrite, in 1764740100000-DistributeByTenant, and this step is a no-op
 * everywhere. Edited after landing, deliberately: no database can have recorded it as having done
 * anything (docs/scale.md, "Migrations").
 */
export class CitusDistribution1764469000000 implements MigrationInterface {
  name = 'CitusDistribution1764469000000';

  async up(): Promise<void> {
    // Nothing: see 1764740100000-DistributeByTenant.
  }

  async down(q: QueryRunner): Promise<void> {
    if (!(await citusInstalled(q))) return;
    // One at a time: undistributing a table also undistributes the tables its foreign keys reach.
    for (;;) {
      const [next]: { t: string }[] = await q.query(
        `SELECT logicalrelid::regclass::text AS t FROM pg_dist_partition ORDER BY 1 LIMIT 1`,
      );
      if (!next) return;
      await q.query(`SELECT undistribute_table($1::regclass, cascade_via_foreign_keys => true)`, [next.t]);
    }
  }
}

async function citusInstalled(q: QueryRunner): Promise<boolean> {
  const rows: unknown[] = await q.query(`SELECT 1 FROM pg_extension WHERE extname = 'citus'`);
  return rows.length > 0;
}
