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

const CASES_SQL = `
  WITH scope AS (
    SELECT u.unit_id, c.received_on, c.due_on, c.status, c.repeat_count, c.skip_level, c.source,
           (c.resolved_at AT TIME ZONE 'Asia/Shanghai')::date AS resolved_on
      FROM unnest($1::uuid[], $2::uuid[]) AS u(unit_id, child_id)
      JOIN petition_case c ON c.tenant_id = u.child_id
     WHERE c.received_on <= $6::date AND (c.received_on >= $5::date OR c.resolved_at IS NULL OR (c.resolved_at AT TIME ZONE 'Asia/Shanghai')::date >= $5::date)
    UNION ALL
    SELECT u.unit_id, c.received_on, c.due_on, c.status, c.repeat_count, c.skip_level, c.source,
           (c.resolved_at AT TIME ZONE 'Asia/Shanghai')::date
      FROM unnest($3::uuid[], $4::boolean[]) AS u(unit_id, by_location)
      JOIN petition_case c ON c.tenant_id = $8 AND (c.responsible_unit_id = u.unit_id OR (u.by_location AND c.location_unit_id = u.unit_id))
     WHERE c.received_on <= $6::date AND (c.received_on >= $5::date OR c.resolved_at IS NULL OR (c.resolved_at AT TIME ZONE 'Asia/Shanghai')::date >= $5::date)
  )
  SELECT unit_id,
    count(*) FILTER (WHERE received_on BETWEEN $5 AND $6)::int AS "CASES_RECEIVED",
    count(*) FILTER (WHERE due_on IS NOT NULL AND status NOT IN ('TRANSFERRED', 'GUIDED')
      AND greatest($5::date, due_on + 1) <= least($6::date, $7::date, coalesce(resolved_on, $6::date)))::int AS "CASES_OVERDUE",
    count(*) FILTER (WHERE resolved_on BETWEEN $5 AND $6 AND (due_on IS NULL OR resolved_on <= due_on))::int AS "RESOLVED_IN_TIME",
    count(*) FILTER (WHERE received_on BETWEEN $5 AND $6 AND repeat_count > 0)::int AS "REPEAT_PETITIONS",
    count(*) FILTER (WHERE received_on BETWEEN $5 AND $6 AND skip_level)::int AS "SKIP_LEVEL_PETITIONS",
    count(*) FILTER (WHERE received_on BETWEEN $5 AND $6 AND source = 'BEIJING_PETITION')::int AS "BEIJING_PETITIONS"
  FROM scope GROUP BY unit_id`;

/** A finding counts in the period its event falls in: the missed week or cadence period, the day after an item's due date. */
const FINDINGS_SQL = `
  WITH f AS (
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
  ), dated AS (
    SELECT unit_id, kind, CASE
      WHEN kind = 'AGREED_ITEM_OVERDUE' AND facts->>'dueOn' ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN (facts->>'dueOn')::date + 1
      WHEN facts->>'periodEnd' ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN (facts->>'periodEnd')::date END AS event_on
    FROM f
  )
  SELECT unit_id,
    count(*) FILTER (WHERE kind = 'MISSING_PROGRESS_REPORT')::int AS "MISSING_WEEKLY_REPORTS",
    count(*) FILTER (WHERE kind = 'AGREED_ITEM_OVERDUE')::int AS "AGREED_ITEMS_OVERDUE",
    count(*) FILTER (WHERE kind = 'MISSED_CADENCE')::int AS "MISSED_CADENCE"
  FROM dated WHERE event_on BETWEEN $5 AND $6 GROUP BY unit_id`;

const REVIEWS_SQL = `
  SELECT unit_id, count(*)::int AS "REVIEWS_OVERTURNED" FROM (
    SELECT u.unit_id FROM unnest($1::uuid[], $2::uuid[]) AS u(unit_id, child_id)
      JOIN case_review r ON r.tenant_id = u.child_id
     WHERE r.outcome = 'OVERTURNED' AND r.decided_on BETWEEN $5 AND $6
    UNION ALL
    SELECT c.responsible_unit_id FROM case_review r JOIN petition_case c ON c.id = r.case_id AND c.tenant_id = r.tenant_id
     WHERE r.tenant_id = $4 AND r.outcome = 'OVERTURNED' AND r.decided_on BETWEEN $5 AND $6 AND c.responsible_unit_id = ANY($3::uuid[])
  ) x GROUP BY unit_id`;

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
  const out = new Map(units.map((u) => [u.id, zeroMetrics()]));
  if (!units.length) return out;
  const { townUnits, towns, localUnits, byLocation } = split(units);
  const merge = (rows: ({ unit_id: string } & Partial<Record<Metric, number>>)[]): void => {
    for (const { unit_id, ...values } of rows) {
      const m = out.get(unit_id);
      if (m) for (const [k, v] of Object.entries(values)) m[k as Metric] = Number(v);
    }
  };
  merge(
    await em.query(CASES_SQL, [
      townUnits,
      towns,
      localUnits,
      byLocation,
      period.start,
      period.end,
      period.today,
      tenantId,
    ]),
  );
  merge(await em.query(FINDINGS_SQL, [townUnits, towns, localUnits, tenantId, period.start, period.end]));
  merge(await em.query(REVIEWS_SQL, [townUnits, towns, localUnits, tenantId, period.start, period.end]));
  return out;
}
