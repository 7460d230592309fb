import { Inject, Injectable, Logger } from '@nestjs/common';
import { subject } from '@casl/ability';
import type { EntityManager } from 'typeorm';
import { Clock } from '@engine/clock';
import { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { SUPERVISION_ERRORS } from './supervision.errors';
import { EmailSender, LetterSender, SmsSender, type DeliveryReceipt, type OutboundMessage } from './channels';
import { OutboxChannel, OutboxStatus } from './enums';
import { OutboxMessage } from './outbox-message.entity';
import { tenantByCode } from './supervision-rules';

/** A message to write in the deciding transaction. */
export interface OutboxDraft {
  channel: OutboxChannel;
  recipient: string;
  subject: string;
  body: string;
  /** Unique per tenant and channel: a decision written twice sends once. */
  dedupeKey: string;
  refId?: string | null;
}

/** After this many failed attempts a message is FAILED and left for an operator. */
const MAX_ATTEMPTS = 5;
const BATCH = 200;

/**
 * The outbox: every outbound notification of supervision (in-app, SMS, e-mail, letters) is written in the
 * transaction that decides it, and delivered by a job through the channel's adapter. Delivery claims one
 * row at a time (`FOR UPDATE SKIP LOCKED`), hands it to the adapter and marks it SENT with the adapter's
 * receipt in the same transaction, so a message is never handed over twice by this platform; a provider
 * gets the row id as idempotency key for the one case left (its answer lost before our commit).
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger('Outbox');

  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(SmsSender) private readonly sms: SmsSender,
    @Inject(EmailSender) private readonly email: EmailSender,
    @Inject(LetterSender) private readonly letters: LetterSender,
  ) {}

  async write(em: EntityManager, tenantId: string, drafts: readonly OutboxDraft[]): Promise<void> {
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

  /** The office reads its tenant's outbox. */
  async list(
    ctx: RequestContext,
    tenantCode: string,
    status: OutboxStatus | undefined,
    limit: number,
  ): Promise<OutboxMessage[]> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode, 'tenantCode');
      if (!ctx.ability.can('read', subject('OutboxMessage', { tenantId: tenant.id })))
        throw SUPERVISION_ERRORS.forbidden('OUTBOX_IS_OFFICE');
      return em.find(OutboxMessage, {
        where: { tenantId: tenant.id, ...(status ? { status } : {}) },
        order: { createdAt: 'DESC', id: 'DESC' },
        take: limit,
      });
    });
  }

  /**
   * Delivers the tenant's pending messages, batch after batch; returns how many were sent. A message
   * that fails is tried once per run (the next run, or the hourly sweep, tries again).
   */
  async deliver(tenantId: string): Promise<number> {
    const ctx = RequestContext.forTenantJob(tenantId, { tree: true });
    const tried: string[] = [];
    let sent = 0;
    for (;;) {
      const ids = await this.db.run(ctx, async ({ em }) => {
        const rows: { id: string }[] = await em.query(
          `SELECT id FROM outbox_message WHERE tenant_id = $1 AND status = 'PENDING' AND NOT (id = ANY($2::uuid[])) ORDER BY created_at, id LIMIT ${BATCH}`,
          [tenantId, tried],
        );
        return rows.map((r) => r.id);
      });
      for (const id of ids) if (await this.deliverOne(ctx, id)) sent += 1;
      tried.push(...ids);
      if (ids.length < BATCH) break;
    }
    if (sent) this.logger.log(`tenant ${tenantId}: ${sent} message(s) delivered`);
    return sent;
  }

  private async deliverOne(ctx: RequestContext, id: string): Promise<boolean> {
    return this.db.run(ctx, async (tx) => {
      const [row]: OutboxMessage[] = await tx.em.query(
        `SELECT id, tenant_id AS "tenantId", channel, recipient, subject, body, attempts FROM outbox_message WHERE id = $1 AND status = 'PENDING' FOR UPDATE SKIP LOCKED`,
        [id],
      );
      if (!row) return false; // delivered meanwhile, or being delivered by another worker
      let receipt: DeliveryReceipt;
      try {
        receipt = await this.send(tx, row);
      } catch (err) {
        const attempts = row.attempts + 1;
        // The error's class only: provider messages may quote the number or the text.
        const reason = err instanceof Error ? err.name : 'Error';
        await tx.em.query(`UPDATE outbox_message SET attempts = $2, last_error = $3, status = $4 WHERE id = $1`, [
          id,
          attempts,
          reason,
          attempts >= MAX_ATTEMPTS ? OutboxStatus.FAILED : OutboxStatus.PENDING,
        ]);
        this.logger.warn(`message ${id} (${row.channel}) failed on attempt ${attempts}: ${reason}`);
        return false;
      }
      await tx.em.query(
        `UPDATE outbox_message SET status = 'SENT', attempts = attempts + 1, sent_at = $2, receipt = $3, last_error = NULL WHERE id = $1`,
        [id, this.clock.now(), receipt.receipt],
      );
      return true;
    });
  }

  private async send(tx: import('@engine/database').Tx, row: OutboxMessage): Promise<DeliveryReceipt> {
    const message: OutboundMessage = { id: row.id, recipient: row.recipient, subject: row.subject, body: row.body };
    switch (row.channel) {
      case OutboxChannel.SMS:
        return this.sms.send(message);
      case OutboxChannel.EMAIL:
        return this.email.send(message);
      case OutboxChannel.LETTER:
        return this.letters.send(message);
      case OutboxChannel.IN_APP:
        return this.inApp(tx, row);
    }
  }

  /** In-app: a row in the recipient's notifications, in the recipient's tenant (the tenant itself or a descendant). */
  private async inApp(tx: import('@engine/database').Tx, row: OutboxMessage): Promise<DeliveryReceipt> {
    const userId = /^user:([0-9a-f-]{36})$/.exec(row.recipient)?.[1];
    // Readable only within the supervising tenant's tree: a user elsewhere is never written to.
    const [user]: { tenant_id: string }[] = userId
      ? await tx.em.query(`SELECT tenant_id FROM app_user WHERE id = $1 AND tenant_id IS NOT NULL`, [userId])
      : [];
    if (!user) return { receipt: 'in-app:no-recipient' };
    if (user.tenant_id !== row.tenantId) await this.db.extendScope(tx, user.tenant_id);
    const key = `outbox:${row.id}`;
    const inserted: { id: string }[] = await tx.em.query(
      `INSERT INTO notification (tenant_id, user_id, kind, title, body, dedupe_key) VALUES ($1, $2, 'SUPERVISION', $3, $4, $5)
       ON CONFLICT (tenant_id, user_id, dedupe_key) DO NOTHING RETURNING id`,
      [user.tenant_id, userId, row.subject, row.body, key],
    );
    const [n] = inserted.length
      ? inserted
      : ((await tx.em.query(`SELECT id FROM notification WHERE tenant_id = $1 AND user_id = $2 AND dedupe_key = $3`, [
          user.tenant_id,
          userId,
          key,
        ])) as { id: string }[]);
    return { receipt: `in-app:${n.id}` };
  }
}
