import type { EntityManager } from 'typeorm';
import type { Keyset } from '@engine/graphql';
import { MemberPersonChange, MemberUnitProposal } from './member-person.entity';

/** Query code of the member register's filing records (备案) and unit-adjustment proposals. */
export const membersRepository = {
  /** One page of filed member-person changes, newest first (limit + 1 rows: the caller slices). */
  changesPage(em: EntityManager, tenantId: string, after: Keyset | null, limit: number): Promise<MemberPersonChange[]> {
    const q = em.createQueryBuilder(MemberPersonChange, 'c').where('c.tenant_id = :tenantId', { tenantId });
    if (after)
      q.andWhere('(c.filed_at, c.id) < (CAST(:at AS timestamptz), CAST(:id AS uuid))', { at: after.key, id: after.id });
    return q.orderBy('c.filed_at', 'DESC').addOrderBy('c.id', 'DESC').limit(limit).getMany();
  },

  /** One page of unit-adjustment proposals, newest first (limit + 1 rows). */
  proposalsPage(
    em: EntityManager,
    tenantId: string,
    after: Keyset | null,
    limit: number,
  ): Promise<MemberUnitProposal[]> {
    const q = em.createQueryBuilder(MemberUnitProposal, 'p').where('p.tenant_id = :tenantId', { tenantId });
    if (after)
      q.andWhere('(p.proposed_at, p.id) < (CAST(:at AS timestamptz), CAST(:id AS uuid))', {
        at: after.key,
        id: after.id,
      });
    return q.orderBy('p.proposed_at', 'DESC').addOrderBy('p.id', 'DESC').limit(limit).getMany();
  },
};
