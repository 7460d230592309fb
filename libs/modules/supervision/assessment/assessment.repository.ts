import type { EntityManager } from 'typeorm';
import { keysetPage, type Page } from '@engine/graphql';
import { Assessment } from './assessment.entity';
import type { PeriodRange } from '../periods';

export interface EventCounts {
  notices: number;
  listings: number;
  interviews: number;
  accountability: number;
}

export interface AssessmentRow {
  tenantId: string;
  period: string;
  range: PeriodRange;
  unitId: string;
  targetTenantId: string | null;
  counts: Record<string, unknown>;
  score: number | null;
  passed: boolean | null;
  judgedBy: string | null;
  vetoReason: string | null;
  rule: string;
  computedAt: Date;
}

/**
 * Writes one unit's assessment for a period. A re-run refreshes the facts; an outcome a person recorded
 * (judged_by RECORDED) is the jurisdiction's and is kept, with its veto, when the plugin states no formula.
 */
export async function upsertAssessment(em: EntityManager, r: AssessmentRow): Promise<void> {
  await em.query(
    `INSERT INTO assessment (tenant_id, period, period_start, period_end, target_unit_id, target_tenant_id, counts, score, passed, judged_by, vetoed, veto_reason, rule, computed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (tenant_id, period, period_start, target_unit_id) DO UPDATE SET period_end = EXCLUDED.period_end, counts = EXCLUDED.counts,
       score = CASE WHEN assessment.judged_by = 'RECORDED' AND EXCLUDED.judged_by IS NULL THEN assessment.score ELSE EXCLUDED.score END,
       passed = CASE WHEN assessment.judged_by = 'RECORDED' AND EXCLUDED.judged_by IS NULL THEN assessment.passed ELSE EXCLUDED.passed END,
       vetoed = CASE WHEN assessment.judged_by = 'RECORDED' AND EXCLUDED.judged_by IS NULL THEN assessment.vetoed ELSE EXCLUDED.vetoed END,
       veto_reason = CASE WHEN assessment.judged_by = 'RECORDED' AND EXCLUDED.judged_by IS NULL THEN assessment.veto_reason ELSE EXCLUDED.veto_reason END,
       judged_by = CASE WHEN assessment.judged_by = 'RECORDED' AND EXCLUDED.judged_by IS NULL THEN assessment.judged_by ELSE EXCLUDED.judged_by END,
       rule = EXCLUDED.rule, computed_at = EXCLUDED.computed_at`,
    [
      r.tenantId,
      r.period,
      r.range.start,
      r.range.end,
      r.unitId,
      r.targetTenantId,
      JSON.stringify(r.counts),
      r.score,
      r.passed,
      r.judgedBy,
      r.passed === false && r.vetoReason !== null,
      r.passed === false ? r.vetoReason : null,
      r.rule,
      r.computedAt,
    ],
  );
}

/** Notices (bottom places, special notices, named criticism), listings, interviews and accountability per unit in the period. */
export async function eventCounts(
  em: EntityManager,
  tenantId: string,
  range: PeriodRange,
  ids: readonly string[],
): Promise<Map<string, EventCounts>> {
  const out = new Map<string, EventCounts>();
  const at = (id: string): EventCounts => {
    let e = out.get(id);
    if (!e) out.set(id, (e = { notices: 0, listings: 0, interviews: 0, accountability: 0 }));
    return e;
  };
  const notices: { unit_id: string; n: number }[] = await em.query(
    `SELECT e.target_unit_id AS unit_id, count(*)::int AS n FROM supervision_notice_entry e JOIN supervision_notice n ON n.id = e.notice_id
      WHERE n.tenant_id = $1 AND n.status = 'PUBLISHED' AND n.period_start BETWEEN $2 AND $3 AND e.target_unit_id = ANY($4::uuid[])
        AND (e.bottom OR e.criticised OR n.kind = 'SPECIAL') GROUP BY e.target_unit_id`,
    [tenantId, range.start, range.end, ids],
  );
  for (const r of notices) at(r.unit_id).notices = r.n;
  const actions: { unit_id: string; kind: string; n: number }[] = await em.query(
    `SELECT target_unit_id AS unit_id, kind, count(*)::int AS n FROM supervision_action
      WHERE tenant_id = $1 AND (opened_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2 AND $3 AND target_unit_id = ANY($4::uuid[])
        AND kind IN ('LISTING', 'INTERVIEW', 'ACCOUNTABILITY') GROUP BY target_unit_id, kind`,
    [tenantId, range.start, range.end, ids],
  );
  for (const r of actions) {
    const e = at(r.unit_id);
    if (r.kind === 'LISTING') e.listings = r.n;
    else if (r.kind === 'INTERVIEW') e.interviews = r.n;
    else e.accountability = r.n;
  }
  return out;
}

/** One page of a tenant's assessments (filters as `assessments`), latest period first (period_start, id). */
export function assessmentsPage(
  em: EntityManager,
  tenantId: string,
  filter: { period?: string; periodStart?: string; targetUnitId?: string | null },
  limit: number,
  after: string | null,
): Promise<Page<Assessment>> {
  const qb = em.createQueryBuilder(Assessment, 'a').where('a.tenant_id = :t', { t: tenantId });
  if (filter.period) qb.andWhere('a.period = :period', { period: filter.period });
  if (filter.periodStart) qb.andWhere('a.period_start = :ps', { ps: filter.periodStart });
  if (filter.targetUnitId) qb.andWhere('a.target_unit_id = :u', { u: filter.targetUnitId });
  return keysetPage(qb, { alias: 'a', column: 'period_start', keyOf: (a) => a.periodStart, after, limit });
}
