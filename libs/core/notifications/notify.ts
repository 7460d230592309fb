import type { EntityManager } from 'typeorm';
import type { Role } from '@core/identity';
import { User } from '@core/identity/entities';
import { insertNotifications } from './notifications.query';

export interface Notice {
  kind: string;
  title: string;
  body: string;
  /** One notification per user and event: delivering twice changes nothing. */
  dedupeKey: string;
}

/** In-app notifications to the active users of a member unit, holding one of some roles, or named, in a tenant. */
export async function notify(
  em: EntityManager,
  tenantId: string,
  to: { unitId: string } | { roles: Role[] } | { userIds: string[] },
  notice: Notice,
): Promise<number> {
  const qb = em
    .createQueryBuilder(User, 'u')
    .select('u.id', 'id')
    .where('u.tenant_id = :tenantId AND u.active', { tenantId });
  if ('unitId' in to) qb.andWhere('u.member_unit_id = :unitId', { unitId: to.unitId });
  else if ('userIds' in to) {
    if (!to.userIds.length) return 0;
    qb.andWhere('u.id = ANY(:userIds)', { userIds: to.userIds });
  } else qb.andWhere('u.roles && :roles', { roles: to.roles });
  const users = await qb.getRawMany<{ id: string }>();
  if (!users.length) return 0;
  await insertNotifications(
    em,
    tenantId,
    users.map((u) => u.id),
    notice,
  );
  return users.length;
}
