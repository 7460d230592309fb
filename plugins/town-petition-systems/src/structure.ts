import type { PluginDeclaration } from '@jm/plugin-sdk';

type Declaration = Extract<PluginDeclaration, { remove?: never }>;

/**
 * 004 is a generic set of town petition systems. It has no joint-meeting constitution: the body it names is
 * the 鎮信訪工作領導小組 and the working office is the 信訪辦公室 (鎮信訪辦). This is the minimal structure
 * that makes it onboardable; extending plugins override it by key (README). Strings keep the source's
 * traditional characters.
 */
export const structure: Declaration['structure'] = {
  jointMeetingName: '鎮信訪工作領導小組',
  conveners: [
    // 基本原則 1: 鎮委書記是信訪工作第一責任人
    { key: 'party-secretary', title: '鎮委書記', role: 'CONVENER', source: '004 基本原則 1' },
  ],
  office: {
    // 首問責任制度 1: 信訪辦公室為首問責任人; 領導接待日制度 5: 由辦公室負責做好登記. The director's title is assumed.
    hostUnit: null,
    director: { key: 'office-director', title: '信訪辦公室主任', role: 'OFFICE_DIRECTOR', source: '004 首問責任制度 1' },
    source: '004 首問責任制度 1',
  },
  // 基本原則 1: 鎮委書記是信訪工作第一責任人，各分管領導是直接負責人
  leaders: [
    { key: 'party-secretary', title: '鎮委書記', tier: 'PRINCIPAL', source: '004 基本原則 1' },
    { key: 'leaders-in-charge', title: '分管領導', tier: 'IN_CHARGE', source: '004 基本原則 1' },
  ],
  principle: '“分工負責,歸口辦理”和“誰主管,誰負責”',
};

/** Generic: no unit is named; a tenant's units are added by its office (or declared by an extending plugin). */
export const memberUnits: Declaration['memberUnits'] = [];

export const countedMemberUnits: Declaration['countedMemberUnits'] = [];

export const membershipChanges: Declaration['membershipChanges'] = {
  // Not in the text: filed with the office and reported to the convener, as in 000 art. 7 / 001 art. 10 (README).
  reportTo: ['CONVENER'],
  source: '004 基本原則 1',
};
