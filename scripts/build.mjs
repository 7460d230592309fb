// Compiles the TypeScript sources to ESM under dist/ with SWC (decorator metadata on, path aliases
// rewritten to relative imports, import specifiers fully resolved for Node's ESM loader).
// Type checking is `npm run typecheck`; this step only transpiles, so `npm start` stays fast.
import { readdir, mkdir, writeFile, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import swc from '@swc/core';
import { swcOptions } from './swc-options.mjs';
import { buildConsole } from './console-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDirs = ['apps', 'libs', 'plugins', 'migrations'];
// The console is built by Vite (scripts/console-build.mjs), not compiled file by file.
const consoleSources = join(root, 'apps/console');
const skip = /(\.spec|\.integration-spec|\.e2e-spec|\.d)\.ts$/;

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name === 'test' || entry.name === 'dist' || full === consoleSources)
        continue;
      yield* walk(full);
    } else if (entry.name.endsWith('.ts') && !skip.test(entry.name)) {
      yield full;
    }
  }
}

async function needsBuild(src, out) {
  try {
    return (await stat(src)).mtimeMs > (await stat(out)).mtimeMs;
  } catch {
    return true;
  }
}

let built = 0;
const jobs = [];
for (const dir of sourceDirs) {
  for await (const file of walk(join(root, dir))) {
    const out = join(root, 'dist', relative(root, file)).replace(/\.ts$/, '.js');
    jobs.push(
      (async () => {
        if (!(await needsBuild(file, out))) return;
        const { code, map } = await swc.transformFile(file, swcOptions(root, { sourceMaps: true }));
        await mkdir(dirname(out), { recursive: true });
        await writeFile(out, `${code}\n//# sourceMappingURL=${out.split('/').pop()}.map\n`);
        if (map) await writeFile(`${out}.map`, map);
        built += 1;
      })(),
    );
  }
}
await Promise.all(jobs);
if (built > 0) process.stderr.write(`build: ${built} file(s) compiled to dist/\n`);
if (await buildConsole()) process.stderr.write('build: console built to dist/console\n');
