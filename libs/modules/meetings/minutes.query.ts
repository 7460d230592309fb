import type { EntityManager } from 'typeorm';
import { Minutes, MinutesRecipient } from './minutes.entity';

/** How many minutes a tenant issued in a year (Beijing time): the next document number follows it. */
export function issuedInYear(em: EntityManager, tenantId: string, year: string): Promise<number> {
  return em
    .createQueryBuilder(Minutes, 'x')
    .where(
      "x.tenant_id = :t AND x.status = 'ISSUED' AND to_char(x.issued_at AT TIME ZONE 'Asia/Shanghai', 'YYYY') = :y",
      { t: tenantId, y: year },
    )
    .getCount();
}

/** A receiving unit acknowledges its copy (once: an acknowledged copy keeps its first time). */
export async function acknowledgeReceipt(
  em: EntityManager,
  row: Pick<MinutesRecipient, 'tenantId' | 'minutesId'>,
  unitId: string,
  userId: string,
  at: Date,
): Promise<void> {
  await em
    .createQueryBuilder()
    .update(MinutesRecipient)
    .set({ acknowledgedAt: at, acknowledgedById: userId })
    .where('tenant_id = :t AND minutes_id = :m AND member_unit_id = :u AND acknowledged_at IS NULL', {
      t: row.tenantId,
      m: row.minutesId,
      u: unitId,
    })
    .execute();
}

/** The minutes of these meetings; for a member unit (`unitId`), only those issued to it. */
export function minutesOfMeetings(
  em: EntityManager,
  meetingIds: readonly string[],
  unitId: string | null,
): Promise<Minutes[]> {
  const qb = em.createQueryBuilder(Minutes, 'n').where('n.meeting_id IN (:...ids)', { ids: [...meetingIds] });
  if (unitId)
    qb.andWhere('EXISTS (SELECT 1 FROM minutes_recipient r WHERE r.minutes_id = n.id AND r.member_unit_id = :unit)', {
      unit: unitId,
    });
  return qb.getMany();
}
