import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Migrate and seed once per test run, not once per suite.
 *
 * The first suite that boots the default test app builds a migrated database with the demo tenants
 * (and every job the seed enqueued handled); every later suite of the same run starts from a copy:
 * on PostgreSQL `CREATE DATABASE … TEMPLATE`, on the embedded default a PGlite data directory
 * restored from a tarball. The run is named by jest.config.js (JM_TEST_RUN), so nothing outlives
 * it: test/support/global-teardown.mjs drops the template and removes the tarball.
 *
 * Only suites whose environment cannot change what the seed writes use a copy (SAFE_KEYS);
 * anything else (another plugin directory, production hashing, another PII key, no seed) migrates
 * and seeds from scratch as before. JM_TEST_TEMPLATE=off turns copies off for a run.
 */
const SAFE_KEYS = [/^ACCESS_TOKEN_TTL$/, /^SESSION_MAX_AGE$/, /^WORKER$/, /^LOG_LEVEL$/, /^TRUSTED_PROXIES$/, /^LOGIN_/, /^REDIS_URL$/];

export type Template = { kind: 'embedded'; data: Blob } | { kind: 'postgres'; name: string };
export type BuildTemplate = (target: { databaseUrl: string | undefined }) => Promise<Blob | void>;

export function templateRun(): string | null {
  const run = process.env.JM_TEST_RUN;
  if (!run || process.env.JM_TEST_TEMPLATE === 'off') return null;
  return /^[a-z0-9]{8,32}$/.test(run) ? run : null;
}

export function mayUseTemplate(env: Record<string, string>): boolean {
  return Object.keys(env).every((k) => SAFE_KEYS.some((re) => re.test(k)));
}

/** The run's template, built by the first caller (others wait); null when copies are off. */
export async function seededTemplate(build: BuildTemplate): Promise<Template | null> {
  const run = templateRun();
  if (!run) return null;
  return process.env.DATABASE_URL ? postgresTemplate(process.env.DATABASE_URL, run, build) : embeddedTemplate(run, build);
}

async function postgresTemplate(base: string, run: string, build: BuildTemplate): Promise<Template> {
  const name = `jm_tpl_${run}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    // One builder per run across the workers; the others block here until it is done.
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building}`);
      const url = new URL(base);
      url.pathname = `/${building}`;
      await build({ databaseUrl: url.toString() });
      // Every connection of the builder is closed: the database can be renamed and copied.
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
  } finally {
    await admin.end();
  }
  return { kind: 'postgres', name };
}

async function embeddedTemplate(run: string, build: BuildTemplate): Promise<Template> {
  const file = join(tmpdir(), `jm-template-${run}.tar`);
  const lock = `${file}.lock`;
  for (;;) {
    if (existsSync(file)) return { kind: 'embedded', data: new Blob([readFileSync(file)]) };
    if (tryLock(lock)) {
      try {
        if (!existsSync(file)) {
          const data = await build({ databaseUrl: undefined });
          if (!data) throw new Error('the embedded template build returned no data directory');
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
