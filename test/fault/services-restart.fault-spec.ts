import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import pg from 'pg';

/**
 * Fault injection against the real services (CI runs it in a step of its own, serially: it stops
 * PostgreSQL and Redis for everyone on the machine). The API runs as a separate process, built.
 */
const BASE = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PORT = 3900 + Math.floor(Math.random() * 90);
const URL_ = `http://127.0.0.1:${PORT}`;
const cluster = (): string => readdirSync('/etc/postgresql')[0];
const pgCtl = (action: 'stop' | 'start'): void => {
  execSync(
    `pg_ctlcluster --skip-systemctl-redirect ${cluster()} main ${action}${action === 'stop' ? ' -m fast' : ''}`,
    { stdio: 'ignore' },
  );
};
const redisUp = (): void => {
  execSync(
    'redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no',
    { stdio: 'ignore', shell: '/bin/bash' },
  );
};

async function until<T>(probe: () => Promise<T | null>, seconds: number, what: string): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const health = async (): Promise<number> =>
  (await fetch(`${URL_}/health`, { signal: AbortSignal.timeout(5000) })).status;
const gql = async (
  query: string,
  token?: string,
): Promise<{ data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] }> => {
  const res = await fetch(`${URL_}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(15_000),
  });
  return (await res.json()) as never;
};
const login = async (): Promise<string> => {
  const res = await gql(
    'mutation { login(input: { username: "admin", password: "fault-admin-password" }) { accessToken } }',
  );
  return (res.data?.login as { accessToken: string }).accessToken;
};

describe('fault injection: PostgreSQL and Redis restarts under a running API', () => {
  const db = `jm_fault_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let api: ChildProcess;

  beforeAll(async () => {
    execSync('node scripts/build.mjs', { stdio: 'ignore' });
    const admin = new pg.Client({ connectionString: BASE });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${db}`);
    await admin.end();
    const url = new URL(BASE);
    url.pathname = `/${db}`;
    api = spawn(process.execPath, ['dist/apps/api/main.js'], {
      env: {
        ...process.env,
        PORT: String(PORT),
        DATABASE_URL: url.toString(),
        REDIS_URL: REDIS,
        JWT_SECRET: 'fault-secret-fault-secret-fault-secret-0123',
        BOOTSTRAP_ADMIN_PASSWORD: 'fault-admin-password',
        SEED_DEMO: 'true',
        LOG_LEVEL: 'error',
        QUEUE_PREFIX: db,
      },
      stdio: 'ignore',
    });
    await until(async () => ((await health()) === 200 ? true : null), 60, 'the API to start');
  });

  afterAll(async () => {
    pgCtlSafe('start');
    redisUp();
    api?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    const admin = new pg.Client({ connectionString: BASE });
    await until(async () => (await admin.connect(), true), 30, 'PostgreSQL').catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
  });

  function pgCtlSafe(action: 'stop' | 'start'): void {
    try {
      pgCtl(action);
    } catch {
      // already in that state
    }
  }

  it('PostgreSQL stops: /health answers 503 and requests fail fast; it returns: the API recovers without a restart', async () => {
    const token = await login();
    expect((await gql('{ me { username } }', token)).data).toEqual({ me: { username: 'admin' } });
    pgCtl('stop');
    try {
      await until(async () => ((await health()) === 503 ? true : null), 20, '/health to answer 503');
      const during = await gql('{ tenants { code } }', token); // answers (an error), does not hang
      expect(during.errors?.length).toBeGreaterThan(0);
    } finally {
      pgCtl('start');
    }
    await until(async () => ((await health()) === 200 ? true : null), 60, '/health to answer 200 again');
    const after = await until(
      async () => {
        const res = await gql('{ tenants { code } }', token);
        return res.data ? res : null;
      },
      30,
      'queries to succeed again',
    );
    expect((after.data?.tenants as unknown[]).length).toBe(5);
  });

  it('Redis stops: reads keep answering, a write that queues a job does not hang, and the job runs once Redis is back', async () => {
    const token = await login();
    execSync('redis-cli -h 127.0.0.1 -p 6379 shutdown nosave || true', { stdio: 'ignore', shell: '/bin/bash' });
    try {
      const read = await gql('{ tenants { code } }', token);
      expect((read.data?.tenants as unknown[]).length).toBe(5);
      expect(await health()).toBe(200);
      // 十字镇's office grants a superior's account (the grant matrix: an office director may; the platform admin may not).
      const office = await gql(
        'mutation { login(input: { tenantCode: "shizi", username: "office", password: "demo-password" }) { accessToken } }',
      );
      const officeToken = (office.data?.login as { accessToken: string }).accessToken;
      const created = await gql(
        'mutation { createUser(input: { tenantCode: "shizi", username: "during-outage", password: "outage-password-1", displayName: "停电期间创建", roles: [SUPERIOR] }) { id } }',
        officeToken,
      );
      expect(created.errors).toBeUndefined();
    } finally {
      redisUp();
    }
    const convener = await until(
      async () => {
        const res = await gql(
          'mutation { login(input: { tenantCode: "shizi", username: "during-outage", password: "outage-password-1" }) { accessToken } }',
        );
        return (res.data?.login as { accessToken: string } | undefined)?.accessToken ?? null;
      },
      30,
      'the new user to sign in',
    );
    const inbox = await until(
      async () => {
        const res = await gql('{ myNotifications { kind } }', convener);
        const kinds = (res.data?.myNotifications as { kind: string }[] | undefined) ?? [];
        return kinds.some((n) => n.kind === 'WELCOME') ? kinds : null;
      },
      60,
      'the welcome job to run after Redis returned',
    );
    expect(inbox.filter((n) => n.kind === 'WELCOME')).toHaveLength(1);
  });
});
