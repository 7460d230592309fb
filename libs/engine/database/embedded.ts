import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The zero-setup database: PostgreSQL compiled to WebAssembly (PGlite), file-backed under the data
 * dir and served on a loopback port so the ordinary `pg` driver, TypeORM and the same migrations
 * work unchanged. It is a single backend: callers must use a pool of one connection.
 */
export interface EmbeddedDatabase {
  url: string;
  /** The whole data directory as an uncompressed tarball (PGlite's dumpDataDir). */
  dump(): Promise<Blob>;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Start from this data directory (a `dump()`) instead of an empty cluster: in memory only. */
  initialData?: Blob;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** PGlite has no lock on its data dir and two openers corrupt it: refuse a second one clearly. */
function takeLock(dir: string): () => void {
  const lockFile = join(dir, 'embedded.pid');
  try {
    const holder = Number(readFileSync(lockFile, 'utf8'));
    if (holder && holder !== process.pid && pidAlive(holder)) {
      throw new Error(
        `the embedded database in ${dir} is in use by process ${holder}; stop it, or set DATA_DIR to another directory`,
      );
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

export async function startEmbeddedDatabase(
  dataDir: string | null,
  options: EmbeddedOptions = {},
): Promise<EmbeddedDatabase> {
  let release = (): void => undefined;
  let db: PGlite;
  if (dataDir) {
    const pgDir = join(dataDir, 'pg');
    mkdirSync(pgDir, { recursive: true });
    release = takeLock(dataDir);
    db = await PGlite.create(pgDir);
  } else {
    db = await PGlite.create(options.initialData ? { loadDataDir: options.initialData } : {}); // in memory: tests
  }
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 2 });
  await server.start();
  const conn = server.getServerConn(); // host:port
  return {
    url: `postgres://postgres@${conn}/postgres`,
    dump: () => db.dumpDataDir('none'),
    async stop() {
      await server.stop();
      await db.close();
      release();
    },
  };
}
