import type { EntityManager } from 'typeorm';
import { keysetPage, type Page } from '@engine/graphql';
import { IssueList, IssueListStatus } from './issue-list.entity';

/**
 * A tenant's issue lists, newest first, at most 200: drafts only `withDrafts` (its office); for a member
 * unit (`unitId`), the lists with an issue naming it as a related unit.
 */
function issueListsQuery(em: EntityManager, tenantId: string, scope: { withDrafts: boolean; unitId: string | null }) {
  const qb = em.createQueryBuilder(IssueList, 'l').where('l.tenant_id = :t', { t: tenantId });
  if (!scope.withDrafts) qb.andWhere('l.status <> :draft', { draft: IssueListStatus.DRAFT });
  if (scope.unitId)
    qb.andWhere('l.items @> CAST(:needle AS jsonb)', {
      needle: JSON.stringify([{ relatedUnitIds: [scope.unitId] }]),
    });
  return qb;
}

export function issueListsOf(
  em: EntityManager,
  tenantId: string,
  scope: { withDrafts: boolean; unitId: string | null },
): Promise<IssueList[]> {
  return issueListsQuery(em, tenantId, scope).orderBy('l.created_at', 'DESC').addOrderBy('l.id').take(200).getMany();
}

/** One page of the issue lists the scope sees, latest first (keyset on created_at, id). */
export function issueListsPage(
  em: EntityManager,
  tenantId: string,
  scope: { withDrafts: boolean; unitId: string | null },
  limit: number,
  after: string | null,
): Promise<Page<IssueList>> {
  return keysetPage(issueListsQuery(em, tenantId, scope), {
    alias: 'l',
    column: 'created_at',
    keyOf: (l) => l.createdAt,
    after,
    limit,
  });
}
