import { join } from 'node:path';
import ts from 'typescript';
import { unreadFieldIds } from '@test/support/plugin-field-readers';

/**
 * Every field the plugin SDK declares has a reader (issue 14 item 9): code in libs/ or apps/ outside the SDK
 * and outside `libs/engine/plugins/compose.ts` (which merges every field by name and so reads none) reaches
 * the field's declaration through the type checker (test/support/plugin-field-readers.ts says what counts).
 * A field nobody reads is a rule a plugin states and the platform ignores: the audit's DECLARED ONLY.
 * KNOWN_UNREAD lists the fields that are knowingly read by nothing the checker can see, each with its
 * reason; it may only shrink (UNREAD_CEILING), and an entry that is read now must go.
 * docs/rule-coverage.md "Plugin fields and their readers" is this list in prose: keep both current.
 */
const ROOT = process.cwd();
const SDK = join(ROOT, 'libs', 'plugin-sdk') + '/';
const COMPOSE = join(ROOT, 'libs', 'engine', 'plugins', 'compose.ts');
const isSdkFile = (f: string): boolean => f.startsWith(SDK) && !f.endsWith('.spec.ts');
const isReaderFile = (f: string): boolean =>
  (f.startsWith(join(ROOT, 'libs') + '/') || f.startsWith(join(ROOT, 'apps') + '/')) &&
  !f.startsWith(SDK) &&
  f !== COMPOSE &&
  !f.endsWith('.spec.ts') &&
  !f.startsWith(join(ROOT, 'apps', 'console') + '/');

/** Fields read by nothing the type checker can follow, and why each is still acceptable. May only shrink. */
export const KNOWN_UNREAD: Readonly<Record<string, string>> = {
  'plugin.ts:declaredPluginSchema.structure':
    'the declared (pre-extends) form of a section: z.unknown(), resolved by compose and read as the effective section',
  'plugin.ts:declaredPluginSchema.memberUnits': 'the declared form of a section (see structure)',
  'plugin.ts:declaredPluginSchema.countedMemberUnits': 'the declared form of a section (see structure)',
  'plugin.ts:declaredPluginSchema.membershipChanges': 'the declared form of a section (see structure)',
  'plugin.ts:declaredPluginSchema.members': 'the declared form of a section (see structure)',
  'plugin.ts:declaredPluginSchema.officeDocuments': 'the declared form of a section (see structure)',
  'plugin.ts:declaredPluginSchema.meetingTypes': 'the declared form of a section (see structure)',
  'plugin.ts:declaredPluginSchema.operations': 'the declared form of a section (see structure)',
  'plugin.ts:declaredPluginSchema.supervision': 'the declared form of a section (see structure)',
  'plugin.ts:declaredPluginSchema.cases': 'the declared form of a section (see structure)',
  'plugin.ts:declaredPluginSchema.rulesChanges': 'the declared form of a section (see structure)',
  'plugin.ts:declaredPluginSchema.hooks': 'the declared form of the hooks (see structure)',
  'json-schema.ts:pluginFileSchema.remove':
    'drops inherited keyed items while extends is resolved: its whole meaning is in compose, which is excluded',
  'structure.ts:positionSchema.key':
    "the merge key of the keyed list structure.conveners (compose) and the target of members.persons[].convener (checked in the SDK's superRefine)",
  'structure.ts:leaderSchema.key':
    'the merge key of the keyed list structure.leaders (compose): identifies, says nothing',
  'plugin.ts:hooksSchema.rankScore':
    'read by name through HOOK_NAMES (registry pins, the hook runner): a string key the checker cannot follow',
  'plugin.ts:hooksSchema.scoreAssessment': 'read by name through HOOK_NAMES, as rankScore',
  'supervision.ts:supervisionSchema.appliesToDescendants':
    "read in SQL by app_inherited_rules (migrations/1764000000000-Cases.ts: plugin_config -> 'supervision' ->> 'appliesToDescendants'), which hands a county's rules to its towns",
  'supervision.ts:remindersSchema.source':
    'cited through the generic cite() of supervision-rules.ts (T extends { source }), which the checker resolves to its own constraint',
  'supervision.ts:listedSupervisionSchema.source': 'cited through the generic cite(), as remindersSchema.source',
  'supervision.ts:interviewsSchema.source': 'cited through the generic cite(), as remindersSchema.source',
  'supervision.ts:accountabilitySchema.source': 'cited through the generic cite(), as remindersSchema.source',
};
/** How many exceptions there were when the list was last shortened: lower it when one goes, never raise it. */
const UNREAD_CEILING = 22;

