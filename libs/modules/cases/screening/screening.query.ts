import type { EntityManager } from 'typeorm';
import type { Period } from '@engine/calendar';
import { CaseScreening } from '../case-records.entity';

/** A case as the screening criteria read it (open at the end of a period). */
export interface ScreeningCandidate {
  id: string;
  receivedOn: string;
  signed: boolean;
  jointSigned: boolean;
  organiser: boolean;
}

/** Starts of the periods already screened since `since` (a run is recorded once per period). */
export async function screenedPeriodStarts(em: EntityManager, tenantId: string, since: string): Promise<Set<string>> {
  const done: { start: string }[] = await em.query(
    `SELECT period_start::text AS start FROM case_screening_run WHERE tenant_id = $1 AND period_start >= $2`,
    [tenantId, since],
  );
  return new Set(done.map((d) => d.start));
}

/** Lists screened cases for a period; a case listed already is skipped. The rows written now (id, case). */
export async function insertScreenings(
  em: EntityManager,
  rows: readonly Partial<CaseScreening>[],
): Promise<{ id: string; case_id: string }[]> {
  const result = await em
    .createQueryBuilder()
    .insert()
    .into(CaseScreening)
    .values([...rows])
    .orIgnore()
    .returning('id, case_id')
    .execute();
  return result.raw as { id: string; case_id: string }[];
}

/** Records that a period was screened (once per tenant and period start). */
export async function recordScreeningRun(em: EntityManager, tenantId: string, period: Period, at: Date): Promise<void> {
  await em.query(
    `INSERT INTO case_screening_run (tenant_id, period_start, period_end, screened_at) VALUES ($1, $2, $3, $4) ON CONFLICT (tenant_id, period_start) DO NOTHING`,
    [tenantId, period.start, period.end, at],
  );
}

/** Cases open at the end of a day: received by then, not resolved by then, not referred elsewhere. */
export function casesOpenAtEnd(em: EntityManager, tenantId: string, end: string): Promise<ScreeningCandidate[]> {
  return em.query(
    `SELECT c.id, c.received_on::text AS "receivedOn", c.signed, c.joint_signed AS "jointSigned",
            EXISTS (SELECT 1 FROM case_petitioner p WHERE p.case_id = c.id AND p.tenant_id = c.tenant_id AND p.organiser) AS organiser
     FROM petition_case c
     WHERE c.tenant_id = $1 AND c.received_on <= $2 AND c.status NOT IN ('TRANSFERRED', 'GUIDED')
       AND (c.resolved_at IS NULL OR (c.resolved_at AT TIME ZONE 'Asia/Shanghai')::date > $2)
     ORDER BY c.received_at, c.id`,
    [tenantId, end],
  );
}

/**
 * Every petitioner's (matching key) cases received by the period's end, oldest first, with whether each
 * is live for the period (received inside it, or open at its end).
 */
export function petitionsByPerson(
  em: EntityManager,
  tenantId: string,
  period: Period,
): Promise<{ personKey: string; category: string | null; caseId: string; receivedOn: string; live: boolean }[]> {
  return em.query(
    `SELECT DISTINCT p.person_key AS "personKey", c.category, c.id AS "caseId", c.received_on::text AS "receivedOn", c.received_at,
            (c.received_on >= $2 OR (c.status NOT IN ('TRANSFERRED', 'GUIDED')
               AND (c.resolved_at IS NULL OR (c.resolved_at AT TIME ZONE 'Asia/Shanghai')::date > $3))) AS live
     FROM case_petitioner p JOIN petition_case c ON c.id = p.case_id AND c.tenant_id = p.tenant_id
     WHERE p.tenant_id = $1 AND c.received_on <= $3
     ORDER BY c.received_at`,
    [tenantId, period.start, period.end],
  );
}
