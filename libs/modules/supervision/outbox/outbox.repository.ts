import type { EntityManager } from 'typeorm';
import { keysetPage, type Page } from '@engine/graphql';
import { OutboxMessage } from './outbox-message.entity';
import type { OutboxDraft } from './outbox.service';
import { OutboxStatus } from '../enums';

export type PendingMessage = Pick<
  OutboxMessage,
  'id' | 'tenantId' | 'channel' | 'recipient' | 'subject' | 'body' | 'attempts'
>;

/**
 * Claims up to `limit` of the tenant's pending messages for this transaction, oldest first, skipping
 * those another worker holds (`FOR UPDATE SKIP LOCKED`) and those this run already tried.
 */
export async function claimPending(
  em: EntityManager,
  tenantId: string,
  tried: readonly string[],
  limit: number,
): Promise<PendingMessage[]> {
  return em.query(
    `SELECT id, tenant_id AS "tenantId", channel, recipient, subject, body, attempts
       FROM outbox_message
      WHERE tenant_id = $1 AND status = 'PENDING' AND NOT (id = ANY($2::uuid[]))
      ORDER BY created_at, id
      LIMIT $3
      FOR UPDATE SKIP LOCKED`,
    [tenantId, tried, limit],
  );
}

/** The channel took the message: SENT, with its receipt. */
export async function markSent(em: EntityManager, id: string, at: Date, receipt: string): Promise<void> {
  await em.query(
    `UPDATE outbox_message SET status = 'SENT', attempts = attempts + 1, sent_at = $2, receipt = $3, last_error = NULL WHERE id = $1`,
    [id, at, receipt],
  );
}

/** A failed attempt: counted, with the error's class; FAILED after the last allowed attempt. */
export async function markFailed(
  em: EntityManager,
  id: string,
  attempts: number,
  reason: string,
  maxAttempts: number,
): Promise<void> {
  await em.query(`UPDATE outbox_message SET attempts = $2, last_error = $3, status = $4 WHERE id = $1`, [
    id,
    attempts,
    reason,
    attempts >= maxAttempts ? OutboxStatus.FAILED : OutboxStatus.PENDING,
  ]);
}

/** The tenant of an in-app recipient (`user:<id>`), when readable in the transaction's scope. */
export async function recipientTenant(em: EntityManager, userId: string): Promise<string | null> {
  const [user]: { tenant_id: string }[] = await em.query(
    `SELECT tenant_id FROM app_user WHERE id = $1 AND tenant_id IS NOT NULL`,
    [userId],
  );
  return user?.tenant_id ?? null;
}

/** The in-app notification of an outbox message, written once (its dedupe key is the message's id). */
export async function insertInAppNotification(
  em: EntityManager,
  n: { tenantId: string; userId: string; subject: string; body: string; key: string },
): Promise<string> {
  const inserted: { id: string }[] = await em.query(
    `INSERT INTO notification (tenant_id, user_id, kind, title, body, dedupe_key) VALUES ($1, $2, 'SUPERVISION', $3, $4, $5)
     ON CONFLICT (tenant_id, user_id, dedupe_key) DO NOTHING RETURNING id`,
    [n.tenantId, n.userId, n.subject, n.body, n.key],
  );
  if (inserted.length) return inserted[0].id;
  const [found]: { id: string }[] = await em.query(
    `SELECT id FROM notification WHERE tenant_id = $1 AND user_id = $2 AND dedupe_key = $3`,
    [n.tenantId, n.userId, n.key],
  );
  return found.id;
}

/** Savepoints: one message's failure undoes its own writes only, never the batch's. */
export const savepoint = (em: EntityManager): Promise<unknown> => em.query('SAVEPOINT outbox_message');
export const releaseSavepoint = (em: EntityManager): Promise<unknown> => em.query('RELEASE SAVEPOINT outbox_message');
export const rollbackToSavepoint = (em: EntityManager): Promise<unknown> =>
  em.query('ROLLBACK TO SAVEPOINT outbox_message');

/** Writes messages PENDING in the deciding transaction; a repeated dedupe key (per tenant and channel) writes none. */
export async function insertDrafts(em: EntityManager, tenantId: string, drafts: readonly OutboxDraft[]): Promise<void> {
  // In slices: a province-wide notice addresses thousands of users, past a statement's parameter limit.
  for (let i = 0; i < drafts.length; i += 500) {
    await em
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values(
        drafts.slice(i, i + 500).map((d) => ({
          tenantId,
          channel: d.channel,
          recipient: d.recipient,
          subject: d.subject,
          body: d.body,
          dedupeKey: d.dedupeKey,
          refId: d.refId ?? null,
          status: OutboxStatus.PENDING,
          attempts: 0,
        })),
      )
      .orIgnore()
      .execute();
  }
}

/** One page of a tenant's outbox, latest written first (keyset on created_at, id). */
export function outboxPage(
  em: EntityManager,
  tenantId: string,
  status: OutboxStatus | undefined,
  limit: number,
  after: string | null,
): Promise<Page<OutboxMessage>> {
  const qb = em.createQueryBuilder(OutboxMessage, 'o').where('o.tenant_id = :t', { t: tenantId });
  if (status) qb.andWhere('o.status = :status', { status });
  return keysetPage(qb, { alias: 'o', column: 'created_at', keyOf: (o) => o.createdAt, after, limit });
}
