import type { KeyedLists } from '@engine/plugins';

/**
 * The plugin lists meetings reads that `extends` merges by key (docs/plugins.md): the meeting types by code.
 * Declared here, with no import, so a test can register them without booting the context
 * (`@test/support/keyed-lists`); the manifest names this object.
 */
export const MEETINGS_KEYED_LISTS: KeyedLists = { meetingTypes: 'code' };
