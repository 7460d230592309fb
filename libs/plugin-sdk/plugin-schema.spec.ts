import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { pluginJsonSchema } from './json-schema';
import { readPluginFile } from './source';

const here = dirname(fileURLToPath(import.meta.url));
const PLUGINS = join(here, '..', '..', 'plugins');
const COMMITTED = join(here, 'plugin.schema.json');
const SEEDS = readdirSync(PLUGINS)
  .filter((d) => !d.startsWith('.'))
  .sort();

type Node = Record<string, unknown>;

/** Every property anywhere in the schema, as a dotted path, with whether it carries a description. */
function properties(node: unknown, path = ''): { path: string; described: boolean }[] {
  if (typeof node !== 'object' || node === null) return [];
  const n = node as Node;
  const out: { path: string; described: boolean }[] = [];
  for (const [k, v] of Object.entries((n.properties as Record<string, Node> | undefined) ?? {})) {
    const alternatives = [v, ...((v.anyOf ?? v.allOf ?? v.oneOf ?? []) as Node[])];
    out.push({
      path: `${path}.${k}`,
      described: alternatives.some((a) => typeof a.description === 'string' && a.description.length > 0),
    });
    out.push(...properties(v, `${path}.${k}`));
  }
  for (const key of ['items', 'anyOf', 'allOf', 'oneOf', 'then', 'else', 'additionalProperties']) {
    const v = n[key];
    for (const child of Array.isArray(v) ? v : [v])
      out.push(...properties(child, key === 'items' ? `${path}[]` : path));
  }
  return out;
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const validate = ajv.compile(pluginJsonSchema());

describe('libs/plugin-sdk/plugin.schema.json (the published JSON Schema of a plugin file)', () => {
  it('is the one generated from the zod schemas (regenerate with npm run schema)', () => {
    expect(JSON.parse(readFileSync(COMMITTED, 'utf8'))).toEqual(pluginJsonSchema());
  });

  it('describes every field, at every depth', () => {
    const all = properties(pluginJsonSchema());
    expect(all.length).toBeGreaterThan(200);
    expect([...new Set(all.filter((p) => !p.described).map((p) => p.path))]).toEqual([]);
  });

  it.each(SEEDS)('a standard JSON Schema validator (ajv) accepts the seed plugin %s', (id) => {
    const { value, problems } = readPluginFile(join(PLUGINS, id, 'plugin.yaml'));
    expect(problems).toEqual([]);
    expect(validate(value) ? [] : validate.errors).toEqual([]);
  });

  it('refuses what the registry refuses: an unknown field, a complete plugin missing a section, a meeting type missing its fields', () => {
    const { value } = readPluginFile(join(PLUGINS, 'shizi-town', 'plugin.yaml'));
    const seed = value as Node;
    expect(validate({ ...seed, colour: 'red' })).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === 'additionalProperties')).toBe(true);
    const { structure: _s, ...noStructure } = seed;
    expect(validate(noStructure)).toBe(false);
    expect(validate({ ...seed, meetingTypes: [{ code: 'plenary' }] })).toBe(false);
  });

  it('accepts a plugin with extends that writes only its differences', () => {
    const child = {
      id: 'new-town',
      version: '1.0.0',
      name: '新镇信访工作联席会议',
      level: 'TOWN',
      extends: ['town-petition-systems'],
      sdk: '^1.0.0',
      source: { file: 'new.txt', title: '新镇规则', date: null },
      structure: { jointMeetingName: '新镇信访工作联席会议' },
    };
    expect(validate(child) ? [] : validate.errors).toEqual([]);
    expect(validate({ ...child, structure: { colour: 'red' } })).toBe(false);
  });
});
