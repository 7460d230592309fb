import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';

/**
 * SQL in one kind of file (docs/architecture.md, "SQL"): the lint rule refuses a raw query or a query
 * builder in a service or a resolver, and Db imported into a resolver. Each planted line is linted as
 * the text of a real file of that kind; the same text in a `.query.ts` / `.repository.ts` file lints
 * clean, so the rule — not something else — is what refuses it. Every exception still needs to be one.
 */
describe('SQL placement, enforced by ESLint', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const refused = async (filePath: string, body: string): Promise<string[]> => {
    const [result] = await eslint.lintText(body, { filePath });
    return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  };
  const rawQuery = [
    "import type { EntityManager } from 'typeorm';",
    'export const planted = (em: EntityManager): Promise<unknown> => em.query(`SELECT 1`);',
    '',
  ].join('\n');
  const builder = [
    "import type { EntityManager } from 'typeorm';",
    "export const planted = (em: EntityManager): Promise<unknown> => em.createQueryBuilder().select('1').getRawOne();",
    '',
  ].join('\n');
  const dbImport = ["import { Db } from '@engine/database';", 'export const planted = Db;', ''].join('\n');

  it.each([
    ['a raw query in a service', 'libs/core/calendar/calendar.service.ts', rawQuery, /belongs in <context>\.query\.ts/],
    ['a query builder in a service', 'libs/core/calendar/calendar.service.ts', builder, /belongs in/],
    ['a raw query in a resolver', 'libs/core/calendar/calendar.resolver.ts', rawQuery, /belongs in/],
    ['Db imported into a resolver', 'libs/core/calendar/calendar.resolver.ts', dbImport, /never injects Db/],
    ['a raw query in a workflow service', 'libs/modules/office-documents/briefings.service.ts', rawQuery, /belongs in/],
    [
      'Db imported into a workflow resolver',
      'libs/modules/office-documents/office-documents.resolver.ts',
      dbImport,
      /never injects Db/,
    ],
  ])('refuses %s', async (_what, file, body, message) => {
    expect(await refused(file, body)).toEqual([expect.stringMatching(message)]);
  });

  it('lets query and repository files hold SQL, and services import Db', async () => {
    expect(await refused('libs/core/calendar/calendar.query.ts', rawQuery)).toEqual([]);
    expect(await refused('libs/core/calendar/calendar.query.ts', builder)).toEqual([]);
    expect(await refused('libs/core/identity/accounts.repository.ts', builder)).toEqual([]);
    expect(await refused('libs/core/calendar/calendar.service.ts', dbImport)).toEqual([]);
  });

  it('names an exception only while its file still holds SQL or Db, and says why', async () => {
    const config = '../../eslint.config.js'; // plain JavaScript: read, not type-checked
    const { SQL_EXCEPTIONS } = (await import(config)) as { SQL_EXCEPTIONS: Record<string, string> };
    const stale = Object.entries(SQL_EXCEPTIONS).filter(([file, reason]) => {
      const text = readFileSync(file, 'utf8');
      const violates =
        /\.(query|createQueryBuilder)\(/.test(text) ||
        (file.endsWith('.resolver.ts') && /import \{[^}]*\bDb\b[^}]*\} from '@engine\/database/.test(text));
      return !violates || reason.trim().length < 10;
    });
    expect(stale).toEqual([]);
  });
});
