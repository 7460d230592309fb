import type { EffectivePlugin } from '@jm/plugin-sdk';
import { IDENTITY_KEYS } from './compose';
import { keyedLists } from './keyed-lists';

/** The value at a dotted path of a plugin, or undefined. */
function at(plugin: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (o, k) => (typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[k] : undefined),
      plugin,
    );
}

/**
 * A new YAML plugin extending `base`, with only its identity written: every section is inherited until
 * the author writes what differs. The inherited sections and, for every keyed list (`keyedLists()`, in
 * path order), the keys of its inherited items are listed as comments, so the author overrides by key
 * (docs/authoring-a-jurisdiction.md). The result validates as it is.
 */
export function scaffoldPlugin(id: string, base: EffectivePlugin, schemaPath: string): string {
  const keys = (items: unknown, key: string): string =>
    (Array.isArray(items) ? items : []).map((i) => String((i as Record<string, unknown>)[key])).join(', ') || '—';
  const lists = Object.entries(keyedLists()).sort(([a], [b]) => a.localeCompare(b));
  const sections = Object.keys(base).filter((k) => !(IDENTITY_KEYS as readonly string[]).includes(k));
  return [
    `# yaml-language-server: $schema=${schemaPath}`,
    '#',
    `# ${id}: extends ${base.id}@${base.version}. Write only what differs from it, each rule with`,
    '# source: "<document> <article>"; what the document leaves open stays inherited or is a platform default.',
    `id: ${id}`,
    'version: 1.0.0',
    `name: ${id}  # the joint meeting's name, e.g. 某某镇信访工作联席会议`,
    `level: ${base.level}`,
    `extends: [${base.id}]`,
    'sdk: ^1.0.0',
    'source:',
    '  file: rules.txt  # the rules document this plugin encodes',
    '  title: rules  # its title as it reads',
    '  date: null  # its date (YYYY-MM-DD), or null',
    '',
    `# Inherited from ${base.id}: the sections ${sections.join(', ')}.`,
    "# Objects merge key by key; a keyed list's item is overridden by its key, dropped with remove: ['<list>:<key>']:",
    ...lists.map(([path, key]) => `#   ${path} (by ${key}): ${keys(at(base, path), key)}`),
    '',
  ].join('\n');
}
