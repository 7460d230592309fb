import type { MigrationInterface, QueryRunner } from 'typeorm';
import { catalogQuery } from '../libs/engine/database/distribution.query';
import { citusStatements, distributionPlan, type TableFacts } from '../libs/engine/database/distribution';

/**
 * On Citus (the `citus` extension installed in this database: docker/compose.citus.yml), distributes
 * every tenant table by tenant_id and makes the global tables reference tables, now that the keys follow
 * the rules (1764740000000-TenantKeys); on plain PostgreSQL and the embedded database it does nothing.
 * Tables already distributed (pg_dist_partition) are left as they are. It refuses, naming them, while
 * any table breaks the rules. (1764469000000 once made the same call before the keys were rewritten;
 * it is a no-op now: docs/scale.md, "Order of the migrations on Citus".)
 */
export class DistributeByTenant1764740100000 implements MigrationInterface {
  name = 'DistributeByTenant1764740100000';

  async up(q: QueryRunner): Promise<void> {
    if (!(await citusInstalled(q))) return;
    const existing: { t: string }[] = await q.query(`SELECT logicalrelid::regclass::text AS t FROM pg_dist_partition`);
    const plan = distributionPlan((await q.query(catalogQuery)) as TableFacts[]);
    for (const statement of citusStatements(
      plan,
      existing.map((r) => r.t),
    ))
      await q.query(statement);
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
