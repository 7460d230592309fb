// Node module hooks for the Jest suites under jest-light-runner (jest.config.js): TypeScript compiled by SWC
// with the build's own options (scripts/swc-options.mjs: legacy decorators with their metadata, ES2022 class
// fields, class names kept), the path aliases resolved from the same options' `paths`, extensionless and
// directory imports resolved as the build's `resolveFully` does, and `@jest/globals` answered by the runner's
// globals. Registered in each test worker by scripts/test-loader.mjs; the build and `npm start` do not use it.
import { readFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import swc from '@swc/core';
import { swcOptions } from './swc-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rootUrl = pathToFileURL(`${root}/`).href;
const { jsc, module: moduleOptions } = swcOptions(root);
// Aliases are resolved below, so SWC leaves the specifiers as written.
const { paths, baseUrl: _baseUrl, ...jscRest } = jsc;
const transformOptions = {
  jsc: jscRest,
  module: { type: moduleOptions.type },
  sourceMaps: 'inline',
  swcrc: false,
};
const aliases = Object.entries(paths).map(([pattern, [target]]) =>
  pattern.endsWith('/*')
    ? { prefix: pattern.slice(0, -1), target: join(root, target.slice(0, -1)) }
    : { exact: pattern, target: join(root, target) },
);
const GLOBALS = new URL('../test/support/jest-globals.mjs', import.meta.url).href;

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The file a project import names: as written, `.js` written for `.ts`, without extension, or a directory's index. */
function projectFile(path) {
  if (isFile(path)) return path;
  for (const candidate of [
    path.replace(/\.js$/, '.ts'),
    `${path}.ts`,
    `${path}.js`,
    `${path}.mjs`,
    join(path, 'index.ts'),
    join(path, 'index.js'),
  ]) {
    if (isFile(candidate)) return candidate;
  }
  return null;
}

function aliasTarget(specifier) {
  for (const alias of aliases) {
    if (alias.exact === specifier) return alias.target;
    if (alias.prefix && specifier.startsWith(alias.prefix)) return alias.target + specifier.slice(alias.prefix.length);
  }
  return null;
}

const inProject = (url) => url?.startsWith(rootUrl) && !url.includes('/node_modules/');

export async function resolve(specifier, context, nextResolve) {
  if (specifier === '@jest/globals') return { url: GLOBALS, format: 'module', shortCircuit: true };
  const aliased = aliasTarget(specifier);
  if (
    aliased !== null ||
    ((specifier.startsWith('./') || specifier.startsWith('../')) && inProject(context.parentURL))
  ) {
    const wanted = aliased ?? fileURLToPath(new URL(specifier, context.parentURL));
    const file = projectFile(wanted);
    if (file) {
      const url = pathToFileURL(file).href;
      return file.endsWith('.ts') ? { url, format: 'module', shortCircuit: true } : nextResolve(url, context);
    }
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !/\.ts(\?|$)/.test(url) || url.includes('/node_modules/'))
    return nextLoad(url, context);
  const filename = fileURLToPath(url.replace(/\?.*$/, ''));
  const { code } = await swc.transform(await readFile(filename, 'utf8'), { ...transformOptions, filename });
  return { format: 'module', source: code, shortCircuit: true };
}
