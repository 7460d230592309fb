import { rmSync } from 'node:fs';
import argon2 from 'argon2';
import pg from 'pg';
import { shanghaiDateOf } from '@engine/calendar';
import { loadConfig } from '@engine/config';
import { openDatabase } from '@engine/database';
import { migrations } from '../migrations/index';
import { ENTITIES } from '../apps/api/contexts';
import { BENCH_JWT_SECRET, BENCH_PII_KEY, DEFAULT_SEED } from './lib/constants';
import { Prng } from './lib/prng';
import { parseArgs, targetOf, writeManifest, type BenchTarget, type DbKind, type Manifest } from './lib/target';
import { generators } from './seed/generators/index';
import { BENCH_PASSWORD } from './seed/generators/users';
import { BulkLoader } from './seed/loader';
import type { SeedContext } from './seed/province';
import { scaleOf } from './seed/scales';
import { onboardTemplates } from './seed/templates';

/** Environment for anything of the app's that the bench opens itself (migrations, the sweep, the API). */
export function appEnv(target: BenchTarget): Record<string, string> {
  return {
    DATABASE_URL: target.databaseUrl ?? '',
    DATA_DIR: target.dataDir ?? '',
    JWT_SECRET: BENCH_JWT_SECRET,
    PII_KEY: BENCH_PII_KEY,
    SEED_DEMO: 'false',
    REDIS_URL: '',
    LOG_LEVEL: 'warn',
  };
}

/**
 * Seeds a fresh synthetic province: drops and recreates the bench database (or embedded data dir),
 * applies the migrations, onboards one template tenant per plugin through the real service (on a
 * throwaway database), then bulk-loads every generator's rows in one transaction as the database
 * owner (a superuser: row-level security does not apply to it), with the audit and foreign-key
 * triggers off for the bulk rows (tenants go in with their triggers, which maintain tenant_tree).
 */
export async function seed(
  target: BenchTarget,
  scaleName: string,
  options: { seed?: string; asOf?: string } = {},
): Promise<Manifest> {
  const scale = scaleOf(scaleName);
  const seedText = options.seed ?? DEFAULT_SEED;
  const asOf = options.asOf ?? shanghaiDateOf(new Date());
  const started = performance.now();
  const steps: Record<string, number> = {};
  const log = (m: string): void => void process.stdout.write(`[seed ${target.db}/${scale.name}] ${m}\n`);
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await work();
    steps[name] = Number(((performance.now() - t0) / 1000).toFixed(2));
    return out;
  };

  await step('reset', async () => {
    if (target.db === 'pg') {
      const admin = new pg.Client({ connectionString: target.adminUrl });
      await admin.connect();
      const name = new URL(target.databaseUrl!).pathname.slice(1);
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
    } else {
      rmSync(target.dataDir!, { recursive: true, force: true });
    }
  });
  const handle = await step('migrate', () =>
    openDatabase(loadConfig({ ...process.env, ...appEnv(target) }), { entities: ENTITIES, migrations }),
  );
  const url = handle.embedded?.url ?? target.databaseUrl!;
  await handle.dataSource.destroy();
  const client = new pg.Client({ connectionString: url });
  let rows: Record<string, number>;
  const skipped: Record<string, string> = {};
  let tenants: number;
  try {
    const templates = await step('templates', onboardTemplates);
    log(`templates from the real onboarding service: ${templates.map((t) => t.pluginId).join(', ')}`);
    const passwordHash = await argon2.hash(BENCH_PASSWORD);
    await client.connect();
    const tables = new Set(
      (
        (await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)).rows as {
          table_name: string;
        }[]
      ).map((r) => r.table_name),
    );
    const load = new BulkLoader(client);
    const ctx: SeedContext = {
      scale,
      rng: new Prng(`${seedText}/${scale.name}`),
      asOf,
      counties: [],
      towns: [],
      all: [],
      load,
      passwordHash,
      log,
      bulkMode: async () => {
        await client.query(`SET LOCAL session_replication_role = replica`);
      },
    };
    await client.query('BEGIN');
    for (const g of generators(templates)) {
      const available = g.available?.(tables) ?? true;
      if (available !== true) {
        skipped[g.name] = available === false ? 'not available' : available;
        log(`${g.name}: skipped — ${skipped[g.name]}`);
        continue;
      }
      await step(g.name, () => g.run(ctx));
    }
    await step('commit', () => client.query('COMMIT'));
    // The bulk rows went in with triggers off: the superiors' view aggregates are recounted as of the
    // seed's day (the same function the triggers and the daily refresh call).
    if (tables.has('supervision_status'))
      await step('supervision-status', () =>
        client.query(`SELECT supervision_status_recount(id, 'all', $1::date) FROM tenant ORDER BY id`, [asOf]),
      );
    await step('analyze', () => client.query('VACUUM ANALYZE'));
    rows = { ...load.counts };
    tenants = ctx.all.length + (ctx.province ? 1 : 0);
  } finally {
    await client.end().catch(() => undefined);
    await handle.embedded?.stop();
  }
  const manifest: Manifest = {
    scale: scale.name,
    db: target.db,
    seed: seedText,
    asOf,
    seededAt: new Date().toISOString(),
    seedSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    steps,
    rows,
    skipped,
    tenants,
    password: BENCH_PASSWORD,
  };
  writeManifest(target, manifest);
  log(
    `done in ${manifest.seedSeconds} s: ${Object.entries(rows)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}`,
  );
  return manifest;
}

if (process.argv[1]?.endsWith('seed.js')) {
  const args = parseArgs(process.argv.slice(2));
  const db = (args.get('db') ?? 'pg') as DbKind;
  seed(targetOf(db, args.get('scale') ?? 'xs'), args.get('scale') ?? 'xs', {
    seed: args.get('seed'),
    asOf: args.get('as-of'),
  }).then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
