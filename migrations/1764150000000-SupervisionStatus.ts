import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A table the status recount watches: which part of a tenant's row its writes change, which tenant
 * a row of it is about (`tenantOf(r)` — an SQL expression over the row alias `r`, or a join), and the
 * columns whose change matters (an UPDATE touching none of them recounts nothing).
 */
interface Watched {
  table: string;
  part: 'cases' | 'actions' | 'rank' | 'cadence' | 'items';
  /** SELECT list producing tenant ids from the rows in `rel` (aliased `r`). */
  tenantsOf: (rel: string) => string;
  relevant: string[];
}

const direct = (expr: string) => (rel: string) => `SELECT ${expr} FROM ${rel} r`;

const WATCHED: Watched[] = [
  {
    table: 'petition_case',
    part: 'cases',
    tenantsOf: direct('r.tenant_id'),
    relevant: ['tenant_id', 'status', 'due_on'],
  },
  // An action is about the child tenant it targets (a county listing its township) or, with none, its own tenant.
  {
    table: 'supervision_action',
    part: 'actions',
    tenantsOf: direct('coalesce(r.target_tenant_id, r.tenant_id)'),
    relevant: ['tenant_id', 'target_tenant_id', 'kind', 'status'],
  },
  {
    table: 'supervision_notice_entry',
    part: 'rank',
    tenantsOf: direct('r.target_tenant_id'),
    relevant: ['target_tenant_id', 'notice_id', 'rank', 'ranked_of'],
  },
  {
    table: 'supervision_notice',
    part: 'rank',
    tenantsOf: (rel) => `SELECT e.target_tenant_id FROM ${rel} r JOIN supervision_notice_entry e ON e.notice_id = r.id`,
    relevant: ['kind', 'status', 'number', 'period', 'period_start', 'period_end', 'published_at'],
  },
  { table: 'cadence_obligation', part: 'cadence', tenantsOf: direct('r.tenant_id'), relevant: ['tenant_id', 'status'] },
  { table: 'agreed_item', part: 'items', tenantsOf: direct('r.tenant_id'), relevant: ['tenant_id', 'status'] },
];

const OPS = ['insert', 'update', 'delete'] as const;

/** The statement-level trigger function of one watched table: recounts each affected tenant once per statement. */
function watcherFunction(w: Watched): string {
  const loop = (query: string) => `
    FOR t IN SELECT DISTINCT x FROM (${query}) s (x) WHERE x IS NOT NULL ORDER BY 1 LOOP
      PERFORM supervision_status_recount(t, '${w.part}');
    END LOOP;`;
  const changed = w.relevant.map((c) => `n.${c}`).join(', ');
  const before = w.relevant.map((c) => `o.${c}`).join(', ');
  const moved = `FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (${changed}) IS DISTINCT FROM (${before})`;
  return `
    CREATE FUNCTION supervision_status_on_${w.table}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
    DECLARE t uuid;
    BEGIN
      IF TG_OP = 'INSERT' THEN ${loop(w.tenantsOf('new_rows'))}
      ELSIF TG_OP = 'DELETE' THEN ${loop(w.tenantsOf('old_rows'))}
      ELSE ${loop(`${w.tenantsOf(`(SELECT n.* ${moved})`)} UNION ALL ${w.tenantsOf(`(SELECT o.* ${moved})`)}`)}
      END IF;
      RETURN NULL;
    END $$;
    REVOKE ALL ON FUNCTION supervision_status_on_${w.table}() FROM PUBLIC;
    CREATE TRIGGER supervision_status_insert AFTER INSERT ON ${w.table} REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION supervision_status_on_${w.table}();
    CREATE TRIGGER supervision_status_update AFTER UPDATE ON ${w.table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION supervision_status_on_${w.table}();
    CREATE TRIGGER supervision_status_delete AFTER DELETE ON ${w.table} REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION supervision_status_on_${w.table}();`;
}

