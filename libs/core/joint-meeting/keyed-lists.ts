import type { KeyedLists } from '@engine/plugins';

/**
 * The plugin lists joint-meeting reads that `extends` merges by key (docs/plugins.md, "How `extends` composes"):
 * the member units by name, the units a source only counts by label, the conveners and the leaders by key.
 * Declared here, with no import, so a test can register them without booting the context
 * (`@test/support/keyed-lists`); the manifest names this object.
 */
export const JOINT_MEETING_KEYED_LISTS: KeyedLists = {
  memberUnits: 'name',
  countedMemberUnits: 'label',
  'structure.conveners': 'key',
  'structure.leaders': 'key',
};
