import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import pg from 'pg';

/**
 * Helpers of the fault-injection specs: the API and the worker run as real processes from `dist/`,
 * against the real PostgreSQL and Redis, each spec on a database (and queue prefix) of its own.
 * Every wait is for an observable state, with a deadline only so a broken build fails, never hangs.
 */
export const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const ADMIN_PASSWORD = 'fault-admin-password';

/** Polls `probe` until it yields a value; on timeout, says what was awaited (and `detail()`, e.g. a process's stderr). */
export async function until<T>(
  probe: () => Promise<T | null | undefined>,
  seconds: number,
  what: string,
  detail?: () => string,
): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${detail ? `:\n${detail()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function build(): void {
  execSync('node scripts/build.mjs', { stdio: 'ignore' });
}

/** A fresh database for one spec; its name doubles as the spec's BullMQ prefix. */
export async function createDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `jm_fault_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: BASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await c.end().catch(() => undefined);
    },
  };
}

/** Removes every Redis key under a spec's queue prefix (after its processes stopped: they would recreate some). */
export async function dropQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** A superuser connection to the spec's database (sees every row: RLS does not apply to it). */
export async function superuser(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined); // the database may be dropped under it at the end; queries still reject
  await client.connect();
  return client;
}

export interface Proc {
  child: ChildProcess;
  /** Sends the signal and waits for the exit. */
  stop(signal: NodeJS.Signals): Promise<void>;
  /** The last of what it wrote to stderr (shown when it fails to start; kept off the test output otherwise). */
  stderr(): string;
}

/** Starts `dist/apps/<app>/main.js` with the spec's common environment plus `env`. */
export function startApp(app: 'api' | 'worker', env: Record<string, string>): Proc {
  const child = spawn(process.execPath, [`dist/apps/${app}/main.js`], {
    env: {
      ...process.env,
      JWT_SECRET: 'fault-secret-fault-secret-fault-secret-0123',
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LOG_LEVEL: 'error',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-8000);
  });
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await done;
    },
    stderr: () => stderr,
  };
}

export interface GqlResult {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export function client(port: number): {
  health(): Promise<number>;
  gql(query: string, token?: string, variables?: Record<string, unknown>): Promise<GqlResult>;
  login(tenantCode: string | null, username: string, password: string): Promise<string>;
} {
  const base = `http://127.0.0.1:${port}`;
  const gql = async (query: string, token?: string, variables?: Record<string, unknown>): Promise<GqlResult> => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(60_000),
    });
    return (await res.json()) as GqlResult;
  };
  return {
    health: async () => (await fetch(`${base}/health`, { signal: AbortSignal.timeout(5000) })).status,
    gql,
    async login(tenantCode, username, password) {
      const res = await gql('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', undefined, {
        input: { ...(tenantCode ? { tenantCode } : {}), username, password },
      });
      const token = (res.data?.login as { accessToken?: string } | undefined)?.accessToken;
      if (!token) throw new Error(`login ${tenantCode ?? ''}/${username} failed: ${JSON.stringify(res.errors)}`);
      return token;
    },
  };
}

/** Waits for the API's /health to answer 200; a process that exits or never answers fails with its own words. */
export async function healthy(proc: Proc, api: ReturnType<typeof client>): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null)
      throw new Error(`the API exited while starting:\n${proc.stderr()}`);
    if ((await api.health().catch(() => 0)) === 200) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for the API to start:\n${proc.stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A port nobody listens on now, from a block of 400 below the kernel's ephemeral range (32768–60999 here)
 * that belongs to this Jest worker alone. A port the OS picks with listen(0) is free only until the next
 * listen(0): supertest binds one per request, so another suite running beside this one could take it
 * before the process started here binds it (CI once: the API lost its port and the healthcheck was
 * answered by whoever held it).
 */
export async function freePort(): Promise<number> {
  const block = 20_000 + ((Number(process.env.JEST_WORKER_ID ?? 1) - 1) % 30) * 400;
  for (let tries = 0; tries < 400; tries++) {
    const port = block + (portCursor++ % 400);
    if (await bindable(port)) return port;
  }
  throw new Error(`no free port in ${block}–${block + 399}`);
}
let portCursor = 0;

/** Whether a server can listen on every address at `port` (as the API and the worker do). */
function bindable(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}
