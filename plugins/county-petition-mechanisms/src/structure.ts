import type { PluginDeclaration } from '@jm/plugin-sdk';

type Declaration = Extract<PluginDeclaration, { remove?: never }>;

/**
 * 003 is a notice of supervision mechanisms, not a constitution of the county joint meeting: it names the
 * 主要召集人 and 召集人 (§三, §六) and the 县信访工作联席会议办公室 (§七), nothing more. See README for what
 * had to be assumed (director's title, no host unit, no named member units).
 */
export const structure: Declaration['structure'] = {
  jointMeetingName: '县信访工作联席会议',
  conveners: [
    // 六: 提请信访工作联席会议主要召集人或召集人 … 进行约谈
    { key: 'chief-convener', title: '信访工作联席会议主要召集人', role: 'CHIEF_CONVENER', source: '003 §六' },
    // 三: 并报信访工作联席会议各召集人
    { key: 'convener', title: '信访工作联席会议召集人', role: 'CONVENER', source: '003 §三' },
  ],
  office: {
    // 七: 县信访工作联席会议办公室加强各有关机制运行过程中的统筹协调、整体推进、督促落实
    hostUnit: null,
    director: { key: 'office-director', title: '县信访工作联席会议办公室主任', role: 'OFFICE_DIRECTOR', source: '003 §七' },
    source: '003 §七',
  },
  // 二: 县委、县政府主要领导 / 县分管领导 包案；各乡镇或部门要落实主要领导 / 分管领导包案
  leaders: [
    { key: 'county-principal', title: '县委、县政府主要领导', tier: 'PRINCIPAL', source: '003 §二' },
    { key: 'county-in-charge', title: '县分管领导', tier: 'IN_CHARGE', source: '003 §二' },
    { key: 'township-principal', title: '乡镇或部门主要领导', tier: 'PRINCIPAL', source: '003 §二' },
    { key: 'township-in-charge', title: '乡镇或部门分管领导', tier: 'IN_CHARGE', source: '003 §二' },
  ],
  principle: '党政同责、一岗双责,属地管理、分级负责,谁主管、谁负责',
};

/** No unit is named: townships join as TOWNSHIP units when onboarded below the county; departments are added by the office. */
export const memberUnits: Declaration['memberUnits'] = [];

export const countedMemberUnits: Declaration['countedMemberUnits'] = [];

export const membershipChanges: Declaration['membershipChanges'] = {
  // Not in the text: filed with the office (§七 gives it the co-ordination) and reported to the chief convener (README).
  reportTo: ['CHIEF_CONVENER'],
  source: '003 §七',
};
