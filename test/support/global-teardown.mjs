// Removes what test/support/seeded-template.ts built for this run: the embedded tarball and, on
// PostgreSQL, the template database (and a half-built one, should a builder have died).
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export default async function globalTeardown() {
  const run = process.env.JM_TEST_RUN;
  if (!run || !/^[a-z0-9]{8,32}$/.test(run)) return;
  const file = join(tmpdir(), `jm-template-${run}.tar`);
  for (const f of [file, `${file}.part`]) rmSync(f, { force: true });
  rmSync(`${file}.lock`, { recursive: true, force: true });
  if (!process.env.DATABASE_URL) return;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    for (const name of [`jm_tpl_${run}`, `jm_tpl_${run}_building`]) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}
