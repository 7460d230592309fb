import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@engine/config';
import { Clock } from '@engine/clock';
import { JobQueue } from '@engine/jobs';
import { BullMqQueue } from '@engine/jobs/bullmq.queue';
import { SignInLimiter } from '@core/identity/sign-in-limiter';
import { createApp, type CreatedApp } from '../../apps/api/create-app';
import { ADMIN_PASSWORD, REAL_SERVICES, startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

const TOWN = 'town-petition-systems';

/**
 * Issue 12, item 8 — smaller leaks: the recusal step named the recused leader (a petitioner) in clear;
 * masks told the value's length and showed a short address whole; a wrong PII_KEY started and then
 * failed every petitioner read; two deployments on one Redis shared the queue `{jm}`.
 */
describe('smaller leaks (issue 12 item 8)', () => {
  let t: TestApp;
  let office: string;
  let superior: string;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).set('2026-09-01T09:00:00+08:00');
    [office, superior] = await Promise.all([
      t.login(TOWN, 'office'),
      t.login('county-petition-mechanisms', 'superior'),
    ]);
    const roster = await t.gql(
      'mutation($i: SetReceptionRosterInput!) { setReceptionRoster(input: $i) { startsOn } }',
      { i: { tenantCode: TOWN, startsOn: '2026-09-01', leaders: [{ name: '冯领导' }, { name: '陈领导' }] } },
      office,
    );
    expect(roster.errors).toBeUndefined();
    // 004 領導接待日制度 7: the leader on duty is a petitioner of the visit, and recuses.
    const received = await t.gql<{ receivePetition: { id: string; receptionLeader: string } }>(
      'mutation($i: ReceivePetitionInput!) { receivePetition(input: $i) { id receptionLeader } }',
      {
        i: {
          tenantCode: TOWN,
          channel: 'VISIT',
          source: 'LOCAL',
          matter: '反映邻里宅基地纠纷，要求调处。',
          category: 'OTHER',
          petitioners: [
            { name: '冯领导', address: '机密街1号', phone: '0105551234' },
            { name: '欧阳娜娜', address: '示范县某镇某村三组12号' },
          ],
        },
      },
      office,
    );
    expect(received.errors).toBeUndefined();
    expect(received.data!.receivePetition.receptionLeader).toBe('陈领导');
    caseId = received.data!.receivePetition.id;
  }, 180_000);
  afterAll(async () => t.close());

  const HISTORY =
    'query($id: ID!) { petitionCase(id: $id) { history { kind data } petitioners { name address phone masked } } }';
  type Seen = {
    petitionCase: {
      history: { kind: string; data: Record<string, unknown> }[];
      petitioners: { name: string; address: string | null; phone: string | null; masked: boolean }[];
    } | null;
  };

  it('004 領導接待日制度 7: the RECUSED step masks the recused leader for the county superior ({"recused":"冯领导"} next to 冯** is gone)', async () => {
    const seen = await t.gql<Seen>(HISTORY, { id: caseId }, superior);
    expect(seen.errors).toBeUndefined();
    const recused = seen.data!.petitionCase!.history.find((s) => s.kind === 'RECUSED')!;
    expect(recused.data).toMatchObject({ recused: '冯**', masked: true, onDuty: '陈领导' });
    expect(JSON.stringify(seen)).not.toContain('冯领导');
    // The office, which reads petitioners' names in full, reads the recused leader in full.
    const full = await t.gql<Seen>(HISTORY, { id: caseId }, office);
    expect(full.data!.petitionCase!.history.find((s) => s.kind === 'RECUSED')!.data).toMatchObject({
      recused: '冯领导',
      masked: false,
    });
  });

  it('the recused name is not stored in clear: neither the step nor its audit entry holds it', async () => {
    const ds = t.database.dataSource;
    const [step] = (await ds.query(
      `SELECT data::text AS data FROM case_event WHERE case_id = $1 AND kind = 'RECUSED'`,
      [caseId],
    )) as { data: string }[];
    expect(step.data).toContain('recusedEnc');
    expect(step.data).not.toContain('冯领导');
    const audit = (await ds.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE table_name = 'case_event' AND row_data::text LIKE '%冯领导%'`,
    )) as { n: number }[];
    expect(audit[0].n).toBe(0);
  });

  it('masks tell neither the length nor a short address whole (机密街1号 → 机密街1号*** was wrong)', async () => {
    const seen = await t.gql<Seen>(HISTORY, { id: caseId }, superior);
    const [feng, ouyang] = seen.data!.petitionCase!.petitioners;
    expect(feng).toMatchObject({ name: '冯**', masked: true });
    expect(ouyang.name).toBe('欧**');
    expect(feng.address).toBe('机密***');
    expect(feng.address).not.toContain('1号');
    expect(feng.phone).toBe('010****1234');
    expect(ouyang.address).toBe('示范县某镇某***');
  });

  it('a wrong PII_KEY stops the API at start, naming the check and not the key; the right one starts', async () => {
    const wrong = 'another-pii-key-another-pii-key-another-0123';
    const start = async (piiKey: string, dataDir?: string): Promise<CreatedApp> =>
      createApp(
        loadConfig({
          ...process.env,
          DATABASE_URL: t.config.databaseUrl ?? '',
          DATA_DIR: dataDir ?? t.config.dataDir,
          JWT_SECRET: t.config.jwtSecret!,
          PII_KEY: piiKey,
          BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
          SEED_DEMO: 'false',
          LOG_LEVEL: 'error',
          PASSWORD_HASH_MEMORY_KIB: '1024',
          PASSWORD_HASH_TIME_COST: '1',
        }),
      );
    if (REAL_SERVICES) {
      // A second process on the same PostgreSQL.
      await expect(start(wrong)).rejects.toThrow(
        /PII_KEY is not the key this database's personal data was sealed with/,
      );
      await expect(start(wrong)).rejects.not.toThrow(new RegExp(wrong));
      const right = await start(t.config.piiKey!);
      await right.close();
    } else {
      // The embedded database on disk, started twice.
      const dir = mkdtempSync(join(tmpdir(), 'jm-pii-'));
      try {
        const first = await start('first-pii-key-first-pii-key-first-pii-0123', dir);
        await first.close();
        const refused = await start(wrong, dir).then(
          () => null,
          (err: Error) => err,
        );
        expect(refused?.message).toMatch(/PII_KEY is not the key this database's personal data was sealed with/);
        expect(refused?.message).not.toContain(wrong);
        const again = await start('first-pii-key-first-pii-key-first-pii-0123', dir);
        await again.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    // The running API still reads petitioners.
    expect(((await t.gql(HISTORY, { id: caseId }, office)) as GqlResult).errors).toBeUndefined();
  }, 240_000);

  (process.env.REDIS_URL ? it : it.skip)(
    'two deployments on one Redis get different queue and sign-in counter prefixes by default; replicas of one share theirs',
    async () => {
      const apps: TestApp[] = [];
      apps.push(await startTestApp({ SEED_DEMO: 'false', QUEUE_PREFIX: '' }));
      apps.push(await startTestApp({ SEED_DEMO: 'false', QUEUE_PREFIX: '' }));
      const replica = REAL_SERVICES
        ? await createApp(
            loadConfig({
              ...process.env,
              DATABASE_URL: apps[0].config.databaseUrl!,
              JWT_SECRET: apps[0].config.jwtSecret!,
              PII_KEY: apps[0].config.piiKey!,
              SEED_DEMO: 'false',
              LOG_LEVEL: 'error',
              PASSWORD_HASH_MEMORY_KIB: '1024',
              PASSWORD_HASH_TIME_COST: '1',
            }),
          )
        : null;
      try {
        const [a, b] = apps.map((x) => x.app.get(JobQueue));
        expect(a).toBeInstanceOf(BullMqQueue);
        const [pa, pb] = [(a as BullMqQueue).prefix, (b as BullMqQueue).prefix];
        expect(pa).toMatch(/^\{jm-[0-9a-f]{8}\}$/);
        expect(pb).toMatch(/^\{jm-[0-9a-f]{8}\}$/);
        expect(pa).not.toBe(pb);
        if (replica) expect((replica.app.get(JobQueue) as BullMqQueue).prefix).toBe(pa);
        // The sign-in counters sit under the same prefix: two deployments never share a lockout, replicas do.
        const [la, lb] = apps.map((x) => x.app.get(SignInLimiter).keyPrefix);
        expect(la).toBe(`${pa}:signin`);
        expect(lb).toBe(`${pb}:signin`);
        if (replica) expect(replica.app.get(SignInLimiter).keyPrefix).toBe(la);
      } finally {
        await replica?.close();
        for (const x of apps) await x.close();
      }
    },
    240_000,
  );
});
