import { Clock } from '@engine/clock';
import { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { EmailSender, LetterSender, OutboxService, SmsSender, type OutboundMessage } from '@modules/supervision';
import { OutboxChannel } from '@modules/supervision/enums';
import { statementLog } from '@test/support/statement-log';
import { startTestApp, type TestApp } from '@test/support/test-app';

/** A channel adapter that records every hand-over and refuses the subjects it is told to. */
class RecordingSender {
  readonly accepted: string[] = [];
  readonly refused: string[] = [];
  constructor(
    private readonly channel: string,
    readonly refuse: Set<string>,
  ) {}
  async send(m: OutboundMessage): Promise<{ receipt: string }> {
    if (this.refuse.has(m.subject)) {
      this.refused.push(m.id);
      throw Object.assign(new Error('gateway refused'), { name: 'GatewayRefused' });
    }
    this.accepted.push(m.id);
    return { receipt: `${this.channel}:${m.id}` };
  }
}

/**
 * Outbox delivery in batches (issue 18 item 3): many messages per transaction, each in a savepoint, so
 * a message failing in the middle of a batch — refused by its channel, or its own database write failing —
 * loses no other message and makes none go out twice; two deliveries at once hand each message over once.
 * On PostgreSQL when DATABASE_URL is set (CI's second pass), else PGlite.
 */
describe('outbox delivery in batches', () => {
  let t: TestApp;
  let db: Db;
  let tenantId: string;
  let userId: string;
  const refuse = new Set<string>();
  const sms = new RecordingSender('sms', refuse);
  const email = new RecordingSender('email', refuse);
  const letters = new RecordingSender('letter', refuse);
  let outbox: OutboxService;
  const accepted = (): string[] => [...sms.accepted, ...email.accepted, ...letters.accepted];

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(Db);
    const ds = t.database.dataSource;
    [{ id: tenantId }] = (await ds.query(`SELECT id FROM tenant WHERE code = 'shizi'`)) as { id: string }[];
    [{ id: userId }] = (await ds.query(`SELECT id FROM app_user WHERE tenant_id = $1 ORDER BY username LIMIT 1`, [
      tenantId,
    ])) as { id: string }[];
    outbox = new OutboxService(
      db,
      t.app.get(Clock),
      sms as unknown as SmsSender,
      email as unknown as EmailSender,
      letters as unknown as LetterSender,
    );
    // A database failure of one in-app message: its notification insert raises.
    await ds.query(`CREATE FUNCTION outbox_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.title = 'db-fails' THEN RAISE EXCEPTION 'notification refused by the test'; END IF; RETURN NEW; END $$`);
    await ds.query(
      `CREATE TRIGGER outbox_test_fail BEFORE INSERT ON notification FOR EACH ROW EXECUTE FUNCTION outbox_test_fail()`,
    );
  });
  afterAll(async () => {
    await t.close();
  });

  const write = async (drafts: { channel: OutboxChannel; subject: string; recipient?: string }[]): Promise<string[]> =>
    db.run(RequestContext.forTenantJob(tenantId, { tree: true }), async ({ em }) => {
      const stamp = `${Date.now()}-${Math.random()}`;
      await outbox.write(
        em,
        tenantId,
        drafts.map((d, i) => ({
          channel: d.channel,
          recipient: d.recipient ?? `user:${userId}`,
          subject: d.subject,
          body: `body ${i}`,
          dedupeKey: `outbox-batch-test:${stamp}:${i}`,
        })),
      );
      const rows = (await em.query(
        `SELECT id, dedupe_key AS key FROM outbox_message WHERE tenant_id = $1 AND dedupe_key LIKE $2`,
        [tenantId, `outbox-batch-test:${stamp}:%`],
      )) as { id: string; key: string }[];
      // In the drafts' order (the key ends with the draft's index).
      const byIndex = new Map(rows.map((r) => [Number(r.key.split(':').pop()), r.id]));
      return drafts.map((_, i) => byIndex.get(i)!);
    });

  const states = async (ids: string[]) =>
    (await t.database.dataSource.query(
      `SELECT id, status, attempts, last_error AS "lastError", receipt FROM outbox_message WHERE id = ANY($1::uuid[])`,
      [ids],
    )) as { id: string; status: string; attempts: number; lastError: string | null; receipt: string | null }[];

  const notificationsOf = async (ids: string[]): Promise<string[]> =>
    (
      (await t.database.dataSource.query(`SELECT dedupe_key FROM notification WHERE dedupe_key = ANY($1::text[])`, [
        ids.map((id) => `outbox:${id}`),
      ])) as { dedupe_key: string }[]
    ).map((r) => r.dedupe_key.slice('outbox:'.length));

  it('a failure in the middle of a batch loses nothing, and nothing is sent twice', async () => {
    // Deliver what earlier tests or the seed left pending, so the batch below is only these seven.
    await outbox.deliver(tenantId);
    sms.accepted.splice(0);
    email.accepted.splice(0);
    letters.accepted.splice(0);
    const ids = await write([
      { channel: OutboxChannel.SMS, subject: 'ok-1' },
      { channel: OutboxChannel.IN_APP, subject: 'ok-2' },
      { channel: OutboxChannel.SMS, subject: 'refused' },
      { channel: OutboxChannel.IN_APP, subject: 'db-fails' },
      { channel: OutboxChannel.EMAIL, subject: 'ok-5' },
      { channel: OutboxChannel.LETTER, subject: 'ok-6' },
      { channel: OutboxChannel.SMS, subject: 'ok-7' },
    ]);
    expect(ids).toHaveLength(7);
    refuse.add('refused');
    const log = statementLog(t.database.dataSource);
    log.clear();
    expect(await outbox.deliver(tenantId)).toBe(5);
    // Seven messages, one delivery transaction.
    expect(log.statements.filter((s) => /^START TRANSACTION/.test(s))).toHaveLength(1);
    const [m1, m2, m3, m4, m5, m6, m7] = ids;
    const after = new Map((await states(ids)).map((s) => [s.id, s]));
    for (const id of [m1, m2, m5, m6, m7]) expect(after.get(id)).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(after.get(m3)).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'GatewayRefused', receipt: null });
    expect(after.get(m4)).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'QueryFailedError' });
    expect(accepted().sort()).toEqual([m1, m5, m6, m7].sort());
    expect(sms.refused).toEqual([m3]);
    // The in-app message after the failed one is written; the failed one left nothing behind.
    expect(await notificationsOf([m2, m4])).toEqual([m2]);

    // The next run delivers the two that failed, and hands nothing else over again.
    refuse.clear();
    await t.database.dataSource.query(`DROP TRIGGER outbox_test_fail ON notification`);
    expect(await outbox.deliver(tenantId)).toBe(2);
    expect(await outbox.deliver(tenantId)).toBe(0);
    expect(accepted().sort()).toEqual([m1, m3, m5, m6, m7].sort());
    expect((await notificationsOf([m2, m4])).sort()).toEqual([m2, m4].sort());
    expect((await states(ids)).every((s) => s.status === 'SENT')).toBe(true);
    expect(after.get(m1)?.receipt).toBe(`sms:${m1}`);
  });

  it('more messages than a batch, delivered by two workers at once: each handed over once', async () => {
    sms.accepted.splice(0);
    const ids = await write(
      Array.from({ length: 230 }, (_, i) => ({
        channel: i % 3 === 0 ? OutboxChannel.IN_APP : OutboxChannel.SMS,
        subject: `many-${i}`,
      })),
    );
    const [a, b] = await Promise.all([outbox.deliver(tenantId), outbox.deliver(tenantId)]);
    expect(a + b).toBe(230);
    const smsIds = ids.filter((_, i) => i % 3 !== 0);
    expect(sms.accepted.sort()).toEqual([...smsIds].sort());
    expect(new Set(sms.accepted).size).toBe(sms.accepted.length);
    expect((await notificationsOf(ids.filter((_, i) => i % 3 === 0))).length).toBe(77);
    expect((await states(ids)).filter((s) => s.status === 'SENT')).toHaveLength(230);
  });
});
