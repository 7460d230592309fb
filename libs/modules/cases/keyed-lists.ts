import type { KeyedLists } from '@engine/plugins';

/**
 * The plugin lists cases reads that `extends` merges by key (docs/plugins.md): the ownership tiers by id, the
 * step limits by step, the categories by code. Declared here, with no import, so a test can register them
 * without booting the context (`@test/support/keyed-lists`); the manifest names this object.
 */
export const CASES_KEYED_LISTS: KeyedLists = {
  'cases.ownership.tiers': 'id',
  'cases.stepLimits': 'step',
  'cases.categories': 'code',
};
