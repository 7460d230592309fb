import { defineErrors } from '@engine/errors';

/** Coordination's reasons (sensitive information reports, issue lists). */
export const COORDINATION_ERRORS = defineErrors('coordination', {
  badInput: {
    BEFORE_PERIOD_START: { en: 'is before periodStart', zh: '早于 periodStart' },
    NOT_AN_ACTIVE_UNIT: { en: 'is not an active member unit of this tenant', zh: '不是本租户的在册成员单位' },
    IN_THE_FUTURE: { en: 'is in the future', zh: '不能晚于当前时间' },
    ON_SITE_VERIFICATION_REQUIRED: {
      en: 'the plugin requires on-site verification (落地核查, {source}) before reporting',
      zh: '规则包要求先落地核查再报告（{source}）',
    },
    SEND_BACK_NEEDS_COMMENT: {
      en: 'say what is missing when sending a verification back',
      zh: '退回核查结果时须说明缺少什么',
    },
    UNITS_REQUIRED: { en: 'name at least one unit to circulate it to', zh: '请至少指定一个通报单位' },
    NO_RULE: {
      en: 'the plugin {plugin} of {tenant} has no rule for {what} ({section})',
      zh: '{tenant}的规则包 {plugin} 未规定{what}（{section}）',
    },
  },
  conflict: {
    ISSUE_LIST_LOCKED: {
      en: 'The issue list is {status} and can no longer be edited',
      zh: '问题清单当前状态为 {status}，不能再修改',
    },
    ISSUE_LIST_WRONG_STATUS: {
      en: 'The issue list is {status}; this needs {needed}',
      zh: '问题清单当前状态为 {status}；此操作需要 {needed}',
    },
    REPORT_CLOSED: { en: 'The sensitive report is closed', zh: '该敏感信息报告已办结' },
    REPORT_WRONG_STATUS: {
      en: 'The sensitive report is {status}; this needs {needed}',
      zh: '该敏感信息报告当前状态为 {status}；此操作需要 {needed}',
    },
  },
  forbidden: {
    OFFICE_COMPILES_ISSUE_LISTS: {
      en: 'Only the office of this tenant compiles issue lists',
      zh: '只有本租户的联席办可编制问题清单',
    },
    ISSUE_LIST_REVIEWED_BY: { en: 'This issue list is reviewed by the {role}', zh: '此问题清单由 {role} 审阅' },
    OFFICE_SUBMITS_ISSUE_LISTS: {
      en: 'Only the office of this tenant submits issue lists',
      zh: '只有本租户的联席办可报送问题清单',
    },
    REPORTERS_ONLY: {
      en: 'Member units and the office of this tenant report sensitive information',
      zh: '敏感信息由本租户的成员单位和联席办报告',
    },
    RESPONSIBLE_UNIT_VERIFIES: {
      en: 'Only the responsible unit reports the verification',
      zh: '只有责任单位可报告核查结果',
    },
    OFFICE_HANDLES_REPORTS: {
      en: 'Only the office of this tenant notifies, closes or sends back sensitive information',
      zh: '只有本租户的联席办可通报、办结或退回敏感信息',
    },
  },
});
