import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Installs on every platform: the lockfile must list the other platforms' native binaries of SWC
 * (the build's compiler), each as the real package at @swc/core's own version. An `overrides` entry
 * mapping them to an empty package (as earlier rounds had) leaves macOS and Windows without a binding.
 */
interface LockEntry {
  version?: string;
  integrity?: string;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
}

const ROOT = process.cwd();
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry>;
};
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  overrides?: Record<string, unknown>;
};

const swcVersion = lock.packages['node_modules/@swc/core']?.version;

describe('package-lock.json lists every platform of @swc/core', () => {
  it('has @swc/core itself', () => {
    expect(swcVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    ['darwin', 'arm64', '@swc/core-darwin-arm64'],
    ['darwin', 'x64', '@swc/core-darwin-x64'],
    ['win32', 'x64', '@swc/core-win32-x64-msvc'],
    ['win32', 'arm64', '@swc/core-win32-arm64-msvc'],
    ['win32', 'ia32', '@swc/core-win32-ia32-msvc'],
  ])('%s %s: %s at the same version, with its integrity, for that os and cpu', (os, cpu, name) => {
    const entry = lock.packages[`node_modules/${name}`];
    expect(entry).toBeDefined();
    expect(entry.version).toBe(swcVersion);
    expect(entry.optional).toBe(true);
    expect(entry.os).toEqual([os]);
    expect(entry.cpu).toEqual([cpu]);
    expect(entry.integrity).toMatch(/^sha512-/);
  });

  it('package.json maps no native binary to a placeholder (no overrides of @swc, msgpackr-extract or unrs-resolver)', () => {
    const overridden = Object.keys(manifest.overrides ?? {}).filter((name) =>
      /@swc\/|msgpackr-extract|unrs-resolver/.test(name),
    );
    expect(overridden).toEqual([]);
  });
});
