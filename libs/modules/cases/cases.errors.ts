import { defineErrors, type ReasonText } from '@engine/errors';
import type { Tenant } from '@core/tenancy/entities';

/** The cases context's reasons (intake, handling, time limits, reviews, ledgers, screening, reception). */
export const CASE_ERRORS = defineErrors('cases', {
  badInput: {
    DISPUTE_OUTCOME: {
      en: 'must name either the case the dispute was registered as (caseId) or how it was resolved on the spot (resolvedNote), not both',
      zh: '须填写所登记的案件（caseId）或当场化解情况（resolvedNote），二者择一',
    },
    CASE_NOT_OF_AREA: {
      en: 'case {number} is not a case located in the area {area}',
      zh: '案件 {number} 不是{area}的案件',
    },
    IN_THE_PAST: { en: 'is in the past', zh: '不能早于今天' },
    REVIEW_CHECKS_MISSING: {
      en: 'must state a finding on every check: {checks} missing ({source})',
      zh: '须对每项复查要求作出认定：缺少 {checks}（{source}）',
    },
    CORRECTION_REQUIRED: {
      en: 'is required: {checks} found wanting ({source}: 要提出纠正意见)',
      zh: '必填：{checks} 认定有问题，须提出纠正意见（{source}）',
    },
    LEADER_REQUIRED: {
      en: "is required: case {number} is in no leader's line (setLeaderLines), so name the leader in charge",
      zh: '必填：案件 {number} 不属于任何分管领导的分管领域（setLeaderLines），须写明分管领导',
    },
    IN_THE_FUTURE: { en: 'is in the future', zh: '不能晚于今天' },
    NOT_AN_ACTIVE_UNIT: { en: 'is not an active member unit of {where}', zh: '不是{where}的在册成员单位' },
    NOT_AN_ACTIVE_VILLAGE: { en: 'is not an active village or community of {where}', zh: '不是{where}的在册村或社区' },
    NOT_AN_ACTIVE_USER: { en: 'is not an active user of {where}', zh: '不是{where}的在册用户' },
    PLUGIN_DECLARES_NONE: {
      en: 'the plugin {plugin} of {tenant} declares no {what} ({section})',
      zh: '{tenant}的规则包 {plugin} 未规定{what}（{section}）',
    },
    NOT_IN_PLUGIN_LIST: { en: 'must be one of {allowed}{source}', zh: '必须是以下之一：{allowed}{source}' },
    ASSIGNED_BY_LEVEL_REQUIRED: { en: 'is required for a case assigned from above', zh: '上级交办的案件必须填写' },
    ONLY_FOR_ASSIGNED: { en: 'is only for ASSIGNED cases', zh: '仅适用于上级交办（ASSIGNED）的案件' },
    PEOPLE_FEWER_THAN_PETITIONERS: { en: 'is less than the number of petitioners named', zh: '少于所列信访人人数' },
    DUTY_LEADER_ONLY_FOR_VISITS: { en: 'only visits are received by a leader on duty', zh: '只有走访由值班领导接待' },
    DUTY_LEADER_CHANNELS: {
      en: 'the leader on duty receives only {channels} ({source})',
      zh: '值班领导只负责{channels}（{source}）',
    },
    GRID_REPORT_NAMES_LOCATION: {
      en: 'a grid report names the village or community it comes from',
      zh: '网格上报须注明来源村或社区',
    },
    ACCEPTED_BEFORE_HANDLED: { en: 'is before the case was handled ({on})', zh: '早于案件办结日期（{on}）' },
    BEFORE_FROM: { en: 'is before from ({from})', zh: '早于开始日期（{from}）' },
    HEARING_TOO_LONG: { en: 'a hearing lasts at most {days} days', zh: '一次听证最长 {days} 天' },
    BEFORE_REVIEW_ACCEPTED: { en: 'is before the review was accepted ({on})', zh: '早于复查受理日期（{on}）' },
    AFTER_REVIEW_DUE: {
      en: 'is after the opinion was due ({on}); a hearing cannot stop a clock that has run out',
      zh: '晚于复查意见期限（{on}）；已届满的期限不能因听证中止',
    },
    TOO_MANY_HEARINGS: { en: 'a review records at most {max} hearings', zh: '一次复查最多记录 {max} 次听证' },
    NO_WRITTEN_NOTICE_RULE: {
      en: "the plugin's review rule does not provide for a written notice to the petitioner (cases.review.afterOpinion, {source})",
      zh: '规则包的复查规则未规定书面告知信访人（cases.review.afterOpinion，{source}）',
    },
    NO_UPWARD_REPORT_RULE: {
      en: "the plugin's review rule does not report the opinion upward (cases.review.afterOpinion, {source})",
      zh: '规则包的复查规则未规定复查意见报上级机关（cases.review.afterOpinion，{source}）',
    },
    BEFORE_OPINION: { en: 'is before the opinion was issued ({on})', zh: '早于复查意见出具日期（{on}）' },
    NO_UPWARD_APPEAL: {
      en: "the plugin's review rule provides for no upward appeal ({source})",
      zh: '规则包的复查规则未规定向上级申请复核（{source}）',
    },
    NOT_AFTER_CURRENT_LIMIT: { en: 'must be after the current time limit ({on})', zh: '必须晚于现有办理期限（{on}）' },
    EXTENSION_BEYOND_CAP: {
      en: 'extends the time limit by more than {cap}: at most {latest}',
      zh: '延期超过 {cap}：最晚为 {latest}',
    },
    COMMUNITY_ENTRY_NAMES_COMMUNITY: {
      en: 'a community-level entry names its community (the case names none)',
      zh: '社区级台账条目须注明所属社区（案件未注明）',
    },
    ONLY_FOR_COMMUNITY_ENTRIES: { en: 'is only for COMMUNITY entries', zh: '仅适用于社区级（COMMUNITY）条目' },
    LEDGER_FIELD_REQUIRED: {
      en: 'is required: each ledger entry states its {term} ({code}, {source})',
      zh: '必须填写：每条台账须写明{term}（{code}，{source}）',
    },
    CONTENT_REQUIRED: {
      en: 'is required: an entry states what it is about (诉求内容)',
      zh: '必须填写：每条台账须写明诉求内容',
    },
    DUPLICATE_ON_ROTA: { en: 'appears twice on the rota', zh: '在值班表中重复出现' },
    NO_ROTA_FOR_DATE: { en: 'no reception rota covers {date}', zh: '没有覆盖 {date} 的接访值班表' },
    OWNER_TIER_REQUIRED: {
      en: 'this case must be owned by a {tier} leader ({rule})',
      zh: '此案须由 {tier} 级领导包案（{rule}）',
    },
    TEAM_REQUIRED: { en: 'a working team is required (一个专班, {source})', zh: '必须成立一个工作专班（{source}）' },
    PLAN_REQUIRED: { en: 'a plan is required (一套方案, {source})', zh: '必须制定一套方案（{source}）' },
    TRANSFER_REASON_REQUIRED: {
      en: 'a transfer of first inquiry states its reason ({source})',
      zh: '移交首问责任须说明理由（{source}）',
    },
    ALREADY_FIRST_INQUIRY: { en: 'is already the first-inquiry user of this case', zh: '已是本案的首问责任人' },
    DOES_NOT_HANDLE_PETITIONS: {
      en: 'does not handle petitions (a superior only reads)',
      zh: '不办理信访事项（上级只能查看）',
    },
    CANNOT_FOLLOW_UP: {
      en: 'acts for a unit that neither handles this case nor is its location, so could not follow it up',
      zh: '所属单位既不承办本案也不是案发地，无法跟进',
    },
    LEVEL_NAMES_LOCATION: {
      en: 'a {level} case names its village or community',
      zh: '{level} 级案件须注明所在村或社区',
    },
    SCREENING_PERIOD_START: {
      en: 'must be the first day of a screening period ({cadence}{start})',
      zh: '必须是某一排查周期的第一天（{cadence}{start}）',
    },
    SCREENING_PERIOD_NOT_ENDED: {
      en: 'the period ends on {end}; a period is screened once it has ended',
      zh: '该周期于 {end} 结束；周期结束后才能排查',
    },
    SCREENING_FIELD_REQUIRED: {
      en: 'is required: each screened case gets {what} ({source})',
      zh: '必须填写：每件排查出的案件须落实{what}（{source}）',
    },
    SCREENING_GIVES_NOTHING: { en: 'gives the screened case nothing', zh: '未给排查出的案件落实任何事项' },
    NOT_TOWN_OR_COMMUNITY: { en: 'must be TOWN or COMMUNITY', zh: '必须是 TOWN（镇级）或 COMMUNITY（社区级）' },
    NOT_FOR_PRINCIPAL_ASSIGNMENT: {
      en: "case {number} is not registered for the principal leader's assignment (cases.principalAssignment)",
      zh: '案件 {number} 未登记报主要领导批转（cases.principalAssignment）',
    },
    APPEARS_TWICE: { en: 'appears twice', zh: '重复出现' },
    NOT_AN_IN_CHARGE_POST: {
      en: 'must be a post of a leader in charge the plugin names (structure.leaders IN_CHARGE: {posts})',
      zh: '必须是规则包所列分管领导职务之一（structure.leaders IN_CHARGE：{posts}）',
    },
    LINE_HOLDS_NOTHING: { en: 'a line holds at least one category or unit', zh: '分管领域至少包含一个类别或一个单位' },
    CATEGORY_IN_ANOTHER_LINE: {
      en: '{code} is already in the line of {leader}',
      zh: '{code} 已属于{leader}的分管领域',
    },
    LEAD_UNIT_NOT_PARTICIPANT: {
      en: 'the lead unit is not also a participating unit',
      zh: '牵头单位不能同时是参与单位',
    },
    NO_PARENT_COUNTY: {
      en: 'a county leader co-owns the cases of a township under a county; this tenant has no parent',
      zh: '县级领导包案适用于县下辖乡镇的案件；本租户没有上级',
    },
    COUNTY_OWNER_TIER_REQUIRED: {
      en: 'this case must be co-owned by a PRINCIPAL county leader ({rule})',
      zh: '此案须由县级主要领导共同包案（{rule}）',
    },
    NOT_A_CASE_OF_GROUP_TENANT: { en: "is not a case of the group's tenant", zh: '不是该工作小组所属租户的案件' },
    NOT_OF_GROUP_FIELD: {
      en: "case {number} is not of the group's field (category {category})",
      zh: '案件 {number} 不属于该小组的领域（类别 {category}）',
    },
  },
  conflict: {
    AREA_ALREADY_SCREENED: {
      en: 'The area {area} was already screened for the period from {start}',
      zh: '{area}本周期（自 {start} 起）已记录排查',
    },
    ALREADY_URGENT: {
      en: 'Case {number} was already marked urgent on {on}',
      zh: '案件 {number} 已于 {on} 标为紧急信访问题',
    },
    ALREADY_SENT_FOR_APPROVAL: {
      en: 'Case {number} was already sent to the leader in charge ({leader}) for approval',
      zh: '案件 {number} 已送分管领导（{leader}）审批',
    },
    NOT_SENT_FOR_APPROVAL: {
      en: 'Case {number} has not been sent to a leader in charge for approval',
      zh: '案件 {number} 尚未送分管领导审批',
    },
    ALREADY_APPROVED: { en: 'Case {number} was already approved on {on}', zh: '案件 {number} 已于 {on} 审批' },
    SCREENING_ALREADY_REPORTED: {
      en: 'The screening of the period from {start} was already reported',
      zh: '自 {start} 起一期的预测排查情况已报送',
    },
    NOT_URGENT: { en: 'Case {number} is not marked urgent', zh: '案件 {number} 未标为紧急信访问题' },
    URGENCY_ALREADY_COORDINATED: {
      en: 'The urgent petition {number} was already coordinated on {on}',
      zh: '紧急信访问题 {number} 已于 {on} 协调处理',
    },
    OPINION_NOT_ISSUED: {
      en: 'The review opinion has not been issued yet; {what} follows it',
      zh: '复查意见尚未出具；{what}须在其后',
    },
    PETITIONER_ALREADY_INFORMED: {
      en: 'The petitioner was already informed in writing on {on}',
      zh: '已于 {on} 书面告知信访人',
    },
    ALREADY_REPORTED: { en: 'The opinion was already reported upward', zh: '复查意见已报上级机关' },
    CASE_WRONG_STATUS: {
      en: 'Case {number} is {status}; this needs {needed}',
      zh: '案件 {number} 当前状态为 {status}；此操作需要 {needed}',
    },
    REVIEW_ALREADY_OPEN: { en: 'Case {number} already has an open review', zh: '案件 {number} 已有进行中的复查' },
    REVIEW_DECIDED: {
      en: 'The review opinion was issued; hearings are recorded on open reviews',
      zh: '复查意见已出具；听证只记录在进行中的复查上',
    },
    REVIEW_ALREADY_DECIDED: { en: 'The review opinion was already issued', zh: '复查意见已经出具' },
    REVIEW_NOT_DECIDED: {
      en: 'The review opinion has not been issued yet; an appeal is against it',
      zh: '复查意见尚未出具；复核针对的是复查意见',
    },
    APPEAL_ALREADY_RECORDED: { en: 'An appeal to {to} is already recorded', zh: '已记录向 {to} 的复核申请' },
    NO_TIME_LIMIT: { en: 'Case {number} has no time limit to extend', zh: '案件 {number} 没有可延长的办理期限' },
    EXTENSION_PENDING: {
      en: 'Case {number} already has an extension request awaiting a decision',
      zh: '案件 {number} 已有待审批的延期申请',
    },
    EXTENSION_ALREADY_DECIDED: {
      en: 'This extension request was already {status}',
      zh: '该延期申请已处理（{status}）',
    },
    EXTENSION_CASE_NOT_OPEN: {
      en: "Case {number} is {status}; only an open case's time limit is extended (reject the request instead)",
      zh: '案件 {number} 当前状态为 {status}；只能延长未结案件的期限（请驳回该申请）',
    },
    TIME_LIMIT_CHANGED: {
      en: 'The time limit of case {number} changed since the request (now {dueOn}); reject it and request again',
      zh: '案件 {number} 的办理期限在申请后已变更（现为 {dueOn}）；请驳回后重新申请',
    },
    LEDGER_ENTRY_DONE: { en: 'This ledger entry is already done', zh: '该台账条目已办结' },
    KEY_CASE_ALREADY: {
      en: 'Case {number} is already a key case ({basis})',
      zh: '案件 {number} 已是重点案件（{basis}）',
    },
    KEY_CASE_NOT: { en: 'Case {number} is not a key case', zh: '案件 {number} 不是重点案件' },
    NO_OWNING_LEADER: {
      en: 'Case {number} has no owning leader yet; progress reports follow ownership',
      zh: '案件 {number} 尚无包案领导；进展报告须在包案之后',
    },
    NO_HANDLING_LEVEL: {
      en: 'Case {number} has no handling level yet; the office sets one first',
      zh: '案件 {number} 尚未确定办理层级；须先由联席办设定',
    },
    AT_TOP_LEVEL: {
      en: 'Case {number} is handled at the top level ({level}); it cannot go higher',
      zh: '案件 {number} 已在最高层级（{level}）办理，不能再上报',
    },
    NO_LEAD_UNIT: {
      en: 'Case {number} has no lead unit yet: assign it first (牵头单位)',
      zh: '案件 {number} 尚无牵头单位：请先交办',
    },
    WORKING_GROUP_EXISTS: { en: 'A working group named {name} exists', zh: '已有名为 {name} 的工作小组' },
    WORKING_GROUP_DISSOLVED: { en: '{name} was dissolved', zh: '{name} 已撤销' },
    NO_LOCATION: {
      en: 'Case {number} names no village or community; the office sets it with setCaseHandlingLevel',
      zh: '案件 {number} 未注明村或社区；由联席办通过 setCaseHandlingLevel 设定',
    },
  },
  forbidden: {
    OFFICE_ASSIGNS_CADRES: { en: 'Only the office assigns cadres to areas', zh: '只有联席办可安排干部包片' },
    NOT_AREA_CADRE: {
      en: 'Only the cadre assigned to {area} records its screening',
      zh: '只有{area}的包片干部可记录其排查情况',
    },
    AREA_SCREENING_READERS: {
      en: "Only the office, the conveners and an area's cadre read area screenings",
      zh: '只有联席办、召集人和包片干部可查看包片排查情况',
    },
    OFFICE_ONLY: { en: "Only the office of the case's tenant does this", zh: '只有本案所属租户的联席办可进行此操作' },
    OFFICE_OR_CONVENER_DECIDES: {
      en: "Only the office or a convener of the case's tenant decides this",
      zh: '只有本案所属租户的联席办或召集人可作此决定',
    },
    RESPONSIBLE_OR_OFFICE_REPORTS: {
      en: "Only the responsible unit or the office of the case's tenant reports on it",
      zh: '只有承办单位或本案所属租户的联席办可报告此案',
    },
    RESPONSIBLE_UNIT_ONLY: {
      en: 'Only the responsible unit or the office acts on this case',
      zh: '只有承办单位或联席办可办理此案',
    },
    TENANT_USERS_RECEIVE: { en: 'Users of this tenant receive its petitions', zh: '只有本租户的用户可登记其信访事项' },
    LEDGER_KEEPERS_ONLY: {
      en: "Only the office or a community's secretary keeps ledger entries",
      zh: '只有联席办或社区书记可记录台账',
    },
    SECRETARY_OWN_COMMUNITY: {
      en: "A community's secretary keeps only its own community's ledger",
      zh: '社区书记只能记录本社区的台账',
    },
    LEDGER_DONE_BY: {
      en: "Only the office, the entry's community or its responsible unit marks it done",
      zh: '只有联席办、条目所属社区或承办单位可标记办结',
    },
    OFFICE_SETS_ROTA: { en: 'Only the office sets the reception rota', zh: '只有联席办可设置接访值班表' },
    OFFICE_SCREENS: { en: 'Only the office screens its ledger', zh: '只有联席办可排查其台账' },
    FIRST_INQUIRY_HANDS_ON: {
      en: 'Only the first-inquiry user or the office hands first inquiry on',
      zh: '只有首问责任人或联席办可移交首问责任',
    },
    FIRST_INQUIRY_REFERS: {
      en: 'Only the first-inquiry user or the office refers a matter outside the remit',
      zh: '只有首问责任人或联席办可将事项转出职责范围',
    },
    OFFICE_REFERS_ASSIGNED: {
      en: 'Only the office refers a case it has already assigned',
      zh: '已交办的案件只能由联席办转出',
    },
    FIRST_INQUIRY_MARKS_URGENT: {
      en: "Only the case's first-inquiry user or the office marks it urgent",
      zh: '只有本案首问责任人或联席办可将其标为紧急信访问题',
    },
    FIRST_INQUIRY_SENDS_FOR_APPROVAL: {
      en: "Only the case's first-inquiry user or the office sends it to the leader in charge",
      zh: '只有本案首问责任人或联席办可将其送分管领导审批',
    },
    IN_CHARGE_LEADER_APPROVES: {
      en: 'Only the leader in charge it was sent to ({leader}), or the office recording the approval, does this',
      zh: '只有所送的分管领导（{leader}）或代为记录审批的联席办可进行此操作',
    },
    FIRST_INQUIRY_FOLLOWS_UP: {
      en: "Only the case's first-inquiry user records its follow-up",
      zh: '只有本案首问责任人可记录跟进情况',
    },
    PRINCIPAL_LEADER_ONLY: {
      en: 'Only the principal leader ({post}, role {role}) records the 批转 ({source})',
      zh: '只有主要领导（{post}，角色 {role}）可记录批转（{source}）',
    },
    LEAD_OR_PARTICIPANT_REPORTS: {
      en: 'Only the lead or a participating unit, or the office, reports on this case',
      zh: '只有牵头单位、参与单位或联席办可报告此案',
    },
    OFFICE_KEEPS_GROUPS: { en: 'Only the office keeps its working groups', zh: '只有联席办可管理其专项工作小组' },
    GRID_WORKER_ESCALATES: {
      en: "Only a grid worker of the case's village or community (its secretary) or the office escalates it",
      zh: '只有案件所在村或社区的网格员（书记）或联席办可上报',
    },
  },
});

/** Phrases for `{where}` / `{tenant}` placeholders. */
export const RECEPTION_DUTY = { en: 'leader reception duty', zh: '领导接访值班' };
export const THIS_TENANT = { en: 'this tenant', zh: '本租户' };
export const CASE_TENANT = { en: "the case's tenant", zh: '本案所属租户' };

/**
 * BAD_USER_INPUT on `field`: the tenant's plugin declares no `what` (its rules' `section`), naming the plugin and
 * the tenant (PLUGIN_DECLARES_NONE). Review names "the case's tenant" instead (CASE_TENANT), so it writes its own.
 */
export function pluginDeclaresNone(
  field: string,
  tenant: Pick<Tenant, 'pluginId' | 'name'>,
  what: ReasonText,
  section: string,
): ReturnType<typeof CASE_ERRORS.badInput> {
  return CASE_ERRORS.badInput(field, 'PLUGIN_DECLARES_NONE', {
    plugin: tenant.pluginId,
    tenant: tenant.name,
    what,
    section,
  });
}