/**
 * The superiors' view (issue 6 item 5): one row per tenant with its open and overdue cases, active
 * listings, interviews awaiting rectification, latest rank, cadence compliance and agreed-item
 * completion, so `supervisionStatus` over a province reads ~1,500 rows instead of scanning the ledger.
 *
 * Maintained incrementally: statement-level AFTER triggers (with transition tables, so a bulk write
 * recounts each tenant once) on petition_case, supervision_action, supervision_notice(_entry),
 * cadence_obligation and agreed_item call `supervision_status_recount(tenant, part)`, which locks the
 * tenant's row first (concurrent writers of one tenant serialise there, and each recount — a fresh
 * snapshot per statement in READ COMMITTED — sees the other's committed rows) and recounts only the
 * affected part with index-backed counts. "Overdue" depends on the calendar, not on writes: it is
 * counted against the row's `overdue_as_of`, which the daily job moves forward
 * (`supervision_status_refresh`, a full recount that also heals any drift).
 *
 * RLS: `tenant_id` is the tenant the row is about, read through `app_read_tenants()` like every
 * tenant-owned table (a town reads its row, a county its descendants'). The app role may only read:
 * rows are written by the SECURITY DEFINER functions, which, like `audit_record`, rely on the owner
 * bypassing RLS. Not audited: the row is derived data, recomputable at any time from audited tables.
 */
export class SupervisionStatus1764150000000 implements MigrationInterface {
  name = 'SupervisionStatus1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supervision_status (
        tenant_id uuid PRIMARY KEY REFERENCES tenant (id),
        code text NOT NULL,
        name text NOT NULL,
        level text NOT NULL,
        parent_id uuid,
        path text NOT NULL,
        open_cases integer NOT NULL DEFAULT 0,
        overdue_cases integer NOT NULL DEFAULT 0,
        overdue_as_of date NOT NULL,
        listed_cases integer NOT NULL DEFAULT 0,
        interviews_awaiting_rectification integer NOT NULL DEFAULT 0,
        latest_rank integer,
        latest_ranked_of integer,
        latest_rank_notice_id uuid,
        latest_rank_notice_number text,
        latest_rank_period text,
        latest_rank_period_start date,
        latest_rank_period_end date,
        latest_rank_published_at timestamptz,
        cadence_met integer NOT NULL DEFAULT 0,
        cadence_due integer NOT NULL DEFAULT 0,
        cadence_ratio numeric(5, 4),
        agreed_items_done integer NOT NULL DEFAULT 0,
        agreed_items_total integer NOT NULL DEFAULT 0,
        agreed_items_ratio numeric(5, 4),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      -- The view is asked for a subtree (path prefix), often one parent's children, worst first.
      CREATE INDEX supervision_status_path_idx ON supervision_status (path text_pattern_ops);
      CREATE INDEX supervision_status_parent_idx ON supervision_status (parent_id, name, tenant_id);
      CREATE INDEX supervision_status_overdue_idx ON supervision_status (overdue_cases DESC, tenant_id);
      -- The recount of listings and interviews asks by the tenant an action is about.
      CREATE INDEX supervision_action_subject_idx ON supervision_action ((coalesce(target_tenant_id, tenant_id)), kind, status);

