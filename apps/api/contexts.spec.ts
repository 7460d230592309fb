import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getMetadataArgsStorage } from 'typeorm';
import {
  composeContexts,
  composeKeyedLists,
  defineContext,
  isContextManifest,
  type ContextManifest,
} from '@engine/manifest';
import { DECLARED_KEYED_LISTS } from '@test/support/keyed-lists';
import { keyedLists } from '@engine/plugins';
import { CONTEXTS, ENTITIES, KEYED_LISTS } from './contexts';

/**
 * `apps/api/contexts.ts` is the only list of contexts, so nothing may be forgotten on the way into
 * it: every folder of `libs/core` and `libs/modules` exports its manifest from `index.ts` and the list holds it; every
 * entity, rule set and module a context's files declare is in that context's manifest.
 */
const FLOORS = ['libs/core', 'libs/modules'].map((floor) => join(process.cwd(), floor));
const rootOf = new Map<string, string>(
  FLOORS.flatMap((root) =>
    readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d): [string, string] => [d.name, root]),
  ),
);
const folders = [...rootOf.keys()].sort();
const filesOf = (folder: string, suffix: string): string[] =>
  (readdirSync(join(rootOf.get(folder)!, folder), { recursive: true }) as string[])
    .filter((f) => f.endsWith(suffix) && !f.includes('testing/'))
    .sort();
const load = async (folder: string, file: string): Promise<Record<string, unknown>> =>
  (await import(pathToFileURL(join(rootOf.get(folder)!, folder, file)).href)) as Record<string, unknown>;
const manifestOf = (folder: string): ContextManifest | undefined => CONTEXTS.find((c) => c.name === folder);

describe('the list of contexts (apps/api/contexts.ts)', () => {
  it.each(folders)('holds the manifest %s exports from its index.ts', async (folder) => {
    const manifests = Object.values(await load(folder, 'index.ts')).filter(isContextManifest);
    expect(manifests.map((m) => m.name)).toEqual([folder]);
    expect(CONTEXTS).toContain(manifests[0]);
  });

  it('names each context once across the two floors', () => {
    const all = FLOORS.flatMap((root) => readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()));
    expect(all).toHaveLength(folders.length);
  });

  it('lists no context without a folder', () => {
    expect(CONTEXTS.map((c) => c.name).filter((n) => !folders.includes(n))).toEqual([]);
  });

  it.each(folders)("has every entity of %s in that context's manifest", async (folder) => {
    const tables = new Set(getMetadataArgsStorage().tables.map((t) => t.target));
    const declared: unknown[] = [];
    for (const file of filesOf(folder, '.entity.ts'))
      declared.push(...Object.values(await load(folder, file)).filter((v) => tables.has(v as never)));
    expect(declared.length).toBeGreaterThanOrEqual(filesOf(folder, '.entity.ts').length);
    expect(declared.filter((e) => !manifestOf(folder)?.entities.includes(e as never))).toEqual([]);
  });

  it.each(folders)("has every rule set of %s in that context's manifest", async (folder) => {
    const declared: unknown[] = [];
    for (const file of filesOf(folder, '.abilities.ts'))
      declared.push(...Object.values(await load(folder, file)).filter((v) => typeof v === 'function'));
    expect(declared.filter((r) => !manifestOf(folder)?.rules.includes(r as never))).toEqual([]);
  });

  it.each(folders)("has the Nest module of %s as that context's module", async (folder) => {
    const [file] = filesOf(folder, '.module.ts').filter((f) => f === `${folder}.module.ts`);
    const module = file ? Object.values(await load(folder, file)).find((v) => typeof v === 'function') : undefined;
    expect(manifestOf(folder)?.module).toBe(module);
  });

  it.each(folders)('has the keyed lists of %s, if any, from its keyed-lists.ts', (folder) => {
    const file = Object.keys(DECLARED_KEYED_LISTS).find((f) => f.endsWith(`/${folder}/keyed-lists.ts`));
    expect(manifestOf(folder)?.keyedLists).toEqual(file ? DECLARED_KEYED_LISTS[file] : {});
  });

  it('registers every keyed list for the plugin engine, as the tests without the app do', () => {
    expect(Object.keys(KEYED_LISTS).length).toBeGreaterThan(0);
    expect(keyedLists()).toEqual(KEYED_LISTS);
    expect(Object.assign({}, ...Object.values(DECLARED_KEYED_LISTS))).toEqual(KEYED_LISTS);
  });

  it('composes each entity once, for the data source', () => {
    expect(new Set(ENTITIES).size).toBe(ENTITIES.length);
    expect(ENTITIES).toHaveLength(CONTEXTS.reduce((n, c) => n + c.entities.length, 0));
  });
});

describe('defineContext and composeContexts', () => {
  class Thing {}
  class OtherThing {}
  const rules = (): void => undefined;

  it('refuses a name that is not a folder name, an undefined entity and an entity twice', () => {
    expect(() => defineContext({ name: 'Cases' })).toThrow(/folder name/);
    expect(() => defineContext({ name: 'cases', entities: [Thing, undefined as never] })).toThrow(
      /entity 1 is undefined/,
    );
    expect(() => defineContext({ name: 'cases', entities: [Thing, Thing] })).toThrow(/listed twice/);
    expect(() => defineContext({ name: 'cases', module: undefined })).toThrow(/module is undefined/);
  });

  it('refuses a keyed list that is not a path and a field, and a keyed list in two contexts', () => {
    expect(() => defineContext({ name: 'a', keyedLists: { 'a..b': 'id' } })).toThrow(/not a dotted path/);
    const a = defineContext({ name: 'a', keyedLists: { 'x.items': 'id' } });
    const c = defineContext({ name: 'c', keyedLists: { 'x.items': 'code' } });
    expect(composeKeyedLists([a])).toEqual({ 'x.items': 'id' });
    expect(() => composeKeyedLists([a, c])).toThrow(/keyed list x.items is in two contexts: a and c/);
  });

  it('refuses a context twice and an entity in two contexts, and keeps the order', () => {
    const a = defineContext({ name: 'a', entities: [Thing], rules: [rules] });
    const b = defineContext({ name: 'b', module: OtherThing, entities: [OtherThing] });
    expect(() => composeContexts([a, a])).toThrow(/context a is listed twice/);
    expect(() => composeContexts([a, defineContext({ name: 'c', entities: [Thing] })])).toThrow(
      /Thing is in two contexts: a and c/,
    );
    expect(composeContexts([b, a])).toEqual({ modules: [OtherThing], entities: [OtherThing, Thing], rules: [rules] });
    expect(isContextManifest(a)).toBe(true);
    expect(isContextManifest({ ...a })).toBe(false);
  });
});
