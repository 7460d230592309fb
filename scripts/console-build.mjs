// The console (apps/console): typed GraphQL documents generated from schema.graphql (GraphQL Code
// Generator, client preset), then a Vite build into dist/console. The build is skipped when the
// console's sources hash to what was last built, so `npm start` stays fast.
//   node scripts/console-build.mjs            codegen (when stale) + build (when sources changed)
//   node scripts/console-build.mjs codegen    codegen only (before the console's type-check)
//   node scripts/console-build.mjs size       first-screen JavaScript, gzipped
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const consoleDir = join(root, 'apps/console');
const srcDir = join(consoleDir, 'src');
const gqlDir = join(srcDir, 'gql');
const outDir = join(root, 'dist/console');
const hashFile = join(outDir, '.build-hash');
const require = createRequire(join(consoleDir, 'package.json'));

async function* walk(dir) {
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (full !== gqlDir) yield* walk(full);
    } else yield full;
  }
}

async function sourceFiles() {
  const files = ['index.html', 'vite.config.mjs', 'package.json', 'tsconfig.json'].map((f) => join(consoleDir, f));
  for await (const f of walk(srcDir)) files.push(f);
  return files;
}

/** Regenerates src/gql when it is missing or older than the schema or any source file. */
export async function codegen({ force = false } = {}) {
  const marker = join(gqlDir, 'graphql.ts');
  if (!force && existsSync(marker)) {
    const built = (await stat(marker)).mtimeMs;
    let stale = (await stat(join(root, 'schema.graphql'))).mtimeMs > built;
    for (const f of await sourceFiles()) if (!stale && (await stat(f)).mtimeMs > built) stale = true;
    if (!stale) return false;
  }
  const { generate } = require('@graphql-codegen/cli');
  await generate(
    {
      schema: join(root, 'schema.graphql'),
      documents: [join(srcDir, '**/*.tsx'), join(srcDir, '**/*.ts'), `!${join(gqlDir, '**')}`],
      ignoreNoDocuments: true,
      generates: {
        [`${gqlDir}/`]: {
          preset: 'client',
          presetConfig: { fragmentMasking: false },
          config: {
            enumsAsTypes: true,
            useTypeImports: true,
            scalars: { Date: 'string', DateTime: 'string', JSON: 'unknown' },
          },
        },
      },
      silent: true,
    },
    true,
  );
  return true;
}

async function sourceHash() {
  const hash = createHash('sha256');
  for (const f of await sourceFiles())
    hash
      .update(relative(root, f))
      .update('\0')
      .update(await readFile(f))
      .update('\0');
  return hash.digest('hex');
}

/** Builds dist/console unless the sources hash to the last build. */
export async function buildConsole() {
  await codegen();
  const hash = await sourceHash();
  if (existsSync(hashFile) && (await readFile(hashFile, 'utf8')) === hash) return false;
  const { build } = await import(require.resolve('vite'));
  // Vite takes the mode of its bundle from NODE_ENV when set: under jest (NODE_ENV=test) the console
  // would be built with React's and Ant Design's development code. The console is always production.
  process.env.NODE_ENV = 'production';
  await build({ configFile: join(consoleDir, 'vite.config.mjs'), logLevel: 'warn' });
  await writeFile(hashFile, hash);
  return true;
}

/** A chunk and every chunk it imports statically (dynamic imports load later, route by route). */
async function closure(start) {
  const seen = new Set();
  const stack = [...start];
  while (stack.length) {
    const f = stack.pop();
    if (seen.has(f)) continue;
    seen.add(f);
    const src = await readFile(join(outDir, 'assets', f), 'utf8');
    for (const m of src.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) stack.push(m[1]);
  }
  return [...seen];
}

async function gzipped(files) {
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const body = await readFile(join(outDir, 'assets', f));
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  return { files, raw, gzipped: gz };
}

/** The JavaScript the first screen loads (the entry script and its static imports), gzipped. */
export async function firstScreenSize() {
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
  return gzipped(await closure(entry));
}

/** Per route: the sign-in screen's JavaScript plus the route's chunk and its static imports. */
export async function routeSizes(
  routes = ['DashboardPage', 'Chart', 'WorkbenchPage', 'MeetingPage', 'CasePage', 'InboxPage', 'UsersPage'],
) {
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
  const assets = await readdir(join(outDir, 'assets'));
  const out = {};
  for (const r of routes) {
    const chunk = assets.find((a) => a.startsWith(`${r}-`) && a.endsWith('.js'));
    if (chunk) out[r] = await gzipped(await closure([...entry, chunk]));
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cmd = process.argv[2] ?? 'build';
  if (cmd === 'codegen') await codegen();
  else if (cmd === 'size') {
    const s = await firstScreenSize();
    process.stdout.write(
      `first screen (sign-in): ${s.files.length} file(s), ${(s.raw / 1024).toFixed(1)} KiB raw, ${(s.gzipped / 1024).toFixed(1)} KiB gzipped\n`,
    );
    for (const [route, r] of Object.entries(await routeSizes())) {
      process.stdout.write(
        `  with ${route}: ${r.files.length} file(s), ${(r.gzipped / 1024).toFixed(1)} KiB gzipped\n`,
      );
    }
  } else {
    const started = Date.now();
    if (await buildConsole())
      process.stderr.write(`build: console built to dist/console in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
}
