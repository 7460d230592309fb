import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Key cases (重点案件, 003 §二, §五) as an explicit flag on the case (issue 13 item 4): `key_case` with
 * its basis — RULE (the plugin's `cases.keyCases`: a case whose required ownership tier it lists, from
 * reception) or OFFICE (marked or unmarked by the office with a reason) — the rule or reason, and since
 * when. Every change is also a step of the case's visible history (KEY_CASE_MARKED / KEY_CASE_UNMARKED).
 * The ladder's `about: KEY_CASE` counts reminders about key cases only. Additive; the table's RLS and
 * audit trail already cover the new columns. Existing cases start as not key (nothing is inferred
 * backwards: a county marks its current key cases, or they become key by rule as they are received).
 *
 * 003 §五 挂牌督办事项纳入重点调度、专项督导和实地督查范围 (003-23): a listing records the plugin's
 * `listedSupervision.scope` in its detail; `supervision_status_actions` (the superiors' drill-down) now
 * also returns that scope and whether the listed case is a key case (recreated: its result type grows).
 */
export class KeyCasesListingScope1764610001000 implements MigrationInterface {
  name = 'KeyCasesListingScope1764610001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE petition_case
        ADD COLUMN key_case boolean NOT NULL DEFAULT false,
        ADD COLUMN key_case_basis text CHECK (key_case_basis IN ('RULE', 'OFFICE')),
        ADD COLUMN key_case_rule text,
        ADD COLUMN key_case_since timestamptz;
      CREATE INDEX petition_case_key_idx ON petition_case (tenant_id, status) WHERE key_case;
      DROP FUNCTION supervision_status_actions(uuid, text, text, integer, integer);
      CREATE FUNCTION supervision_status_actions(t uuid, action_kind text, action_status text, lim integer, skip integer)
      RETURNS TABLE (id uuid, number text, status text, current_step text, due_on date, opened_at timestamptz, rule_source text, unit_name text, case_number text,
                     scope text[], key_case boolean)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT a.id, a.number, a.status, a.current_step, a.due_on, a.opened_at, a.rule_source, u.name, c.number,
               coalesce(ARRAY(SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(a.detail -> 'scope') = 'array' THEN a.detail -> 'scope' ELSE '[]'::jsonb END)), '{}'),
               c.key_case
        FROM supervision_action a
        LEFT JOIN member_unit u ON u.id = a.target_unit_id
        LEFT JOIN petition_case c ON c.id = a.case_id
        WHERE t = ANY ((SELECT app_read_tenants())::uuid[])
          AND coalesce(a.target_tenant_id, a.tenant_id) = t AND a.kind = action_kind AND a.status = action_status
        ORDER BY a.due_on ASC NULLS LAST, a.opened_at, a.id
        LIMIT lim OFFSET skip
      $$;
      REVOKE ALL ON FUNCTION supervision_status_actions(uuid, text, text, integer, integer) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION supervision_status_actions(uuid, text, text, integer, integer) TO jm_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION supervision_status_actions(uuid, text, text, integer, integer);
      CREATE FUNCTION supervision_status_actions(t uuid, action_kind text, action_status text, lim integer, skip integer)
      RETURNS TABLE (id uuid, number text, status text, current_step text, due_on date, opened_at timestamptz, rule_source text, unit_name text, case_number text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT a.id, a.number, a.status, a.current_step, a.due_on, a.opened_at, a.rule_source, u.name, c.number
        FROM supervision_action a
        LEFT JOIN member_unit u ON u.id = a.target_unit_id
        LEFT JOIN petition_case c ON c.id = a.case_id
        WHERE t = ANY ((SELECT app_read_tenants())::uuid[])
          AND coalesce(a.target_tenant_id, a.tenant_id) = t AND a.kind = action_kind AND a.status = action_status
        ORDER BY a.due_on ASC NULLS LAST, a.opened_at, a.id
        LIMIT lim OFFSET skip
      $$;
      REVOKE ALL ON FUNCTION supervision_status_actions(uuid, text, text, integer, integer) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION supervision_status_actions(uuid, text, text, integer, integer) TO jm_app;
      DROP INDEX IF EXISTS petition_case_key_idx;
      ALTER TABLE petition_case DROP COLUMN key_case_since, DROP COLUMN key_case_rule, DROP COLUMN key_case_basis, DROP COLUMN key_case;
    `);
  }
}
