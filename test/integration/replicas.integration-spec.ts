import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import request from 'supertest';
import { loadConfig } from '@engine/config';
import { InProcessQueue, JobQueue } from '@engine/jobs';
import { CASES_SWEEP_ALL_JOB, CaseSweepService } from '@modules/cases';
import { CadenceService, SWEEP_ALL_JOB } from '@modules/meetings';
import { createApp, type CreatedApp } from '../../apps/api/create-app';
import {
  ADMIN_PASSWORD,
  DEMO_PASSWORD,
  REAL_SERVICES,
  startTestApp,
  type GqlResult,
  type TestApp,
} from '@test/support/test-app';

/**
 * Replicas on one PostgreSQL (CI's second pass; skipped on the embedded database, which is one
 * process by design). With Redis: two API apps (WORKER=off) and two workers share the database and
 * the queue under a bounded mixed load — the APIs run no sweep, no tenant is swept twice in a period,
 * no request fails, and every acknowledged write is read back through the other API. Without Redis:
 * two API apps each keep their timers, and only the one that claims a tick runs it.
 * Each "process" is a complete app (own pool, own Redis clients, own queue) in this Jest process.
 */
const describeReal = REAL_SERVICES ? describe : describe.skip;

interface Run {
  sweep: 'cadence' | 'cases';
  tenantId: string;
  hour: string;
  by: unknown;
}

