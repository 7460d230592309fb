import type { EntityManager } from 'typeorm';
import type { PetitionCase } from '../case.entity';

/** The next number of a tenant's case register in a year (one counter row per tenant and year, locked by the upsert). */
export async function nextCaseSequence(em: EntityManager, tenantId: string, year: number): Promise<number> {
  const [row] = await em.query(
    `INSERT INTO case_sequence (tenant_id, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (tenant_id, year) DO UPDATE SET last = case_sequence.last + 1 RETURNING last`,
    [tenantId, year],
  );
  return Number(row.last);
}

/** Earlier cases of the tenant with a petitioner of the same person (matching key) and the same category. */
export function earlierCasesOfSamePetitioner(
  em: EntityManager,
  c: Pick<PetitionCase, 'id' | 'tenantId' | 'receivedAt' | 'category'>,
  personKeys: readonly string[],
): Promise<{ id: string }[]> {
  return em.query(
    `SELECT DISTINCT pc.id FROM case_petitioner p JOIN petition_case pc ON pc.id = p.case_id
     WHERE p.tenant_id = $1 AND p.person_key = ANY($2::text[]) AND pc.id <> $3 AND pc.received_at <= $4
       AND pc.category IS NOT DISTINCT FROM $5`,
    [c.tenantId, [...personKeys], c.id, c.receivedAt, c.category],
  );
}
