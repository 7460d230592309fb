import type { EntityManager } from 'typeorm';
import { keysetPage, type Page } from '@engine/graphql';
import { SupervisionProposal, type ProposalStatus } from './proposal.entity';

/** One page of a tenant's proposals, latest proposed first (keyset on proposed_at, id). */
export function proposalsPage(
  em: EntityManager,
  tenantId: string,
  status: ProposalStatus | undefined,
  limit: number,
  after: string | null,
): Promise<Page<SupervisionProposal>> {
  const qb = em.createQueryBuilder(SupervisionProposal, 'p').where('p.tenant_id = :t', { t: tenantId });
  if (status) qb.andWhere('p.status = :status', { status });
  return keysetPage(qb, { alias: 'p', column: 'proposed_at', keyOf: (p) => p.proposedAt, after, limit });
}
