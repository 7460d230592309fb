import type { Role } from '@core/identity';
import type { EntityManager } from 'typeorm';
import { notifyActiveUsers } from './notifications.query';

export interface Notice {
  kind: string;
  title: string;
  body: string;
  /** One notification per user and event: delivering twice changes nothing. */
  dedupeKey: string;
}

/**
 * In-app notifications to the active users of a member unit, holding one of some roles, or named, in a
 * tenant; how many users that is. One statement (notifyActiveUsers): the sweeps notify per tenant.
 */
export async function notify(
  em: EntityManager,
  tenantId: string,
  to: { unitId: string } | { roles: Role[] } | { userIds: string[] },
  notice: Notice,
): Promise<number> {
  if ('userIds' in to && !to.userIds.length) return 0;
  return notifyActiveUsers(em, tenantId, to, notice);
}
