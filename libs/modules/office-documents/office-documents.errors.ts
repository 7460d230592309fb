import { defineErrors } from '@engine/errors';

/** The office's documents: annual work points and briefings. */
export const OFFICE_DOCUMENTS_ERRORS = defineErrors('office-documents', {
  badInput: {
    NO_WORK_POINTS_RULE: {
      en: "this jurisdiction's rules give the office no annual work points",
      zh: '本地规则未规定联席办起草年度工作要点',
    },
    NO_BRIEFINGS_RULE: {
      en: "this jurisdiction's rules give the office no briefings",
      zh: '本地规则未规定联席办编印简报',
    },
    NO_CIRCULARS_RULE: {
      en: "this jurisdiction's rules give the office no circulars of the work situation",
      zh: '本地规则未规定联席办通报工作情况',
    },
    NO_AGREED_ITEMS_PROGRESS_RULE: {
      en: "this jurisdiction's rules give the office no circulars of the agreed items' progress",
      zh: '本地规则未规定联席办通报议定事项进展情况',
    },
    KIND_OF_DRAFT: { en: 'the draft is a {kind}: its kind stays', zh: '该草稿为{kind}，类别不能更改' },
    DRAWN_FROM_CIRCULARS_ONLY: {
      en: 'only a circular lists the work reports it draws on',
      zh: '只有工作情况通报列明所汇总的工作报告',
    },
    NOT_A_RECEIVED_WORK_REPORT: {
      en: 'is not a work report a member unit sent to this joint meeting',
      zh: '不是成员单位已报送本联席会议的工作报告',
    },
    COMMENT_REQUIRED: { en: 'say what to change when returning the work points', zh: '退回时请说明修改意见' },
    NOT_AN_AGREED_ITEM: { en: 'is not an issued agreed item of this tenant', zh: '不是本租户已印发的议定事项' },
    NOT_A_WORK_POINT: { en: 'is not a point of these work points', zh: '不是该年度工作要点中的条目' },
    NOT_AN_ACTIVE_UNIT: { en: 'is not an active member unit of this tenant', zh: '不是本租户的在册成员单位' },
    NO_RECIPIENTS: { en: 'the briefing would reach no member unit', zh: '该简报没有任何接收单位' },
  },
  conflict: {
    WORK_PLAN_NOT_EDITABLE: {
      en: 'The work points are {status} and can no longer be edited',
      zh: '年度工作要点已{status}，不能再修改',
    },
    WORK_PLAN_STATE: {
      en: 'The work points are {status}; this needs {needed}',
      zh: '年度工作要点当前为{status}，此操作须为{needed}',
    },
    BRIEFING_ISSUED: { en: 'The briefing is already issued ({number})', zh: '该简报已印发（{number}）' },
  },
  forbidden: {
    OFFICE_ONLY: {
      en: 'Only the office drafts, submits and issues its documents',
      zh: '只有联席办可起草、报送和印发本办文件',
    },
    APPROVER_ONLY: {
      en: 'The work points are approved by the {role} ({source})',
      zh: '年度工作要点由{role}审定（{source}）',
    },
    RECIPIENTS_ACKNOWLEDGE: { en: 'Receiving units acknowledge receipt', zh: '由接收单位签收' },
  },
});