      ALTER TABLE supervision_status ENABLE ROW LEVEL SECURITY;
      ALTER TABLE supervision_status FORCE ROW LEVEL SECURITY;
      CREATE POLICY supervision_status_read ON supervision_status FOR SELECT USING (tenant_id = ANY ((SELECT app_read_tenants())::uuid[]));
      GRANT SELECT ON supervision_status TO jm_app;
    `);

    await q.query(`
      -- Recounts one part ('cases', 'actions', 'rank', 'cadence', 'items', or 'all') of a tenant's row,
      -- creating the row if missing; with new_as_of, first moves the date overdue is counted against.
      CREATE FUNCTION supervision_status_recount(t uuid, part text, new_as_of date DEFAULT NULL) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE as_of date;
      BEGIN
        IF t IS NULL THEN RETURN; END IF;
        INSERT INTO supervision_status (tenant_id, code, name, level, parent_id, path, overdue_as_of)
          SELECT x.id, x.code, x.name, x.level, x.parent_id, x.path, coalesce(new_as_of, (now() AT TIME ZONE 'Asia/Shanghai')::date)
          FROM tenant x WHERE x.id = t
          ON CONFLICT (tenant_id) DO NOTHING;
        -- The lock comes first: what follows runs on fresh snapshots that include writers we waited for.
        SELECT s.overdue_as_of INTO as_of FROM supervision_status s WHERE s.tenant_id = t FOR UPDATE;
        IF NOT FOUND THEN RETURN; END IF;
        IF new_as_of IS NOT NULL AND new_as_of IS DISTINCT FROM as_of THEN
          UPDATE supervision_status SET overdue_as_of = new_as_of WHERE tenant_id = t;
          as_of := new_as_of;
        END IF;
        IF part IN ('cases', 'all') THEN
          UPDATE supervision_status s SET open_cases = c.open, overdue_cases = c.overdue, updated_at = now()
          FROM (SELECT count(*) AS open, count(*) FILTER (WHERE p.due_on < as_of) AS overdue
                FROM petition_case p WHERE p.tenant_id = t AND p.status IN ('RECEIVED', 'ASSIGNED')) c
          WHERE s.tenant_id = t;
        END IF;
        IF part IN ('actions', 'all') THEN
          UPDATE supervision_status s SET listed_cases = a.listed, interviews_awaiting_rectification = a.awaiting, updated_at = now()
          FROM (SELECT count(*) FILTER (WHERE x.kind = 'LISTING' AND x.status = 'ACTIVE') AS listed,
                       count(*) FILTER (WHERE x.kind = 'INTERVIEW' AND x.status = 'AWAITING_RECTIFICATION') AS awaiting
                FROM supervision_action x
                WHERE coalesce(x.target_tenant_id, x.tenant_id) = t AND x.kind IN ('LISTING', 'INTERVIEW') AND x.status IN ('ACTIVE', 'AWAITING_RECTIFICATION')) a
          WHERE s.tenant_id = t;
        END IF;
        IF part IN ('rank', 'all') THEN
          UPDATE supervision_status s SET latest_rank = r.rank, latest_ranked_of = r.ranked_of, latest_rank_notice_id = r.id,
                 latest_rank_notice_number = r.number, latest_rank_period = r.period, latest_rank_period_start = r.period_start,
                 latest_rank_period_end = r.period_end, latest_rank_published_at = r.published_at, updated_at = now()
          FROM (SELECT 1) one LEFT JOIN LATERAL (
            SELECT e.rank, e.ranked_of, n.id, n.number, n.period, n.period_start, n.period_end, n.published_at
            FROM supervision_notice_entry e JOIN supervision_notice n ON n.id = e.notice_id
            WHERE e.target_tenant_id = t AND n.kind = 'REGULAR' AND n.status = 'PUBLISHED'
            ORDER BY n.published_at DESC NULLS LAST, n.period_end DESC, n.id DESC LIMIT 1) r ON true
          WHERE s.tenant_id = t;
        END IF;
        IF part IN ('cadence', 'all') THEN
          UPDATE supervision_status s SET cadence_met = c.met, cadence_due = c.due,
                 cadence_ratio = CASE WHEN c.due > 0 THEN round(c.met::numeric / c.due, 4) END, updated_at = now()
          FROM (SELECT count(*) FILTER (WHERE o.status = 'MET') AS met, count(*) AS due
                FROM cadence_obligation o WHERE o.tenant_id = t AND o.status IN ('MET', 'MISSED')) c
          WHERE s.tenant_id = t;
        END IF;
        IF part IN ('items', 'all') THEN
          UPDATE supervision_status s SET agreed_items_done = i.done, agreed_items_total = i.total,
                 agreed_items_ratio = CASE WHEN i.total > 0 THEN round(i.done::numeric / i.total, 4) END, updated_at = now()
          FROM (SELECT count(*) FILTER (WHERE a.status = 'DONE') AS done, count(*) AS total
                FROM agreed_item a WHERE a.tenant_id = t AND a.status IN ('OPEN', 'DONE')) i
          WHERE s.tenant_id = t;
        END IF;
      END $$;
      REVOKE ALL ON FUNCTION supervision_status_recount(uuid, text, date) FROM PUBLIC;

