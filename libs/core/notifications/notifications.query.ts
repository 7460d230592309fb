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

/** Who a notice goes to in a tenant: the active users of a member unit, holding one of some roles, or named. */
export type Recipients = { unitId: string } | { roles: readonly string[] } | { userIds: readonly string[] };

/**
 * One notification to each active recipient, in one statement (the recipients read and the rows written
 * together, no round trip between): a repeated dedupe key changes nothing. Answers how many recipients
 * there are (those notified before included), as notify always has.
 */
export async function notifyActiveUsers(
  em: EntityManager,
  tenantId: string,
  to: Recipients,
  n: Pick<Notification, 'kind' | 'title' | 'body' | 'dedupeKey'>,
): Promise<number> {
  const [filter, value] =
    'unitId' in to
      ? ['u.member_unit_id = $2::uuid', to.unitId]
      : 'userIds' in to
        ? ['u.id = ANY($2::uuid[])', [...to.userIds]]
        : ['u.roles && $2::text[]', [...to.roles]];
  const rows: { n: number }[] = await em.query(
    `WITH u AS (SELECT u.id FROM app_user u WHERE u.tenant_id = $1 AND u.active AND ${filter}),
          written AS (INSERT INTO notification (tenant_id, user_id, kind, title, body, dedupe_key)
                      SELECT $1, u.id, $3, $4, $5, $6 FROM u ON CONFLICT DO NOTHING)
     SELECT count(*)::int AS n FROM u`,
    [tenantId, value, n.kind, n.title, n.body, n.dedupeKey],
  );
  return rows[0]?.n ?? 0;
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
