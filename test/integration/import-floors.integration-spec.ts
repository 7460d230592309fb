import { readdirSync } from 'node:fs';
import { ESLint } from 'eslint';

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
