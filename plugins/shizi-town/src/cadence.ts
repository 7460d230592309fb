import type { PluginDeclaration } from '@jm/plugin-sdk';

type Declaration = Extract<PluginDeclaration, { remove?: never }>;

export const meetingTypes: Declaration['meetingTypes'] = [
  {
    // 第四条: 全体会议由联席会议召集人主持，全体成员出席 … 可邀请相关部门人员参加。会议纪要 … 报请召集人审定后，印发成员单位或相关部门执行。
    code: 'PLENARY',
    name: '全体会议',
    chairRole: 'CONVENER',
    attendees: 'ALL_MEMBERS',
    guestsAllowed: true,
    adHocCalledBy: ['CONVENER'],
    minutes: { kind: 'MINUTES', approvedBy: 'CONVENER', distribution: 'ALL_MEMBERS', copyUpward: false },
    escalatesTo: [],
    source: '001 art. 4',
  },
  {
    // 第五条: 一般每月至少召开一次工作会议，重点时期每周至少召开一次工作会议，遇重大问题可临时召开工作会议。
    code: 'WORKING',
    name: '工作会议',
    chairRole: 'CONVENER',
    attendees: 'RELEVANT_MEMBERS',
    // 可邀请各村和其他部门人员参加
    guestsAllowed: true,
    cadence: { rrule: 'FREQ=MONTHLY', minimum: true, source: '001 art. 5' },
    keyPeriodCadence: { rrule: 'FREQ=WEEKLY', minimum: true, source: '001 art. 5' },
    adHocCalledBy: ['CONVENER'],
    // 工作会议文件印发各村和相关部门贯彻落实 — approval is not stated; the convener approves (README).
    minutes: { kind: 'MEETING_DOCUMENT', approvedBy: 'CONVENER', distribution: 'RELEVANT_MEMBERS', copyUpward: false },
    escalatesTo: [],
    source: '001 art. 5',
  },
  {
    // 第十四条: 每月召开1次信访社情分析例会. Chair and minutes are not stated (README).
    code: 'SOCIAL_SITUATION_ANALYSIS',
    name: '信访社情分析例会',
    chairRole: 'CONVENER',
    attendees: 'RELEVANT_MEMBERS',
    guestsAllowed: false,
    cadence: { rrule: 'FREQ=MONTHLY', minimum: false, source: '001 art. 14' },
    adHocCalledBy: [],
    minutes: { kind: 'MINUTES', approvedBy: 'CONVENER', distribution: 'ATTENDEES', copyUpward: false },
    escalatesTo: [],
    source: '001 art. 14',
  },
  {
    // 第九条: 联席会议办公室 … 根据需要召开调度会商会议. Chair and minutes are not stated (README).
    code: 'DISPATCH_CONSULTATION',
    name: '调度会商会议',
    chairRole: 'OFFICE_DIRECTOR',
    attendees: 'RELEVANT_MEMBERS',
    guestsAllowed: false,
    adHocCalledBy: ['OFFICE_DIRECTOR'],
    minutes: { kind: 'MINUTES', approvedBy: 'OFFICE_DIRECTOR', distribution: 'ATTENDEES', copyUpward: false },
    escalatesTo: [],
    source: '001 art. 9',
  },
];

export const operations: Declaration['operations'] = {
  sensitiveInformation: {
    // 第十一条: 重要敏感信访信息 → 办公室 → 相关部门和各村，督促落地核查。No deadline in the text:
    // the 5-working-day limit is a platform default (README).
    verifyWithin: { amount: 5, unit: 'WORKING_DAYS' },
    onSiteVerification: true,
    source: '001 art. 11',
  },
  reportsUpward: {
    // 第六条: 向镇党委、政府和县信访工作联席会议报告。
    to: 'BOTH',
    source: '001 art. 6',
  },
};
