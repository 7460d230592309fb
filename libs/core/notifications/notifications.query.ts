import type { EntityManager } from 'typeorm';
import { keysetPage, type Page } from '@engine/graphql';
import { User } from '@core/identity/entities';
import { Notification } from './notification.entity';

/** Marks the caller's own unread notifications among `ids` read; how many changed. */
export async function markOwnRead(em: EntityManager, userId: string, ids: readonly string[]): Promise<number> {
  const result = await em
    .createQueryBuilder()
    .update(Notification)
    .set({ readAt: () => 'now()' })
    .where('id IN (:...ids) AND user_id = :me AND read_at IS NULL', { ids: [...ids], me: userId })
    .execute();
  return result.affected ?? 0;
}

/** Ids of a tenant's active users holding one of `roles` (but `except`, when given: the filer). */
export async function activeHolderIds(
  em: EntityManager,
  tenantId: string,
  roles: readonly string[],
  except?: string | null,
): Promise<string[]> {
  const qb = em
    .createQueryBuilder(User, 'u')
    .select('u.id', 'id')
    .where('u.tenant_id = :tenantId AND u.active AND u.roles && CAST(:roles AS text[])', { tenantId, roles });
  if (except !== undefined) qb.andWhere('u.id IS DISTINCT FROM :filer', { filer: except });
  return (await qb.getRawMany<{ id: string }>()).map((r) => r.id);
}

/** One notification per user; a repeated dedupe key changes nothing. */
export async function insertNotifications(
  em: EntityManager,
  tenantId: string,
  userIds: readonly string[],
  n: Pick<Notification, 'kind' | 'title' | 'body' | 'dedupeKey'>,
): Promise<void> {
  await insertNotificationRows(
    em,
    userIds.map((userId) => ({ tenantId, userId, ...n })),
  );
}

/** Notifications written as given (each with its own dedupe key); a repeated key changes nothing. */
export async function insertNotificationRows(
  em: EntityManager,
  rows: readonly Pick<Notification, 'tenantId' | 'userId' | 'kind' | 'title' | 'body' | 'dedupeKey'>[],
): Promise<void> {
  await em
    .createQueryBuilder()
    .insert()
    .into(Notification)
    .values([...rows])
    .orIgnore()
    .execute();
}

/** One page of a user's notifications, newest first (keyset on created_at, id); `unreadOnly`: not yet read. */
export function notificationsPage(
  em: EntityManager,
  userId: string,
  unreadOnly: boolean,
  page: { limit: number; after: string | null },
): Promise<Page<Notification>> {
  const qb = em.createQueryBuilder(Notification, 'n').where('n.user_id = :me', { me: userId });
  if (unreadOnly) qb.andWhere('n.read_at IS NULL');
  return keysetPage(qb, { alias: 'n', column: 'created_at', keyOf: (n) => n.createdAt, ...page });
}
