import type { EntityManager } from 'typeorm';
import { keysetPage, type Page } from '@engine/graphql';
import type { NoticeKind } from '../enums';
import { SupervisionNotice, SupervisionNoticeEntry } from './notice.entity';

type Concern = { sql: string; params: Record<string, string> };

/**
 * A tenant's notices, newest published first: only PUBLISHED unless `withDrafts` (the office); for a
 * member unit (`unitId`), the published notices with an entry about it.
 */
function noticesQuery(
  em: EntityManager,
  tenantId: string,
  filter: { kind?: NoticeKind; withDrafts: boolean; unitId: string | null },
) {
  const qb = em.createQueryBuilder(SupervisionNotice, 'n').where('n.tenant_id = :t', { t: tenantId });
  if (filter.kind) qb.andWhere('n.kind = :kind', { kind: filter.kind });
  if (!filter.withDrafts) qb.andWhere(`n.status = 'PUBLISHED'`); // drafts (and discarded ones) are the office's
  if (filter.unitId)
    qb.andWhere(
      `n.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM supervision_notice_entry e WHERE e.notice_id = n.id AND e.target_unit_id = :unit)`,
      { unit: filter.unitId },
    );
  return qb;
}

export function noticesOf(
  em: EntityManager,
  tenantId: string,
  filter: { kind?: NoticeKind; withDrafts: boolean; unitId: string | null },
  limit: number,
): Promise<SupervisionNotice[]> {
  return noticesQuery(em, tenantId, filter)
    .orderBy('n.published_at', 'DESC', 'NULLS LAST')
    .addOrderBy('n.id', 'DESC')
    .take(limit)
    .getMany();
}

/**
 * One page of the notices `noticesOf` shows, latest written first (keyset on created_at, id: published_at
 * is null on drafts, and a keyset needs a key every row has).
 */
export function noticesPage(
  em: EntityManager,
  tenantId: string,
  filter: { kind?: NoticeKind; withDrafts: boolean; unitId: string | null },
  limit: number,
  after: string | null,
): Promise<Page<SupervisionNotice>> {
  return keysetPage(noticesQuery(em, tenantId, filter), {
    alias: 'n',
    column: 'created_at',
    keyOf: (n) => n.createdAt,
    after,
    limit,
  });
}

/** Entries of published notices that concern the caller (`concernSql` over alias `e`), newest first. */
export function concernedEntries(
  em: EntityManager,
  concern: Concern,
  limit: number,
): Promise<SupervisionNoticeEntry[]> {
  return em
    .createQueryBuilder(SupervisionNoticeEntry, 'e')
    .innerJoin(SupervisionNotice, 'n', 'n.id = e.notice_id')
    .where(concern.sql, concern.params)
    .andWhere(`n.status = 'PUBLISHED'`)
    .orderBy('n.published_at', 'DESC')
    .addOrderBy('e.id', 'DESC')
    .limit(limit)
    .getMany();
}

/**
 * One page of the published notices with an entry concerning the caller (`concern`: `concernSql` over
 * alias `e`), latest published first (keyset on published_at, id).
 */
export function concernedNoticesPage(
  em: EntityManager,
  concern: Concern,
  page: { limit: number; after: string | null },
): Promise<Page<SupervisionNotice>> {
  const qb = em
    .createQueryBuilder(SupervisionNotice, 'n')
    .where(`n.status = 'PUBLISHED'`)
    .andWhere(
      `EXISTS (SELECT 1 FROM supervision_notice_entry e WHERE e.notice_id = n.id AND ${concern.sql})`,
      concern.params,
    );
  return keysetPage(qb, { alias: 'n', column: 'published_at', keyOf: (n) => n.publishedAt!, ...page });
}

/** The entries of `noticeIds` concerning the caller (`concernSql` over alias `e`). */
export function concernedEntriesOf(
  em: EntityManager,
  concern: Concern,
  noticeIds: readonly string[],
): Promise<SupervisionNoticeEntry[]> {
  return em
    .createQueryBuilder(SupervisionNoticeEntry, 'e')
    .where(concern.sql, concern.params)
    .andWhere('e.notice_id IN (:...noticeIds)', { noticeIds: [...noticeIds] })
    .getMany();
}

/** The caller's entry of a published notice (`concernSql` over alias `e`). */
export function concernedEntry(
  em: EntityManager,
  noticeId: string,
  concern: Concern,
): Promise<SupervisionNoticeEntry | null> {
  return em
    .createQueryBuilder(SupervisionNoticeEntry, 'e')
    .innerJoin(SupervisionNotice, 'n', `n.id = e.notice_id AND n.status = 'PUBLISHED'`)
    .where('e.notice_id = :noticeId', { noticeId })
    .andWhere(concern.sql, concern.params)
    .getOne();
}
