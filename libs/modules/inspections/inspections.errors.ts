import { defineErrors } from '@engine/errors';

/** The inspections context's reasons (督查: proposed, approved, carried out, findings rectified). */
export const INSPECTION_ERRORS = defineErrors('inspections', {
  badInput: {
    NO_INSPECTION_PROCEDURE: {
      en: 'the plugin {plugin} of {tenant} states no inspection procedure (supervision.inspections)',
      zh: '{tenant}的规则包 {plugin} 未规定督查程序（supervision.inspections）',
    },
    PERIOD_END_BEFORE_START: { en: 'is before periodStart', zh: '早于 periodStart' },
    REJECTION_NEEDS_NOTE: { en: 'say why when rejecting an inspection', zh: '不同意督查时须说明理由' },
    NO_EVENT_INSPECTIONS: {
      en: '{source} provides no inspections before major meetings, holidays and events (supervision.inspections.regular.beforeMajorEvents)',
      zh: '{source}未规定重大会议、节日和活动前的督查（supervision.inspections.regular.beforeMajorEvents）',
    },
    IN_THE_PAST: { en: 'is in the past', zh: '不能早于今天' },
    UNIT_NOT_ACTIVE: { en: 'is not an active member unit of this tenant', zh: '不是本租户的在册成员单位' },
    OFFICE_ORGANISES: { en: 'under {source} the office organises inspections', zh: '依据{source}，督查由联席办组织' },
    UNIT_NOT_DRAWN: { en: 'was not drawn for this random inspection', zh: '未被本次随机督查抽中' },
  },
  conflict: {
    INSPECTION_WRONG_STATUS: {
      en: 'The inspection is {status}; this needs {allowed}',
      zh: '督查当前为 {status}，此操作需要 {allowed}',
    },
  },
  forbidden: {
    OTHER_TENANT: { en: 'Inspections are proposed within your own tenant', zh: '只能在本租户内提请督查' },
    NOT_PROPOSER: {
      en: 'Under {source} inspections are proposed by {roles}',
      zh: '依据{source}，督查由 {roles} 提请',
    },
    NOT_APPROVER: {
      en: 'Under {source} inspections are approved by the {approver}',
      zh: '依据{source}，督查由{approver}审批',
    },
    NOT_OWN_TENANT: { en: 'Inspections are run within their own tenant', zh: '督查只能在其所属租户内开展' },
    NOT_CONDUCTOR: {
      en: 'Inspections under {source} are carried out by the office or the {approver}',
      zh: '依据{source}，督查由联席办或{approver}开展',
    },
  },
});
