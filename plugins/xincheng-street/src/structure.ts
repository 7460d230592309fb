import type { PluginDeclaration } from '@jm/plugin-sdk';

type Declaration = Extract<PluginDeclaration, { remove?: never }>;

const CITE = '002 §三';

export const structure: Declaration['structure'] = {
  jointMeetingName: '新城街道信访工作联席会议',
  // 三、组织领导: 总召集人由街道党工委书记担任；召集人由街道党工委副书记、办事处主任，党工委委员、人大工委主任，
  // 党工委组织委员，司法所所长、新城公安派出所所长担任
  conveners: [
    { key: 'party-secretary', title: '街道党工委书记', role: 'CHIEF_CONVENER', source: CITE },
    { key: 'deputy-secretary-director', title: '街道党工委副书记、办事处主任', role: 'CONVENER', source: CITE },
    { key: 'congress-working-committee-director', title: '党工委委员、人大工委主任', role: 'CONVENER', source: CITE },
    { key: 'organisation-member', title: '党工委组织委员', role: 'CONVENER', source: CITE },
    { key: 'judicial-office-head', title: '司法所所长', role: 'CONVENER', source: CITE },
    { key: 'police-station-head', title: '新城公安派出所所长', role: 'CONVENER', source: CITE },
  ],
  office: {
    // 街道信访工作联席会议办公室设在平安建设办公室综合信访维稳股，街道党工委副书记、政法委员兼任联席会议办公室主任。
    hostUnit: '平安建设办公室',
    section: '综合信访维稳股',
    director: { key: 'office-director', title: '街道党工委副书记、政法委员', role: 'OFFICE_DIRECTOR', source: CITE },
    source: CITE,
  },
  // 五、(三): 需要街道一级解决的，街道业务分管领导就是第一责任人。
  leaders: [{ key: 'street-leader-in-charge', title: '街道业务分管领导', tier: 'IN_CHARGE', source: '002 §五(三)' }],
};

/**
 * 成员部门有：街道三办一中心、新城公安派出所、司法所、11个社区居委会. Only the police station and the judicial
 * office are named; 平安建设办公室 is named as the office's seat and is taken to be one of the 三办 (README).
 */
export const memberUnits: Declaration['memberUnits'] = [
  { name: '平安建设办公室', kind: 'DEPARTMENT', aliases: [], source: CITE },
  { name: '新城公安派出所', kind: 'DEPARTMENT', aliases: [], source: CITE },
  { name: '司法所', kind: 'DEPARTMENT', aliases: [], source: CITE },
];

/** The units the source only counts: onboarding names them (placeholders `label 1…count` until then). */
export const countedMemberUnits: Declaration['countedMemberUnits'] = [
  { kind: 'COMMUNITY', count: 11, label: '社区居委会', source: CITE },
  // 三办一中心 less 平安建设办公室: two offices and the centre.
  { kind: 'DEPARTMENT', count: 2, label: '街道办公室（三办）', source: CITE },
  { kind: 'DEPARTMENT', count: 1, label: '街道中心（一中心）', source: CITE },
];

export const membershipChanges: Declaration['membershipChanges'] = {
  // The source says nothing on changes; 三 gives the office 与成员部门联络 — filed there and reported to
  // the chief convener (README).
  reportTo: ['CHIEF_CONVENER'],
  source: CITE,
};
