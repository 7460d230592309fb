import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (dist/bench/lib → ../../..; bench/lib → ../..). */
export const ROOT = ((): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
})();
export const BENCH_DIR = join(ROOT, 'bench');
export const DATA_DIR = join(BENCH_DIR, '.data');
export const RESULTS_DIR = join(BENCH_DIR, 'results');

/** Writes one result file, `bench/results/<UTC time>-<name>.json`, and returns its path. */
export function writeResult(name: string, result: unknown, at = new Date()): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = at
    .toISOString()
    .replace(/:/g, '-')
    .replace(/\.\d+Z$/, 'Z');
  const file = join(RESULTS_DIR, `${stamp}-${name}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

export type DbKind = 'pg' | 'embedded';

/**
 * Where a scale is seeded and benchmarked: a database `<prefix>_<scale>` on PostgreSQL (prefix `jm_bench`, or
 * `BENCH_DB_PREFIX`, e.g. a worktree's own `wt_b_bench` on a shared server), or an embedded data dir.
 */
export interface BenchTarget {
  db: DbKind;
  scale: string;
  /** pg: the bench database; embedded: unset (the API opens `dataDir`). */
  databaseUrl?: string;
  /** pg: the server's maintenance database (to create/drop the bench database). */
  adminUrl?: string;
  dataDir?: string;
  manifestFile: string;
}

export function targetOf(db: DbKind, scale: string): BenchTarget {
  if (db === 'embedded')
    return {
      db,
      scale,
      dataDir: join(DATA_DIR, `embedded-${scale}`),
      manifestFile: join(DATA_DIR, `embedded-${scale}.manifest.json`),
    };
  const prefix = process.env.BENCH_DB_PREFIX || 'jm_bench';
  if (!/^[a-z_][a-z0-9_]*$/.test(prefix))
    throw new Error(`BENCH_DB_PREFIX must be a plain lower-case SQL name: ${prefix}`);
  const manifestFile = join(
    DATA_DIR,
    prefix === 'jm_bench' ? `pg-${scale}.manifest.json` : `pg-${prefix}-${scale}.manifest.json`,
  );
  const base = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  const adminUrl = new URL(base);
  adminUrl.pathname = '/postgres';
  const url = new URL(base);
  url.pathname = `/${prefix}_${scale}`;
  return { db, scale, databaseUrl: url.toString(), adminUrl: adminUrl.toString(), manifestFile };
}

/** What `bench:seed` recorded about a seeded target. */
export interface Manifest {
  scale: string;
  db: DbKind;
  seed: string;
  asOf: string;
  seededAt: string;
  seedSeconds: number;
  steps: Record<string, number>;
  rows: Record<string, number>;
  skipped: Record<string, string>;
  tenants: number;
  password: string;
}

export function readManifest(target: BenchTarget): Manifest | null {
  return existsSync(target.manifestFile) ? (JSON.parse(readFileSync(target.manifestFile, 'utf8')) as Manifest) : null;
}

export function writeManifest(target: BenchTarget, manifest: Manifest): void {
  mkdirSync(dirname(target.manifestFile), { recursive: true });
  writeFileSync(target.manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** `--name value` flags and bare `--flag` switches. */
export function parseArgs(argv: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      out.set(a.slice(2), next);
      i += 1;
    } else {
      out.set(a.slice(2), 'true');
    }
  }
  return out;
}
