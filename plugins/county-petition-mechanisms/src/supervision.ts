import type { PluginDeclaration } from '@jm/plugin-sdk';

type Declaration = Extract<PluginDeclaration, { remove?: never }>;

type Supervision = NonNullable<Declaration['supervision']>;

/** The escalation ladder (三 通报 → 四 提醒 → 五 挂牌督办 → 六 约谈 → 七 责任追究). */
export const ladder: NonNullable<Supervision['ladder']> = [
  {
    // 三: 对连续2次定期通报排名后3位的 … 进行提醒或约谈
    id: 'bottom-three-twice',
    when: { kind: 'BOTTOM_IN_CONSECUTIVE_REGULAR_NOTICES', bottom: 3, consecutive: 2 },
    then: 'REMINDER_OR_INTERVIEW',
    source: '003 §三',
  },
  {
    // 三: 或连续2次被专项通报的，进行提醒或约谈
    id: 'special-notices-twice',
    when: { kind: 'CONSECUTIVE_SPECIAL_NOTICES', consecutive: 2 },
    then: 'REMINDER_OR_INTERVIEW',
    source: '003 §三',
  },
  {
    // 五: 或连续2次被提醒告知的重点案件，及时挂牌督办
    id: 'reminded-twice',
    when: { kind: 'CONSECUTIVE_REMINDERS', consecutive: 2 },
    then: 'LISTED_SUPERVISION',
    source: '003 §五',
  },
  {
    // 五: 对已经或可能产生严重不良影响 … 的重点案件，及时挂牌督办
    id: 'serious-impact',
    when: { kind: 'FLAGGED', reasons: ['SERIOUS_IMPACT', 'POSSIBLE_SERIOUS_IMPACT'] },
    then: 'LISTED_SUPERVISION',
    source: '003 §五',
  },
  {
    // 六: the interview grounds (see `interviews.reasons`) lead straight to an interview.
    id: 'interview-grounds',
    when: {
      kind: 'FLAGGED',
      reasons: ['LATE_REPORTING_SERIOUS_IMPACT', 'BEIJING_OR_SKIP_LEVEL_VISIT', 'NON_RECEPTION_SITE_VISIT', 'RECTIFICATION_NOT_IMPLEMENTED'],
    },
    then: 'INTERVIEW',
    source: '003 §六',
  },
  {
    // 六: 被约谈对象须在15个工作日内书面报告 … 整改落实情况; 七: 对未按相关规定办理 … 责令限期整改;
    // 推诿、敷衍、拖延 … 提出追究责任的建议. A missed rectification report goes to accountability (README).
    id: 'rectification-overdue',
    when: { kind: 'RECTIFICATION_OVERDUE' },
    then: 'ACCOUNTABILITY',
    source: '003 §六, §七',
  },
  {
    // 七: 引发进京到省集访和到市规模性聚集、极端恶性事件、负面舆情炒作，造成恶劣影响的 … 进行责任倒查
    id: 'serious-event-tracing',
    when: { kind: 'FLAGGED', reasons: ['GROUP_VISIT_BEIJING_OR_PROVINCE', 'MASS_GATHERING_AT_CITY', 'EXTREME_INCIDENT', 'NEGATIVE_PUBLIC_OPINION'] },
    then: 'ACCOUNTABILITY',
    source: '003 §七',
  },
];

