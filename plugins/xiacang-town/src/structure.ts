import type { PluginDeclaration } from '@jm/plugin-sdk';

/** The complete (non-extending) declaration shape, so each section is checked where it is written. */
type Declaration = Extract<PluginDeclaration, { remove?: never }>;

const CITE_UNITS = '000 art. 4';

/** 第四条: the 18 member departments, in the order the article lists them. */
const MEMBER_UNIT_NAMES = [
  '综合办公室',
  '党建办公室',
  '网络安全和信息化办公室',
  '公共服务办公室',
  '公共管理办公室',
  '公共安全办公室',
  '村镇建设办公室',
  '财税办公室',
  '镇纪委检查组',
  '镇党群服务中心',
  '综合治理中心',
  '退役军人服务站',
  '农业发展服务中心',
  '农村社会事业发展服务中心',
  '综合执法大队',
  '统计办公室',
  '派出所',
  '司法所',
] as const;

export const structure: Declaration['structure'] = {
  jointMeetingName: '下仓镇信访工作联席会议',
  conveners: [
    // 第一条: 召集人由镇政法委员担任 — a single convener, no chief convener.
    { key: 'political-legal-member', title: '镇政法委员', role: 'CONVENER', source: '000 art. 1' },
  ],
  office: {
    // 第六条: 镇联席会议办公室设在镇公共安全办公室 … 办公室主任由政法委员担任。
    hostUnit: '公共安全办公室',
    director: { key: 'office-director', title: '政法委员', role: 'OFFICE_DIRECTOR', source: '000 art. 6' },
    source: '000 art. 6',
  },
  // The source names no leadership posts (主要领导/分管领导) for case ownership.
  leaders: [],
  principle: '党政同责、一岗双责，属地管理、分级负责，谁主管、谁负责',
};

export const memberUnits: Declaration['memberUnits'] = MEMBER_UNIT_NAMES.map((name) => ({
  name,
  kind: 'DEPARTMENT' as const,
  aliases: [],
  source: CITE_UNITS,
}));

export const countedMemberUnits: Declaration['countedMemberUnits'] = [];

export const membershipChanges: Declaration['membershipChanges'] = {
  // 第七条: 成员单位要及时向镇联席会议召集人报告，并报镇联席会议办公室备案。
  reportTo: ['CONVENER'],
  source: '000 art. 7',
};
