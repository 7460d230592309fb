import { defineErrors } from '@engine/errors';

/** The reporting context's reasons (reports upward, 请示报告). */
export const REPORT_ERRORS = defineErrors('reporting', {
  badInput: {
    CHANNEL_NOT_DECLARED: {
      en: 'the plugin {plugin} of {tenant} declares no {what} (operations.reportsUpward)',
      zh: '{tenant}的规则包 {plugin} 未规定{what}（operations.reportsUpward）',
    },
    MATTER_FROM_MEETING: {
      en: 'a matter goes to the convener for review from its meeting (referMeetingMatter)',
      zh: '重大问题报召集人审阅须从其会议提出（referMeetingMatter）',
    },
    NO_PARENT_TENANT: { en: '{tenant} has no parent tenant to report to', zh: '{tenant}没有可报告的上级' },
    COMMENT_REQUIRED: { en: 'say what to change when returning a report', zh: '退回报告须说明修改意见' },
    REPLIED_BY_REQUIRED: { en: 'say who replied for {recipient}', zh: '须写明{recipient}的答复人' },
    REPLIED_ON_REQUIRED: { en: 'give the day of the reply', zh: '须写明答复日期' },
    IN_THE_FUTURE: { en: 'is in the future', zh: '不能晚于今天' },
    IN_THE_PAST: { en: 'is in the past', zh: '不能早于今天' },
    BEFORE_SENT: { en: 'is before the report was sent', zh: '早于报告报送日期' },
    ONLY_FOR_PARTY_COMMITTEE: {
      en: "is recorded only for the party committee's reply; the platform records who answered",
      zh: '仅用于记录党委、政府的答复；平台内的答复人由平台记录',
    },
  },
  conflict: {
    REPORT_WRONG_STATUS: {
      en: 'The report is {status}; this needs {needed}',
      zh: '报告当前状态为 {status}；此操作需要 {needed}',
    },
    NO_APPROVAL_NEEDED: { en: 'This report needs no approval: send it', zh: '该报告无需审核，可直接报送' },
    APPROVAL_REQUIRED: {
      en: 'This report is {status}: it is approved before it is sent ({rule})',
      zh: '该报告当前状态为 {status}：须审核后方可报送（{rule}）',
    },
    RECIPIENT_OUTSIDE: {
      en: 'The party committee is outside the platform: the office records its reply (answerReport)',
      zh: '党委、政府不在平台内：由办公室记录其答复（answerReport）',
    },
    INSTRUCTION_DONE: { en: 'The instruction was already carried out', zh: '该批示事项已落实' },
  },
  forbidden: {
    OWN_TENANT_ONLY: { en: 'Reports are drafted in your own tenant', zh: '只能在本单位起草报告' },
    MEMBER_UNITS_ONLY: {
      en: 'Member units report to their own joint meeting (OWN_JOINT_MEETING)',
      zh: '成员单位向本级联席会议报告（OWN_JOINT_MEETING）',
    },
    OFFICE_ONLY: {
      en: "Only the reporting tenant's office does this",
      zh: '只有报告单位的联席会议办公室可以进行此操作',
    },
    DRAFTER_OR_OFFICE: {
      en: 'Only its drafter or the office edits a draft report',
      zh: '只有起草人或办公室可以修改报告草稿',
    },
    REPORTING_UNIT_ONLY: {
      en: 'The reporting unit does this on its work report',
      zh: '只有报告的成员单位可以进行此操作',
    },
    RECIPIENT_ONLY: { en: '{recipient} acknowledges and answers this report', zh: '此报告由{recipient}签收并答复' },
    RECIPIENT_OUTSIDE: { en: 'The party committee is outside the platform', zh: '党委、政府不在平台内' },
    RECEIVED_BY_OFFICE: {
      en: 'The office reads the reports sent to its joint meeting',
      zh: '报送本级联席会议的报告由办公室查看',
    },
    NO_APPROVAL: { en: 'This report needs no approval', zh: '该报告无需审核' },
    APPROVER_ONLY: { en: 'This report is approved by the {role} ({rule})', zh: '该报告由 {role} 审核（{rule}）' },
  },
});