export const supervision: Declaration['supervision'] = {
  notices: {
    // 三: 采取定期通报和专项通报两种形式 … 每月、半年、全年进行通报 … 对工作推进滞后的点名批评
    regularPeriods: ['MONTHLY', 'HALF_YEARLY', 'ANNUAL'],
    special: true,
    namedCriticism: true,
    // 问题相对突出的乡镇和部门
    ranked: ['TOWNSHIP', 'DEPARTMENT'],
    // The text gives no ranking formula; these weights are a platform default (README). The SDK's record
    // is exhaustive, so metrics the source does not point at carry weight 0.
    scoring: {
      BEIJING_PETITIONS: -3,
      SKIP_LEVEL_PETITIONS: -2,
      REPEAT_PETITIONS: -1,
      CASES_OVERDUE: -1,
      MISSING_WEEKLY_REPORTS: -1,
      RESOLVED_IN_TIME: 1,
      CASES_RECEIVED: 0,
      AGREED_ITEMS_OVERDUE: 0,
      MISSED_CADENCE: 0,
      REVIEWS_OVERTURNED: 0,
    },
    recordedWith: ['县目标绩效', '组织人事', '纪检监察'],
    reportedTo: ['CHIEF_CONVENER', 'CONVENER'],
    source: '003 §三',
  },
  ladder,
  reminders: {
    // 四: 一般问题采取发短信提醒告知，重点问题采取发提醒函告知
    reasons: [
      { code: 'RISK_CONTROL_INEFFECTIVE', name: '涉访涉稳风险隐患排查化解稳控效果不好' },
      { code: 'WARNING_VERIFICATION_LATE', name: '预警信息核查反馈处置不及时' },
      { code: 'LOST_CONTROL', name: '出现脱管漏控' },
      { code: 'RESOLUTION_DRAGGING', name: '“四重”突出问题分析研判不精准,协调推动化解处置不到位、导致问题久拖不决' },
      { code: 'SPECIAL_WORK_LAGGING', name: '专项工作推进滞后被上级点名或发函提醒' },
      { code: 'CASE_HANDLING_IRREGULAR', name: '信访事项办理不规范、实体和程序上有明显瑕疵,导致终而不结' },
      { code: 'BUCK_PASSING', name: '推诿扯皮、敷衍塞责' },
    ],
    channels: { GENERAL: 'SMS', KEY: 'LETTER' },
    source: '003 §四',
  },
  listedSupervision: {
    // 五: 按照建档立案、下发通知、化解处置、组织验收、摘牌销号等步骤进行。责令限期 — the limit is set per listing.
    steps: [
      { code: 'FILE', name: '建档立案' },
      { code: 'ISSUE_NOTICE', name: '下发通知' },
      { code: 'RESOLVE', name: '化解处置' },
      { code: 'ACCEPTANCE', name: '组织验收' },
      { code: 'DELIST', name: '摘牌销号' },
    ],
    acceptanceStep: 'ACCEPTANCE',
    source: '003 §五',
  },
  interviews: {
    reasons: [
      { code: 'LATE_REPORTING_SERIOUS_IMPACT', name: '问题排查化解稳控工作不细实、重大涉访涉稳信息报告不及时造成严重不良影响' },
      { code: 'BEIJING_OR_SKIP_LEVEL_VISIT', name: '发生进京走访越级访' },
      { code: 'NON_RECEPTION_SITE_VISIT', name: '到非接待场所上访' },
      { code: 'RECTIFICATION_NOT_IMPLEMENTED', name: '落实督查整改要求不到位' },
    ],
    // 按照问题的严重程度，提请信访工作联席会议主要召集人或召集人 … 进行约谈
    conductedBy: { SERIOUS: 'CHIEF_CONVENER', GENERAL: 'CONVENER' },
    targets: ['主要领导', '分管领导', '包案领导'],
    steps: [
      { code: 'FORM_TEAM', name: '成立约谈小组' },
      { code: 'IDENTIFY_TARGETS', name: '明确约谈对象' },
      { code: 'NOTIFY_MATTERS', name: '告知约谈事项' },
      { code: 'CONDUCT', name: '组织开展约谈' },
      { code: 'SIGN', name: '约谈双方签字' },
    ],
    bothSidesSign: true,
    // 被约谈对象须在15个工作日内书面报告约谈指出问题整改落实情况
    rectificationReportDue: { amount: 15, unit: 'WORKING_DAYS' },
    targetKinds: ['TOWNSHIP', 'DEPARTMENT'],
    source: '003 §六',
  },
  accountability: {
    // 七: 按照信访部门“三项建议权”（即改进工作建议、完善政策解决问题建议和给予行政处分建议的职权）
    recommendations: [
      { code: 'IMPROVE_WORK', name: '改进工作建议' },
      { code: 'IMPROVE_POLICY', name: '完善政策解决问题建议' },
      { code: 'ADMINISTRATIVE_SANCTION', name: '给予行政处分建议' },
    ],
    backwardTracing: true,
    sanctions: ['责令限期整改'],
    source: '003 §七',
  },
  assessment: {
    // 七: 将通报、挂牌、约谈、问责等情况作为年度目标绩效考核的重要内容
    period: 'ANNUAL',
    counts: ['NOTICES', 'LISTINGS', 'INTERVIEWS', 'ACCOUNTABILITY'],
    source: '003 §七',
  },
  // A county notice binding 各乡镇和部门: the rules apply to the townships onboarded below the county.
  appliesToDescendants: true,
};
