import type { EntityManager } from 'typeorm';
import { keysetPage, type Page } from '@engine/graphql';
import { AgreedItem, AgreedItemOwner } from './agreed-item.entity';

type ItemsFilter = { status?: string; overdue?: boolean };

/** A tenant's agreed items past PENDING (a member unit: those it owns); `overdue`: OPEN and due before `today`. */
function agreedItemsQuery(
  em: EntityManager,
  tenantId: string,
  unitId: string | null,
  filter: ItemsFilter,
  today: string,
) {
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
  return qb;
}

/** The items `agreedItemsQuery` selects, earliest due first, at most `limit`. */
export function agreedItemsOf(
  em: EntityManager,
  tenantId: string,
  unitId: string | null,
  filter: ItemsFilter,
  today: string,
  limit: number,
): Promise<AgreedItem[]> {
  return agreedItemsQuery(em, tenantId, unitId, filter, today)
    .orderBy('i.due_on', 'ASC', 'NULLS LAST')
    .addOrderBy('i.position')
    .take(limit)
    .getMany();
}

/** One page of the items `agreedItemsQuery` selects, latest created first (keyset on created_at, id). */
export function agreedItemsPage(
  em: EntityManager,
  tenantId: string,
  unitId: string | null,
  filter: ItemsFilter,
  today: string,
  page: { limit: number; after: string | null },
): Promise<Page<AgreedItem>> {
  return keysetPage(agreedItemsQuery(em, tenantId, unitId, filter, today), {
    alias: 'i',
    column: 'created_at',
    keyOf: (i) => i.createdAt,
    ...page,
  });
}

/** Owners of an item that have not yet accepted its completion. */
export function ownersYetToAccept(em: EntityManager, agreedItemId: string): Promise<number> {
  return em
    .createQueryBuilder(AgreedItemOwner, 'o')
    .where('o.agreed_item_id = :id AND o.accepted_at IS NULL', { id: agreedItemId })
    .getCount();
}
