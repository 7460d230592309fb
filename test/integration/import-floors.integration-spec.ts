import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';

/**
 * The floors hold (docs/architecture.md, "Import rules"): the lint rule refuses a workflow importing
 * another workflow, a core context importing a workflow and the engine importing a context; and across
 * contexts an import goes through the context's index.ts (or entities.ts), never to a file inside it. Each
 * planted import is linted as the text of a real file of that floor; the same text without the
 * planted line lints clean, so the rule — not something else — is what refuses it.
 */
describe('import floors, enforced by ESLint', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const restricted = async (filePath: string, line: string): Promise<string[]> => {
    const [result] = await eslint.lintText(`${line}\nexport const planted = typeof imported;\n`, { filePath });
    return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  };

  it.each([
    [
      'a workflow importing another workflow',
      'libs/modules/cases/case-rules.ts',
      "import { imported } from '@modules/meetings/minutes.service';",
      /never imports another workflow/,
    ],
    [
      'a workflow reaching a sibling by a relative path',
      'libs/modules/supervision/ladder/ladder.service.ts',
      "import { imported } from '../../coordination/coordination-rules';",
      /never imports another workflow/,
    ],
    [
      'a core context importing a workflow',
      'libs/core/tenancy/tenancy.service.ts',
      "import { imported } from '@modules/cases/intake/cases.service';",
      /core context never imports a workflow/,
    ],
    [
      'the engine importing a context',
      'libs/engine/database/db.ts',
      "import { imported } from '@core/tenancy/tenant.entity';",
      /engine knows no context/,
    ],
    [
      'a workflow reaching into a core context past its index.ts',
      'libs/modules/cases/case-rules.ts',
      "import { imported } from '@core/tenancy/tenant-lookup';",
      /through its index\.ts/,
    ],
    [
      'a workflow taking an entity from its file instead of entities.ts',
      'libs/modules/meetings/meetings.service.ts',
      "import { imported } from '@core/joint-meeting/member-unit.entity';",
      /through its index\.ts/,
    ],
    [
      'a core context reaching into another past its index.ts',
      'libs/core/reporting/reports.service.ts',
      "import { imported } from '@core/notifications/notify';",
      /through its index\.ts/,
    ],
    // The four core contexts once exempted (the "core knot", untied): they too import one another only
    // through index.ts / entities.ts.
    [
      'identity reaching into tenancy past its index.ts',
      'libs/core/identity/identity.resolver.ts',
      "import { imported } from '@core/tenancy/tenancy.service';",
      /through its index\.ts/,
    ],
    [
      'joint-meeting reaching into identity past its index.ts',
      'libs/core/joint-meeting/joint-meeting.module.ts',
      "import { imported } from '@core/identity/users.module';",
      /through its index\.ts/,
    ],
    [
      'tenancy reaching into joint-meeting past its index.ts',
      'libs/core/tenancy/tenancy.service.ts',
      "import { imported } from '@core/joint-meeting/joint-meeting.service';",
      /through its index\.ts/,
    ],
    [
      'notifications reaching into tenancy past its index.ts',
      'libs/core/notifications/notifications.service.ts',
      "import { imported } from '@core/tenancy/tenant-lookup';",
      /through its index\.ts/,
    ],
    [
      'an engine context reaching into another past its index.ts',
      'libs/engine/database/db.ts',
      "import { imported } from '@engine/access/separation-of-duties';",
      /through its index\.ts/,
    ],
    [
      'an app reaching into a context past its index.ts',
      'apps/api/app.module.ts',
      "import { imported } from '@modules/cases/intake/cases.service';",
      /through its index\.ts/,
    ],
  ])('refuses %s', async (_what, file, line, message) => {
    expect(await restricted(file, line)).toEqual([expect.stringMatching(message)]);
    expect(await restricted(file, "import { imported } from '@engine/context';")).toEqual([]);
  });

  it('lets a workflow import core and the engine', async () => {
    expect(
      await restricted('libs/modules/cases/case-rules.ts', "import { imported } from '@core/notifications';"),
    ).toEqual([]);
    expect(
      await restricted('libs/modules/cases/case-rules.ts', "import { imported } from '@engine/documents';"),
    ).toEqual([]);
  });

  it('lets a context import another through its index.ts or entities.ts, and its own files by any path', async () => {
    const clean = [
      ['libs/modules/cases/case-rules.ts', '@core/tenancy'],
      ['libs/modules/cases/case-rules.ts', '@core/tenancy/entities'],
      ['libs/modules/cases/case-rules.ts', '@modules/cases/case.entity'],
      ['libs/core/reporting/reports.service.ts', '@core/notifications'],
      ['libs/engine/database/db.ts', '@engine/access'],
      ['apps/api/app.module.ts', '@modules/cases'],
      ['libs/core/joint-meeting/joint-meeting.module.ts', '@core/tenancy'],
      ['libs/core/notifications/notifications.service.ts', '@core/identity'],
    ];
    for (const [file, from] of clean)
      expect([file, await restricted(file, `import { imported } from '${from}';`)]).toEqual([file, []]);
  });

  // A workflow folder the rule does not name would escape it: every folder of libs/modules is checked
  // (through its index.ts, a file of the type-aware project).
  const workflows = readdirSync('libs/modules', { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  it.each(workflows)('knows the workflow %s: it may not import a sibling workflow', async (w) => {
    const sibling = workflows.find((o) => o !== w)!;
    expect(await restricted(`libs/modules/${w}/index.ts`, `import { imported } from '@modules/${sibling}';`)).toEqual([
      expect.stringMatching(/never imports another workflow/),
    ]);
  });
});

/**
 * The engine's modules import one another in one direction (docs/architecture.md, "Floors"): no circle
 * between two of them, not even through `import type` (erased at run time, but a circle all the same: the
 * two cannot be understood or moved apart). Every import, re-export and module augmentation of a non-test
 * file under libs/engine counts as an edge from its module (its folder, or a file at the engine's root) to
 * the module it names. The circle context ⇄ access (`RequestContext` held an `AppAbility`) was broken by
 * `AbilityTypes` (`libs/engine/context/ability-type.ts`), which access augments.
 */
describe('engine modules, without a circle', () => {
  const root = 'libs/engine';
  const moduleOf = (file: string): string => relative(root, file).split('/')[0]!;

  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
      const path = join(dir, d.name);
      if (d.isDirectory()) return sources(path);
      return path.endsWith('.ts') && !/\.(spec|test)\.ts$/.test(path) ? [path] : [];
    });

  /** module -> module it imports -> the first file and specifier that does it. */
  const edgesOf = (files: string[]): Map<string, Map<string, string>> => {
    const edges = new Map<string, Map<string, string>>();
    for (const file of files) {
      const from = moduleOf(file);
      for (const { fileName: spec } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
        const to = spec.startsWith('@engine/')
          ? spec.slice('@engine/'.length).split('/')[0]!
          : spec.startsWith('.')
            ? moduleOf(resolve(dirname(file), spec))
            : null;
        if (to === null || to === from || to.startsWith('..')) continue;
        const out = edges.get(from) ?? new Map<string, string>();
        if (!out.has(to)) out.set(to, `${file} imports '${spec}'`);
        edges.set(from, out);
      }
    }
    return edges;
  };

  /** Every circle, as its modules in order with the import closing each step (each circle once). */
  const circles = (edges: Map<string, Map<string, string>>): string[] => {
    const found = new Set<string>();
    const walk = (path: string[]): void => {
      const at = path[path.length - 1]!;
      for (const next of edges.get(at)?.keys() ?? []) {
        if (next === path[0]) {
          // One rotation per circle: the one starting at its smallest module name.
          if (path.every((m) => m >= path[0]!))
            found.add(
              [...path, next]
                .map((m, i, all) => (i === 0 ? m : `-> ${m} (${edges.get(all[i - 1]!)!.get(m)})`))
                .join(' '),
            );
        } else if (!path.includes(next)) walk([...path, next]);
      }
    };
    for (const start of edges.keys()) walk([start]);
    return [...found];
  };

  it('has no circle between two engine modules, type-only imports included', () => {
    expect(circles(edgesOf(sources(root)))).toEqual([]);
  });

  it('would see the context ⇄ access circle again (the check is not vacuous)', () => {
    const edges = edgesOf(sources(root));
    expect(edges.get('access')?.has('context')).toBe(true);
    edges.set('context', new Map(edges.get('context')));
    edges.get('context')!.set('access', "libs/engine/context/request-context.ts imports '@engine/access'");
    expect(circles(edges)).toEqual([expect.stringMatching(/^access -> context \(.*\) -> access \(.*\)$/)]);
  });
});

/**
 * A barrel only at a public entry (docs/style.md, habit 8): `export *` is written in a context's (or a
 * library's) `index.ts` or `entities.ts`, never in a file other code imports for its own declarations — a
 * split file is imported from where its declarations now live, not through a shim left in the old place.
 */
describe('re-exports, only at public entries', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
      const path = join(dir, d.name);
      if (d.isDirectory()) return files(path);
      return path.endsWith('.ts') ? [path] : [];
    });

  it('has no `export *` under libs/ outside an index.ts or entities.ts', () => {
    const shims = files('libs')
      .filter((f) => !/\/(index|entities)\.ts$/.test(f))
      .filter((f) => /^export \* from /m.test(readFileSync(f, 'utf8')));
    expect(shims).toEqual([]);
  });
});
