import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tenants an hourly sweep has work in, selected by one query across tenants (issue 18 item 3), so
 * a tenant with nothing to do costs its sweep no statement at all. Like `supervision_status_stale`, each
 * is a SECURITY DEFINER function that answers tenant ids only, and only in the platform scope: the app
 * role reads no other tenant's rows through it (petition data stays closed to the platform scope), and
 * no policy is widened. Each selects a superset of the tenants the sweep would change anything in — the
 * sweep itself still decides per row, so an extra tenant costs a sweep that finds nothing, never a
 * missed one. Rules are read from the snapshot (`plugin_config`) as `tenantIdsWithRules` does.
 *
 * - supervision: a regular notice due as a draft (`due` maps each period kind to the start of its last
 *   ended period, computed by the app's clock), published notices, reminders, interviews awaiting or past
 *   rectification, an active listing past its time limit, a flag not yet evaluated, a failed assessment,
 *   or a pending outbox message.
 * - cases: an open case or review past its date without its finding, a case with an owner whose progress
 *   reports are watched, or the screening period that ended last not yet screened (`rrule_period_start`:
 *   the period of a plain FREQ/INTERVAL rule holding a day, as cadencePeriods computes it).
 * - cadence: a cadence (or key-period cadence) period begun without its obligation, an obligation ended
 *   open or met by a held meeting, or an overdue agreed item without its finding or today's digest.
 */
export class SweepSelection1764770000000 implements MigrationInterface {
  name = 'SweepSelection1764770000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION sweep_tenants_supervision(today date, due jsonb) RETURNS SETOF uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT t.id FROM tenant t
        WHERE app_is_platform() AND (
          EXISTS (SELECT 1 FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(t.plugin_config #> '{supervision,notices,regularPeriods}') = 'array'
                                                               THEN t.plugin_config #> '{supervision,notices,regularPeriods}' ELSE '[]'::jsonb END) p (kind)
                  WHERE NOT EXISTS (SELECT 1 FROM supervision_notice n WHERE n.tenant_id = t.id AND n.kind = 'REGULAR'
                                      AND n.period = p.kind AND n.period_start = (due ->> p.kind)::date))
          OR EXISTS (SELECT 1 FROM supervision_notice n WHERE n.tenant_id = t.id AND n.status = 'PUBLISHED')
          OR EXISTS (SELECT 1 FROM supervision_action a WHERE a.tenant_id = t.id
                       AND (a.kind = 'REMINDER'
                            OR (a.kind = 'INTERVIEW' AND a.status IN ('AWAITING_RECTIFICATION', 'OVERDUE'))
                            OR (a.kind = 'LISTING' AND a.status = 'ACTIVE' AND a.due_on < today)))
          OR EXISTS (SELECT 1 FROM supervision_flag f WHERE f.tenant_id = t.id AND f.evaluated_at IS NULL)
          OR EXISTS (SELECT 1 FROM assessment x WHERE x.tenant_id = t.id AND NOT x.passed)
          OR EXISTS (SELECT 1 FROM outbox_message m WHERE m.tenant_id = t.id AND m.status = 'PENDING'))
        ORDER BY t.path
      $$;
      REVOKE ALL ON FUNCTION sweep_tenants_supervision(date, jsonb) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION sweep_tenants_supervision(date, jsonb) TO jm_app;

      -- The start of the period of a cadence that holds day d, as cadencePeriods computes it (libs/engine/calendar:
      -- fixed anchors, months from the 1st, weeks from Monday, quarters from January) for a rule of FREQ and INTERVAL
      -- alone; NULL for any other rule (a BY… part), which the callers take as "may have work".
      CREATE FUNCTION rrule_period_start(rrule text, d date) RETURNS date LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN r !~ '^(FREQ=[A-Z]+|INTERVAL=[0-9]+)(;(FREQ=[A-Z]+|INTERVAL=[0-9]+))*$' THEN NULL
          ELSE CASE substring(r FROM 'FREQ=([A-Z]+)')
            WHEN 'DAILY' THEN DATE '2000-01-01' + (div(d - DATE '2000-01-01', n) * n)::integer
            WHEN 'WEEKLY' THEN DATE '2000-01-03' + (div(d - DATE '2000-01-03', 7 * n) * 7 * n)::integer
            WHEN 'MONTHLY' THEN (DATE '2000-01-01' + make_interval(months =>
                 (div((extract(year FROM d)::integer - 2000) * 12 + extract(month FROM d)::integer - 1, n) * n)::integer))::date
            WHEN 'YEARLY' THEN make_date(2000 + (div(extract(year FROM d)::integer - 2000, n) * n)::integer, 1, 1)
          END END
        FROM (SELECT regexp_replace(rrule, '^RRULE:', '') AS r) x,
             LATERAL (SELECT coalesce(substring(x.r FROM 'INTERVAL=([0-9]+)')::integer, 1) AS n) i
      $$;

      CREATE FUNCTION sweep_tenants_cases(today date) RETURNS SETOF uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT t.id FROM tenant t
        WHERE app_is_platform() AND (
          EXISTS (SELECT 1 FROM petition_case c WHERE c.tenant_id = t.id AND c.status IN ('RECEIVED', 'ASSIGNED') AND c.due_on < today
                    AND NOT EXISTS (SELECT 1 FROM finding f WHERE f.tenant_id = c.tenant_id AND f.dedupe_key = 'case-overdue:' || c.id || ':' || c.due_on::text))
          OR EXISTS (SELECT 1 FROM case_review r WHERE r.tenant_id = t.id AND r.status = 'OPEN' AND r.due_on < today
                    AND NOT EXISTS (SELECT 1 FROM finding f WHERE f.tenant_id = r.tenant_id AND f.dedupe_key = 'review-overdue:' || r.id || ':' || r.due_on::text))
          OR EXISTS (SELECT 1 FROM petition_case c WHERE c.tenant_id = t.id AND c.owned_on IS NOT NULL
                    AND (c.status IN ('ASSIGNED', 'RESOLVED') OR (c.status = 'CLOSED' AND c.closed_at > now() - interval '400 days')))
          -- The screening period that ended last (the one before today's), from onboarding on, not yet screened.
          OR EXISTS (SELECT 1 FROM (SELECT t.plugin_config #>> '{cases,screening,cadence,rrule}' AS rrule,
                                           (t.created_at AT TIME ZONE 'Asia/Shanghai')::date AS since) s,
                     LATERAL (SELECT rrule_period_start(s.rrule, rrule_period_start(s.rrule, today) - 1) AS start) last
                     WHERE s.rrule IS NOT NULL AND s.since < today
                       AND (last.start IS NULL OR (last.start >= s.since AND NOT EXISTS (
                         SELECT 1 FROM case_screening_run r WHERE r.tenant_id = t.id AND r.period_start = last.start)))))
        ORDER BY t.path
      $$;
      REVOKE ALL ON FUNCTION sweep_tenants_cases(date) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION sweep_tenants_cases(date) TO jm_app;

      CREATE FUNCTION sweep_tenants_cadence(today date) RETURNS SETOF uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT t.id FROM tenant t
        WHERE app_is_platform() AND (
          -- The obligations of every period up to today are inserted at once: the one holding today stands for them.
          EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(t.plugin_config -> 'meetingTypes') = 'array'
                                                          THEN t.plugin_config -> 'meetingTypes' ELSE '[]'::jsonb END) mt
                  WHERE jsonb_typeof(mt #> '{cadence,rrule}') = 'string'
                    AND NOT EXISTS (SELECT 1 FROM cadence_obligation o WHERE o.tenant_id = t.id AND o.type_code = mt ->> 'code'
                                      AND o.rrule = mt #>> '{cadence,rrule}' AND NOT o.key_period
                                      AND o.period_start <= today AND o.period_end >= today))
          OR EXISTS (SELECT 1 FROM key_period k
                     CROSS JOIN jsonb_array_elements(CASE WHEN jsonb_typeof(t.plugin_config -> 'meetingTypes') = 'array'
                                                          THEN t.plugin_config -> 'meetingTypes' ELSE '[]'::jsonb END) mt
                     WHERE k.tenant_id = t.id AND k.starts_on <= today AND jsonb_typeof(mt #> '{keyPeriodCadence,rrule}') = 'string'
                       AND NOT EXISTS (SELECT 1 FROM cadence_obligation o WHERE o.tenant_id = t.id AND o.type_code = mt ->> 'code'
                                         AND o.rrule = mt #>> '{keyPeriodCadence,rrule}' AND o.key_period
                                         AND o.period_start >= k.starts_on AND o.period_end <= k.ends_on
                                         AND o.period_start <= least(today, k.ends_on) AND o.period_end >= least(today, k.ends_on)))
          OR EXISTS (SELECT 1 FROM cadence_obligation o WHERE o.tenant_id = t.id AND o.status = 'OPEN'
                       AND (o.period_end < today OR EXISTS (
                         SELECT 1 FROM meeting m WHERE m.tenant_id = o.tenant_id AND m.type_code = o.type_code AND m.status = 'HELD'
                           AND (m.held_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN o.period_start AND o.period_end)))
          OR EXISTS (SELECT 1 FROM agreed_item i WHERE i.tenant_id = t.id AND i.status = 'OPEN' AND i.due_on < today
                       AND (NOT EXISTS (SELECT 1 FROM finding f WHERE f.tenant_id = i.tenant_id AND f.dedupe_key = 'agreed-item-overdue:' || i.id)
                            OR EXISTS (SELECT 1 FROM app_user u WHERE u.tenant_id = t.id AND u.active AND u.roles && '{OFFICE_DIRECTOR}'::text[]
                                         AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.tenant_id = u.tenant_id AND n.user_id = u.id
                                                           AND n.dedupe_key = 'digest:' || today::text)))))
        ORDER BY t.path
      $$;
      REVOKE ALL ON FUNCTION sweep_tenants_cadence(date) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION sweep_tenants_cadence(date) TO jm_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION IF EXISTS sweep_tenants_cadence(date);
      DROP FUNCTION IF EXISTS sweep_tenants_cases(date);
      DROP FUNCTION IF EXISTS rrule_period_start(text, date);
      DROP FUNCTION IF EXISTS sweep_tenants_supervision(date, jsonb);
    `);
  }
}
