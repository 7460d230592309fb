import type { PluginDeclaration } from '@jm/plugin-sdk';

type Declaration = Extract<PluginDeclaration, { remove?: never }>;

/** 000 sets no case rules (no ownership tiers, time limits, ledgers or review): the platform defaults apply. */
export const cases: Declaration['cases'] = {
  stepLimits: [],
  categories: [],
};
