import type { PluginDeclaration } from '@jm/plugin-sdk';

type Declaration = Extract<PluginDeclaration, { remove?: never }>;

/**
 * 003 mentions only that the county joint meeting 研究决定 (preamble); it sets no meeting types or cadence.
 * One as-needed joint meeting is declared so the tenant is onboardable (README).
 */
export const meetingTypes: Declaration['meetingTypes'] = [
  {
    code: 'JOINT_MEETING',
    name: '县信访工作联席会议',
    chairRole: 'CHIEF_CONVENER',
    attendees: 'ALL_MEMBERS',
    guestsAllowed: false,
    adHocCalledBy: ['CHIEF_CONVENER'],
    minutes: { kind: 'MINUTES', approvedBy: 'CHIEF_CONVENER', distribution: 'ALL_MEMBERS', copyUpward: false },
    escalatesTo: [],
    source: '003 preamble',
  },
];

export const operations: Declaration['operations'] = {};
