import type { EntityManager } from 'typeorm';
import { CaseWorkingGroup, CaseWorkingGroupCase } from './ledger-rules.entity';

/** Adds cases to a working group (专项工作小组); a case already in it is skipped. The case ids added now. */
export async function addCasesToGroup(
  em: EntityManager,
  rows: readonly Pick<CaseWorkingGroupCase, 'tenantId' | 'groupId' | 'caseId' | 'addedById' | 'addedAt'>[],
): Promise<string[]> {
  const inserted = await em
    .createQueryBuilder()
    .insert()
    .into(CaseWorkingGroupCase)
    .values([...rows])
    .orIgnore()
    .returning(['caseId'])
    .execute();
  return (inserted.raw as { case_id: string }[]).map((r) => r.case_id);
}

/** A tenant's working groups by name (only those not dissolved, `activeOnly`), after a keyset cursor. */
export function workingGroupsOf(
  em: EntityManager,
  tenantId: string,
  activeOnly: boolean,
  cursor: { name: string; id: string } | null,
  take: number,
): Promise<CaseWorkingGroup[]> {
  const qb = em.createQueryBuilder(CaseWorkingGroup, 'g').where('g.tenant_id = :t', { t: tenantId });
  if (activeOnly) qb.andWhere('g.dissolved_at IS NULL');
  if (cursor) qb.andWhere('(g.name, g.id) > (:name, :id)', cursor);
  return qb.orderBy('g.name', 'ASC').addOrderBy('g.id', 'ASC').limit(take).getMany();
}
