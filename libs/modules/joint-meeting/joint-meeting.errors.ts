import { defineErrors } from '@engine/errors';

/** The joint meeting's reasons (member units, the filing record, counted names at onboarding). */
export const JOINT_MEETING_ERRORS = defineErrors('joint-meeting', {
  badInput: {
    TOWNSHIP_UNIT_BY_ONBOARDING: { en: 'TOWNSHIP units are created by onboarding the township as a tenant (onboardTenant)', zh: '乡镇类成员单位须通过将该乡镇开通为租户（onboardTenant）创建' },
    SAME_NAME: { en: 'is the unit\'s current name', zh: '与该单位现有名称相同' },
    COUNTED_GROUP_UNKNOWN: { en: 'the plugin counts no {group} units', zh: '规则包未设 {group} 这一计数单位组' },
    COUNTED_GROUP_NAMED_TWICE: { en: 'names {what} a second time', zh: '重复填写了 {what}' },
    COUNTED_NAMES_TOO_MANY: { en: 'the plugin counts {places} {groups}, got {given} names', zh: '规则包规定 {groups} 共 {places} 个，却填写了 {given} 个名称' },
    COUNTED_NAME_TAKEN: { en: '"{name}" is already a member unit\'s name', zh: '“{name}”已是某成员单位的名称' },
  },
  conflict: {
    UNIT_INACTIVE: { en: 'An inactive member unit cannot be renamed', zh: '已撤销的成员单位不能更名' },
    UNIT_ALREADY_INACTIVE: { en: 'The member unit is already inactive', zh: '该成员单位已撤销' },
    UNIT_NAME_TAKEN: { en: 'An active member unit is already named "{name}"', zh: '已有名为“{name}”的在册成员单位' },
  },
  forbidden: {
    FILING_RECORD_NOT_VISIBLE: { en: 'The filing record is visible to the conveners, the office and superiors', zh: '备案记录仅召集人、联席办和上级可查看' },
    OFFICE_ONLY_UNITS: { en: 'Only the office may change member units', zh: '只有联席办可调整成员单位' },
  },
});
