import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import request from 'supertest';
import { loadConfig, type AppConfig } from '@engine/config';
import { openDatabase } from '@engine/database';
import { JobQueue } from '@engine/jobs';
import { ENTITIES } from '../../apps/api/contexts';
import { createApp, type CreatedApp } from '../../apps/api/create-app';
import { migrations } from '../../migrations/index';
import {
  embeddedTemplate,
  templateDatabase,
  templateFor,
  type BuildTemplate,
  type BuildTemplateDatabase,
  type TemplateKind,
} from './seeded-template';

/** True when the suite runs against the real services (CI's second pass). */
export const REAL_SERVICES = Boolean(process.env.DATABASE_URL);

export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: {
    message: string;
    extensions?: { code?: string; reason?: string; field?: string; problems?: { field: string; message: string }[] };
  }[];
}

export interface TestApp extends CreatedApp {
  config: AppConfig;
  http: () => request.Agent;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>>;
  /** A typed document (test/support/documents.ts): the variables are checked, the result typed. */
  request<R, V>(document: TypedDocumentNode<R, V>, variables: V, token?: string): Promise<GqlResult<R>>;
  login(tenantCode: string | null, username: string, password?: string): Promise<string>;
  queue: JobQueue;
}

export const ADMIN_PASSWORD = 'admin-password-for-tests';
export const DEMO_PASSWORD = 'demo-password';

/**
 * A fresh database: in-memory PGlite, or a new database on the real PostgreSQL (dropped at close),
 * empty or a copy of `template`.
 */
