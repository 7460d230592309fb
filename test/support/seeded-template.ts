import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Migrate and seed once per test run, not once per suite.
 *
 * The first suite that boots the default test app builds a migrated database with the demo tenants
 * (and every job the seed enqueued handled); every later suite of the same run starts from a copy:
 * on the embedded default a PGlite data directory restored from a tarball, on PostgreSQL a database
 * created from the run's template database (`CREATE DATABASE … TEMPLATE`). The run is named by
 * jest.config.js (JM_TEST_RUN), so nothing outlives it: test/support/global-teardown.mjs removes the
 * tarball and drops the template database.
 *
 * A copy starts exactly like a fresh boot: no sweep has run on it (the builder's tick claims are
 * deleted) and none runs at boot. The in-process queue of the embedded default ticks first after an
 * interval anyway; on Redis the builder and every copy boot with SCHEDULES_FIRST_RUN=after-interval, for
 * BullMQ would otherwise run each scheduler's first tick at boot and, on a seeded copy, sweep the demo
 * tenants at the real date before the suite sets its clock (on an empty database that tick finds nothing).
 *
 * Only suites whose environment cannot change what the seed writes use a copy (SAFE_KEYS);
 * every other suite starts from the second kind of template, the database right after the migrations (no
 * bootstrap, no seed, no job), whatever its environment says (another plugin directory, production hashing,
 * another PII key, no seed, a queue prefix of its own): the migrations read no environment, so such a copy is
 * exactly the database a scratch boot would have migrated, and the app then bootstraps and seeds it as on a
 * scratch boot. JM_TEST_TEMPLATE=off turns copies off for a run.
 */
const SAFE_KEYS = [
  /^ACCESS_TOKEN_TTL$/,
  /^SESSION_MAX_AGE$/,
  /^WORKER$/,
  /^LOG_LEVEL$/,
  /^TRUSTED_PROXIES$/,
  /^LOGIN_/,
  /^CORS_ORIGINS$/,
  /^TOKEN_VERSION_CACHE_MS$/,
  /^SCHEDULER_CHECK_SECONDS$/,
  /^REDIS_URL$/,
];

/** `seeded`: migrated, bootstrapped and seeded by the default test app; `migrated`: the migrations only. */
export type TemplateKind = 'seeded' | 'migrated';
export type BuildTemplate = () => Promise<Blob>;
/** Migrates and seeds the (empty, new) database at `url`, then closes every connection to it. */
export type BuildTemplateDatabase = (url: string) => Promise<void>;

export function templateRun(): string | null {
  const run = process.env.JM_TEST_RUN;
  if (!run || process.env.JM_TEST_TEMPLATE === 'off') return null;
  return /^[a-z0-9]{8,32}$/.test(run) ? run : null;
}

/** Which template a suite's environment may start from, or null (migrate and seed from scratch). */
export function templateFor(env: Record<string, string>, options: { embedded?: boolean } = {}): TemplateKind | null {
  // Redis without PostgreSQL (the in-process tick claims are PostgreSQL's): no copy.
  if (!options.embedded && !process.env.DATABASE_URL && (env.REDIS_URL ?? process.env.REDIS_URL)) return null;
  return Object.keys(env).every((k) => SAFE_KEYS.some((re) => re.test(k))) ? 'seeded' : 'migrated';
}

/** The file of a run's embedded template (global-teardown.mjs removes it under the same name). */
export function templateFile(run: string, kind: TemplateKind): string {
  return join(tmpdir(), kind === 'seeded' ? `jm-template-${run}.tar` : `jm-template-${run}-migrated.tar`);
}

/** The run's embedded data directory of this kind, built by the first caller (others wait); null when copies are off. */
export async function embeddedTemplate(kind: TemplateKind, build: BuildTemplate): Promise<Blob | null> {
  const run = templateRun();
  if (!run) return null;
  const file = templateFile(run, kind);
  const lock = `${file}.lock`;
  for (;;) {
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    if (tryLock(lock)) {
      try {
        if (!existsSync(file)) {
          const data = await build();
          writeFileSync(`${file}.part`, Buffer.from(await data.arrayBuffer()));
          renameSync(`${file}.part`, file);
        }
      } finally {
        rmdirSync(lock);
      }
      continue;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** mkdir is atomic: whoever creates the lock directory builds. A lock older than 10 minutes is stale. */
function tryLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    try {
      if (Date.now() - statSync(lock).mtimeMs > 600_000) rmdirSync(lock);
    } catch {
      // removed meanwhile
    }
    return false;
  }
}

/** The template database's name for this run and kind (global-teardown.mjs drops it under the same name). */
export function templateDatabaseName(run: string, kind: TemplateKind): string {
  return kind === 'seeded' ? `jm_tpl_${run}` : `jm_tpl_${run}_m`;
}

/**
 * On PostgreSQL: the run's template database of this kind, built by the first caller while it holds an advisory
 * lock (the others wait on it) and marked IS_TEMPLATE once complete; null when copies are off or embedded.
 */
export async function templateDatabase(
  base: string,
  kind: TemplateKind,
  build: BuildTemplateDatabase,
): Promise<string | null> {
  const run = templateRun();
  if (!run || !base) return null;
  const name = templateDatabaseName(run, kind);
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    const found = await admin.query<{ ready: boolean }>(
      'SELECT datistemplate AS ready FROM pg_database WHERE datname = $1',
      [name],
    );
    if (!found.rows[0]?.ready) {
      // A build that died half-way left an unmarked database: start it again.
      if (found.rows.length) await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(base);
      url.pathname = `/${name}`;
      await build(url.toString());
      // CREATE DATABASE … TEMPLATE refuses a source with open connections.
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
      await admin.query(`ALTER DATABASE ${name} IS_TEMPLATE true`);
    }
    return name;
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
    await admin.end();
  }
}
