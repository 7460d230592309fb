import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { Db } from '@engine/database';
import { RequestContext } from '@engine/context';
import { OPEN_CASE_STATUSES } from '@modules/cases/case.enums';
import { ActionStatus, SupervisionActionKind } from '@modules/supervision/enums';
import { PROPOSAL_STATUSES } from '@modules/supervision/ladder/proposal.entity';
import { startTestApp, type TestApp } from '@test/support/test-app';

/**
 * The domain's closed vocabularies are TypeScript enums; SQL repeats them (CHECK constraints, the
 * aggregate triggers, set-based queries). This suite holds the copies to the enums, so adding a status
 * in TypeScript without its migration (or the other way round) fails here, not in production.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const files = (dir: string, test: (f: string) => boolean): string[] =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter(test)
    .map((f) => join(ROOT, dir, f));

interface EnumColumn {
  file: string;
  table: string;
  column: string;
  enumName: string;
}

/** Every text column of an entity whose property is typed by a named type (`status: CaseStatus`). */
function enumColumns(): EnumColumn[] {
  const out: EnumColumn[] = [];
  for (const file of files('libs/modules', (f) => f.endsWith('.entity.ts'))) {
    const text = readFileSync(file, 'utf8');
    const re =
      /@Entity\('([a-z_]+)'\)|@Column\(\{([^}]*)\}\)(?:\s*@[A-Za-z]+\((?:[^()]|\([^()]*\))*\))*\s*(\w+)\??: ([A-Z]\w+)(?: \| null)?;/g;
    let table: string | null = null;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[1]) {
        table = m[1];
        continue;
      }
      if (!table || !/type: 'text'/.test(m[2])) continue;
      const column = /name: '([a-z_]+)'/.exec(m[2])?.[1] ?? m[3];
      out.push({ file: relative(ROOT, file), table, column, enumName: m[4] });
    }
  }
  return out;
}

/** The string enums a module exports, by name. */
async function enumsOf(file: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const mod = (await import(file)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(mod)) {
    if (
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      Object.values(value).length &&
      Object.values(value).every((v) => typeof v === 'string')
    ) {
      out.set(name, Object.values(value as Record<string, string>));
    }
  }
  return out;
}

/** The values of the enum a column is typed by: declared in its entity file, or in the module it is imported from. */
async function enumValues(c: EnumColumn): Promise<string[] | undefined> {
  const file = join(ROOT, c.file);
  const own = (await enumsOf(file)).get(c.enumName);
  if (own) return own;
  const from = new RegExp(`import\\s*(?:type\\s*)?\\{[^}]*\\b${c.enumName}\\b[^}]*\\}\\s*from\\s*'([^']+)'`).exec(
    readFileSync(file, 'utf8'),
  )?.[1];
  if (!from) return undefined;
  const target = from.startsWith('.')
    ? join(dirname(file), from)
    : from.startsWith('@modules/')
      ? join(ROOT, 'libs/modules', from.slice('@modules/'.length))
      : null;
  if (!target) return undefined;
  return (await enumsOf(target.endsWith('.ts') ? target : `${target}.ts`)).get(c.enumName);
}

const quoted = (list: string): string[] => [...list.matchAll(/'([^']*)'/g)].map((m) => m[1]).sort();

