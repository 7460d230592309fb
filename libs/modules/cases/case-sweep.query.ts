import type { EntityManager } from 'typeorm';
import { OPEN_CASE_STATUSES } from './case.enums';
import { PetitionCase } from './case.entity';
import { CaseReview, ReviewStatus } from './case-review.entity';

/**
 * The sweep's reads of work not yet found (issue 18 item 3): an anti-join against `finding` by the
 * step's dedupe key, so an hourly repeat reads only what is new and never re-tries inserting a finding
 * it already wrote. The keys must match the ones the steps write.
 */

/** Open cases past their time limit without a CASE_OVERDUE finding for that limit (`case-overdue:<id>:<due>`). */
export function overdueCasesNotFound(em: EntityManager, tenantId: string, today: string): Promise<PetitionCase[]> {
  return em
    .createQueryBuilder(PetitionCase, 'c')
    .where('c.tenant_id = :t AND c.status IN (:...open) AND c.due_on < :today', {
      t: tenantId,
      open: OPEN_CASE_STATUSES,
      today,
    })
    .andWhere(
      `NOT EXISTS (SELECT 1 FROM finding f WHERE f.tenant_id = c.tenant_id AND f.dedupe_key = 'case-overdue:' || c.id || ':' || c.due_on::text)`,
    )
    .getMany();
}

/** Open reviews past their date without a REVIEW_OVERDUE finding for that date (`review-overdue:<id>:<due>`). */
export function lateReviewsNotFound(em: EntityManager, tenantId: string, today: string): Promise<CaseReview[]> {
  return em
    .createQueryBuilder(CaseReview, 'r')
    .where('r.tenant_id = :t AND r.status = :open AND r.due_on < :today', {
      t: tenantId,
      open: ReviewStatus.OPEN,
      today,
    })
    .andWhere(
      `NOT EXISTS (SELECT 1 FROM finding f WHERE f.tenant_id = r.tenant_id AND f.dedupe_key = 'review-overdue:' || r.id || ':' || r.due_on::text)`,
    )
    .getMany();
}

/** Cases with an owner (包案) whose progress reports are watched: open, or closed within the last 400 days. */
export function ownedCasesToWatch(em: EntityManager, tenantId: string): Promise<PetitionCase[]> {
  return em
    .createQueryBuilder(PetitionCase, 'c')
    .where('c.tenant_id = :t AND c.owned_on IS NOT NULL', { t: tenantId })
    .andWhere(
      "(c.status IN ('ASSIGNED', 'RESOLVED') OR (c.status = 'CLOSED' AND c.closed_at > now() - interval '400 days'))",
    )
    .getMany();
}

/** The periods these cases reported progress for, as `<case id>:<period start>`. */
export async function reportedPeriods(
  em: EntityManager,
  tenantId: string,
  caseIds: readonly string[],
): Promise<Set<string>> {
  const rows = (await em.query(
    `SELECT case_id, period_start::text AS start FROM case_progress_report WHERE tenant_id = $1 AND case_id = ANY($2::uuid[])`,
    [tenantId, [...caseIds]],
  )) as { case_id: string; start: string }[];
  return new Set(rows.map((r) => `${r.case_id}:${r.start}`));
}

/**
 * The tenants the ledger's sweep has work in (sweep_tenants_cases, migration 1764770000000): one query
 * across tenants, ids only, platform scope — the anti-joins above, owned cases to watch, and a screening
 * period that may have ended since the latest one screened.
 */
export async function tenantsWithCaseWork(em: EntityManager, today: string): Promise<string[]> {
  const rows: { id: string }[] = await em.query(`SELECT sweep_tenants_cases($1::date) AS id`, [today]);
  return rows.map((r) => r.id);
}
