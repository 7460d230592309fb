import type { EntityManager } from 'typeorm';
import { PLATFORM_ERRORS } from '@engine/errors';
import { MeetingTopic, type MeetingTopicStatus } from './meeting-topic.entity';

export const topicCursor = (t: MeetingTopic): string =>
  Buffer.from(`${t.proposedAt.toISOString()}|${t.id}`).toString('base64url');

export function decodeTopicCursor(after: string | null | undefined): { at: string; id: string } | null {
  if (!after) return null;
  const [at, id] = Buffer.from(after, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id))
    throw PLATFORM_ERRORS.badInput('after', 'CURSOR_INVALID');
  return { at, id };
}

/** A tenant's proposed topics, newest first (a member unit: its own proposals). */
export async function topicsOf(
  em: EntityManager,
  tenantId: string,
  filter: { status?: MeetingTopicStatus; unitId?: string | null },
  cursor: { at: string; id: string } | null,
  take: number,
): Promise<MeetingTopic[]> {
  const qb = em.createQueryBuilder(MeetingTopic, 't').where('t.tenant_id = :tenant', { tenant: tenantId });
  if (filter.status) qb.andWhere('t.status = :status', { status: filter.status });
  if (filter.unitId) qb.andWhere('t.proposing_unit_id = :unit', { unit: filter.unitId });
  if (cursor) qb.andWhere('(t.proposed_at, t.id) < (:at, :id)', cursor);
  return qb.orderBy('t.proposed_at', 'DESC').addOrderBy('t.id', 'DESC').take(take).getMany();
}
