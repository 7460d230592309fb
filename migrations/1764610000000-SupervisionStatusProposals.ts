import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The superiors' view shows the ladder's proposals (issue 13 item 9): per tenant, the steps proposed
 * and awaiting the office, confirmed and dismissed, in total and by step (REMINDER_OR_INTERVIEW,
 * LISTED_SUPERVISION, …). A proposal counts for the tenant it is about — `coalesce(target_tenant_id,
 * tenant_id)`, like an action: a county's proposal to list a township's case counts for the township.
 *
 * Additive: three integer columns and a jsonb breakdown on `supervision_status`; a watcher on
 * `supervision_proposal` (statement-level, transition tables, as for the other watched tables) recounts
 * the new part 'proposals'. The recount function is wrapped, not rewritten: the landed
 * `supervision_status_recount` is renamed `supervision_status_recount_base` and a new
 * `supervision_status_recount` calls it (which creates and locks the row) and then, for 'proposals' or
 * 'all', recounts the proposals under the same lock — so the daily refresh and a new tenant's row
 * include them. `supervision_status_proposals` lists the proposals behind a number to whoever may read
 * the tenant (a township cannot read the county's rows), as `supervision_status_actions` does.
 */
export class SupervisionStatusProposals1764610000000 implements MigrationInterface {
  name = 'SupervisionStatusProposals1764610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE supervision_status
        ADD COLUMN proposed_steps integer NOT NULL DEFAULT 0,
        ADD COLUMN confirmed_steps integer NOT NULL DEFAULT 0,
        ADD COLUMN dismissed_steps integer NOT NULL DEFAULT 0,
        ADD COLUMN steps_by_kind jsonb NOT NULL DEFAULT '[]';
      CREATE INDEX supervision_proposal_subject_idx ON supervision_proposal ((coalesce(target_tenant_id, tenant_id)), status);

      ALTER FUNCTION supervision_status_recount(uuid, text, date) RENAME TO supervision_status_recount_base;

      CREATE FUNCTION supervision_status_recount(t uuid, part text, new_as_of date DEFAULT NULL) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        -- The base creates the row if missing and locks it; what follows runs under that lock.
        PERFORM supervision_status_recount_base(t, part, new_as_of);
        IF t IS NULL OR part NOT IN ('proposals', 'all') THEN RETURN; END IF;
        UPDATE supervision_status s SET proposed_steps = p.proposed, confirmed_steps = p.confirmed, dismissed_steps = p.dismissed,
               steps_by_kind = p.by_kind, updated_at = now()
        FROM (SELECT coalesce(sum(k.proposed), 0)::int AS proposed, coalesce(sum(k.confirmed), 0)::int AS confirmed,
                     coalesce(sum(k.dismissed), 0)::int AS dismissed,
                     coalesce(jsonb_agg(jsonb_build_object('step', k.step, 'proposed', k.proposed, 'confirmed', k.confirmed, 'dismissed', k.dismissed) ORDER BY k.step), '[]') AS by_kind
              FROM (SELECT x.step, count(*) FILTER (WHERE x.status = 'PROPOSED') AS proposed,
                           count(*) FILTER (WHERE x.status = 'CONFIRMED') AS confirmed,
                           count(*) FILTER (WHERE x.status = 'DISMISSED') AS dismissed
                    FROM supervision_proposal x WHERE coalesce(x.target_tenant_id, x.tenant_id) = t
                    GROUP BY x.step) k) p
        WHERE s.tenant_id = t;
      END $$;
      REVOKE ALL ON FUNCTION supervision_status_recount(uuid, text, date) FROM PUBLIC;

      CREATE FUNCTION supervision_status_on_supervision_proposal() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE t uuid;
      BEGIN
        IF TG_OP = 'INSERT' THEN
          FOR t IN SELECT DISTINCT coalesce(r.target_tenant_id, r.tenant_id) FROM new_rows r ORDER BY 1 LOOP
            PERFORM supervision_status_recount(t, 'proposals');
          END LOOP;
        ELSIF TG_OP = 'DELETE' THEN
          FOR t IN SELECT DISTINCT coalesce(r.target_tenant_id, r.tenant_id) FROM old_rows r ORDER BY 1 LOOP
            PERFORM supervision_status_recount(t, 'proposals');
          END LOOP;
        ELSE
          FOR t IN SELECT DISTINCT x FROM (
              SELECT coalesce(n.target_tenant_id, n.tenant_id) FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
              WHERE (n.tenant_id, n.target_tenant_id, n.step, n.status) IS DISTINCT FROM (o.tenant_id, o.target_tenant_id, o.step, o.status)
              UNION ALL
              SELECT coalesce(o.target_tenant_id, o.tenant_id) FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
              WHERE (n.tenant_id, n.target_tenant_id, n.step, n.status) IS DISTINCT FROM (o.tenant_id, o.target_tenant_id, o.step, o.status)
            ) s (x) WHERE x IS NOT NULL ORDER BY 1 LOOP
            PERFORM supervision_status_recount(t, 'proposals');
          END LOOP;
        END IF;
        RETURN NULL;
      END $$;
      REVOKE ALL ON FUNCTION supervision_status_on_supervision_proposal() FROM PUBLIC;
      CREATE TRIGGER supervision_status_insert AFTER INSERT ON supervision_proposal REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION supervision_status_on_supervision_proposal();
      CREATE TRIGGER supervision_status_update AFTER UPDATE ON supervision_proposal REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION supervision_status_on_supervision_proposal();
      CREATE TRIGGER supervision_status_delete AFTER DELETE ON supervision_proposal REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION supervision_status_on_supervision_proposal();

      -- The proposals behind a tenant's numbers, for whoever may read that tenant (no personal data:
      -- the rule, the step, the unit, the case number, the decision's kind).
      CREATE FUNCTION supervision_status_proposals(t uuid, proposal_status text, lim integer, skip integer)
      RETURNS TABLE (id uuid, rule_id text, rule_source text, step text, status text, proposed_at timestamptz, decided_at timestamptz,
                     decided_kind text, unit_name text, case_number text, action_number text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT p.id, p.rule_id, p.rule_source, p.step, p.status, p.proposed_at, p.decided_at, p.decision ->> 'kind', u.name, c.number, a.number
        FROM supervision_proposal p
        LEFT JOIN member_unit u ON u.id = p.target_unit_id
        LEFT JOIN petition_case c ON c.id = p.case_id
        LEFT JOIN supervision_action a ON a.tenant_id = p.tenant_id AND a.id = p.action_id
        WHERE t = ANY ((SELECT app_read_tenants())::uuid[])
          AND coalesce(p.target_tenant_id, p.tenant_id) = t AND p.status = proposal_status
        ORDER BY p.proposed_at DESC, p.id
        LIMIT lim OFFSET skip
      $$;
      REVOKE ALL ON FUNCTION supervision_status_proposals(uuid, text, integer, integer) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION supervision_status_proposals(uuid, text, integer, integer) TO jm_app;
    `);
    await q.query(`SELECT supervision_status_recount(id, 'proposals') FROM tenant ORDER BY id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION IF EXISTS supervision_status_proposals(uuid, text, integer, integer);
      DROP TRIGGER IF EXISTS supervision_status_insert ON supervision_proposal;
      DROP TRIGGER IF EXISTS supervision_status_update ON supervision_proposal;
      DROP TRIGGER IF EXISTS supervision_status_delete ON supervision_proposal;
      DROP FUNCTION IF EXISTS supervision_status_on_supervision_proposal();
      DROP FUNCTION IF EXISTS supervision_status_recount(uuid, text, date);
      ALTER FUNCTION supervision_status_recount_base(uuid, text, date) RENAME TO supervision_status_recount;
      DROP INDEX IF EXISTS supervision_proposal_subject_idx;
      ALTER TABLE supervision_status DROP COLUMN steps_by_kind, DROP COLUMN dismissed_steps, DROP COLUMN confirmed_steps, DROP COLUMN proposed_steps;
    `);
  }
}
