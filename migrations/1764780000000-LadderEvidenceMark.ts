import type { MigrationInterface, QueryRunner } from 'typeorm';
import { catalogQuery } from '../libs/engine/database/distribution.query';
import { citusStatements, distributionPlan, type TableFacts } from '../libs/engine/database/distribution';

/**
 * The supervision tick selects a tenant for its ladder only when the ladder's evidence changed since the
 * ladder last evaluated it (issue 18 item 3; docs/scale.md "Limits"). Before, any published notice or
 * reminder kept a tenant selected every hour, and each hour its ladder re-read them to find nothing new.
 *
 * - `supervision_ladder_evidence(tenant, today)`: a digest (md5) of everything the ladder's rules read for
 *   the tenant — the supervision rules of the tenant and of its ancestors (their snapshots' `supervision`
 *   sections), its published notices, its actions with their status, whether each is past its date and
 *   whether its case is a key case now, its proposals with their status (the evidence already used), its
 *   failed assessments, and its active member units. SECURITY DEFINER (a reminder's case may lie in a
 *   town): it answers a digest only, in the platform scope or for a tenant the transaction may write.
 * - `supervision_ladder_mark`: per tenant, the digest the ladder last evaluated (written by the ladder run
 *   after it marks overdue interviews and before it reads its state, so anything committed while it runs
 *   changes the digest and selects the tenant again; a run that writes steps is selected once more and
 *   then finds nothing). Tenant-owned, row-level security as every tenant table; not audited (a
 *   bookkeeping mark of the sweep, not a fact of the ledger).
 * - `sweep_tenants_supervision` now selects: a regular notice due as a draft **where a unit of the ranked
 *   kinds exists to rank** (before, a tenant with notices due but nobody to rank — the bench's province —
 *   stayed selected every hour); an interview or accountability awaiting rectification past its date (the
 *   run marks it overdue); a flag not yet evaluated; a pending outbox message; and, among the tenants with
 *   ladder evidence (a published notice, a reminder, an overdue interview, an active listing past its time
 *   limit, a failed assessment), those whose digest differs from their mark.
 * - `app_inherited_rules` finds the ancestors by the ids in the tenant's path (primary-key lookups) instead of
 *   testing every tenant against the path (below).
 */
