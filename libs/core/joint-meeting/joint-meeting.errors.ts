import { defineErrors } from '@engine/errors';

/** The joint meeting's reasons (member units, member persons, the filing records, unit proposals, counted names at onboarding). */
export const JOINT_MEETING_ERRORS = defineErrors('joint-meeting', {
  badInput: {
    TOWNSHIP_UNIT_BY_ONBOARDING: {
      en: 'TOWNSHIP units are created by onboarding the township as a tenant (onboardTenant)',
      zh: '乡镇类成员单位须通过将该乡镇开通为租户（onboardTenant）创建',
    },
    SAME_NAME: { en: "is the unit's current name", zh: '与该单位现有名称相同' },
    COUNTED_GROUP_UNKNOWN: { en: 'the plugin counts no {group} units', zh: '规则包未设 {group} 这一计数单位组' },
    COUNTED_GROUP_NAMED_TWICE: { en: 'names {what} a second time', zh: '重复填写了 {what}' },
    COUNTED_NAMES_TOO_MANY: {
      en: 'the plugin counts {places} {groups}, got {given} names',
      zh: '规则包规定 {groups} 共 {places} 个，却填写了 {given} 个名称',
    },
    COUNTED_NAME_TAKEN: { en: '"{name}" is already a member unit\'s name', zh: '“{name}”已是某成员单位的名称' },
    NOTHING_CHANGED: {
      en: 'changes nothing: give a new name, post, unit or role',
      zh: '未作任何变更：请填写新的姓名、职务、单位或角色',
    },
    NO_UNIT_ADJUSTMENT_RULE: {
      en: "this jurisdiction's rules state no proposals to adjust the member units: the office changes units itself (addMemberUnit, filed)",
      zh: '本地规则未规定调整成员单位的建议程序：成员单位由联席办直接调整（addMemberUnit，备案）',
    },
    ADDED_UNIT_HAS_NO_ID: {
      en: 'a unit to add has no id yet: give unitName and unitKind',
      zh: '拟新增的单位尚无 ID：请填写单位名称和类型',
    },
    UNIT_NAME_REQUIRED: { en: 'name the unit (to add, or its new name)', zh: '请填写单位名称（拟新增单位或新名称）' },
    UNIT_KIND_REQUIRED: { en: 'give DEPARTMENT, VILLAGE or COMMUNITY', zh: '请选择 DEPARTMENT、VILLAGE 或 COMMUNITY' },
    UNIT_REQUIRED: { en: 'name the member unit', zh: '请指明成员单位' },
    NOT_AN_ACTIVE_UNIT: { en: 'is not an active member unit of this tenant', zh: '不是本租户的在册成员单位' },
    CONVENER_HAS_NO_UNIT: {
      en: 'a convener sits for the party committee or government, not for a member unit',
      zh: '召集人代表党委、政府，不属于成员单位',
    },
    MEMBER_NEEDS_UNIT: {
      en: 'a member or liaison sits for a member unit: give memberUnitId',
      zh: '成员或联络员须属于某成员单位：请填写 memberUnitId',
    },
  },
  conflict: {
    UNIT_INACTIVE: { en: 'An inactive member unit cannot be renamed', zh: '已撤销的成员单位不能更名' },
    UNIT_ALREADY_INACTIVE: { en: 'The member unit is already inactive', zh: '该成员单位已撤销' },
    UNIT_NAME_TAKEN: { en: 'An active member unit is already named "{name}"', zh: '已有名为“{name}”的在册成员单位' },
    MEMBER_REMOVED: {
      en: 'The member is removed from the joint meeting: appoint a new one',
      zh: '该成员已退出联席会议：请另行新增成员',
    },
    ALREADY_DECIDED: {
      en: 'The answer to this proposal is already recorded ({status})',
      zh: '该建议的答复已记录（{status}）',
    },
  },
  forbidden: {
    FILING_RECORD_NOT_VISIBLE: {
      en: 'The filing record is visible to the conveners, the office and superiors',
      zh: '备案记录仅召集人、联席办和上级可查看',
    },
    OFFICE_ONLY_UNITS: { en: 'Only the office may change member units', zh: '只有联席办可调整成员单位' },
    OFFICE_KEEPS_MEMBERS: { en: 'The office keeps the register of members', zh: '成员名册由联席办维护' },
    OFFICE_RECORDS_PROPOSALS: {
      en: 'The office records proposals to adjust the member units and their answers',
      zh: '调整成员单位的建议及答复由联席办记录',
    },
    PROPOSALS_NOT_VISIBLE: {
      en: 'Proposals to adjust the member units are visible to the conveners, the office and superiors',
      zh: '调整成员单位的建议仅召集人、联席办和上级可查看',
    },
  },
});
