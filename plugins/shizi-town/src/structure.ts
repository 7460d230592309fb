import type { MemberUnitKind, PluginDeclaration } from '@jm/plugin-sdk';

type Declaration = Extract<PluginDeclaration, { remove?: never }>;

export const structure: Declaration['structure'] = {
  jointMeetingName: '十字镇信访工作联席会议',
  // 第二条: 召集人由镇党委、政府主要领导和分管领导同志担任; 附件2 names three 召集人 and ranks none
  // above the others, so all three are CONVENER (no chief convener).
  conveners: [
    { key: 'party-secretary', title: '镇党委书记', role: 'CONVENER', source: '001 art. 2; annex 2' },
    { key: 'mayor', title: '镇党委副书记、镇长', role: 'CONVENER', source: '001 art. 2; annex 2' },
    { key: 'deputy-secretary-political-legal', title: '镇党委副书记、政法委员', role: 'CONVENER', source: '001 art. 2; annex 2' },
  ],
  office: {
    // 第八条: 联席会议办公室设在镇综合治理办公室。办公室主任由镇综合治理办公室负责人兼任。
    hostUnit: '综合治理办公室',
    director: { key: 'office-director', title: '镇综合治理办公室负责人', role: 'OFFICE_DIRECTOR', source: '001 art. 8' },
    source: '001 art. 8',
  },
  // 第二条: 镇党委、政府主要领导 (书记, 镇长) and 分管领导 (the deputy secretary / 政法委员), per 附件2.
  leaders: [
    { key: 'party-secretary', title: '镇党委书记', tier: 'PRINCIPAL', source: '001 art. 2; annex 2' },
    { key: 'mayor', title: '镇党委副书记、镇长', tier: 'PRINCIPAL', source: '001 art. 2; annex 2' },
    { key: 'deputy-secretary-political-legal', title: '镇党委副书记、政法委员', tier: 'IN_CHARGE', source: '001 art. 2; annex 2' },
  ],
  principle: '属地管理、分级负责,谁主管、谁负责,依法、及时、就地解决问题与疏导教育相结合',
};

const unit = (name: string, kind: MemberUnitKind, aliases: string[] = []) => ({
  name,
  kind,
  aliases,
  source: aliases.length > 0 ? '001 annex 1; annex 2' : '001 annex 1',
});

/**
 * 附件1: 22 member units — 13 departments, then 9 villages and communities, in the annex's order.
 * Aliases are the spellings 附件2 uses where it differs from 附件1.
 */
export const memberUnits: Declaration['memberUnits'] = [
  unit('党政综合办公室', 'DEPARTMENT'),
  unit('党建工作办公室', 'DEPARTMENT'),
  unit('综合治理办公室', 'DEPARTMENT'),
  unit('十字镇派出所', 'DEPARTMENT'),
  unit('十字镇司法所', 'DEPARTMENT'),
  unit('经济发展办公室(生态环境办)', 'DEPARTMENT', ['经济发展办公室(生态环境办公室)']),
  unit('农业农村发展服务中心', 'DEPARTMENT', ['农业农村发展办公室']),
  unit('自然资源规划所(林业站)', 'DEPARTMENT'),
  unit('财政服务管理中心', 'DEPARTMENT', ['十字镇财政']),
  unit('综合行政执法大队', 'DEPARTMENT'),
  unit('规划建设中心', 'DEPARTMENT'),
  unit('为民服务中心', 'DEPARTMENT'),
  unit('社会事务服务中心', 'DEPARTMENT'),
  unit('施吴村', 'VILLAGE'),
  unit('水鸣社区', 'COMMUNITY'),
  unit('新和村', 'VILLAGE'),
  unit('十字村', 'VILLAGE'),
  unit('李村', 'VILLAGE'),
  unit('天子门村', 'VILLAGE'),
  unit('双铺村', 'VILLAGE'),
  unit('大华村', 'VILLAGE'),
  unit('安民社区', 'COMMUNITY'),
];

export const countedMemberUnits: Declaration['countedMemberUnits'] = [];

export const membershipChanges: Declaration['membershipChanges'] = {
  // 第十条: 联席会议办公室要及时备案，并向联席会议召集人报告。
  reportTo: ['CONVENER'],
  source: '001 art. 10',
};
