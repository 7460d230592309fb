import type { MigrationInterface, QueryRunner } from 'typeorm';
import { catalogQuery } from '../libs/engine/database/distribution.query';
import { citusStatements, distributionPlan, type TableFacts } from '../libs/engine/database/distribution';

/**
 * On Citus (the `citus` extension installed in this database: docker/compose.citus.yml), distributes
 * every tenant table by tenant_id and makes the global tables reference tables, from the catalog; on
 * plain PostgreSQL and the embedded database it does nothing. It refuses, naming them, while tenant
 * tables break the key rules (libs/engine/database/distribution.ts; docs/scale.md).
 */
export class CitusDistribution1764469000000 implements MigrationInterface {
  name = 'CitusDistribution1764469000000';

  async up(q: QueryRunner): Promise<void> {
    if (!(await citusInstalled(q))) return;
    const plan = distributionPlan((await q.query(catalogQuery)) as TableFacts[]);
    for (const statement of citusStatements(plan)) await q.query(statement);
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