async function freshDatabaseUrl(
  base: string | undefined,
  template: string | null,
): Promise<{ url: string | undefined; drop: () => Promise<void> }> {
  if (!base) return { url: undefined, drop: async () => undefined };
  const name = `jm_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

function testConfig(databaseUrl: string | undefined, env: Record<string, string>): AppConfig {
  process.env.DEMO_PASSWORD = DEMO_PASSWORD;
  return loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl ?? '',
    // Production mode on the embedded database needs the explicit opt-in (loadConfig refuses otherwise).
    EMBEDDED_DATABASE: databaseUrl ? '' : 'on',
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    PII_KEY: 'test-pii-key-test-pii-key-test-pii-key-0123',
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    SEED_DEMO: env.NODE_ENV === 'production' ? '' : 'true',
    LOG_LEVEL: 'error',
    // The app under test consumes its own jobs, production mode included (there WORKER defaults to off).
    WORKER: 'on',
    DEMO_PASSWORD,
    // Tests sign in hundreds of times: the cheapest argon2id the platform accepts (in production mode,
    // OWASP's minimum, which production enforces).
    PASSWORD_HASH_MEMORY_KIB: env.NODE_ENV === 'production' ? '19456' : '1024',
    PASSWORD_HASH_TIME_COST: env.NODE_ENV === 'production' ? '2' : '1',
    ...env,
  });
}

/** Boots the default test app once on an embedded database and returns it migrated and seeded. */
const buildSeeded: BuildTemplate = async () => {
  const created = await createApp(testConfig(undefined, { REDIS_URL: '', REDIS_CLUSTER_NODES: '' }), {
    inMemory: true,
  });
  try {
    await created.app.get(JobQueue).whenIdle(300_000);
    // The builder's claims of the current ticks must not stop a suite's own sweeps.
    await created.database.dataSource.query('DELETE FROM job_tick');
    return await created.database.embedded!.dump();
  } finally {
    await created.close();
  }
};

/** The same on PostgreSQL: migrates and seeds the run's template database, no scheduler ticking at boot. */
const buildSeededDatabase: BuildTemplateDatabase = async (url) => {
  process.env.QUEUE_PREFIX = `jmtest-${randomUUID().slice(0, 8)}`;
  const created = await createApp(testConfig(url, { SCHEDULES_FIRST_RUN: 'after-interval' }));
  try {
    await created.app.get(JobQueue).whenIdle(300_000);
    await created.database.dataSource.query('DELETE FROM job_tick');
  } finally {
    await created.close();
  }
};

/** The migrations alone on an embedded database (no app, no bootstrap, no seed): the other suites' start. */
const buildMigrated: BuildTemplate = async () => {
  const config = testConfig(undefined, { SEED_DEMO: 'false', REDIS_URL: '', REDIS_CLUSTER_NODES: '' });
  const database = await openDatabase(config, { entities: ENTITIES, migrations, inMemory: true });
  try {
    return await database.embedded!.dump();
  } finally {
    await database.close();
  }
};

/** The same on PostgreSQL. */
const buildMigratedDatabase: BuildTemplateDatabase = async (url) => {
  const database = await openDatabase(testConfig(url, { SEED_DEMO: 'false' }), { entities: ENTITIES, migrations });
  await database.close();
};

const BUILDERS: Record<TemplateKind, { embedded: BuildTemplate; database: BuildTemplateDatabase }> = {
  seeded: { embedded: buildSeeded, database: buildSeededDatabase },
  migrated: { embedded: buildMigrated, database: buildMigratedDatabase },
};

/**
 * Boots the real API (all modules, migrations, guard, RLS) on a fresh database. Against real
 * services when DATABASE_URL / REDIS_URL are set, embedded otherwise; no mocks. The fresh database
 * is a copy of one of the run's templates when the environment allows it (test/support/seeded-template.ts):
 * migrated and seeded, or, for an environment that changes what the boot writes, migrated only (the app
 * then bootstraps and seeds it); with JM_TEST_TEMPLATE=off it is migrated and seeded here.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: {
    logStream?: Writable;
    /** On the embedded default (PGlite, in-process queue) even when DATABASE_URL / REDIS_URL are set. */
    embedded?: boolean;
  } = {},
): Promise<TestApp> {
  const base = options.embedded ? undefined : process.env.DATABASE_URL;
  const services: Record<string, string> = options.embedded ? { REDIS_URL: '', REDIS_CLUSTER_NODES: '' } : {};
  const kind = templateFor(env, { embedded: options.embedded });
  const template = kind && !base ? await embeddedTemplate(kind, BUILDERS[kind].embedded) : null;
  const fromDatabase = kind && base ? await templateDatabase(base, kind, BUILDERS[kind].database) : null;
  const db = await freshDatabaseUrl(base, fromDatabase);
  // A queue of its own per app; `QUEUE_PREFIX: ''` in env leaves the deployment's default prefix.
  process.env.QUEUE_PREFIX = env.QUEUE_PREFIX ?? `jmtest-${randomUUID().slice(0, 8)}`;
  // A copy starts like a fresh boot: no sweep over the seeded tenants at the real date (seeded-template.ts).
  // (A migrated copy holds no tenant: its first tick finds nothing, as on a scratch boot.)
  const firstRun: Record<string, string> =
    fromDatabase && kind === 'seeded' ? { SCHEDULES_FIRST_RUN: 'after-interval' } : {};
  const config = testConfig(db.url, { ...services, ...firstRun, ...env });
  let created: CreatedApp;
  try {
    created = await createApp(config, {
      inMemory: !db.url,
      initialData: template ?? undefined,
      logStream: options.logStream,
    });
  } catch (err) {
    await db.drop();
    throw err;
  }
  const app: INestApplication = created.app;
  const http = (): request.Agent => request.agent(app.getHttpServer());
  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>> => {
    // English messages, so tests read the text they assert; test/e2e/error-language checks Chinese (the default).
    const req = request(app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('accept-language', 'en');
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req.send({ query, variables });
    return res.body as GqlResult<T>;
  };
  const login = async (tenantCode: string | null, username: string, password?: string): Promise<string> => {
    const res = await gql<{ login: { accessToken: string } }>(
      `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
      {
        input: {
          ...(tenantCode ? { tenantCode } : {}),
          username,
          password: password ?? (tenantCode ? DEMO_PASSWORD : ADMIN_PASSWORD),
        },
      },
    );
    if (!res.data?.login) throw new Error(`login ${tenantCode}/${username} failed: ${JSON.stringify(res.errors)}`);
    return res.data.login.accessToken;
  };
  const typed = <R, V>(document: TypedDocumentNode<R, V>, variables: V, token?: string): Promise<GqlResult<R>> =>
    gql<R>(print(document), variables as Record<string, unknown>, token);
  return {
    ...created,
    config,
    http,
    gql,
    request: typed,
    login,
    queue: app.get(JobQueue),
    async close() {
      await created.close();
      await db.drop();
    },
  };
}
