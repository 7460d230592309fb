import { keyedLists, keyOfList } from './keyed-lists';

/**
 * How `extends` composes plugins (documented in docs/plugins.md):
 * - Bases apply left to right, then the plugin itself on top.
 * - Objects merge key by key; a value the child leaves out is inherited.
 * - Keyed lists merge by their key (`keyedLists()`, registered by the contexts that own them): the child's
 *   item replaces the inherited item with the same key wholesale, new items are appended;
 *   `remove: ['<list>:<key>']` drops one.
 * - Any other list, and every scalar, is replaced by the child's value.
 * - Identity (id, version, name, level, sdk, source, onboardable, extends) is never inherited.
 */
export const IDENTITY_KEYS = [
  'id',
  'version',
  'name',
  'tenantName',
  'level',
  'sdk',
  'source',
  'onboardable',
  'extends',
  'remove',
] as const;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function mergeAt(path: string, base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (isObject(base) && isObject(over)) {
    const out: Json = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = mergeAt(path ? `${path}.${k}` : k, base[k], v);
    return out;
  }
  const key = keyOfList(path);
  if (key && Array.isArray(base) && Array.isArray(over)) {
    const out = [...base] as Json[];
    for (const item of over as Json[]) {
      const at = isObject(item) ? out.findIndex((b) => isObject(b) && b[key] === item[key]) : -1;
      if (at >= 0) out[at] = item;
      else out.push(item);
    }
    return out;
  }
  return over;
}

/** Drops inherited keyed items named by `remove` entries (`path:key`). Unknown entries are reported. */
export function applyRemovals(
  config: Json,
  removals: readonly string[],
): { config: Json; problems: { path: string; message: string }[] } {
  const problems: { path: string; message: string }[] = [];
  let out = config;
  removals.forEach((entry, i) => {
    const sep = entry.lastIndexOf(':');
    const listPath = entry.slice(0, sep);
    const itemKey = entry.slice(sep + 1);
    const keyField = keyOfList(listPath);
    if (sep < 0 || !keyField) {
      problems.push({
        path: `remove.${i}`,
        message: `"${entry}" must be "<keyed list>:<key>", the list one of ${Object.keys(keyedLists()).join(', ')}`,
      });
      return;
    }
    const parts = listPath.split('.');
    const clone = structuredCloneJson(out);
    let parent: Json | undefined = clone;
    for (const p of parts.slice(0, -1)) parent = isObject(parent?.[p]) ? (parent[p] as Json) : undefined;
    const list = parent?.[parts[parts.length - 1]];
    if (!parent || !Array.isArray(list) || !list.some((it) => isObject(it) && it[keyField] === itemKey)) {
      problems.push({ path: `remove.${i}`, message: `nothing inherited at ${listPath} with ${keyField} "${itemKey}"` });
      return;
    }
    parent[parts[parts.length - 1]] = list.filter((it) => !(isObject(it) && it[keyField] === itemKey));
    out = clone;
  });
  return { config: out, problems };
}

function structuredCloneJson(v: Json): Json {
  // Hooks are functions and must survive: copy plain data structurally, keep functions by reference.
  const copy = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(copy)
      : isObject(x)
        ? Object.fromEntries(Object.entries(x).map(([k, y]) => [k, copy(y)]))
        : x;
  return copy(v) as Json;
}

/** Composes `bases` (already effective, in order) with `declared` on top. */
export function compose(bases: readonly Json[], declared: Json): Json {
  const sections = (p: Json): Json =>
    Object.fromEntries(Object.entries(p).filter(([k]) => !(IDENTITY_KEYS as readonly string[]).includes(k)));
  let merged: Json = {};
  for (const base of bases) merged = mergeAt('', merged, sections(base)) as Json;
  merged = mergeAt('', merged, sections(declared)) as Json;
  for (const k of IDENTITY_KEYS) if (declared[k] !== undefined && k !== 'remove') merged[k] = declared[k];
  return merged;
}
