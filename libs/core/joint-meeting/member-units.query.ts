import type { EntityManager } from 'typeorm';
import { MemberUnit } from './member-unit.entity';

/** Active units of these tenants whose name or an alias is one of `names`, in register order. */
export function activeUnitsNamed(
  em: EntityManager,
  tenantIds: readonly string[],
  names: readonly string[],
): Promise<MemberUnit[]> {
  return em
    .createQueryBuilder(MemberUnit, 'u')
    .where(
      'u.tenant_id IN (:...tenants) AND u.active AND (u.name IN (:...hosts) OR u.aliases && CAST(:hostList AS text[]))',
      { tenants: [...tenantIds], hosts: [...names], hostList: [...names] },
    )
    .orderBy('u.position', 'ASC')
    .getMany();
}
