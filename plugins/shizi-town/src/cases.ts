import type { PluginDeclaration } from '@jm/plugin-sdk';

type Declaration = Extract<PluginDeclaration, { remove?: never }>;

/** 001 sets no case rules (ownership, time limits, ledgers, review): the platform defaults apply. */
export const cases: Declaration['cases'] = {
  stepLimits: [],
  categories: [],
};