describe('closed vocabularies: SQL matches the TypeScript enums', () => {
  let t: TestApp;
  let checks: { table: string; column: string; def: string }[];
  let functions: { name: string; body: string }[];

  beforeAll(async () => {
    t = await startTestApp();
    const db = t.app.get(Db);
    [checks, functions] = await db.run(RequestContext.platform(), async ({ em }) => [
      (await em.query(
        `SELECT c.conrelid::regclass::text AS "table", a.attname AS "column", pg_get_constraintdef(c.oid) AS def
         FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
         WHERE c.contype = 'c' AND array_length(c.conkey, 1) = 1 AND c.connamespace = 'public'::regnamespace`,
      )) as { table: string; column: string; def: string }[],
      (await em.query(
        `SELECT proname AS name, prosrc AS body FROM pg_proc WHERE pronamespace = 'public'::regnamespace`,
      )) as { name: string; body: string }[],
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('every CHECK on an enum-typed text column allows exactly the enum values', async () => {
    const columns: (EnumColumn & { values: string[] })[] = [];
    for (const c of enumColumns()) {
      const values = await enumValues(c);
      if (values) columns.push({ ...c, values });
    }
    expect(columns.length).toBeGreaterThan(20);
    const compared: string[] = [];
    const problems: string[] = [];
    for (const c of columns) {
      const check = checks.find((k) => k.table === c.table && k.column === c.column && /ANY|IN \(/.test(k.def));
      if (!check) continue;
      compared.push(`${c.table}.${c.column}`);
      const sql = quoted(check.def);
      const ts = [...c.values].sort();
      if (JSON.stringify(sql) !== JSON.stringify(ts))
        problems.push(
          `${c.table}.${c.column} (${c.file}, ${c.enumName}): SQL ${sql.join(',')} vs TypeScript ${ts.join(',')}`,
        );
    }
    expect(problems).toEqual([]);
    expect(compared).toEqual(
      expect.arrayContaining([
        'petition_case.status',
        'supervision_action.kind',
        'minutes.status',
        'agreed_item.status',
      ]),
    );
  });

  it('"open case" is OPEN_CASE_STATUSES wherever SQL lists it (triggers, queries, the tests\' recount)', () => {
    const open = [...OPEN_CASE_STATUSES].sort();
    const sources = [
      ...functions.map((f) => ({ where: `function ${f.name}`, text: f.body })),
      ...files('libs/modules', (f) => /\.(query|repository)\.ts$/.test(f)).map((f) => ({
        where: relative(ROOT, f),
        text: readFileSync(f, 'utf8'),
      })),
      {
        where: 'test/support/supervision-recount.ts',
        text: readFileSync(join(ROOT, 'test/support/supervision-recount.ts'), 'utf8'),
      },
    ];
    const lists = sources.flatMap((s) =>
      [...s.text.matchAll(/status IN \(([^)]*'RECEIVED'[^)]*)\)/g)].map((m) => ({
        where: s.where,
        values: quoted(m[1]),
      })),
    );
    expect(lists.length).toBeGreaterThanOrEqual(3);
    expect(lists.filter((l) => JSON.stringify(l.values) !== JSON.stringify(open))).toEqual([]);
  });

  it('the supervision-status trigger names only action kinds and statuses that exist', () => {
    // The recount wrapper (migration 1764610000000) counts ladder proposals (x = supervision_proposal): its statuses are proposals'.
    const proposalsBody = functions.find((f) => f.name === 'supervision_status_recount')?.body ?? '';
    const proposalStatuses = [...proposalsBody.matchAll(/\bx\.status = '(\w+)'/g)].map((m) => m[1]);
    expect(proposalStatuses.length).toBeGreaterThan(0);
    expect(proposalStatuses.filter((s) => !(PROPOSAL_STATUSES as readonly string[]).includes(s))).toEqual([]);
    const body = functions
      .filter((f) => f.name.startsWith('supervision_status') && f.name !== 'supervision_status_recount')
      .map((f) => f.body)
      .join('\n');
    expect(body).not.toBe('');
    const kinds = [...body.matchAll(/\bx\.kind (?:= '(\w+)'|IN \(([^)]*)\))/g)].flatMap((m) =>
      m[1] ? [m[1]] : quoted(m[2]),
    );
    const statuses = [...body.matchAll(/\bx\.status (?:= '(\w+)'|IN \(([^)]*)\))/g)].flatMap((m) =>
      m[1] ? [m[1]] : quoted(m[2]),
    );
    expect(kinds.length).toBeGreaterThan(0);
    expect(statuses.length).toBeGreaterThan(0);
    expect(kinds.filter((k) => !(Object.values(SupervisionActionKind) as string[]).includes(k))).toEqual([]);
    expect(statuses.filter((s) => !(Object.values(ActionStatus) as string[]).includes(s))).toEqual([]);
  });
});
