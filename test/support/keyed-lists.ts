import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { registerKeyedLists, type KeyedLists } from '@engine/plugins';

/**
 * The keyed lists of the plugin language registered as the apps register them (apps/api/contexts.ts registers
 * what each context's manifest declares), for a test that composes plugins without booting the app: importing
 * the contexts would load every module of the API (about 3 s a test file). Each context declares its lists in
 * its `keyed-lists.ts`, the object its manifest names, with no import of its own; this reads those files, core
 * first, then the workflows, each floor by name. `apps/api/contexts.spec.ts` checks that they are exactly the
 * manifests' lists. Importing this module registers them.
 */
const ROOT = join(import.meta.dirname, '..', '..');

export const CONTEXT_KEYED_LISTS_FILES: string[] = ['libs/core', 'libs/modules'].flatMap((floor) =>
  readdirSync(join(ROOT, floor), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(ROOT, floor, d.name, 'keyed-lists.ts')))
    .map((d) => `${floor}/${d.name}/keyed-lists.ts`)
    .sort(),
);

/** The lists each file declares, by file (one exported object a file). */
export const DECLARED_KEYED_LISTS: Record<string, KeyedLists> = {};
for (const file of CONTEXT_KEYED_LISTS_FILES) {
  const exported = Object.values((await import(pathToFileURL(join(ROOT, file)).href)) as Record<string, KeyedLists>);
  if (exported.length !== 1)
    throw new Error(`${file} exports ${exported.length} objects: one, its manifest's keyed lists`);
  DECLARED_KEYED_LISTS[file] = exported[0];
  registerKeyedLists(exported[0]);
}
