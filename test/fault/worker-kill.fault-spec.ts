import { Job, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type pg from 'pg';
import { jobId } from '@engine/jobs/job-queue';
import { WELCOME_JOB } from '@core/identity';
import {
  ADMIN_PASSWORD,
  REDIS_URL,
  build,
  client,
  createDatabase,
  dropQueueKeys,
  freePort,
  healthy,
  startApp,
  superuser,
  until,
  type Proc,
} from './fault-support';

/**
 * A worker SIGKILLed in the middle of a job: the job is not lost (BullMQ's stalled-job recovery hands
 * it to the next worker once the dead worker's lock lapses) and its effect happens exactly once (the
 * handlers are idempotent by dedupe key). The API runs with WORKER=off and the workers are separate
 * `apps/worker` processes, as in a deployment. The job is the real welcome notification of a new user;
 * the first worker holds it with the test-only hook of `libs/engine/jobs/fault-delay.ts`, either before
 * its handler (nothing written yet) or after it (effect committed, completion not yet recorded).
 */
describe('fault injection: a worker killed in the middle of a job', () => {
  let port: number;
  let api: ReturnType<typeof client>;
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let common: Record<string, string>;
  let apiProc: Proc;
  const workers: Proc[] = [];
  let queue: Queue;
  let redis: Redis;
  let sql: pg.Client;
  let admin: string;
  let office: string;

  beforeAll(async () => {
    build();
    port = await freePort();
    api = client(port);
    database = await createDatabase();
    common = {
      DATABASE_URL: database.url,
      REDIS_URL,
      QUEUE_PREFIX: database.name,
      // Short, so a dead worker's job is recovered within seconds here (production: 30 s each).
      QUEUE_LOCK_DURATION_MS: '2000',
      QUEUE_STALLED_INTERVAL_MS: '1000',
    };
    apiProc = startApp('api', { ...common, PORT: String(port), WORKER: 'off', SEED_DEMO: 'false' });
    await healthy(apiProc, api);
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    queue = new Queue('jobs', { connection: redis, prefix: database.name });
    sql = await superuser(database.url);
    admin = await api.login(null, 'admin', ADMIN_PASSWORD);
    const onboarded = await api.gql(
      'mutation { onboardTenant(input: { code: "fault-county", name: "故障演练县", pluginId: "county-petition-mechanisms" }) { id } }',
      admin,
    );
    expect(onboarded.errors).toBeUndefined();
    // The platform admin creates the new county's first office director (docs/accounts.md); the office creates the rest.
    const first = await api.gql(
      'mutation { createUser(input: { tenantCode: "fault-county", username: "fault-office", password: "fault-office-password", displayName: "演练办公室", roles: [OFFICE_DIRECTOR] }) { id } }',
      admin,
    );
    expect(first.errors).toBeUndefined();
    office = await api.login('fault-county', 'fault-office', 'fault-office-password');
  });

  afterAll(async () => {
    await apiProc?.stop('SIGTERM');
    await queue?.close();
    await redis?.quit(); // a connection handed to BullMQ stays ours to close
    await sql?.end();
    if (database) await dropQueueKeys(database.name);
    await database?.drop();
  });

  afterEach(async () => {
    // Normally each case stops its own; after a failure, none may linger into the next case.
    for (const w of workers.splice(0)) await w.stop('SIGKILL');
  });

  const worker = (extra: Record<string, string> = {}): Proc => {
    const w = startApp('worker', { ...common, ...extra });
    workers.push(w);
    return w;
  };
  const welcomes = async (userId: string): Promise<number> =>
    Number(
      (
        await sql.query<{ n: string }>(
          "SELECT count(*) AS n FROM notification WHERE user_id = $1 AND kind = 'WELCOME'",
          [userId],
        )
      ).rows[0].n,
    );

  async function createUser(username: string): Promise<string> {
    const res = await api.gql(
      `mutation { createUser(input: { tenantCode: "fault-county", username: "${username}", password: "fault-user-password", displayName: "演练用户", roles: [SUPERIOR] }) { id } }`,
      office,
    );
    expect(res.errors).toBeUndefined();
    return (res.data?.createUser as { id: string }).id;
  }

  async function killMidJob(at: 'before' | 'after', username: string): Promise<void> {
    const first = worker({
      JM_FAULT_JOB_DELAY_JOB: WELCOME_JOB,
      JM_FAULT_JOB_DELAY_MS: '600000',
      JM_FAULT_JOB_DELAY_AT: at,
    });
    const userId = await createUser(username);
    const id = jobId('welcome', userId);

    // The first worker has the job: active, and (with `after`) its effect already committed.
    await until(
      async () => {
        const state = await queue.getJobState(id);
        if (state !== 'active') return null;
        return at === 'after' ? ((await welcomes(userId)) === 1 ? true : null) : true;
      },
      60,
      `the first worker to hold the job ${at} its handler`,
      first.stderr,
    );
    expect(await welcomes(userId)).toBe(at === 'before' ? 0 : 1);

    await first.stop('SIGKILL');
    // Nobody else is consuming: the job is still marked active, on a worker that no longer exists.
    expect(await queue.getJobState(id)).toBe('active');

    const second = worker();
    const { job: done, state } = await until(
      async () => {
        const job = await Job.fromId(queue, id);
        const now = job ? await job.getState() : null;
        // The completed state and the attempt count are written by one script, but a read may see the
        // state a moment before the count: wait for both (a count that never comes still fails below).
        return job && ((now === 'completed' && job.attemptsMade > 0) || now === 'failed') ? { job, state: now } : null;
      },
      90,
      'the next worker to recover and finish the job',
      second.stderr,
    );
    expect({ state, failedReason: done.failedReason }).toEqual({ state: 'completed', failedReason: undefined });
    // Recovered from the stalled state once and started twice: the second worker ran it again.
    expect(done.stalledCounter).toBe(1);
    expect(done.attemptsStarted).toBe(2);
    expect(done.attemptsMade).toBe(1);

    // Exactly one effect, in the database and as the user sees it.
    expect(await welcomes(userId)).toBe(1);
    const token = await api.login('fault-county', username, 'fault-user-password');
    const inbox = await api.gql('{ myNotifications { kind } }', token);
    expect((inbox.data?.myNotifications as { kind: string }[]).filter((n) => n.kind === 'WELCOME')).toHaveLength(1);

    await second.stop('SIGTERM');
  }

  it('killed before the handler ran: the next worker runs the job, and its effect appears once', async () => {
    await killMidJob('before', 'killed-before');
  });

  it('killed after the handler committed, before the job was recorded done: the job runs again, its effect stays single', async () => {
    await killMidJob('after', 'killed-after');
  });
});
