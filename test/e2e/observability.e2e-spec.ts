import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { Queue } from 'bullmq';
import request from 'supertest';
import { JobsModule } from '@engine/jobs';
import { startTestApp, type TestApp } from '@test/support/test-app';

/**
 * Logs and metrics as operators expect (issue 15 item 4): one JSON line per request with its id,
 * tenant, user, operation, duration and result and never a variable or a petitioner's personal data;
 * Prometheus metrics behind METRICS_TOKEN or on the internal port; the shutdown logged; lost job
 * schedulers reported by /health and re-created.
 */
const METRICS_TOKEN = 'metrics-token-for-tests-0123';
const PETITIONER = {
  name: '李秀英',
  idNumber: '11010519491231002X',
  phone: '13812345678',
  address: '示范县某镇某村三组12号',
};

class Lines extends Writable {
  readonly text: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  json(): Record<string, unknown>[] {
    return this.text.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

describe('structured logs and metrics', () => {
  let t: TestApp;
  const lines = new Lines();
  let office: string;
  let closed = false;

  beforeAll(async () => {
    t = await startTestApp(
      { LOG_FORMAT: 'json', LOG_LEVEL: 'log', METRICS_TOKEN, METRICS_PORT: '0' },
      { logStream: lines },
    );
    office = await t.login('town-petition-systems', 'office');
  }, 180_000);
  afterAll(async () => {
    if (!closed) await t.close();
  });

  it('writes one JSON line per request with request id, tenant, user, operation, duration and result, and no personal data', async () => {
    const res = await t
      .http()
      .post('/graphql')
      .set('authorization', `Bearer ${office}`)
      .set('x-request-id', 'trace-42')
      .send({
        query: 'mutation Intake($i: ReceivePetitionInput!) { receivePetition(input: $i) { id } }',
        operationName: 'Intake',
        variables: {
          i: {
            tenantCode: 'town-petition-systems',
            channel: 'VISIT',
            source: 'LOCAL',
            matter: '反映李秀英家宅基地纠纷',
            category: 'LAND',
            petitioners: [PETITIONER],
          },
        },
      });
    expect(res.headers['x-request-id']).toBe('trace-42');
    expect(res.body.errors).toBeUndefined();
    const bad = await t
      .http()
      .post('/graphql')
      .set('authorization', `Bearer ${office}`)
      .send({ query: `{ petitionCase(id: "${PETITIONER.idNumber}") { id } }` });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const me = await t.http().get('/health').set('x-request-id', 'not a token!');
    expect(me.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

    const logged = lines.json(); // every line parses
    const line = logged.find((l) => l.requestId === 'trace-42');
    expect(line).toMatchObject({
      operation: 'mutation.receivePetition',
      operationName: 'Intake',
      result: 'OK',
      req: { method: 'POST', path: '/graphql' },
      res: { statusCode: 200 },
    });
    expect(typeof line!.durationMs).toBe('number');
    expect(line!.tenantId).toMatch(/^[0-9a-f-]{36}$/);
    expect(line!.userId).toMatch(/^[0-9a-f-]{36}$/);
    const badLine = logged.find((l) => l.requestId === bad.headers['x-request-id']);
    expect(badLine).toMatchObject({ operation: 'query.petitionCase', result: 'BAD_USER_INPUT' });

    const all = lines.text.join('\n');
    for (const secret of [
      PETITIONER.name,
      PETITIONER.idNumber,
      PETITIONER.phone,
      PETITIONER.address,
      '宅基地',
      office,
    ]) {
      expect(all).not.toContain(secret);
    }
  });

  it('counts requests by operation, errors by code, the pool, the queue and failed jobs; behind the token on the API port', async () => {
    for (let i = 0; i < 3; i += 1) await t.gql('{ me { id } }'); // UNAUTHENTICATED without a token
    t.queue.register({ name: 'test.always-fails', handle: async () => Promise.reject(new Error('boom')) });
    await t.queue.enqueue('test.always-fails', {}, { jobId: 'always-fails-1' });
    const scrape = () => t.http().get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`);
    // Its first attempt fails at once; retries are the queue's business (BullMQ delays them).
    for (
      let deadline = Date.now() + 30_000;
      !/^jm_job_failures_total\{job="test.always-fails"/m.test((await scrape()).text);
    ) {
      if (Date.now() > deadline) throw new Error('no job failure counted');
      await new Promise((r) => setTimeout(r, 100));
    }

    expect((await t.http().get('/metrics')).status).toBe(401);
    expect((await t.http().get('/metrics').set('authorization', 'Bearer wrong-token-wrong-token')).status).toBe(401);
    const scraped = await scrape();
    expect(scraped.status).toBe(200);
    const text = scraped.text;
    const value = (series: string): number =>
      Number(new RegExp(`^${series.replace(/[{}"]/g, (c) => `\\${c}`)} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
    expect(value('jm_graphql_requests_total{operation="query.me",result="UNAUTHENTICATED"}')).toBeGreaterThanOrEqual(3);
    expect(value('jm_graphql_requests_total{operation="mutation.login",result="OK"}')).toBeGreaterThanOrEqual(1);
    expect(value('jm_graphql_errors_total{code="UNAUTHENTICATED"}')).toBeGreaterThanOrEqual(3);
    expect(value('jm_graphql_request_duration_seconds_count{operation="query.me"}')).toBeGreaterThanOrEqual(3);
    expect(value('jm_job_failures_total{job="test.always-fails",final="false"}')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^jm_db_pool_connections\{state="total"\} \d+$/m);
    expect(text).toMatch(/^jm_queue_jobs\{state="waiting"\} \d+$/m);
    expect(text).toMatch(/^jm_job_schedulers_missing \d+$/m);

    // The internal port: no token, and the health report too.
    const internal = `http://127.0.0.1:${(t.internal!.address() as AddressInfo).port}`;
    const plain = await request(internal).get('/metrics');
    expect(plain.status).toBe(200);
    expect(plain.text).toContain('jm_graphql_requests_total');
    expect((await request(internal).get('/health')).body).toMatchObject({
      status: 'ok',
      database: { reachable: true },
    });
  });

  it('logs the shutdown', async () => {
    const before = lines.text.length;
    closed = true;
    await t.close();
    const shutdown = lines
      .json()
      .slice(before)
      .filter((l) => l.context === 'Shutdown');
    expect(shutdown.map((l) => l.msg)).toEqual([
      expect.stringMatching(/^stopped in \d+ ms \(requests drained, jobs drained\)$/),
    ]);
  });
});

(process.env.REDIS_URL ? describe : describe.skip)('job schedulers on Redis', () => {
  it('are re-created when Redis lost them, and /health reports the missing one meanwhile', async () => {
    const t = await startTestApp({ SCHEDULER_CHECK_SECONDS: '3600' });
    const queue = new Queue('jobs', { connection: { url: process.env.REDIS_URL }, prefix: process.env.QUEUE_PREFIX });
    try {
      expect((await t.http().get('/health')).body).toMatchObject({
        status: 'ok',
        queue: { kind: 'bullmq', missingSchedulers: [] },
      });
      const [scheduler] = await queue.getJobSchedulers();
      expect(scheduler?.key).toBeTruthy();
      await queue.removeJobScheduler(scheduler.key);
      const health = await t.http().get('/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'degraded', queue: { missingSchedulers: [scheduler.key] } });
      expect(await t.app.get(JobsModule).checkSchedulers()).toEqual([scheduler.key]);
      expect((await t.http().get('/health')).body).toMatchObject({ status: 'ok', queue: { missingSchedulers: [] } });
    } finally {
      await queue.close();
      await t.close();
    }
  }, 180_000);
});