describeReal('replicas on one PostgreSQL', () => {
  const runs: Run[] = [];
  const originals = { cadence: CadenceService.prototype.sweepTenant, cases: CaseSweepService.prototype.sweepTenant };
  beforeAll(() => {
    const record = (sweep: Run['sweep'], original: (this: unknown, tenantId: string) => Promise<unknown>) =>
      async function (this: unknown, tenantId: string): Promise<never> {
        runs.push({ sweep, tenantId, hour: new Date().toISOString().slice(0, 13), by: this });
        return (await original.call(this, tenantId)) as never;
      };
    CadenceService.prototype.sweepTenant = record('cadence', originals.cadence) as never;
    CaseSweepService.prototype.sweepTenant = record('cases', originals.cases) as never;
  });
  afterAll(() => {
    CadenceService.prototype.sweepTenant = originals.cadence;
    CaseSweepService.prototype.sweepTenant = originals.cases;
  });

  /** Another app on the first one's database and queue prefix (no demo seeding: the first one did it). */
  const join = (first: TestApp, env: Record<string, string>): Promise<CreatedApp> =>
    createApp(
      loadConfig({
        ...process.env,
        DATABASE_URL: first.config.databaseUrl!,
        JWT_SECRET: first.config.jwtSecret!,
        PII_KEY: first.config.piiKey!,
        BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'error',
        PASSWORD_HASH_MEMORY_KIB: '1024',
        PASSWORD_HASH_TIME_COST: '1',
        ...env,
      }),
    );

  const gqlOn = async <T>(
    app: INestApplication,
    query: string,
    variables: Record<string, unknown>,
    token: string,
  ): Promise<GqlResult<T>> =>
    (
      await request(app.getHttpServer())
        .post('/graphql')
        .set('authorization', `Bearer ${token}`)
        .send({ query, variables })
    ).body as GqlResult<T>;

  /**
   * The ticks enqueue only tenants with work (sweep_tenants_*): two demo tenants are made to look onboarded
   * 40 days ago, so the cadence sweep owes shizi's earlier periods and the cases sweep screens last month
   * in town-petition-systems (its screening is monthly).
   */
  const giveTheSweepsWork = async (databaseUrl: string): Promise<void> => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(
        `UPDATE tenant SET created_at = created_at - interval '40 days' WHERE code IN ('shizi', 'town-petition-systems')`,
      );
    } finally {
      await client.end();
    }
  };

  const duplicates = (of: Run[]): string[] => {
    const seen = new Map<string, number>();
    for (const r of of)
      seen.set(`${r.sweep} ${r.tenantId} ${r.hour}`, (seen.get(`${r.sweep} ${r.tenantId} ${r.hour}`) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([k, n]) => `${k} ×${n}`);
  };

  (process.env.REDIS_URL ? it : it.skip)(
    'two APIs and two workers on Redis: the workers sweep each tenant once a period, every acknowledged write is found',
    async () => {
      const api1 = await startTestApp({ WORKER: 'off' });
      const others: CreatedApp[] = [];
      try {
        others.push(
          await join(api1, { WORKER: 'off' }),
          await join(api1, { WORKER: 'on' }),
          await join(api1, { WORKER: 'on' }),
        );
        const [api2, worker1, worker2] = others;
        await giveTheSweepsWork(api1.config.databaseUrl!);
        const office = await api1.login('shizi', 'office');
        const apis = [api1.app, api2.app];
        const acknowledged: string[] = [];
        const failures: unknown[] = [];
        // Bounded mixed load: 48 operations, 8 at a time, alternating APIs; writes, reads, and each API's
        // scheduler tick of both sweeps (as when every replica's timer fires within one hour).
        const operations = Array.from({ length: 48 }, (_, i) => async (): Promise<void> => {
          const app = apis[i % 2];
          if (i % 12 === 5) {
            await app
              .get(JobQueue)
              .enqueue(i % 24 === 5 ? SWEEP_ALL_JOB : CASES_SWEEP_ALL_JOB, {}, { jobId: `replica-tick-${i}` });
            return;
          }
          if (i % 3 === 0) {
            const res = await gqlOn<{ meetings: { id: string }[] }>(
              app,
              'query($t: String!) { meetings(tenantCode: $t) { id title } }',
              { t: 'shizi' },
              office,
            );
            if (res.errors) failures.push(res.errors);
            return;
          }
          const res = await gqlOn<{ scheduleMeeting: { id: string } }>(
            app,
            'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }',
            {
              i: {
                tenantCode: 'shizi',
                typeCode: 'WORKING',
                title: `副本负载 ${i}`,
                scheduledAt: '2026-12-28T09:00:00+08:00',
              },
            },
            office,
          );
          if (res.errors || !res.data) failures.push({ api: i % 2, errors: res.errors });
          else acknowledged.push(res.data.scheduleMeeting.id);
        });
        const pending = [...operations];
        await Promise.all(
          Array.from({ length: 8 }, async () => {
            for (let op = pending.shift(); op; op = pending.shift()) await op();
          }),
        );
        await worker1.app.get(JobQueue).whenIdle(120_000);

        expect(failures).toEqual([]);
        expect(acknowledged.length).toBe(28);
        for (const [app, token] of [
          [api2.app, office],
          [api1.app, office],
        ] as const) {
          const res = await gqlOn<{ meetings: { id: string }[] }>(
            app,
            'query($t: String!) { meetings(tenantCode: $t, limit: 200) { id } }',
            { t: 'shizi' },
            token,
          );
          expect(res.errors).toBeUndefined();
          const found = new Set(res.data!.meetings.map((m) => m.id));
          expect(acknowledged.filter((id) => !found.has(id))).toEqual([]);
        }
        const sweepers = new Set(runs.map((r) => r.by));
        const workerServices = [worker1, worker2].flatMap((w) => [
          w.app.get(CadenceService),
          w.app.get(CaseSweepService),
        ]);
        expect([...sweepers].every((s) => workerServices.includes(s as never))).toBe(true);
        expect(runs.some((r) => r.sweep === 'cadence') && runs.some((r) => r.sweep === 'cases')).toBe(true);
        expect(duplicates(runs)).toEqual([]);
      } finally {
        for (const o of others.reverse()) await o.close();
        await api1.close();
        runs.length = 0;
      }
    },
    300_000,
  );

  it('two APIs without Redis: each keeps its timer, only the one that claims a tick sweeps', async () => {
    const noRedis = { REDIS_URL: '', REDIS_CLUSTER_NODES: '' };
    const a = await startTestApp(noRedis);
    let b: CreatedApp | null = null;
    try {
      b = await join(a, noRedis);
      await a.queue.whenIdle(60_000);
      runs.length = 0;
      await giveTheSweepsWork(a.config.databaseUrl!);
      const queues = [a.queue, b.app.get(JobQueue)] as InProcessQueue[];
      expect(queues.every((q) => q.kind === 'in-process')).toBe(true);
      const at = Date.now();
      const claimed = await Promise.all(
        queues.flatMap((q) => [q.tick(SWEEP_ALL_JOB, 3600_000, at), q.tick(CASES_SWEEP_ALL_JOB, 3600_000, at)]),
      );
      expect(claimed.filter(Boolean)).toHaveLength(2);
      for (const q of queues) await q.whenIdle(120_000);
      expect(runs.some((r) => r.sweep === 'cadence') && runs.some((r) => r.sweep === 'cases')).toBe(true);
      expect(duplicates(runs)).toEqual([]);
      // The next period is claimed afresh.
      expect(await queues[1].tick(SWEEP_ALL_JOB, 3600_000, at + 3600_000)).toBe(true);
      expect(await queues[0].tick(SWEEP_ALL_JOB, 3600_000, at + 3600_000)).toBe(false);
      for (const q of queues) await q.whenIdle(120_000);
    } finally {
      await b?.close();
      await a.close();
    }
  }, 300_000);

  it('in production WORKER is off unless asked for', () => {
    expect(loadConfig({ NODE_ENV: 'production', EMBEDDED_DATABASE: 'on' }).runWorkers).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', EMBEDDED_DATABASE: 'on', WORKER: 'on' }).runWorkers).toBe(true);
    expect(loadConfig({}).runWorkers).toBe(true);
    void DEMO_PASSWORD;
  });
});
