import { Inject, Injectable, Logger } from '@nestjs/common';
import { subject } from '@casl/ability';
import type { EntityManager } from 'typeorm';
import { Clock } from '@engine/clock';
import { RequestContext } from '@engine/context';
import { Db, type Tx } from '@engine/database';
import type { Page } from '@engine/graphql';
import { SUPERVISION_ERRORS } from '../supervision.errors';
import { EmailSender, LetterSender, SmsSender, type DeliveryReceipt, type OutboundMessage } from './channels';
import { OutboxChannel, OutboxStatus } from '../enums';
import { OutboxMessage } from './outbox-message.entity';
import {
  claimPending,
  insertDrafts,
  insertInAppNotification,
  markFailed,
  markSent,
  outboxPage,
  recipientTenant,
  releaseSavepoint,
  rollbackToSavepoint,
  savepoint,
  type PendingMessage,
} from './outbox.repository';
import { tenantByCode } from '../supervision-rules';

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
/** Messages per delivery transaction. */
const BATCH = 100;

/**
 * The outbox: every outbound notification of supervision (in-app, SMS, e-mail, letters) is written in the
 * transaction that decides it, and delivered by a job through the channel's adapter. Delivery claims a
 * batch of rows (`FOR UPDATE SKIP LOCKED`), and per row, in a savepoint, hands it to the adapter and marks
 * it SENT with the adapter's receipt; the batch commits once. A failing message rolls back to its own
 * savepoint, so no message is handed over twice by this platform because another failed; a provider gets
 * the row id as idempotency key for the one case left (the batch's commit lost after a hand-over).
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
    await insertDrafts(em, tenantId, drafts);
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

  /** The office reads its tenant's outbox a page at a time. */
  async page(
    ctx: RequestContext,
    tenantCode: string,
    status: OutboxStatus | undefined,
    limit: number,
    after: string | null,
  ): Promise<Page<OutboxMessage>> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode, 'tenantCode');
      if (!ctx.ability.can('read', subject('OutboxMessage', { tenantId: tenant.id })))
        throw SUPERVISION_ERRORS.forbidden('OUTBOX_IS_OFFICE');
      return outboxPage(em, tenant.id, status, limit, after);
    });
  }

  /**
   * Delivers the tenant's pending messages, up to `BATCH` per transaction; returns how many were sent.
   * Each message runs in a savepoint of its batch: a message whose channel refuses it, or whose own
   * writes fail, is rolled back to its savepoint and counted as a failed attempt, while the messages
   * before and after it in the batch stay delivered and are committed with the batch — a failure never
   * undoes (and so never repeats) another message's hand-over. A message that fails is tried once per
   * run (the next run, or the hourly sweep, tries again). Two deliveries at once claim disjoint rows.
   */
  async deliver(tenantId: string): Promise<number> {
    const ctx = RequestContext.forTenantJob(tenantId, { tree: true });
    const tried: string[] = [];
    let sent = 0;
    for (;;) {
      const batch = await this.db.run(ctx, (tx) => this.deliverBatch(tx, tenantId, tried));
      sent += batch.sent;
      tried.push(...batch.claimed);
      if (batch.claimed.length < BATCH) break;
    }
    if (sent) this.logger.log(`tenant ${tenantId}: ${sent} message(s) delivered`);
    return sent;
  }

  private async deliverBatch(
    tx: Tx,
    tenantId: string,
    tried: readonly string[],
  ): Promise<{ claimed: string[]; sent: number }> {
    const rows = await claimPending(tx.em, tenantId, tried, BATCH);
    // Tenants whose notifications this transaction may already write (extendScope), after a savepoint was kept.
    const scope = new Set<string>([tenantId]);
    let sent = 0;
    for (const row of rows) {
      await savepoint(tx.em);
      const widened: string[] = [];
      try {
        const receipt = await this.send(tx, row, scope, widened);
        await markSent(tx.em, row.id, this.clock.now(), receipt.receipt);
        await releaseSavepoint(tx.em);
        for (const t of widened) scope.add(t);
        sent += 1;
      } catch (err) {
        await rollbackToSavepoint(tx.em);
        const attempts = row.attempts + 1;
        // The error's class only: provider messages may quote the number or the text.
        const reason = err instanceof Error ? err.name : 'Error';
        await markFailed(tx.em, row.id, attempts, reason, MAX_ATTEMPTS);
        this.logger.warn(`message ${row.id} (${row.channel}) failed on attempt ${attempts}: ${reason}`);
      }
    }
    return { claimed: rows.map((r) => r.id), sent };
  }

  private async send(
    tx: Tx,
    row: PendingMessage,
    scope: ReadonlySet<string>,
    widened: string[],
  ): Promise<DeliveryReceipt> {
    const message: OutboundMessage = { id: row.id, recipient: row.recipient, subject: row.subject, body: row.body };
    switch (row.channel) {
      case OutboxChannel.SMS:
        return this.sms.send(message);
      case OutboxChannel.EMAIL:
        return this.email.send(message);
      case OutboxChannel.LETTER:
        return this.letters.send(message);
      case OutboxChannel.IN_APP:
        return this.inApp(tx, row, scope, widened);
    }
  }

  /** In-app: a row in the recipient's notifications, in the recipient's tenant (the tenant itself or a descendant). */
  private async inApp(
    tx: Tx,
    row: PendingMessage,
    scope: ReadonlySet<string>,
    widened: string[],
  ): Promise<DeliveryReceipt> {
    const userId = /^user:([0-9a-f-]{36})$/.exec(row.recipient)?.[1];
    // Readable only within the supervising tenant's tree: a user elsewhere is never written to.
    const userTenant = userId ? await recipientTenant(tx.em, userId) : null;
    if (!userId || !userTenant) return { receipt: 'in-app:no-recipient' };
    if (!scope.has(userTenant)) {
      await this.db.extendScope(tx, userTenant);
      widened.push(userTenant);
    }
    const id = await insertInAppNotification(tx.em, {
      tenantId: userTenant,
      userId,
      subject: row.subject,
      body: row.body,
      key: `outbox:${row.id}`,
    });
    return { receipt: `in-app:${id}` };
  }
}
