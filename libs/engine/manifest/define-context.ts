import type { Type } from '@nestjs/common';
import type { RulesFor } from '@engine/access';
import type { KeyedLists } from '@engine/plugins';

const MANIFEST = Symbol.for('jm.context-manifest');

/**
 * What one bounded context brings to the apps: its Nest module (none for a context that only holds
 * data, like findings), its TypeORM entities and its CASL rules. Exported from the context's
 * `index.ts` as `<name>Context`; `apps/api/contexts.ts` lists the manifests and everything the apps
 * compose (modules, the data source's entities, the ability's rules) is derived from that one list.
 */
export interface ContextManifest {
  /** The context's folder name under `libs/core/` or `libs/modules/` (checked by `apps/api/contexts.spec.ts`). */
  readonly name: string;
  readonly module?: Type<unknown>;
  readonly entities: readonly Type<unknown>[];
  readonly rules: readonly RulesFor[];
  /**
   * The plugin lists this context owns that `extends` merges by key (`{ '<dotted path>': '<key field>' }`),
   * registered for the plugin engine by the apps (`apps/api/contexts.ts`); empty when it owns none.
   */
  readonly keyedLists: KeyedLists;
}

/** A context's manifest: checked (a name, no entity or rule twice) and frozen. */
export function defineContext(manifest: {
  name: string;
  module?: Type<unknown>;
  entities?: readonly Type<unknown>[];
  rules?: readonly RulesFor[];
  keyedLists?: KeyedLists;
}): ContextManifest {
  if (!/^[a-z][a-z-]*$/.test(manifest.name))
    throw new Error(`a context's name is its folder name, not "${manifest.name}"`);
  const entities = manifest.entities ?? [];
  const rules = manifest.rules ?? [];
  const lists: [string, readonly unknown[]][] = [
    ['entity', entities],
    ['rule set', rules],
  ];
  for (const [what, list] of lists) {
    const missing = list.findIndex((item) => typeof item !== 'function');
    if (missing >= 0) throw new Error(`context ${manifest.name}: ${what} ${missing} is undefined (an import cycle?)`);
    if (new Set(list).size !== list.length) throw new Error(`context ${manifest.name}: an ${what} is listed twice`);
  }
  for (const [path, key] of Object.entries(manifest.keyedLists ?? {}))
    if (!/^[A-Za-z]\w*(\.[A-Za-z]\w*)*$/.test(path) || !/^[A-Za-z]\w*$/.test(key))
      throw new Error(
        `context ${manifest.name}: keyed list "${path}" by "${key}" is not a dotted path and a field name`,
      );
  if ('module' in manifest && typeof manifest.module !== 'function')
    throw new Error(`context ${manifest.name}: its module is undefined (an import cycle?)`);
  const result: ContextManifest = {
    name: manifest.name,
    ...(manifest.module ? { module: manifest.module } : {}),
    entities: Object.freeze([...entities]),
    rules: Object.freeze([...rules]),
    keyedLists: Object.freeze({ ...manifest.keyedLists }),
  };
  Object.defineProperty(result, MANIFEST, { value: true });
  return Object.freeze(result);
}

/** Whether a value is a manifest made by `defineContext` (for the test that no context is left out). */
export function isContextManifest(value: unknown): value is ContextManifest {
  return typeof value === 'object' && value !== null && MANIFEST in value;
}

/** What the apps compose, derived from the list of contexts, in its order; a context or entity twice is refused. */
export function composeContexts(contexts: readonly ContextManifest[]): {
  modules: Type<unknown>[];
  entities: Type<unknown>[];
  rules: RulesFor[];
} {
  const names = contexts.map((c) => c.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new Error(`context ${twice} is listed twice`);
  const entities = contexts.flatMap((c) => c.entities);
  const owners = new Map<unknown, string>();
  for (const c of contexts)
    for (const e of c.entities) {
      const owner = owners.get(e);
      if (owner) throw new Error(`entity ${e.name} is in two contexts: ${owner} and ${c.name}`);
      owners.set(e, c.name);
    }
  return {
    modules: contexts.flatMap((c) => (c.module ? [c.module] : [])),
    entities,
    rules: contexts.flatMap((c) => c.rules),
  };
}

/**
 * The keyed lists of the plugin language, as the contexts owning them declare them, in the list's order (for
 * `registerKeyedLists`); a list declared by two contexts is refused, naming both.
 */
export function composeKeyedLists(contexts: readonly ContextManifest[]): KeyedLists {
  const lists: Record<string, string> = {};
  const owners = new Map<string, string>();
  for (const c of contexts)
    for (const [path, key] of Object.entries(c.keyedLists)) {
      const owner = owners.get(path);
      if (owner) throw new Error(`keyed list ${path} is in two contexts: ${owner} and ${c.name}`);
      owners.set(path, c.name);
      lists[path] = key;
    }
  return lists;
}
