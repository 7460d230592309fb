import { defineErrors } from '@engine/errors';

/** The meetings context's reasons (scheduling, records, minutes, agreed items, key periods). */
export const MEETING_ERRORS = defineErrors('meetings', {
  badInput: {
    REPORT_BACK_NEEDS_COMMENT: { en: 'say what is missing when sending a report back', zh: '退回报告时须说明缺少什么' },
    RETURN_NEEDS_COMMENT: { en: 'say what to change when returning minutes', zh: '退回纪要时须说明需要修改什么' },
    BEFORE_STARTS_ON: { en: 'is before startsOn', zh: '早于 startsOn' },
    KEY_PERIOD_TOO_LONG: { en: 'a key period lasts a year at most', zh: '重点时期最长一年' },
    NO_KEY_PERIOD_CADENCE: {
      en: "this tenant's plugin declares no key-period cadence",
      zh: '本租户的规则包未规定重点时期的会议频次',
    },
    UNKNOWN_MEETING_TYPE: {
      en: '"{code}" is not a meeting type of this tenant ({known})',
      zh: '“{code}”不是本租户的会议类型（{known}）',
    },
    NO_GUESTS: { en: 'a {type} takes no invited guests', zh: '{type}不邀请列席人员' },
    NO_ESCALATION: { en: 'items of a {from} do not escalate to a {to}', zh: '{from}的事项不能提交到{to}' },
    IN_THE_FUTURE: { en: 'is in the future', zh: '不能晚于当前时间' },
    NOT_INVITED: { en: 'was not invited to this meeting', zh: '未受邀参加本次会议' },
    ABSENCE_REASON_REQUIRED: { en: 'is required for an absent unit', zh: '缺席单位必须填写' },
    UNKNOWN_POST: {
      en: '"{post}" is not a post of this joint meeting ({posts})',
      zh: '“{post}”不是本联席会议的职务（{posts}）',
    },
    NOT_ALL_ACTIVE_UNITS: { en: 'must all be active member units of this tenant', zh: '必须都是本租户的在册成员单位' },
    DATE_OR_DAYS: { en: 'give either a date or an amount of days', zh: '请填写日期或天数（二者选一）' },
    NOT_AN_ACTIVE_UNIT: { en: 'is not an active member unit of this tenant', zh: '不是本租户的在册成员单位' },
    NO_TOPIC_PROPOSERS: {
      en: 'topics for a {type} are proposed by the office ({source})',
      zh: '{type}的议题由联席办提出（{source}）',
    },
    TOPIC_WRONG_MEETING: {
      en: 'is a {type}, not a {wanted}: the topic was proposed for a {wanted}',
      zh: '该会议为{type}，不是{wanted}：议题提请的是{wanted}',
    },
    MEETING_REQUIRED: { en: 'give the scheduled meeting the topic goes onto', zh: '请指定议题列入的待召开会议' },
    REASON_REQUIRED: { en: 'say why the topic is declined', zh: '不予采纳须说明理由' },
    NO_REVIEW_ROLES: {
      en: 'the plugin names nobody to review the major matters of a {type} (meetingTypes.escalatesToRoles)',
      zh: '规则包未规定{type}的重大问题报谁审阅（meetingTypes.escalatesToRoles）',
    },
  },
  conflict: {
    ITEM_WRONG_STATUS: { en: 'The item is {status}', zh: '该事项当前状态为 {status}' },
    REPORT_ALREADY_ACCEPTED: { en: 'Your report on this item was already accepted', zh: '您对该事项的报告已被采纳' },
    REPORT_PENDING: { en: "Your previous report awaits the office's review", zh: '您上一份报告正待联席办审核' },
    REPORT_ALREADY_REVIEWED: { en: 'The report is already {status}', zh: '该报告已处理（{status}）' },
    MEETING_NOT_SCHEDULED: {
      en: 'The meeting is {status}, not SCHEDULED',
      zh: '该会议当前状态为 {status}，不是待召开（SCHEDULED）',
    },
    MINUTES_NOT_APPROVED: {
      en: 'Minutes download once approved; these are {status}',
      zh: '纪要审批后才能下载；当前状态为 {status}',
    },
    MEETING_NOT_HELD: { en: 'Minutes are drafted after the meeting is held', zh: '会议召开后才能起草纪要' },
    TOPIC_DECIDED: { en: 'The topic was already {status}', zh: '该议题已处理（{status}）' },
    MATTER_AFTER_HELD: {
      en: 'A matter of a meeting is referred for review once the meeting is held',
      zh: '会议召开后才能将重大问题报请审阅',
    },
    MINUTES_LOCKED: {
      en: 'The minutes are {status} and can no longer be edited',
      zh: '纪要当前状态为 {status}，不能再修改',
    },
    MINUTES_WRONG_STATUS: {
      en: 'The minutes are {status}; this needs {needed}',
      zh: '纪要当前状态为 {status}；此操作需要 {needed}',
    },
  },
  forbidden: {
    OWNER_UNIT_REPORTS: {
      en: 'Only an owner unit reports on an agreed item',
      zh: '只有责任单位可报告议定事项的落实情况',
    },
    OFFICE_REVIEWS_REPORTS: { en: 'Only the office reviews reports', zh: '只有联席办可审核报告' },
    OFFICE_DECLARES_KEY_PERIODS: { en: 'Only the office declares key periods', zh: '只有联席办可确定重点时期' },
    AD_HOC_CALLED_BY: { en: 'A {type} can be called ad hoc by {allowed} only', zh: '临时{type}只能由 {allowed} 召集' },
    OFFICE_SCHEDULES: { en: 'Only the office schedules meetings', zh: '只有联席办可安排会议' },
    OFFICE_RECORDS: { en: 'Only the office records meetings', zh: '只有联席办可记录会议' },
    OFFICE_CANCELS: { en: 'Only the office cancels meetings', zh: '只有联席办可取消会议' },
    TOPIC_PROPOSERS: {
      en: 'Topics for a {type} are proposed by {allowed} or the office ({source})',
      zh: '{type}的议题由 {allowed} 或联席办提出（{source}）',
    },
    OFFICE_DECIDES_TOPICS: {
      en: 'Only the office accepts or declines proposed topics',
      zh: '只有联席办可采纳或不予采纳议题',
    },
    OFFICE_REFERS: {
      en: "Only the office refers a meeting's major matter for review",
      zh: '只有联席办可将会议的重大问题报请审阅',
    },
    RECEIVING_UNITS_ACKNOWLEDGE: { en: 'Receiving units acknowledge receipt', zh: '由接收单位确认签收' },
    OFFICE_KEEPS_MINUTES: {
      en: 'Only the office drafts, submits and issues minutes',
      zh: '只有联席办可起草、提交和印发纪要',
    },
    NO_APPROVAL_NEEDED: { en: 'These minutes need no approval', zh: '此纪要无需审批' },
    APPROVED_BY: {
      en: 'These minutes are approved by the {whose}{role} ({source})',
      zh: '此纪要由{whose} {role} 审批（{source}）',
    },
  },
});
