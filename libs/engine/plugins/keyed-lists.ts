/**
 * The keyed lists of the plugin language: the lists whose items `extends` merges by a key field (the child's
 * item replaces the inherited one with the same key, new ones are appended), `remove: ['<list>:<key>']`
 * drops, `rulesDiff` compares item by item and `plugin:new` lists by key. The engine names none (libs/engine
 * holds no domain words): each context declares the lists it owns in its manifest
 * (`defineContext({ keyedLists: { '<path>': '<key field>' } })`), and the apps register them from the one list
 * of contexts (`apps/api/contexts.ts`) before any plugin is composed. A test that composes plugins without the
 * app registers them the same way (`@test/support/keyed-lists`).
 */

/** Keyed lists by their dotted path in a plugin (`a.b`), each with the field its items are keyed by. */
export type KeyedLists = Readonly<Record<string, string>>;

const registered = new Map<string, string>();

/**
 * Adds keyed lists, in the order given (the order they are listed in). Registering a list again with the same
 * key changes nothing; with another key it throws, since two contexts would then merge one list two ways.
 */
export function registerKeyedLists(lists: KeyedLists): void {
  for (const [path, key] of Object.entries(lists)) {
    const known = registered.get(path);
    if (known !== undefined && known !== key)
      throw new Error(`keyed list ${path} is registered by "${known}" and again by "${key}"`);
    registered.set(path, key);
  }
}

/**
 * Every registered keyed list, in registration order. Throws while none is registered: composing plugins then
 * would replace every list wholesale and diff it as one value, silently.
 */
export function keyedLists(): KeyedLists {
  assertRegistered();
  return Object.fromEntries(registered);
}

/** The key field of the keyed list at `path`, or undefined when the list there is not keyed. */
export function keyOfList(path: string): string | undefined {
  assertRegistered();
  return registered.get(path);
}

function assertRegistered(): void {
  if (!registered.size)
    throw new Error(
      "no keyed lists are registered: the apps register the contexts' (apps/api/contexts.ts); a test composing plugins imports @test/support/keyed-lists",
    );
}
