import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** True when running the compiled build (dist/), false under the test runner on the sources. */
const compiled = !import.meta.url.endsWith('.ts');
/** The repository root (where plugins/ and package.json live). */
export const REPO_ROOT = compiled ? resolve(here, '../../../..') : resolve(here, '../../..');
export const DIST_ROOT = join(REPO_ROOT, 'dist');
export const PLUGINS_DIR = join(REPO_ROOT, 'plugins');

/**
 * Imports a plugin directory's `src/index`. Under the test runner the TypeScript source is imported
 * directly; in the compiled build, the plugin's compiled twin under dist/ is used when it exists, and
 * any other directory (a plugin being validated before it is added) is compiled on the fly with SWC.
 */
export async function importPluginDir(dir: string): Promise<unknown> {
  const abs = resolve(dir);
  const source = join(abs, 'src', 'index.ts');
  if (!compiled) return import(pathToFileURL(source).href);
  const twin = join(DIST_ROOT, relative(REPO_ROOT, abs), 'src', 'index.js');
  if (!relative(REPO_ROOT, abs).startsWith('..') && existsSync(twin)) return import(pathToFileURL(twin).href);
  if (!existsSync(source)) throw new Error(`no src/index.ts in ${abs}`);
  const entry = await compileOnTheFly(abs);
  try {
    return await import(pathToFileURL(entry).href);
  } finally {
    // Loaded (with its relative imports) once import() resolves: the compiled copy is not needed.
    rmSync(dirname(dirname(entry)), { recursive: true, force: true });
  }
}

async function compileOnTheFly(dir: string): Promise<string> {
  let swc: typeof import('@swc/core');
  try {
    swc = await import('@swc/core');
  } catch {
    throw new Error('validating a plugin outside the build needs the dev dependencies (npm install)');
  }
  const out = join(tmpdir(), `jm-plugin-${createHash('sha1').update(dir + Date.now()).digest('hex').slice(0, 12)}`);
  const sdk = join(DIST_ROOT, 'libs', 'plugin-sdk', 'index.js');
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.ts') ? [join(d, e.name)] : []));
  for (const file of walk(join(dir, 'src'))) {
    const { code } = await swc.transformFile(file, {
      // resolveFully needs a baseUrl to rewrite `./units` to `./units.js`.
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022', baseUrl: dir },
      module: { type: 'es6', resolveFully: true },
    });
    const target = join(out, relative(dir, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code.replace(/(['"])@jm\/plugin-sdk\1/g, JSON.stringify(pathToFileURL(sdk).href)));
  }
  return join(out, 'src', 'index.js');
}