      -- The daily job's entry: recounts the caller's own tenant against a new date (the app's clock).
      CREATE FUNCTION supervision_status_refresh(t uuid, as_of date) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF t IS NULL OR as_of IS NULL OR NOT coalesce(t = ANY (app_write_tenants()), false) THEN
          RAISE EXCEPTION 'supervision_status_refresh: tenant outside the write scope' USING ERRCODE = 'insufficient_privilege';
        END IF;
        PERFORM supervision_status_recount(t, 'all', as_of);
      END $$;
      REVOKE ALL ON FUNCTION supervision_status_refresh(uuid, date) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION supervision_status_refresh(uuid, date) TO jm_app;

      -- Tenants whose overdue count is not as of the given date (or that have no row): platform scope only.
      CREATE FUNCTION supervision_status_stale(as_of date) RETURNS SETOF uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT x.id FROM tenant x LEFT JOIN supervision_status s ON s.tenant_id = x.id
        WHERE app_is_platform() AND (s.tenant_id IS NULL OR s.overdue_as_of IS DISTINCT FROM as_of)
        ORDER BY x.id
      $$;
      REVOKE ALL ON FUNCTION supervision_status_stale(date) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION supervision_status_stale(date) TO jm_app;

      -- The listings and interviews behind a tenant's numbers, for whoever may read that tenant: a
      -- county's actions against a township are the township's facts too (it cannot read the county's rows).
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

      -- A new tenant gets its row; a renamed one keeps it in step.
      CREATE FUNCTION supervision_status_on_tenant() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM supervision_status_recount(NEW.id, 'all');
        ELSIF (NEW.code, NEW.name, NEW.level) IS DISTINCT FROM (OLD.code, OLD.name, OLD.level) THEN
          UPDATE supervision_status SET code = NEW.code, name = NEW.name, level = NEW.level WHERE tenant_id = NEW.id;
        END IF;
        RETURN NULL;
      END $$;
      REVOKE ALL ON FUNCTION supervision_status_on_tenant() FROM PUBLIC;
      CREATE TRIGGER supervision_status_tenant AFTER INSERT OR UPDATE ON tenant FOR EACH ROW EXECUTE FUNCTION supervision_status_on_tenant();
    `);
    for (const w of WATCHED) await q.query(watcherFunction(w));
    // Backfill: every tenant already here, counted as of today in Beijing.
    await q.query(`SELECT supervision_status_recount(id, 'all') FROM tenant ORDER BY id`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const w of [...WATCHED].reverse()) {
      for (const op of OPS) await q.query(`DROP TRIGGER IF EXISTS supervision_status_${op} ON ${w.table}`);
      await q.query(`DROP FUNCTION IF EXISTS supervision_status_on_${w.table}()`);
    }
    await q.query(`
      DROP TRIGGER IF EXISTS supervision_status_tenant ON tenant;
      DROP FUNCTION IF EXISTS supervision_status_on_tenant();
      DROP FUNCTION IF EXISTS supervision_status_actions(uuid, text, text, integer, integer);
      DROP FUNCTION IF EXISTS supervision_status_stale(date);
      DROP FUNCTION IF EXISTS supervision_status_refresh(uuid, date);
      DROP FUNCTION IF EXISTS supervision_status_recount(uuid, text, date);
      DROP INDEX IF EXISTS supervision_action_subject_idx;
      DROP TABLE IF EXISTS supervision_status;
    `);
  }
}
