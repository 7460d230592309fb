import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { keysetPage, type Page } from '@engine/graphql';
import { PetitionCase } from './case.entity';
import { CaseLedgerEntry, CaseScreening } from './case-records.entity';
import { CaseReview, ReviewStatus } from './case-review.entity';
import type { LedgerFilter } from './ledger/ledger.service';

/** What the caller may see of the cases joined as `c` (`caseVisibility`); null: every case of the tenant. */
type Visibility = { sql: string; params: Record<string, string> } | null;

type PageArgs = { limit: number; after: string | null };

/**
 * `qb` (alias `rowAlias`, a row with a case_id) narrowed to the cases the caller sees. A list ordered by
 * the case joins it (`join`); a page tests it with EXISTS instead, because a page reads `limit + 1` rows
 * with `take`, which TypeORM turns into a DISTINCT subquery when there are joins.
 */
function ofVisibleCases<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  rowAlias: string,
  visible: Visibility,
  join: boolean,
): SelectQueryBuilder<T> {
  if (join) {
    qb.innerJoin(PetitionCase, 'c', `c.id = ${rowAlias}.case_id`);
    if (visible) qb.andWhere(visible.sql, visible.params);
  } else if (visible)
    qb.andWhere(
      `EXISTS (SELECT 1 FROM petition_case c WHERE c.id = ${rowAlias}.case_id AND ${visible.sql})`,
      visible.params,
    );
  return qb;
}

/** A tenant's ledger entries the caller sees, filtered. */
function ledgerQuery(em: EntityManager, tenantId: string, visible: Visibility, filter: LedgerFilter, join: boolean) {
  const qb = em.createQueryBuilder(CaseLedgerEntry, 'e').where('e.tenant_id = :t', { t: tenantId });
  ofVisibleCases(qb, 'e', visible, join);
  if (filter.level) qb.andWhere('e.level = :level', { level: filter.level });
  if (filter.list) qb.andWhere('e.list = :list', { list: filter.list });
  if (filter.communityUnitId) qb.andWhere('e.community_unit_id = :community', { community: filter.communityUnitId });
  if (filter.openOnly) qb.andWhere('e.done_at IS NULL');
  return qb;
}

/** A tenant's ledger entries, oldest case first, then level, list and entry, at most `limit`. */
export function ledgerEntriesOf(
  em: EntityManager,
  tenantId: string,
  visible: Visibility,
  filter: LedgerFilter,
  limit: number,
): Promise<CaseLedgerEntry[]> {
  return ledgerQuery(em, tenantId, visible, filter, true)
    .orderBy('c.received_at', 'ASC')
    .addOrderBy('e.level', 'DESC')
    .addOrderBy('e.list', 'ASC')
    .addOrderBy('e.created_at', 'ASC')
    .addOrderBy('e.id', 'ASC')
    .limit(limit)
    .getMany();
}

/** One page of the entries `ledgerEntriesOf` selects, latest added first (keyset on created_at, id). */
export function ledgerEntriesPage(
  em: EntityManager,
  tenantId: string,
  visible: Visibility,
  filter: LedgerFilter,
  page: PageArgs,
): Promise<Page<CaseLedgerEntry>> {
  return keysetPage(ledgerQuery(em, tenantId, visible, filter, false), {
    alias: 'e',
    column: 'created_at',
    keyOf: (e) => e.createdAt,
    ...page,
  });
}

function reviewsQuery(em: EntityManager, tenantId: string, visible: Visibility, openOnly: boolean, join: boolean) {
  const qb = em.createQueryBuilder(CaseReview, 'r').where('r.tenant_id = :t', { t: tenantId });
  ofVisibleCases(qb, 'r', visible, join);
  if (openOnly) qb.andWhere('r.status = :open', { open: ReviewStatus.OPEN });
  return qb;
}

/** A tenant's reviews, newest first (only OPEN ones, `openOnly`), at most `limit`. */
export function reviewsOfTenant(
  em: EntityManager,
  tenantId: string,
  visible: Visibility,
  openOnly: boolean,
  limit: number,
): Promise<CaseReview[]> {
  return reviewsQuery(em, tenantId, visible, openOnly, true)
    .orderBy('r.openedAt', 'DESC')
    .addOrderBy('r.id', 'DESC')
    .limit(limit)
    .getMany();
}

/** One page of the reviews `reviewsOfTenant` selects, latest opened first (keyset on opened_at, id). */
export function reviewsPage(
  em: EntityManager,
  tenantId: string,
  visible: Visibility,
  openOnly: boolean,
  page: PageArgs,
): Promise<Page<CaseReview>> {
  return keysetPage(reviewsQuery(em, tenantId, visible, openOnly, false), {
    alias: 'r',
    column: 'opened_at',
    keyOf: (r) => r.openedAt,
    ...page,
  });
}

type ScreeningFilter = { periodStart: string | null; unsettledOnly: boolean };

function screeningsQuery(
  em: EntityManager,
  tenantId: string,
  visible: Visibility,
  filter: ScreeningFilter,
  join: boolean,
) {
  const qb = em.createQueryBuilder(CaseScreening, 's').where('s.tenant_id = :t', { t: tenantId });
  ofVisibleCases(qb, 's', visible, join);
  if (filter.periodStart) qb.andWhere('s.period_start = :p', { p: filter.periodStart });
  if (filter.unsettledOnly) qb.andWhere('s.settled_at IS NULL');
  return qb;
}

/** A tenant's screened cases, newest period first, then oldest case, at most `limit`. */
export function screeningsOfTenant(
  em: EntityManager,
  tenantId: string,
  visible: Visibility,
  filter: ScreeningFilter,
  limit: number,
): Promise<CaseScreening[]> {
  return screeningsQuery(em, tenantId, visible, filter, true)
    .orderBy('s.periodStart', 'DESC')
    .addOrderBy('c.receivedAt', 'ASC')
    .addOrderBy('s.id', 'ASC')
    .limit(limit)
    .getMany();
}

/** One page of the screened cases `screeningsOfTenant` selects, newest period first (keyset on period_start, id). */
export function screeningsPage(
  em: EntityManager,
  tenantId: string,
  visible: Visibility,
  filter: ScreeningFilter,
  page: PageArgs,
): Promise<Page<CaseScreening>> {
  return keysetPage(screeningsQuery(em, tenantId, visible, filter, false), {
    alias: 's',
    column: 'period_start',
    keyOf: (s) => s.periodStart,
    ...page,
  });
}
