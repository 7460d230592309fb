import type { PluginDeclaration } from '@jm/plugin-sdk';

type Declaration = Extract<PluginDeclaration, { remove?: never }>;

export const supervision: Declaration['supervision'] = {
  inspections: {
    // 第十三条: 联合督查由联席会议办公室或成员根据工作需要提出建议，报请联席会议召集人批准后 … 组织实施单位将情况及时报联席会议。
    proposedBy: ['OFFICE_DIRECTOR', 'MEMBER_UNIT'],
    approvedBy: 'CONVENER',
    reportTo: 'OWN_JOINT_MEETING',
    source: '001 art. 13',
  },
  interviews: {
    // 第十五条: 对信访问题突出的村或镇直单位，由镇联席会议召集人约谈相关村或镇直单位负责同志，查摆问题、分析原因、研究对策。
    reasons: [{ code: 'PROMINENT_PETITION_PROBLEMS', name: '信访问题突出' }],
    conductedBy: { SERIOUS: 'CONVENER', GENERAL: 'CONVENER' },
    targets: ['负责同志'],
    steps: [
      { code: 'IDENTIFY_PROBLEMS', name: '查摆问题' },
      { code: 'ANALYSE_CAUSES', name: '分析原因' },
      { code: 'DEVISE_COUNTERMEASURES', name: '研究对策' },
    ],
    bothSidesSign: false,
    // Not in the text: a platform default borrowed from the county rule in 003 §六 (README).
    rectificationReportDue: { amount: 15, unit: 'WORKING_DAYS' },
    targetKinds: ['VILLAGE', 'COMMUNITY', 'DEPARTMENT'],
    source: '001 art. 15',
  },
  assessment: {
    // 第十六条: 制定科学合理的评价标准和指标体系，定期对全镇信访工作进行考核 — 定期 without a period: ANNUAL (README).
    period: 'ANNUAL',
    counts: ['METRICS'],
    source: '001 art. 16',
  },
  ladder: [],
  appliesToDescendants: false,
};
