import type { PluginDeclaration } from '@jm/plugin-sdk';

type Declaration = Extract<PluginDeclaration, { remove?: never }>;

/**
 * 004 defines no meetings: screening results are reported to the 信訪工作領導小組 (預測排查制度 1), which also
 * inspects quarterly (see supervision). One as-needed working meeting of that group is declared so the
 * tenant is onboardable; name, chair and minutes are assumed (README). Extending plugins override `WORKING`.
 */
export const meetingTypes: Declaration['meetingTypes'] = [
  {
    code: 'WORKING',
    name: '信訪工作領導小組會議',
    chairRole: 'CONVENER',
    attendees: 'ALL_MEMBERS',
    guestsAllowed: false,
    adHocCalledBy: ['CONVENER'],
    minutes: { kind: 'MINUTES', approvedBy: 'CONVENER', distribution: 'ATTENDEES', copyUpward: false },
    escalatesTo: [],
    source: '004 預測排查制度 1',
  },
];

export const operations: Declaration['operations'] = {
  reportsUpward: {
    // 領導接待日制度 6: 辦結後 … 形成書面報告交主要領導審核後，由辦公室反饋上級機關和上級領導。
    to: 'PARENT_JOINT_MEETING',
    source: '004 領導接待日制度 6',
  },
};
