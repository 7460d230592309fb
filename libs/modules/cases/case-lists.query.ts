import type { EntityManager } from 'typeorm';
import { PetitionCase } from './case.entity';
import { CaseLedgerEntry, CaseReview, CaseScreening, ReviewStatus } from './case-records.entity';
import type { LedgerFilter } from './ledger.service';

/** What the caller may see of the cases joined as `c` (`caseVisibility`); null: every case of the tenant. */
type Visibility = { sql: string; params: Record<string, string> } | null;

/** A tenant's ledger entries, oldest case first, then level, list and entry, at most `limit`. */
export function ledgerEntriesOf(
  em: EntityManager,
  tenantId: string,
  visible: Visibility,
  filter: LedgerFilter,
  limit: number,
): Promise<CaseLedgerEntry[]> {
  const qb = em
    .createQueryBuilder(CaseLedgerEntry, 'e')
    .innerJoin(PetitionCase, 'c', 'c.id = e.case_id')
    .where('e.tenant_id = :t', { t: tenantId });
  if (visible) qb.andWhere(visible.sql, visible.params);
  if (filter.level) qb.andWhere('e.level = :level', { level: filter.level });
  if (filter.list) qb.andWhere('e.list = :list', { list: filter.list });
  if (filter.communityUnitId) qb.andWhere('e.community_unit_id = :community', { community: filter.communityUnitId });
  if (filter.openOnly) qb.andWhere('e.done_at IS NULL');
  return qb
    .orderBy('c.received_at', 'ASC')
    .addOrderBy('e.level', 'DESC')
    .addOrderBy('e.list', 'ASC')
    .addOrderBy('e.created_at', 'ASC')
    .addOrderBy('e.id', 'ASC')
    .limit(limit)
    .getMany();
}

/** A tenant's reviews, newest first (only OPEN ones, `openOnly`), at most `limit`. */
export function reviewsOfTenant(
  em: EntityManager,
  tenantId: string,
  visible: Visibility,
  openOnly: boolean,
  limit: number,
): Promise<CaseReview[]> {
  const qb = em
    .createQueryBuilder(CaseReview, 'r')
    .innerJoin(PetitionCase, 'c', 'c.id = r.case_id')
    .where('r.tenant_id = :t', { t: tenantId });
  if (visible) qb.andWhere(visible.sql, visible.params);
  if (openOnly) qb.andWhere('r.status = :open', { open: ReviewStatus.OPEN });
  return qb.orderBy('r.openedAt', 'DESC').addOrderBy('r.id', 'DESC').limit(limit).getMany();
}

/** A tenant's screened cases, newest period first, then oldest case, at most `limit`. */
export function screeningsOfTenant(
  em: EntityManager,
  tenantId: string,
  visible: Visibility,
  filter: { periodStart: string | null; unsettledOnly: boolean },
  limit: number,
): Promise<CaseScreening[]> {
  const qb = em
    .createQueryBuilder(CaseScreening, 's')
    .innerJoin(PetitionCase, 'c', 'c.id = s.case_id')
    .where('s.tenant_id = :t', { t: tenantId });
  if (visible) qb.andWhere(visible.sql, visible.params);
  if (filter.periodStart) qb.andWhere('s.period_start = :p', { p: filter.periodStart });
  if (filter.unsettledOnly) qb.andWhere('s.settled_at IS NULL');
  return qb
    .orderBy('s.periodStart', 'DESC')
    .addOrderBy('c.receivedAt', 'ASC')
    .addOrderBy('s.id', 'ASC')
    .limit(limit)
    .getMany();
}
