import type { EntityManager } from 'typeorm';
import { AgreedItem, AgreedItemOwner } from './agreed-item.entity';

/**
 * A tenant's agreed items past PENDING, earliest due first (a member unit: those it owns), at most
 * `limit`; `overdue`: OPEN and due before `today`.
 */
export function agreedItemsOf(
  em: EntityManager,
  tenantId: string,
  unitId: string | null,
  filter: { status?: string; overdue?: boolean },
  today: string,
  limit: number,
): Promise<AgreedItem[]> {
  const qb = em
    .createQueryBuilder(AgreedItem, 'i')
    .where("i.tenant_id = :t AND i.status <> 'PENDING'", { t: tenantId });
  if (unitId)
    qb.andWhere(
      'EXISTS (SELECT 1 FROM agreed_item_owner o WHERE o.agreed_item_id = i.id AND o.member_unit_id = :unit)',
      { unit: unitId },
    );
  if (filter.status) qb.andWhere('i.status = :s', { s: filter.status });
  if (filter.overdue) qb.andWhere("i.status = 'OPEN' AND i.due_on < :today", { today });
  return qb.orderBy('i.due_on', 'ASC', 'NULLS LAST').addOrderBy('i.position').take(limit).getMany();
}

/** Owners of an item that have not yet accepted its completion. */
export function ownersYetToAccept(em: EntityManager, agreedItemId: string): Promise<number> {
  return em
    .createQueryBuilder(AgreedItemOwner, 'o')
    .where('o.agreed_item_id = :id AND o.accepted_at IS NULL', { id: agreedItemId })
    .getCount();
}
