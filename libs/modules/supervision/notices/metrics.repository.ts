import type { EntityManager } from 'typeorm';
import { MemberUnitKind } from '@core/joint-meeting/entities';
import { zeroMetrics, type Metric, type Metrics } from './ranking';
import type { SupervisedUnit } from '../supervision-rules';

export interface MetricsPeriod {
  start: string;
  end: string;
  /** Days after `today` have not happened: a case is not overdue on them yet. */
  today: string;
}

/**
 * The tenant set of a metrics query: TOWNSHIP units read their child tenant's rows (the county's users
 * read descendants through RLS); every unit also reads the supervising tenant's own rows — a department
 * the cases it is responsible for, a village or community also the cases located in it, and a TOWNSHIP
 * the cases the county registered and assigned to it (D6: a 进京访 the county received from above and
 * handed to the township counts in the township's metrics). The two sets are disjoint (different tenants).
 */
function split(units: readonly SupervisedUnit[]): {
  townUnits: string[];
  towns: string[];
  localUnits: string[];
  byLocation: boolean[];
} {
  const township = units.filter((u) => u.childTenantId);
  const local = units;
  return {
    townUnits: township.map((u) => u.id),
    towns: township.map((u) => u.childTenantId!),
    localUnits: local.map((u) => u.id),
    byLocation: local.map((u) => u.kind === MemberUnitKind.VILLAGE || u.kind === MemberUnitKind.COMMUNITY),
  };
}

/**
 * The periods of one call (`$5` starts, `$6` ends, numbered from 1 in that order): each query reads the ledger
 * once for all of them — the rows any period may count (MATERIALIZED, with the widest bounds, a superset of
 * every period's) — and counts per period with that period's exact bounds, as one query per period would.
 */
const PERIODS = `periods AS (SELECT p.s, p.e, p.n::int AS n FROM unnest($5::date[], $6::date[]) WITH ORDINALITY AS p (s, e, n))`;

const CASES_SQL = `
  WITH ${PERIODS},
  bounds AS (SELECT min(s) AS s, max(e) AS e FROM periods),
  scope AS MATERIALIZED (
    SELECT u.unit_id, c.received_on, c.due_on, c.status, c.repeat_count, c.skip_level, c.source,
           (c.resolved_at AT TIME ZONE 'Asia/Shanghai')::date AS resolved_on
      FROM bounds b, unnest($1::uuid[], $2::uuid[]) AS u(unit_id, child_id)
      JOIN petition_case c ON c.tenant_id = u.child_id
     WHERE c.received_on <= b.e AND (c.received_on >= b.s OR c.resolved_at IS NULL OR (c.resolved_at AT TIME ZONE 'Asia/Shanghai')::date >= b.s)
    UNION ALL
    SELECT u.unit_id, c.received_on, c.due_on, c.status, c.repeat_count, c.skip_level, c.source,
           (c.resolved_at AT TIME ZONE 'Asia/Shanghai')::date
      FROM bounds b, unnest($3::uuid[], $4::boolean[]) AS u(unit_id, by_location)
      JOIN petition_case c ON c.tenant_id = $8 AND (c.responsible_unit_id = u.unit_id OR (u.by_location AND c.location_unit_id = u.unit_id))
     WHERE c.received_on <= b.e AND (c.received_on >= b.s OR c.resolved_at IS NULL OR (c.resolved_at AT TIME ZONE 'Asia/Shanghai')::date >= b.s)
  )
  SELECT p.n AS period, x.unit_id,
    count(*) FILTER (WHERE x.received_on BETWEEN p.s AND p.e)::int AS "CASES_RECEIVED",
    count(*) FILTER (WHERE x.due_on IS NOT NULL AND x.status NOT IN ('TRANSFERRED', 'GUIDED')
      AND greatest(p.s, x.due_on + 1) <= least(p.e, $7::date, coalesce(x.resolved_on, p.e)))::int AS "CASES_OVERDUE",
    count(*) FILTER (WHERE x.resolved_on BETWEEN p.s AND p.e AND (x.due_on IS NULL OR x.resolved_on <= x.due_on))::int AS "RESOLVED_IN_TIME",
    count(*) FILTER (WHERE x.received_on BETWEEN p.s AND p.e AND x.repeat_count > 0)::int AS "REPEAT_PETITIONS",
    count(*) FILTER (WHERE x.received_on BETWEEN p.s AND p.e AND x.skip_level)::int AS "SKIP_LEVEL_PETITIONS",
    count(*) FILTER (WHERE x.received_on BETWEEN p.s AND p.e AND x.source = 'BEIJING_PETITION')::int AS "BEIJING_PETITIONS"
  FROM scope x JOIN periods p ON x.received_on <= p.e AND (x.received_on >= p.s OR x.resolved_on IS NULL OR x.resolved_on >= p.s)
  GROUP BY p.n, x.unit_id`;

