// Compiles bench/*.ts to dist/bench with the project's SWC options (path aliases rewritten to the
// compiled libs under dist/). Run after `npm run build`; the benchmark is not part of `npm test`.
import { readdir, mkdir, writeFile, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import swc from '@swc/core';
import { swcOptions } from './swc-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'results' || entry.name.startsWith('.')) continue;
      yield* walk(full);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      yield full;
    }
  }
}

let built = 0;
const jobs = [];
for await (const file of walk(join(root, 'bench'))) {
  const out = join(root, 'dist', relative(root, file)).replace(/\.ts$/, '.js');
  jobs.push(
    (async () => {
      try {
        if ((await stat(file)).mtimeMs <= (await stat(out)).mtimeMs) return;
      } catch {
        // not built yet
      }
      const { code } = await swc.transformFile(file, swcOptions(root));
      await mkdir(dirname(out), { recursive: true });
      await writeFile(out, code);
      built += 1;
    })(),
  );
}
await Promise.all(jobs);
if (built > 0) process.stderr.write(`bench-build: ${built} file(s) compiled to dist/bench/\n`);
