import type { PluginDeclaration } from '@jm/plugin-sdk';

type Declaration = Extract<PluginDeclaration, { remove?: never }>;

/**
 * 000 gives no cadence for any meeting: plenary and working meetings are held 根据工作需要 (art. 8),
 * so none of these types has a `cadence`; each is called as needed by its chair (see README).
 */
export const meetingTypes: Declaration['meetingTypes'] = [
  {
    code: 'PLENARY',
    name: '全体会议',
    chairRole: 'CONVENER',
    attendees: 'ALL_MEMBERS',
    guestsAllowed: true,
    adHocCalledBy: ['CONVENER'],
    minutes: {
      // 第九条: 全体会议后形成的会议文件，报请召集人审定后，印发成员单位和相关部门贯彻落实。
      kind: 'MEETING_DOCUMENT',
      approvedBy: 'CONVENER',
      distribution: 'ALL_MEMBERS',
      copyUpward: false,
    },
    escalatesTo: [],
    source: '000 art. 8, 9',
  },
  {
    code: 'WORKING',
    name: '工作会议',
    chairRole: 'CONVENER',
    attendees: 'RELEVANT_MEMBERS',
    guestsAllowed: true,
    adHocCalledBy: ['CONVENER'],
    minutes: {
      // 第九条: 工作会议后 … 整理形成会议纪要，报请召集人审定后，应(印)发相关部门执行。
      kind: 'MINUTES',
      approvedBy: 'CONVENER',
      distribution: 'RELEVANT_MEMBERS',
      copyUpward: false,
    },
    escalatesTo: [],
    source: '000 art. 8, 9',
  },
  {
    code: 'LIAISON',
    name: '成员单位联络工作会议',
    chairRole: 'OFFICE_DIRECTOR',
    attendees: 'RELEVANT_MEMBERS',
    // 可邀请相关部门负责人或各村书记兼村主任参加
    guestsAllowed: true,
    adHocCalledBy: ['OFFICE_DIRECTOR'],
    minutes: {
      // 根据工作需要形成会议文件，报请区联席会议办公室主任签批后，印发参会单位和部门。
      kind: 'MEETING_DOCUMENT',
      approvedBy: 'OFFICE_DIRECTOR',
      approverScope: 'PARENT',
      asNeeded: true,
      distribution: 'ATTENDEES',
      copyUpward: false,
    },
    // 重大问题报镇联席会议召集人审阅，特别重大的，提交镇联席会议全体会议或工作会议研究。
    escalatesTo: ['PLENARY', 'WORKING'],
    escalatesToRoles: ['CONVENER'],
    source: '000 art. 15',
  },
  {
    code: 'TOPICAL',
    name: '专题会议',
    // 第六条: 办公室 … 根据镇联席会议要求，召开专题会议。Chair and minutes are not stated (README).
    chairRole: 'OFFICE_DIRECTOR',
    attendees: 'RELEVANT_MEMBERS',
    guestsAllowed: false,
    adHocCalledBy: ['OFFICE_DIRECTOR'],
    minutes: {
      kind: 'MINUTES',
      approvedBy: 'OFFICE_DIRECTOR',
      distribution: 'ATTENDEES',
      copyUpward: false,
    },
    escalatesTo: [],
    source: '000 art. 6',
  },
];

export const operations: Declaration['operations'] = {
  sensitiveInformation: {
    // 第十一条: 重要敏感信访信息 → 办公室 → 属事单位，督促落地核查。The text says only 及时:
    // the 5-working-day limit is a platform default (README).
    verifyWithin: { amount: 5, unit: 'WORKING_DAYS' },
    onSiteVerification: true,
    source: '000 art. 11',
  },
  issueLists: {
    // 第十二条: 办公室定期形成相关问题清单及工作建议，报请镇联席会议召集人 — 定期 without a period: no cadence.
    recipient: 'CONVENER',
    source: '000 art. 12',
  },
  reportsUpward: {
    // 第十四条: 各成员单位应当及时向镇联席会议报告。
    to: 'OWN_JOINT_MEETING',
    source: '000 art. 14',
  },
};
