import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Migrate and seed once per test run, not once per suite, on the embedded default.
 *
 * The first suite that boots the default test app builds a migrated database with the demo tenants
 * (and every job the seed enqueued handled); every later suite of the same run starts from a copy,
 * a PGlite data directory restored from a tarball. The run is named by jest.config.js (JM_TEST_RUN),
 * so nothing outlives it: test/support/global-teardown.mjs removes the tarball.
 *
 * Not on PostgreSQL or with Redis: there BullMQ runs every scheduler's first tick at boot, which on a fresh
 * database finds no tenant yet (the seed comes later) but on a seeded copy would sweep the demo
 * tenants at the real date — a different start than the suites were written against. The in-process
 * queue of the embedded default ticks first after an hour, so a copy starts exactly like a fresh boot.
 *
 * Only suites whose environment cannot change what the seed writes use a copy (SAFE_KEYS);
 * anything else (another plugin directory, production hashing, another PII key, no seed) migrates
 * and seeds from scratch as before. JM_TEST_TEMPLATE=off turns copies off for a run.
 */
const SAFE_KEYS = [
  /^ACCESS_TOKEN_TTL$/,
  /^SESSION_MAX_AGE$/,
  /^WORKER$/,
  /^LOG_LEVEL$/,
  /^TRUSTED_PROXIES$/,
  /^LOGIN_/,
];

export type BuildTemplate = () => Promise<Blob>;

export function templateRun(): string | null {
  const run = process.env.JM_TEST_RUN;
  if (!run || process.env.JM_TEST_TEMPLATE === 'off') return null;
  return /^[a-z0-9]{8,32}$/.test(run) ? run : null;
}

export function mayUseTemplate(env: Record<string, string>): boolean {
  const redis = env.REDIS_URL ?? process.env.REDIS_URL;
  if (redis) return false;
  return Object.keys(env).every((k) => k === 'REDIS_URL' || SAFE_KEYS.some((re) => re.test(k)));
}

/** The run's embedded data directory, built by the first caller (others wait); null when copies are off or on PostgreSQL. */
export async function seededTemplate(build: BuildTemplate): Promise<Blob | null> {
  const run = templateRun();
  if (!run || process.env.DATABASE_URL) return null;
  return embeddedTemplate(run, build);
}

async function embeddedTemplate(run: string, build: BuildTemplate): Promise<Blob> {
  const file = join(tmpdir(), `jm-template-${run}.tar`);
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
