import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readPluginFile, type ParsedPluginSource, type PluginFormat, type SourceProblem } from '@jm/plugin-sdk';

const here = dirname(fileURLToPath(import.meta.url));
/** True when running the compiled build (dist/), false under the test runner on the sources. */
const compiled = !import.meta.url.endsWith('.ts');
/** The repository root (where plugins/ and package.json live). */
export const REPO_ROOT = compiled ? resolve(here, '../../../..') : resolve(here, '../../..');
export const DIST_ROOT = join(REPO_ROOT, 'dist');
export const PLUGINS_DIR = join(REPO_ROOT, 'plugins');

/** The data files a plugin directory can hold, in the order they are looked for. */
export const PLUGIN_FILES: readonly { name: string; format: PluginFormat }[] = [
  { name: 'plugin.yaml', format: 'YAML' },
  { name: 'plugin.json', format: 'JSON' },
];

/** A plugin file whose text cannot be read as a plugin: its problems carry line and column. */
export class PluginSourceError extends Error {
  constructor(readonly problems: SourceProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  }
}

/** What a data plugin loads as: its declaration plus where each field is in the text. */
export interface LoadedPluginSource {
  default: unknown;
  locate: ParsedPluginSource['locate'];
}

/** The data file of a plugin directory (plugin.yaml, else plugin.json), or null for a TypeScript plugin. */
export function pluginFileOf(dir: string): { file: string; format: PluginFormat } | null {
  for (const f of PLUGIN_FILES) if (existsSync(join(dir, f.name))) return { file: join(dir, f.name), format: f.format };
  return null;
}

/** Reads a plugin's YAML or JSON file; throws PluginSourceError when the text is not a readable plugin. */
export function loadPluginFile(
  file: string,
  format: PluginFormat = file.endsWith('.json') ? 'JSON' : 'YAML',
): LoadedPluginSource {
  const parsed = readPluginFile(file, format);
  if (parsed.problems.length) throw new PluginSourceError(parsed.problems);
  return { default: parsed.value, locate: parsed.locate };
}

/**
 * Imports a plugin directory: its plugin.yaml or plugin.json when it has one (a data plugin), else its
 * `src/index` (a TypeScript plugin, for hooks). Under the test runner the TypeScript source is imported
 * directly; in the compiled build, the plugin's compiled twin under dist/ is used when it exists, and
 * any other directory (a plugin being validated before it is added) is compiled on the fly with SWC.
 */
export async function importPluginDir(dir: string): Promise<unknown> {
  const abs = resolve(dir);
  const data = pluginFileOf(abs);
  if (data) return loadPluginFile(data.file, data.format);
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
  const out = join(
    tmpdir(),
    `jm-plugin-${createHash('sha1')
      .update(dir + Date.now())
      .digest('hex')
      .slice(0, 12)}`,
  );
  const sdk = join(DIST_ROOT, 'libs', 'plugin-sdk', 'index.js');
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.ts') ? [join(d, e.name)] : [],
    );
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