export class LadderEvidenceMark1764780000000 implements MigrationInterface {
  name = 'LadderEvidenceMark1764780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supervision_ladder_mark (
        tenant_id uuid PRIMARY KEY REFERENCES tenant (id),
        evidence text NOT NULL,
        evaluated_at timestamptz NOT NULL
      );
      ALTER TABLE supervision_ladder_mark ENABLE ROW LEVEL SECURITY;
      ALTER TABLE supervision_ladder_mark FORCE ROW LEVEL SECURITY;
      CREATE POLICY supervision_ladder_mark_read ON supervision_ladder_mark FOR SELECT
        USING (tenant_id = ANY ((SELECT app_read_tenants())::uuid[]));
      CREATE POLICY supervision_ladder_mark_insert ON supervision_ladder_mark FOR INSERT
        WITH CHECK (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]));
      CREATE POLICY supervision_ladder_mark_update ON supervision_ladder_mark FOR UPDATE
        USING (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]))
        WITH CHECK (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]));
      GRANT SELECT, INSERT, UPDATE ON supervision_ladder_mark TO jm_app;

      CREATE FUNCTION supervision_ladder_evidence(t uuid, today date) RETURNS text
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT md5(concat_ws('|',
          (SELECT string_agg(a.plugin_id || ':' || coalesce(a.plugin_config -> 'supervision', 'null'::jsonb)::text, ',' ORDER BY length(a.path) DESC)
             FROM tenant_tree me JOIN tenant a ON a.id = ANY (string_to_array(btrim(me.path, '/'), '/')::uuid[]) WHERE me.id = t),
          (SELECT string_agg(n.id::text, ',' ORDER BY n.id) FROM supervision_notice n WHERE n.tenant_id = t AND n.status = 'PUBLISHED'),
          (SELECT string_agg(concat_ws(':', a.id, a.kind, a.status, coalesce((a.due_on < today)::text, '-'), coalesce(c.key_case::text, '-')), ',' ORDER BY a.id)
             FROM supervision_action a LEFT JOIN petition_case c ON c.id = a.case_id WHERE a.tenant_id = t),
          (SELECT string_agg(p.id || ':' || p.status, ',' ORDER BY p.id) FROM supervision_proposal p WHERE p.tenant_id = t),
          (SELECT string_agg(x.id::text, ',' ORDER BY x.id) FROM assessment x WHERE x.tenant_id = t AND NOT x.passed),
          (SELECT string_agg(m.id::text, ',' ORDER BY m.id) FROM member_unit m WHERE m.tenant_id = t AND m.active)))
        WHERE app_is_platform() OR t = ANY (app_write_tenants())
      $$;
      REVOKE ALL ON FUNCTION supervision_ladder_evidence(uuid, date) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION supervision_ladder_evidence(uuid, date) TO jm_app;
    `);
    await q.query(selection(true));
    await q.query(inheritedRules(true));
    await distributeOnCitus(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(inheritedRules(false));
    await q.query(selection(false));
    await q.query(`
      DROP FUNCTION IF EXISTS supervision_ladder_evidence(uuid, date);
      DROP TABLE IF EXISTS supervision_ladder_mark;
    `);
  }
}

/** `sweep_tenants_supervision` with the mark (up) or as 1764770000000-SweepSelection created it (down). */
function selection(marked: boolean): string {
  const due = `EXISTS (SELECT 1 FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(t.plugin_config #> '{supervision,notices,regularPeriods}') = 'array'
                                                               THEN t.plugin_config #> '{supervision,notices,regularPeriods}' ELSE '[]'::jsonb END) p (kind)
                  WHERE NOT EXISTS (SELECT 1 FROM supervision_notice n WHERE n.tenant_id = t.id AND n.kind = 'REGULAR'
                                      AND n.period = p.kind AND n.period_start = (due ->> p.kind)::date))`;
  const rest = `EXISTS (SELECT 1 FROM supervision_flag f WHERE f.tenant_id = t.id AND f.evaluated_at IS NULL)
          OR EXISTS (SELECT 1 FROM outbox_message m WHERE m.tenant_id = t.id AND m.status = 'PENDING')`;
  const where = marked
    ? `-- A regular notice due, where there is a unit to rank (a county before its townships are onboarded, or the
          -- province of the bench, has nobody: drafting writes nothing).
          (${due}
            AND (jsonb_typeof(t.plugin_config #> '{supervision,notices,ranked}') IS DISTINCT FROM 'array'
                 OR EXISTS (SELECT 1 FROM member_unit u WHERE u.tenant_id = t.id AND u.active
                              AND u.kind IN (SELECT jsonb_array_elements_text(t.plugin_config #> '{supervision,notices,ranked}')))))
          -- The run marks these overdue.
          OR EXISTS (SELECT 1 FROM supervision_action a WHERE a.tenant_id = t.id AND a.kind IN ('INTERVIEW', 'ACCOUNTABILITY')
                       AND a.status = 'AWAITING_RECTIFICATION' AND a.due_on < today)
          OR ${rest}
          -- Ladder evidence the ladder has not evaluated as it stands now.
          OR ((EXISTS (SELECT 1 FROM supervision_notice n WHERE n.tenant_id = t.id AND n.status = 'PUBLISHED')
               OR EXISTS (SELECT 1 FROM supervision_action a WHERE a.tenant_id = t.id
                            AND (a.kind = 'REMINDER'
                                 OR (a.kind = 'INTERVIEW' AND a.status = 'OVERDUE')
                                 OR (a.kind = 'LISTING' AND a.status = 'ACTIVE' AND a.due_on < today)))
               OR EXISTS (SELECT 1 FROM assessment x WHERE x.tenant_id = t.id AND NOT x.passed))
              AND supervision_ladder_evidence(t.id, today) IS DISTINCT FROM
                  (SELECT k.evidence FROM supervision_ladder_mark k WHERE k.tenant_id = t.id))`
    : `${due}
          OR EXISTS (SELECT 1 FROM supervision_notice n WHERE n.tenant_id = t.id AND n.status = 'PUBLISHED')
          OR EXISTS (SELECT 1 FROM supervision_action a WHERE a.tenant_id = t.id
                       AND (a.kind = 'REMINDER'
                            OR (a.kind = 'INTERVIEW' AND a.status IN ('AWAITING_RECTIFICATION', 'OVERDUE'))
                            OR (a.kind = 'LISTING' AND a.status = 'ACTIVE' AND a.due_on < today)))
          OR EXISTS (SELECT 1 FROM supervision_flag f WHERE f.tenant_id = t.id AND f.evaluated_at IS NULL)
          OR EXISTS (SELECT 1 FROM assessment x WHERE x.tenant_id = t.id AND NOT x.passed)
          OR EXISTS (SELECT 1 FROM outbox_message m WHERE m.tenant_id = t.id AND m.status = 'PENDING')`;
  return `
      CREATE OR REPLACE FUNCTION sweep_tenants_supervision(today date, due jsonb) RETURNS SETOF uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT t.id FROM tenant t
        WHERE app_is_platform() AND (
          ${where})
        ORDER BY t.path
      $$;`;
}

/**
 * `app_inherited_rules` (1764000000000-Cases) found a tenant's ancestors by testing every tenant's id against its
 * path (`me.path LIKE '%/' || a.id || '/%'`): a scan of all 1,601 tenants reading each one's plugin snapshot
 * (TOASTed, 5–6 KB) for `appliesToDescendants` — 40–46 ms per call at `full`, once per tenant in each
 * supervision and cases sweep (pg_stat_statements: 19.9 s of the supervision sweep's first run). The ancestors
 * are the ids in the path: looked up by primary key now (0.1 ms), the same rows in the same order.
 */
function inheritedRules(byPath: boolean): string {
  const join = byPath
    ? `a.id = ANY (string_to_array(btrim(me.path, '/'), '/')::uuid[]) AND me.path LIKE '%/' || a.id || '/%' AND a.id <> me.id`
    : `me.path LIKE '%/' || a.id || '/%' AND a.id <> me.id`;
  return `
      CREATE OR REPLACE FUNCTION app_inherited_rules(t uuid) RETURNS TABLE (tenant_id uuid, plugin_id text, level text, cases jsonb, supervision jsonb)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT a.id, a.plugin_id, a.level, a.plugin_config -> 'cases', a.plugin_config -> 'supervision'
        FROM tenant_tree me JOIN tenant a ON ${join}
        WHERE me.id = t AND (a.plugin_config -> 'supervision' ->> 'appliesToDescendants')::boolean
        ORDER BY length(a.path) DESC
      $$;`;
}

/** On Citus, the new table is distributed by tenant_id like every tenant table (1764740100000). */
async function distributeOnCitus(q: QueryRunner): Promise<void> {
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
