import { readFileSync } from 'node:fs';
import YAML, {
  CST,
  Lexer,
  LineCounter,
  isAlias,
  isCollection,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  type Node,
} from 'yaml';

/** The text formats a jurisdiction plugin can be written in (TypeScript is for plugins with hooks). */
export const PLUGIN_FORMATS = ['YAML', 'JSON'] as const;
export type PluginFormat = (typeof PLUGIN_FORMATS)[number];

/** Where in the source text something is: 1-based line and column. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A problem found while reading a plugin's text (before or after its schema is checked). */
export interface SourceProblem {
  /** Dotted path of the field (`meetingTypes.0.cadence.rrule`), `(source)` for the text as a whole. */
  path: string;
  message: string;
  line?: number;
  column?: number;
}

/**
 * Limits on a plugin's text, so a pack cannot exhaust the server. The seed plugins use about a tenth
 * of each (the largest is ~20 KB, 6 levels deep, ~1,500 values).
 */
export const PLUGIN_SOURCE_LIMITS = {
  /** Size of the text in bytes (UTF-8). */
  maxBytes: 256 * 1024,
  /** Nesting depth of maps and lists. */
  maxDepth: 16,
  /** Number of values (maps, lists, scalars) in the document. */
  maxNodes: 20_000,
} as const;

export interface ParsedPluginSource {
  /** The plain data, or undefined when the text could not be read. */
  value: unknown;
  problems: SourceProblem[];
  /** Position of the deepest node on `path` that the text has (a missing field: its parent). */
  locate(path: readonly PropertyKey[]): SourcePosition | undefined;
}

export const formatPath = (path: readonly PropertyKey[]): string =>
  path.length ? path.map(String).join('.') : '(root)';

/**
 * Reads a plugin's YAML or JSON text into plain data. YAML is read with the core schema only: no custom
 * tags (`!!js/function` and the like are refused, not resolved), no anchors or aliases, unique keys —
 * nothing in a pack can construct anything but maps, lists, strings, numbers, booleans and null.
 */
export function parsePluginSource(
  text: string,
  format: PluginFormat,
  limits = PLUGIN_SOURCE_LIMITS,
): ParsedPluginSource {
  const lines = new LineCounter();
  const none: ParsedPluginSource = { value: undefined, problems: [], locate: () => undefined };
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxBytes) {
    return {
      ...none,
      problems: [{ path: '(source)', message: `is ${bytes} bytes; a plugin may have at most ${limits.maxBytes}` }],
    };
  }
  if (format === 'JSON') {
    try {
      JSON.parse(text);
    } catch (err) {
      return { ...none, problems: [{ path: '(source)', message: `is not valid JSON: ${(err as Error).message}` }] };
    }
  }
  const doc = YAML.parseDocument(text, {
    schema: format === 'JSON' ? 'json' : 'core',
    customTags: [],
    uniqueKeys: true,
    lineCounter: lines,
    prettyErrors: false,
    strict: true,
  });
  const at = (offset: number | undefined): SourcePosition | undefined => {
    if (offset === undefined) return undefined;
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const problems: SourceProblem[] = [...doc.errors, ...doc.warnings.filter((w) => w.code !== 'TAG_RESOLVE_FAILED')].map(
    (e) => ({
      path: '(source)',
      message: e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
      ...at(e.pos[0]),
    }),
  );

  let nodes = 0;
  const check = (node: unknown, path: PropertyKey[], depth: number): void => {
    if (problems.length > 50) return;
    if (isAlias(node)) {
      problems.push({
        path: formatPath(path),
        message: 'anchors and aliases (*name) are not allowed in a plugin',
        ...at(node.range?.[0]),
      });
      return;
    }
    if (!isNode(node)) return;
    nodes += 1;
    if (nodes === limits.maxNodes + 1)
      problems.push({
        path: formatPath(path),
        message: `has more than ${limits.maxNodes} values`,
        ...at(node.range?.[0]),
      });
    if (isCollection(node) && depth > limits.maxDepth) {
      problems.push({
        path: formatPath(path),
        message: `is nested more than ${limits.maxDepth} levels deep`,
        ...at(node.range?.[0]),
      });
      return;
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isCollection(pair.key) || isAlias(pair.key)) {
          problems.push({
            path: formatPath(path),
            message: 'keys must be plain strings',
            ...at((pair.key as Node).range?.[0]),
          });
          continue;
        }
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
          problems.push({
            path: formatPath([...path, key]),
            message: `"${key}" is not allowed as a key`,
            ...at((pair.key as Node).range?.[0]),
          });
          continue;
        }
        check(pair.value, [...path, key], depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => check(item, [...path, i], depth + 1));
    }
  };
  for (const t of tagsAndAnchors(text)) {
    problems.push({
      path: '(source)',
      message: `${t.kind === 'tag' ? 'tags' : t.kind === 'anchor' ? 'anchors' : 'aliases'} (${t.token}) are not allowed in a plugin`,
      ...at(t.offset),
    });
  }
  if (!problems.length) check(doc.contents, [], 1);
  if (problems.length) return { ...none, problems, locate: locator(doc, at) };
  const value = doc.toJS({ maxAliasCount: 0 }) as unknown;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ...none,
      problems: [{ path: '(root)', message: 'must be a map of fields (id, version, name, …)', ...at(0) }],
    };
  }
  return { value, problems: [], locate: locator(doc, at) };
}

/** Explicit tags (`!foo`, `!!js/function`), anchors (`&a`) and aliases (`*a`) in the text, found by YAML's own lexer. */
function tagsAndAnchors(text: string): { kind: 'tag' | 'anchor' | 'alias'; token: string; offset: number }[] {
  const found: { kind: 'tag' | 'anchor' | 'alias'; token: string; offset: number }[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === 'tag' || type === 'anchor' || type === 'alias') found.push({ kind: type, token, offset });
    // The lexer's own markers (document start, flow error end, scalar start) are not source text.
    if (token !== '\x02' && token !== '\x18' && token !== '\x1f') offset += token.length;
  }
  return found;
}

function locator(
  doc: YAML.Document,
  at: (offset: number | undefined) => SourcePosition | undefined,
): ParsedPluginSource['locate'] {
  return (path) => {
    let node: unknown = doc.contents;
    let pos = at((node as Node | null)?.range?.[0]);
    for (const step of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(step));
        if (!pair) break;
        // A field's position is its key's: where an author looks for it.
        pos = at((pair.key as Node | null)?.range?.[0]) ?? pos;
        node = pair.value;
      } else if (isSeq(node) && node.items[Number(step)] !== undefined) {
        node = node.items[Number(step)];
        pos = at((node as Node | null)?.range?.[0]) ?? pos;
      } else break;
    }
    return pos;
  };
}

/**
 * Reads a plugin's YAML or JSON file (by its extension unless `format` is given). Problems are returned,
 * not thrown; `value` is undefined when the text cannot be read as a plugin.
 */
export function readPluginFile(file: string | URL, format?: PluginFormat): ParsedPluginSource {
  const name = typeof file === 'string' ? file : file.pathname;
  return parsePluginSource(readFileSync(file, 'utf8'), format ?? (name.endsWith('.json') ? 'JSON' : 'YAML'));
}