/** A program over the repository's own files (tsconfig.json), limited to the SDK and the reader files. */
function repositoryProgram(): ts.Program {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  return ts.createProgram(
    parsed.fileNames.filter((f) => isSdkFile(f) || isReaderFile(f)),
    { ...parsed.options, noEmit: true },
  );
}

/** A program of the repository's options with some files replaced or added in memory. */
function plantedProgram(files: Record<string, string>): ts.Program {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), (p) => ts.sys.readFile(p));
  const options = { ...ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options, noEmit: true };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) =>
    name in files ? ts.createSourceFile(name, files[name], version, true) : getSourceFile(name, version, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name in files || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => files[name] ?? readFile(name);
  return ts.createProgram(Object.keys(files), options, host);
}

describe('plugin fields and their readers', () => {
  it('the detector finds a planted field nobody reads, and is not fooled by a field of the same name elsewhere', () => {
    const sdk = join(SDK, '__planted__.ts');
    const reader = join(ROOT, 'libs', 'modules', '__planted__', 'reader.ts');
    const program = plantedProgram({
      [sdk]: [
        "import { z } from 'zod';",
        'export const plantedSchema = z.strictObject({',
        '  read: z.string(),',
        '  unread: z.string().optional(),',
        '  destructured: z.number(),',
        '  keyed: z.boolean(),',
        '  shown: z.strictObject({ title: z.string(), hidden: z.string() }),',
        '  passed: z.strictObject({ kept: z.string(), dropped: z.string() }),',
        '});',
        'export type Planted = z.infer<typeof plantedSchema>;',
        '',
      ].join('\n'),
      [reader]: [
        "import type { Planted } from '../../plugin-sdk/__planted__';",
        'class Shown { title: string; }',
        'interface Model { shown: Shown; }',
        'const other = { unread: 1, hidden: 2, dropped: 3 };',
        'function engine(d: { kept: string }): string { return d.kept; }',
        'export function use(p: Planted): unknown {',
        '  const { destructured } = p;',
        "  const key = 'keyed' as 'keyed';",
        '  const model: Model = { shown: p.shown };',
        '  return [p.read, destructured, p[key], model, engine(p.passed), other.unread, other.hidden, other.dropped];',
        '}',
        '',
      ].join('\n'),
    });
    const { declared, unread } = unreadFieldIds(
      program,
      (f) => f === sdk,
      (f) => f === reader,
    );
    expect(declared).toEqual([
      '__planted__.ts:plantedSchema.destructured',
      '__planted__.ts:plantedSchema.keyed',
      '__planted__.ts:plantedSchema.passed',
      '__planted__.ts:plantedSchema.passed.dropped',
      '__planted__.ts:plantedSchema.passed.kept',
      '__planted__.ts:plantedSchema.read',
      '__planted__.ts:plantedSchema.shown',
      '__planted__.ts:plantedSchema.shown.hidden',
      '__planted__.ts:plantedSchema.shown.title',
      '__planted__.ts:plantedSchema.unread',
    ]);
    // `other.unread`, `other.hidden` and `other.dropped` are other declarations: the planted ones stay unread.
    expect(unread).toEqual([
      '__planted__.ts:plantedSchema.passed.dropped',
      '__planted__.ts:plantedSchema.shown.hidden',
      '__planted__.ts:plantedSchema.unread',
    ]);
  });

  describe('in the repository', () => {
    let result: { declared: string[]; unread: string[] };
    beforeAll(() => {
      result = unreadFieldIds(repositoryProgram(), isSdkFile, isReaderFile);
    }, 600_000);

    it('enumerates the SDK schema (every section)', () => {
      expect(result.declared.length).toBeGreaterThan(300);
      for (const section of ['structure', 'meetingTypes', 'operations', 'supervision', 'cases', 'officeDocuments'])
        expect(result.declared).toContain(`plugin.ts:dataSections.${section}`);
    });

    it('has a reader for every field but the known exceptions', () => {
      expect(result.unread.filter((id) => !(id in KNOWN_UNREAD))).toEqual([]);
    });

    it('lists as an exception only fields still unread, each with its reason, and never more than before', () => {
      expect(Object.keys(KNOWN_UNREAD).filter((id) => !result.unread.includes(id))).toEqual([]);
      expect(Object.entries(KNOWN_UNREAD).filter(([, why]) => why.trim().length < 20)).toEqual([]);
      expect(Object.keys(KNOWN_UNREAD).length).toBeLessThanOrEqual(UNREAD_CEILING);
    });
  });
});
