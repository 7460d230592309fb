import { keyOfList } from './keyed-lists';

/** One changed field between two effective configurations. */
export interface RuleChange {
  /** Path with keyed list items named by their key: `<list>[<key>].<field>`, e.g. `a.list[K1].b`. */
  path: string;
  kind: 'ADDED' | 'REMOVED' | 'CHANGED';
  before: unknown;
  after: unknown;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Identity fields that say which plugin version this is, not what the rules are. */
const NOT_RULES = new Set(['version']);

/**
 * What changes, field by field, from one effective configuration to another. Keyed lists
 * (`keyedLists()`, registered by the contexts) are compared item by item under their key, so a
 * reordered list is no change and a changed field names its item's key. JSON in, list out; it reads nothing but
 * the registered keyed lists.
 */
export function rulesDiff(before: Json, after: Json): RuleChange[] {
  const out: RuleChange[] = [];
  const walk = (keyPath: string, shown: string, a: unknown, b: unknown): void => {
    if (same(a, b)) return;
    if (a === undefined) return void out.push({ path: shown, kind: 'ADDED', before: null, after: b });
    if (b === undefined) return void out.push({ path: shown, kind: 'REMOVED', before: a, after: null });
    if (isObject(a) && isObject(b)) {
      for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
        if (!keyPath && NOT_RULES.has(k)) continue;
        walk(keyPath ? `${keyPath}.${k}` : k, shown ? `${shown}.${k}` : k, a[k], b[k]);
      }
      return;
    }
    const key = keyOfList(keyPath);
    if (key && Array.isArray(a) && Array.isArray(b)) {
      const keyOf = (item: unknown): string => String(isObject(item) ? item[key] : JSON.stringify(item));
      const left = new Map(a.map((x) => [keyOf(x), x]));
      const right = new Map(b.map((x) => [keyOf(x), x]));
      for (const k of [...new Set([...left.keys(), ...right.keys()])])
        walk(`${keyPath}[]`, `${shown}[${k}]`, left.get(k), right.get(k));
      return;
    }
    out.push({ path: shown, kind: 'CHANGED', before: a, after: b });
  };
  walk('', '', before, after);
  return out;
}

/** The keys of a keyed list's items that a diff touches (`list` → ['K1']), optionally under a field. */
export function touchedKeys(changes: readonly RuleChange[], list: string, field?: string): string[] {
  const prefix = `${list}[`;
  const keys = changes
    .filter((c) => c.path.startsWith(prefix))
    .filter((c) => {
      const rest = c.path.slice(c.path.indexOf(']') + 1);
      return !field || rest === '' || rest === `.${field}` || rest.startsWith(`.${field}.`);
    })
    .map((c) => c.path.slice(prefix.length, c.path.indexOf(']')));
  return [...new Set(keys)];
}
