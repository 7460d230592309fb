import { defineErrors, PLATFORM_ERRORS, type AppError } from '@engine/errors';

/** Supervision's reasons (flags, reminders, listings, interviews, accountability, notices, assessments, proposals). */
export const SUPERVISION_ERRORS = defineErrors('supervision', {
  badInput: {
    NOT_A_CASE_HERE: {
      en: 'is not a case of this tenant or of the township concerned',
      zh: '不是本租户或相关乡镇的案件',
    },
    NOT_A_LADDER_REASON: {
      en: "must be a reason this tenant's ladder acts on ({allowed})",
      zh: '必须是本租户督办阶梯所针对的原因之一（{allowed}）',
    },
    LADDER_ACTS_ON_NOTHING: {
      en: "this tenant's ladder acts on no flagged reason",
      zh: '本租户的督办阶梯不针对任何标记原因',
    },
    RULES_PROVIDE_NONE: { en: "this tenant's rules provide no {what}", zh: '本租户的规则未规定{what}' },
    PLUGIN_DECLARES_NONE: { en: "this tenant's plugin declares no {what}", zh: '本租户的规则包未规定{what}' },
    NOT_ONE_OF: { en: 'must be one of {allowed}', zh: '必须是以下之一：{allowed}' },
    NOT_ONE_OF_REASONS: {
      en: 'must be one of the {what} reasons ({allowed})',
      zh: '必须是{what}原因之一（{allowed}）',
    },
    DUE_REQUIRED: {
      en: 'the time limit (责令限期) is required: the plugin sets none',
      zh: '必须填写责令限期：规则包未规定',
    },
    NOT_AFTER_TODAY: { en: 'must be after today', zh: '必须晚于今天' },
    DUE_ALREADY_SET: { en: 'the time limit is already set ({on})', zh: '期限已设定（{on}）' },
    LISTING_HAS_NO_DUE: {
      en: 'the listing has no time limit yet (责令限期): set it with this step',
      zh: '挂牌督办尚无责令限期：请在此步骤设定',
    },
    PASSED_REQUIRED: { en: 'is required at the acceptance step ({step})', zh: '验收步骤（{step}）必须填写' },
    PASSED_ONLY_AT_ACCEPTANCE: {
      en: 'only the acceptance step ({step}) passes or fails',
      zh: '只有验收步骤（{step}）判定通过与否',
    },
    NOT_AN_UPPER_CASE_STATUS: {
      en: 'must be an upper-case status such as ACTIVE',
      zh: '必须是大写的状态值，例如 ACTIVE',
    },
    NOT_A_CODE: { en: 'must be lower-case letters, digits and dashes', zh: '只能包含小写字母、数字和连字符' },
    NOT_AN_ACTIVE_UNIT: { en: 'is not an active member unit of this tenant', zh: '不是本租户的在册成员单位' },
    PERIOD_START: { en: 'a {kind} period starts on {starts}', zh: '{kind} 周期须从{starts}开始' },
    PERIOD_NOT_BEGUN: { en: 'the period has not begun', zh: '该周期尚未开始' },
    WRONG_PERIOD: { en: 'this tenant assesses {period} ({source})', zh: '本租户按 {period} 考核（{source}）' },
    INTERVIEW_FORM_NOT_PROVIDED: {
      en: "this tenant's rules provide {forms} interviews ({source})",
      zh: '本租户的规则只规定 {forms} 形式的约谈（{source}）',
    },
    INDIVIDUAL_ONE_UNIT: {
      en: 'an individual interview (个别约谈) concerns one unit: use form GROUP for several',
      zh: '个别约谈只针对一个单位：多个单位请用集中约谈（GROUP）',
    },
    GROUP_NEEDS_OTHERS: {
      en: 'a group interview (集中约谈) names at least one other unit',
      zh: '集中约谈须至少再列一个单位',
    },
    INTERVIEW_TARGET_KIND: {
      en: 'an interview here concerns {kinds} units, not {kind}',
      zh: '此处约谈对象为 {kinds} 类单位，而非 {kind}',
    },
    IN_THE_FUTURE: { en: 'is in the future', zh: '不能晚于今天' },
    BEFORE_INTERVIEW_OPENED: { en: 'is before the interview was opened', zh: '早于约谈立项日期' },
    BOTH_SIDES_SIGN: { en: 'both sides sign the record ({source})', zh: '约谈记录须双方签字（{source}）' },
    RECOMMENDATION_OR_SANCTION: {
      en: 'name at least one recommendation, sanction or rectification order (责令限期整改)',
      zh: '须至少提出一项建议、处理或责令限期整改',
    },
    RECTIFY_BY_WITHOUT_ORDER: {
      en: 'a rectification time limit needs a rectification order (orderRectification is false)',
      zh: '未责令整改时不得填写整改期限',
    },
    NOT_IN_NOTICE: { en: 'is not one of the units in this notice', zh: '不是本通报所列单位' },
    CRITICISED_TWICE: { en: 'is criticised twice', zh: '被重复点名批评' },
    BEFORE_PERIOD_START: { en: 'is before periodStart', zh: '早于 periodStart' },
    PERIOD_TOO_LONG: { en: 'a {what} a year at most', zh: '{what}最长一年' },
    REGULAR_PERIOD_REQUIRED: { en: 'is required for a regular notice', zh: '定期通报必须填写' },
    NOT_A_REGULAR_PERIOD: {
      en: "must be one of this tenant's regular periods ({allowed})",
      zh: '必须是本租户的定期通报周期之一（{allowed}）',
    },
    REGULAR_COVERS_PERIOD: { en: 'a regular notice covers its whole period', zh: '定期通报覆盖整个周期' },
    PERIOD_NOT_OVER: {
      en: 'the period ends on {end}: a regular notice is published once it is over',
      zh: '该周期于 {end} 结束：定期通报须在周期结束后发布',
    },
    NOT_A_RANKED_UNIT: {
      en: "is not an active unit of the kinds this tenant's notices cover ({kinds})",
      zh: '不是本租户通报所覆盖类别（{kinds}）的在册单位',
    },
    KIND_CHOICE_LEFT_TO_OFFICE: {
      en: 'this rule leaves the choice to the office: one of {allowed}',
      zh: '此规则由联席办选择：{allowed} 之一',
    },
    REMINDER_SEVERITY_CHOOSE: {
      en: 'a reminder is GENERAL (一般问题) or KEY (重点问题): choose one',
      zh: '提醒分为一般问题（GENERAL）和重点问题（KEY），请选择其一',
    },
    REMINDER_SEVERITY: { en: 'a reminder is GENERAL or KEY', zh: '提醒只能是 GENERAL 或 KEY' },
    CHANNEL_ONLY_FOR_REMINDER: { en: 'only a reminder has a channel', zh: '只有提醒有发送渠道' },
    INTERVIEW_SEVERITY: { en: 'an interview is GENERAL or SERIOUS', zh: '约谈只能是 GENERAL 或 SERIOUS' },
    REGULAR_RANKS_ALL: {
      en: 'a regular notice ranks every supervised unit; name units in a special notice',
      zh: '定期通报对所有督办单位排名；如需指定单位请发专项通报',
    },
    SPECIAL_HAS_NO_PERIOD: { en: 'a special notice has no regular period', zh: '专项通报没有定期周期' },
    TITLE_REQUIRED: { en: 'is required for a special notice', zh: '专项通报必须填写' },
    SPECIAL_NAMES_UNITS: { en: 'a special notice names at least one unit', zh: '专项通报须至少列出一个单位' },
    SEVERITY_NOT_APPLICABLE: { en: 'only reminders and interviews have a severity', zh: '只有提醒和约谈有严重程度' },
  },
  conflict: {
    LISTING_WRONG_STATUS: { en: 'The listing is {status}', zh: '该挂牌督办当前状态为 {status}' },
    LISTING_NO_LONGER_PROVIDED: {
      en: "This tenant's rules no longer provide listed supervision",
      zh: '本租户的规则已不再规定挂牌督办',
    },
    LISTING_NO_STEP_LEFT: { en: 'The listing has no step left', zh: '该挂牌督办已无后续步骤' },
    ACCEPTANCE_MUST_PASS: {
      en: 'The acceptance check ({step}) must pass before {next}',
      zh: '须先通过验收（{step}）才能进行 {next}',
    },
    NOBODY_RECORDS_RESULT: {
      en: "This tenant's rules name nobody who records an assessment result ({source}): the assessment reports facts only",
      zh: '本租户的规则未规定由谁记录考核结果（{source}）：考核只报告事实',
    },
    PLUGIN_JUDGED: { en: "The plugin's own formula has judged this assessment", zh: '此考核已由规则包自身的公式评定' },
    RESULT_ALREADY_RECORDED: { en: 'A result is already recorded for this assessment', zh: '此考核已记录结果' },
    NO_REPORT_RECIPIENT: {
      en: "This tenant's rules report assessment results to no department ({source})",
      zh: '本租户的规则未规定考核结果报送部门（{source}）',
    },
    ASSESSMENT_NOT_RUN: {
      en: 'Run the assessment for this period first (runAssessment)',
      zh: '请先对该周期进行考核（runAssessment）',
    },
    INTERVIEW_WRONG_STATUS: { en: 'The interview is {status}', zh: '该约谈当前状态为 {status}' },
    INTERVIEW_NOT_PREPARED: {
      en: 'Prepare the interview first: team, targets and matters (prepareInterview)',
      zh: '请先做好约谈准备：人员、对象和事项（prepareInterview）',
    },
    GROUP_MEMBER_NOT_PLANNED: {
      en: 'Another unit of this group interview is not PLANNED',
      zh: '本次集中约谈的另一单位不处于计划（PLANNED）状态',
    },
    NO_REPORT_AWAITED: {
      en: 'The interview is {status}: no report is awaited',
      zh: '该约谈当前状态为 {status}：无需提交整改报告',
    },
    ACCOUNTABILITY_WRONG_STATUS: { en: 'The accountability case is {status}', zh: '该问责事项当前状态为 {status}' },
    ACCOUNTABILITY_NOT_PROVIDED: { en: "This tenant's rules provide no accountability", zh: '本租户的规则未规定问责' },
    NOTICE_ALREADY_PUBLISHED: { en: 'Notice {number} is already published', zh: '通报 {number} 已发布' },
    NOTICE_DISCARDED: { en: 'The draft was discarded: {reason}', zh: '该通报草稿已作废：{reason}' },
    REGULAR_NOTICE_EXISTS: {
      en: 'The {period} notice for {start} exists (published, or a draft to publish with publishSupervisionNotice)',
      zh: '{start} 的 {period} 通报已存在（已发布，或为待用 publishSupervisionNotice 发布的草稿）',
    },
    PROPOSAL_ALREADY_DECIDED: { en: 'The proposal is already {status}', zh: '该督办建议已处理（{status}）' },
    UNIT_INACTIVE: { en: 'The unit is no longer an active member unit', zh: '该单位已不是在册成员单位' },
  },
  forbidden: {
    OFFICE_FLAGS: { en: 'Only the office flags supervision concerns', zh: '只有联席办可标记督办事项' },
    OFFICE_REMINDS: { en: 'Only the office issues reminders', zh: '只有联席办可发出提醒' },
    OFFICE_LISTS: { en: 'Only the office lists matters for supervision', zh: '只有联席办可挂牌督办' },
    OFFICE_ADVANCES_LISTING: { en: 'Only the office advances a listing', zh: '只有联席办可推进挂牌督办' },
    ASSESSOR_RECORDS: { en: 'The assessing jurisdiction records its result', zh: '考核结果由考核方记录' },
    RESULT_RECORDED_BY: {
      en: 'The result is recorded by the {who} ({source})',
      zh: '考核结果由 {who} 记录（{source}）',
    },
    OFFICE_REPORTS_RESULTS: { en: 'Only the office reports assessment results', zh: '只有联席办可报送考核结果' },
    OFFICE_RUNS_ASSESSMENTS: { en: 'Only the office runs assessments', zh: '只有联席办可进行考核' },
    FLAGS_READERS: {
      en: 'Flags are read by the office, the conveners and superiors',
      zh: '督办标记仅联席办、召集人和上级可查看',
    },
    INTERVIEW_OPENERS: { en: 'Interviews are opened by the office or a convener', zh: '约谈由联席办或召集人立项' },
    INTERVIEW_PREPARERS: { en: 'Interviews are prepared by the office or a convener', zh: '约谈由联席办或召集人准备' },
    INTERVIEW_CONDUCTORS: { en: 'Interviews are conducted by the conveners', zh: '约谈由召集人实施' },
    INTERVIEW_CONDUCTED_BY: {
      en: 'A {severity} interview is conducted by the {who} ({source})',
      zh: '{severity} 约谈由 {who} 实施（{source}）',
    },
    INTERVIEWED_UNIT_REPORTS: {
      en: 'Rectification reports are filed by the interviewed unit',
      zh: '整改报告由被约谈单位提交',
    },
    CONVENERS_DECIDE_ACCOUNTABILITY: { en: 'Accountability is decided by the conveners', zh: '问责由召集人决定' },
    OFFICE_PUBLISHES_NOTICES: { en: 'Only the office publishes notices', zh: '只有联席办可发布通报' },
    METRICS_READERS: {
      en: 'Metrics of all units are for the office, the conveners and superiors',
      zh: '全部单位的指标仅联席办、召集人和上级可查看',
    },
    NOTICE_UNITS_RECEIPT: {
      en: 'Read receipts are given by the units a notice concerns',
      zh: '已读回执由通报涉及的单位提交',
    },
    OUTBOX_IS_OFFICE: { en: "The outbox is the office's", zh: '发件箱仅联席办可查看' },
    PROPOSALS_READERS: {
      en: 'Proposals are for the office, the conveners and superiors',
      zh: '督办建议仅联席办、召集人和上级可查看',
    },
    OFFICE_DECIDES_PROPOSAL: { en: 'Only the office may {verb} a proposal', zh: '只有联席办可处理督办建议（{verb}）' },
  },
});

const PERIOD_STARTS_ZH: Record<string, string> = {
  MONTHLY: '每月 1 日',
  QUARTERLY: '1 月 1 日、4 月 1 日、7 月 1 日或 10 月 1 日',
  HALF_YEARLY: '1 月 1 日或 7 月 1 日',
  ANNUAL: '1 月 1 日',
};

/** periodFrom's problem as this context's reason (a date format, or the day a period starts on). */
export function periodProblem(field: string, problem: string): AppError {
  const starts = /^a (\w+) period starts on (.+)$/.exec(problem);
  if (!starts) return PLATFORM_ERRORS.badInput(field, 'NOT_A_DATE');
  return SUPERVISION_ERRORS.badInput(field, 'PERIOD_START', {
    kind: starts[1],
    starts: { en: starts[2], zh: PERIOD_STARTS_ZH[starts[1]] ?? starts[2] },
  });
}

/** Phrases for `{what}` placeholders used at several sites. */
export const REMINDERS = { en: 'reminders', zh: '提醒' };
export const ASSESSMENT = { en: 'assessment', zh: '考核' };
