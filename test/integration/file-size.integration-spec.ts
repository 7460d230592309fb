import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The house rule: a source file stays under 400 lines (docs/architecture.md, "Tests", "File size"). Every
 * non-test `.ts` file under libs/ and apps/ is measured as `wc -l` counts it (newlines); one over the
 * limit fails here unless it is in EXCEPTIONS below, and an exception that no longer needs to be one
 * fails too, so the list only shrinks. plugins/ is not measured: a plugin is a jurisdiction's document.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const LIMIT = 400;

/** Generated, never edited by hand: the console's GraphQL codegen output (gitignored, `npm run typecheck:console`). */
const GENERATED = ['apps/console/src/gql/'];

/**
 * Files still over the limit, each with the seam it should be split along. Add nothing here: split
 * the file instead. Remove an entry when its file is split (the suite fails until you do).
 */
const EXCEPTIONS: Record<string, string> = {};

const isTest = (f: string): boolean => /\.(spec|integration-spec|e2e-spec)\.ts$/.test(f);

function sourceFiles(dir: string): string[] {
  return (readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }) as string[])
    .map((f) => join(dir, f).split('\\').join('/'))
    .filter((f) => f.endsWith('.ts') && !isTest(f))
    .filter((f) => !f.split('/').some((part) => part === 'node_modules' || part === 'dist'))
    .filter((f) => !GENERATED.some((g) => f.startsWith(g)));
}

const linesOf = (file: string): number => (readFileSync(join(ROOT, file), 'utf8').match(/\n/g) ?? []).length;

describe(`source files stay within ${LIMIT} lines`, () => {
  const files = ['libs', 'apps'].flatMap(sourceFiles);
  const sizes = new Map(files.map((f) => [f, linesOf(f)]));

  it('measures the source tree', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain('libs/modules/cases/case.entity.ts');
    expect(files.some((f) => f.includes('node_modules') || isTest(f))).toBe(false);
  });

  it(`has no non-test .ts file under libs/ or apps/ over ${LIMIT} lines, but the listed exceptions`, () => {
    const over = files.filter((f) => sizes.get(f)! > LIMIT && !(f in EXCEPTIONS));
    expect(over.map((f) => `${f}: ${sizes.get(f)} lines`)).toEqual([]);
  });

  it('lists no exception that is gone or already under the limit', () => {
    const stale = Object.keys(EXCEPTIONS).filter((f) => !sizes.has(f) || sizes.get(f)! <= LIMIT);
    expect(stale).toEqual([]);
  });
});