/** A finding counts in the period its event falls in: the missed week or cadence period, the day after an item's due date. */
const FINDINGS_SQL = `
  WITH ${PERIODS},
  f AS (
    SELECT u.unit_id, f.kind, f.facts
      FROM unnest($1::uuid[], $2::uuid[]) AS u(unit_id, child_id)
      JOIN finding f ON f.tenant_id = u.child_id AND f.kind IN ('MISSING_PROGRESS_REPORT', 'AGREED_ITEM_OVERDUE', 'MISSED_CADENCE')
    UNION ALL
    SELECT (f.facts->>'responsibleUnitId')::uuid, f.kind, f.facts FROM finding f
     WHERE f.tenant_id = $4 AND f.kind = 'MISSING_PROGRESS_REPORT' AND f.facts->>'responsibleUnitId' = ANY($3::uuid[]::text[])
    UNION ALL
    SELECT o.member_unit_id, f.kind, f.facts FROM finding f
      JOIN agreed_item_owner o ON o.tenant_id = f.tenant_id AND o.agreed_item_id::text = f.facts->>'agreedItemId'
     WHERE f.tenant_id = $4 AND f.kind = 'AGREED_ITEM_OVERDUE' AND o.member_unit_id = ANY($3::uuid[])
  ), dated AS MATERIALIZED (
    SELECT unit_id, kind, CASE
      WHEN kind = 'AGREED_ITEM_OVERDUE' AND facts->>'dueOn' ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN (facts->>'dueOn')::date + 1
      WHEN facts->>'periodEnd' ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN (facts->>'periodEnd')::date END AS event_on
    FROM f
  )
  SELECT p.n AS period, d.unit_id,
    count(*) FILTER (WHERE d.kind = 'MISSING_PROGRESS_REPORT')::int AS "MISSING_WEEKLY_REPORTS",
    count(*) FILTER (WHERE d.kind = 'AGREED_ITEM_OVERDUE')::int AS "AGREED_ITEMS_OVERDUE",
    count(*) FILTER (WHERE d.kind = 'MISSED_CADENCE')::int AS "MISSED_CADENCE"
  FROM dated d JOIN periods p ON d.event_on BETWEEN p.s AND p.e GROUP BY p.n, d.unit_id`;

const REVIEWS_SQL = `
  WITH ${PERIODS},
  bounds AS (SELECT min(s) AS s, max(e) AS e FROM periods),
  x AS MATERIALIZED (
    SELECT u.unit_id, r.decided_on FROM bounds b, unnest($1::uuid[], $2::uuid[]) AS u(unit_id, child_id)
      JOIN case_review r ON r.tenant_id = u.child_id
     WHERE r.outcome = 'OVERTURNED' AND r.decided_on BETWEEN b.s AND b.e
    UNION ALL
    SELECT c.responsible_unit_id, r.decided_on FROM bounds b, case_review r JOIN petition_case c ON c.id = r.case_id AND c.tenant_id = r.tenant_id
     WHERE r.tenant_id = $4 AND r.outcome = 'OVERTURNED' AND r.decided_on BETWEEN b.s AND b.e AND c.responsible_unit_id = ANY($3::uuid[])
  )
  SELECT p.n AS period, x.unit_id, count(*)::int AS "REVIEWS_OVERTURNED"
    FROM x JOIN periods p ON x.decided_on BETWEEN p.s AND p.e GROUP BY p.n, x.unit_id`;

/**
 * Every metric of every unit for a period, computed from the ledger (petition_case, case_review) and the
 * meetings' findings — never typed in. Set-based: three queries per call whatever the number of units,
 * so a county of 15 towns and a province of 1,500 cost the same number of round trips.
 */
export async function computeMetrics(
  em: EntityManager,
  tenantId: string,
  units: readonly SupervisedUnit[],
  period: MetricsPeriod,
): Promise<Map<string, Metrics>> {
  return (await computeMetricsOfPeriods(em, tenantId, units, [period], period.today))[0];
}

/**
 * The metrics of several periods at once (the sweep's regular notices: last month, half-year and year), in
 * the order given: the same three queries as for one period, each reading the ledger once for all of them.
 */
export async function computeMetricsOfPeriods(
  em: EntityManager,
  tenantId: string,
  units: readonly SupervisedUnit[],
  periods: readonly { start: string; end: string }[],
  today: string,
): Promise<Map<string, Metrics>[]> {
  const out = periods.map(() => new Map(units.map((u) => [u.id, zeroMetrics()])));
  if (!units.length || !periods.length) return out;
  const { townUnits, towns, localUnits, byLocation } = split(units);
  const starts = periods.map((p) => p.start);
  const ends = periods.map((p) => p.end);
  const merge = (rows: ({ period: number; unit_id: string } & Partial<Record<Metric, number>>)[]): void => {
    for (const { period, unit_id, ...values } of rows) {
      const m = out[period - 1]?.get(unit_id);
      if (m) for (const [k, v] of Object.entries(values)) m[k as Metric] = Number(v);
    }
  };
  merge(await em.query(CASES_SQL, [townUnits, towns, localUnits, byLocation, starts, ends, today, tenantId]));
  merge(await em.query(FINDINGS_SQL, [townUnits, towns, localUnits, tenantId, starts, ends]));
  merge(await em.query(REVIEWS_SQL, [townUnits, towns, localUnits, tenantId, starts, ends]));
  return out;
}
