import type { EntityManager } from 'typeorm';
import { PLATFORM_ERRORS } from '@engine/errors';
import { MemberPersonChange, MemberUnitProposal } from './member-person.entity';

/** A keyset position in a newest-first list: the instant and the id of the last row of a page. */
export interface Keyset {
  at: string;
  id: string;
}

export function encodeKeyset(at: Date, id: string): string {
  return Buffer.from(JSON.stringify({ t: at.toISOString(), i: id }), 'utf8').toString('base64url');
}

export function decodeKeyset(cursor: string, field = 'after'): Keyset {
  try {
    const { t, i } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { t?: unknown; i?: unknown };
    if (typeof t === 'string' && !Number.isNaN(Date.parse(t)) && typeof i === 'string' && /^[0-9a-f-]{36}$/i.test(i))
      return { at: t, id: i };
  } catch {
    // fall through
  }
  throw PLATFORM_ERRORS.badInput(field, 'CURSOR_INVALID');
}

/** Page limits as docs/api-conventions.md says: 1‥200, refused outside, never clamped. */
export function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > 200)
    throw PLATFORM_ERRORS.badInput('limit', 'LIMIT_OUT_OF_RANGE', { max: 200 });
}

/** Query code of the member register's filing records (备案) and unit-adjustment proposals. */
export const membersRepository = {
  /** One page of filed member-person changes, newest first (limit + 1 rows: the caller slices). */
  changesPage(em: EntityManager, tenantId: string, after: Keyset | null, limit: number): Promise<MemberPersonChange[]> {
    const q = em.createQueryBuilder(MemberPersonChange, 'c').where('c.tenant_id = :tenantId', { tenantId });
    if (after)
      q.andWhere('(c.filed_at, c.id) < (CAST(:at AS timestamptz), CAST(:id AS uuid))', { at: after.at, id: after.id });
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
        at: after.at,
        id: after.id,
      });
    return q.orderBy('p.proposed_at', 'DESC').addOrderBy('p.id', 'DESC').limit(limit).getMany();
  },
};
