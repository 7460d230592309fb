// Removes what test/support/seeded-template.ts built for this run: the embedded tarball.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default async function globalTeardown() {
  const run = process.env.JM_TEST_RUN;
  if (!run || !/^[a-z0-9]{8,32}$/.test(run)) return;
  const file = join(tmpdir(), `jm-template-${run}.tar`);
  for (const f of [file, `${file}.part`]) rmSync(f, { force: true });
  rmSync(`${file}.lock`, { recursive: true, force: true });
}
