import type { EntityManager } from 'typeorm';
import { keysetPage, type Page } from '@engine/graphql';
import { Meeting } from './meeting.entity';

/** A tenant's meetings, newest first (a member unit, `unitId`: those it was invited to), at most `limit`. */
export function meetingsOf(
  em: EntityManager,
  tenantId: string,
  unitId: string | null,
  limit: number,
): Promise<Meeting[]> {
  const qb = em.createQueryBuilder(Meeting, 'm').where('m.tenant_id = :tenantId', { tenantId });
  if (unitId)
    qb.andWhere('EXISTS (SELECT 1 FROM meeting_unit mu WHERE mu.meeting_id = m.id AND mu.member_unit_id = :unit)', {
      unit: unitId,
    });
  return qb.orderBy('m.scheduled_at', 'DESC').addOrderBy('m.id').take(limit).getMany();
}

/** One page of them, latest scheduled first (keyset on scheduled_at, id; docs/api-conventions.md). */
export function meetingsPageOf(
  em: EntityManager,
  tenantId: string,
  unitId: string | null,
  after: string | null,
  limit: number,
): Promise<Page<Meeting>> {
  const qb = em.createQueryBuilder(Meeting, 'm').where('m.tenant_id = :tenantId', { tenantId });
  if (unitId)
    qb.andWhere('EXISTS (SELECT 1 FROM meeting_unit mu WHERE mu.meeting_id = m.id AND mu.member_unit_id = :unit)', {
      unit: unitId,
    });
  return keysetPage(qb, { alias: 'm', column: 'scheduled_at', keyOf: (m) => m.scheduledAt, after, limit });
}
