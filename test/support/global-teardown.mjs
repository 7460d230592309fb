// Removes what test/support/seeded-template.ts built for this run: the embedded tarballs and, on
// PostgreSQL, the template databases (both kinds: seeded, migrated).
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export default async function globalTeardown() {
  const run = process.env.JM_TEST_RUN;
  if (!run || !/^[a-z0-9]{8,32}$/.test(run)) return;
  for (const file of [join(tmpdir(), `jm-template-${run}.tar`), join(tmpdir(), `jm-template-${run}-migrated.tar`)]) {
    for (const f of [file, `${file}.part`]) rmSync(f, { force: true });
    rmSync(`${file}.lock`, { recursive: true, force: true });
  }
  if (process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      for (const name of [`jm_tpl_${run}`, `jm_tpl_${run}_m`]) {
        const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (found.rows.length) {
          await admin.query(`ALTER DATABASE ${name} IS_TEMPLATE false`);
          await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
        }
      }
    } finally {
      await admin.end();
    }
  }
}
