import type { KeyedLists } from '@engine/plugins';

/**
 * The plugin lists supervision reads that `extends` merges by key (docs/plugins.md): the escalation ladder's
 * rules by id. Declared here, with no import, so a test can register them without booting the context
 * (`@test/support/keyed-lists`); the manifest names this object.
 */
export const SUPERVISION_KEYED_LISTS: KeyedLists = { 'supervision.ladder': 'id' };
