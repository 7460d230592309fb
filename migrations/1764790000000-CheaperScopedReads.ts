import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What row-level security and the status triggers cost the province sweeps (issue 18 item 3), measured with
 * pg_stat_statements at `full` (docs/benchmarks.md, 2026-12-06):
 *
 * - `app_read_tenants()` is evaluated once per table reference and statement (an init plan of every read
 *   policy). In a tree scope (a county's or the province's jobs and readers) it found the subtree with
 *   `path LIKE <its path> || '%'`: a pattern known only at run time uses no index, so each call scanned
 *   the 1,601 rows of tenant_tree and planned its SQL body again — 0.1–0.6 ms a statement, 26,198 calls in
 *   one run of the two sweeps. Now a PL/pgSQL function (its plan kept per session) bounds the path as a
 *   range the text_pattern_ops index serves (`~>=~ path AND ~<~ path || U+10FFFF`, the LIKE kept as the
 *   exact test): the same tenants, 0.04 ms a call.
 * - A `FOR ALL` write policy also applies to SELECT: every read of those tables carried
 *   `tenant_id = ANY(read set) OR tenant_id = ANY(write set)`, which the planner turned into a BitmapOr of
 *   two index scans ANDed with the real condition (the supervision metrics' read of each township's cases
 *   scanned the county's 10,000 case ids once per township). As migration 1764200000000 did for the
 *   tables of its day, each such policy of the tables created since is split into INSERT, UPDATE and DELETE
 *   policies with the same expressions (the write set is contained in the read set): what each command may
 *   see or change is unchanged, and a read evaluates one policy.
 * - The status recount on `supervision_notice_entry` ran for every entry written, also of a draft: the
 *   sweep's 300 drafts at `full` recounted 4,500 townships' rank (a row lock and an UPDATE each) that only a
 *   published notice can change (`supervision_status_recount_base` reads published REGULAR notices). Entries
 *   of a notice that is not published recount nothing now; publishing recounts (the notice's own trigger),
 *   and an entry whose notice is gone or published recounts as before.
 */
export class CheaperScopedReads1764790000000 implements MigrationInterface {
  name = 'CheaperScopedReads1764790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION app_read_tenants() RETURNS uuid[] LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
      BEGIN
        RETURN CASE WHEN coalesce(current_setting('app.tree', true), '') = 'on'
          THEN ARRAY(SELECT t.id FROM tenant_tree p
                       JOIN tenant_tree t ON t.path ~>=~ p.path AND t.path ~<~ (p.path || chr(1114111)) AND t.path LIKE p.path || '%'
                      WHERE p.id = app_tenant_id())
          ELSE ARRAY[app_tenant_id()] END || app_extra_tenants();
      END $$;
    `);
    for (const table of await splittable(q)) {
      await q.query(`
        DROP POLICY ${table}_write ON ${table};
        CREATE POLICY ${table}_insert ON ${table} FOR INSERT WITH CHECK (${WRITE});
        CREATE POLICY ${table}_update ON ${table} FOR UPDATE USING (${WRITE}) WITH CHECK (${WRITE});
        CREATE POLICY ${table}_delete ON ${table} FOR DELETE USING (${WRITE});
      `);
    }
    await q.query(
      entryWatcher(
        `AND NOT EXISTS (SELECT 1 FROM supervision_notice n WHERE n.id = r.notice_id AND n.status <> 'PUBLISHED')`,
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(entryWatcher(''));
    for (const table of SPLIT) {
      const [split] = (await q.query(
        `SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = $1 AND policyname = $2`,
        [table, `${table}_update`],
      )) as unknown[];
      if (!split) continue;
      await q.query(`
        DROP POLICY ${table}_insert ON ${table};
        DROP POLICY ${table}_update ON ${table};
        DROP POLICY ${table}_delete ON ${table};
        CREATE POLICY ${table}_write ON ${table} FOR ALL USING (${WRITE}) WITH CHECK (${WRITE});
      `);
    }
    await q.query(`
      CREATE OR REPLACE FUNCTION app_read_tenants() RETURNS uuid[] LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN coalesce(current_setting('app.tree', true), '') = 'on'
          THEN ARRAY(SELECT t.id FROM tenant_tree t
                     WHERE t.path LIKE (SELECT p.path FROM tenant_tree p WHERE p.id = app_tenant_id()) || '%')
          ELSE ARRAY[app_tenant_id()] END || app_extra_tenants()
      $$;
    `);
  }
}

const WRITE = `tenant_id = ANY ((SELECT app_write_tenants())::uuid[])`;

/** The tables whose `<table>_write` policy was still `FOR ALL` on the write set with a read policy on the read set. */
const SPLIT = [
  'assessment',
  'briefing',
  'briefing_recipient',
  'case_area_cadre',
  'case_area_screening',
  'case_event',
  'case_extension',
  'case_ledger_entry',
  'case_line',
  'case_link',
  'case_petitioner',
  'case_progress_report',
  'case_review',
  'case_screening',
  'case_screening_run',
  'case_sequence',
  'case_working_group',
  'case_working_group_case',
  'document_counter',
  'inspection',
  'inspection_finding',
  'meeting_topic',
  'member_person',
  'member_person_change',
  'member_unit_proposal',
  'outbox_message',
  'petition_case',
  'reception_roster',
  'supervision_action',
  'supervision_flag',
  'supervision_notice',
  'supervision_notice_entry',
  'supervision_proposal',
  'supervision_sequence',
  'work_plan',
  'work_plan_point',
  'work_plan_point_item',
];

/**
 * The tables of SPLIT whose policies are still exactly those forms here (a table missing or changed since is
 * left alone): the write policy `FOR ALL` on the write set, the read policy on the read set, which contains it.
 */
async function splittable(q: QueryRunner): Promise<string[]> {
  const rows: { tablename: string }[] = await q.query(
    `SELECT w.tablename FROM pg_policies w JOIN pg_policies r ON r.schemaname = w.schemaname AND r.tablename = w.tablename
      WHERE w.schemaname = 'public' AND w.tablename = ANY($1::text[]) AND w.policyname = w.tablename || '_write' AND w.cmd = 'ALL'
        AND w.qual = w.with_check AND w.qual = '(tenant_id = ANY (( SELECT app_write_tenants() AS app_write_tenants)::uuid[]))'
        AND r.policyname = r.tablename || '_read' AND r.cmd = 'SELECT'
        AND r.qual = '(tenant_id = ANY (( SELECT app_read_tenants() AS app_read_tenants)::uuid[]))'
      ORDER BY 1`,
    [SPLIT],
  );
  return rows.map((r) => r.tablename);
}

/** The rank recount of notice entries (as migration 1764150000000 generates it), with `filter` on each entry `r`. */
function entryWatcher(filter: string): string {
  const loop = (query: string): string => `
    FOR t IN SELECT DISTINCT x FROM (${query}) s (x) WHERE x IS NOT NULL ORDER BY 1 LOOP
      PERFORM supervision_status_recount(t, 'rank');
    END LOOP;`;
  const moved = `FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (n.target_tenant_id, n.notice_id, n.rank, n.ranked_of) IS DISTINCT FROM (o.target_tenant_id, o.notice_id, o.rank, o.ranked_of)`;
  const of = (rel: string): string => `SELECT r.target_tenant_id FROM ${rel} r WHERE true ${filter}`;
  return `
    CREATE OR REPLACE FUNCTION supervision_status_on_supervision_notice_entry() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
    DECLARE t uuid;
    BEGIN
      IF TG_OP = 'INSERT' THEN ${loop(of('new_rows'))}
      ELSIF TG_OP = 'DELETE' THEN ${loop(of('old_rows'))}
      ELSE ${loop(`${of(`(SELECT n.* ${moved})`)} UNION ALL ${of(`(SELECT o.* ${moved})`)}`)}
      END IF;
      RETURN NULL;
    END $$;`;
}
