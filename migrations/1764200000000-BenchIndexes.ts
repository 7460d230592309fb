import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose `<table>_write` policy is `FOR ALL` with a write set contained in the read set. */
const SPLIT = [
  'member_unit',
  'membership_change',
  'notification',
  'app_user',
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
  'sensitive_report',
  'issue_list',
  'calendar_override',
];

interface PolicyRow {
  qual: string;
  with_check: string;
}

/**
 * Found by the benchmark (bench/):
 * - Indexes leading with tenant_id for two lookups that scanned a tenant's rows: a minutes' agreed
 *   items (the per-request loader behind `Minutes.agreedItems`) and the cadence sweep's "a meeting of
 *   this type held in this period".
 * - Cheaper row-level security on reads: a `FOR ALL` write policy also applies to SELECT, so every
 *   read carried `tenant_id = ANY(read set) OR tenant_id = ANY(write set)` — two index scans and two
 *   scope computations per table. The write set is contained in the read set, so splitting each
 *   write policy into INSERT, UPDATE and DELETE policies with the same expressions leaves what each
 *   command may see or change unchanged, and a read evaluates one policy. (user_credential is left
 *   as it is: its write set is not contained in its read set.)
 */
export class BenchIndexes1764200000000 implements MigrationInterface {
  name = 'BenchIndexes1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX agreed_item_minutes_idx ON agreed_item (tenant_id, minutes_id, position);
      CREATE INDEX meeting_held_idx ON meeting (tenant_id, type_code, held_at) WHERE status = 'HELD';
    `);
    for (const table of SPLIT) {
      const [p] = (await q.query(
        `SELECT qual, with_check FROM pg_policies WHERE schemaname = 'public' AND tablename = $1 AND policyname = $2 AND cmd = 'ALL'`,
        [table, `${table}_write`],
      )) as PolicyRow[];
      if (!p) continue;
      await q.query(`
        DROP POLICY ${table}_write ON ${table};
        CREATE POLICY ${table}_insert ON ${table} FOR INSERT WITH CHECK (${p.with_check});
        CREATE POLICY ${table}_update ON ${table} FOR UPDATE USING (${p.qual}) WITH CHECK (${p.with_check});
        CREATE POLICY ${table}_delete ON ${table} FOR DELETE USING (${p.qual});
      `);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of SPLIT) {
      const [p] = (await q.query(
        `SELECT qual, with_check FROM pg_policies WHERE schemaname = 'public' AND tablename = $1 AND policyname = $2`,
        [table, `${table}_update`],
      )) as PolicyRow[];
      if (!p) continue;
      await q.query(`
        DROP POLICY ${table}_insert ON ${table};
        DROP POLICY ${table}_update ON ${table};
        DROP POLICY ${table}_delete ON ${table};
        CREATE POLICY ${table}_write ON ${table} FOR ALL USING (${p.qual}) WITH CHECK (${p.with_check});
      `);
    }
    await q.query(`DROP INDEX IF EXISTS meeting_held_idx; DROP INDEX IF EXISTS agreed_item_minutes_idx;`);
  }
}
