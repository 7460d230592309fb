import { defineErrors } from '@engine/errors';

/** Tenancy's reasons: onboarding, rule packs (publication refusals), hooks pinned by a tenant's rules. */
export const TENANCY_ERRORS = defineErrors('tenancy', {
  badInput: {
    PLUGIN_UNAVAILABLE: { en: 'plugin "{plugin}" is unavailable{detail}', zh: '规则包“{plugin}”不可用{detail}' },
    PLUGIN_NOT_FOUND: { en: 'no plugin "{plugin}" is installed or published', zh: '未安装或发布规则包“{plugin}”' },
    PLUGIN_NOT_ONBOARDABLE: {
      en: 'plugin "{plugin}" is a base for other plugins and cannot be onboarded directly',
      zh: '规则包“{plugin}”是供其他规则包继承的基础包，不能直接用于开通',
    },
    LEVEL_BELOW_PARENT: {
      en: 'a {level} plugin cannot be onboarded under a {parentLevel} tenant',
      zh: '{level} 级规则包不能开通在 {parentLevel} 级租户之下',
    },
    PLUGIN_INVALID: { en: 'The plugin is not valid: {detail}', zh: '规则包无效：{detail}' },
    UNKNOWN_PLUGIN_VERSION: {
      en: 'no version {version} of plugin "{plugin}" is installed or published',
      zh: '规则包“{plugin}”没有已安装或已发布的 {version} 版本',
    },
    RULES_NOT_ONBOARDABLE: {
      en: '{plugin}@{version} is a base for other plugins, not rules a tenant runs on',
      zh: '{plugin}@{version} 是供继承的基础包，不是租户可运行的规则',
    },
    RULES_LEVEL_MISMATCH: {
      en: '{plugin}@{version} is for a {level}, "{tenant}" is a {tenantLevel}',
      zh: '{plugin}@{version} 适用于 {level} 级，“{tenant}”是 {tenantLevel} 级',
    },
  },
  conflict: {
    PARENT_UNIT_NAME_TAKEN: {
      en: '"{parent}" already has a member unit named "{name}"',
      zh: '“{parent}”已有名为“{name}”的成员单位',
    },
    TENANT_CODE_TAKEN: { en: 'A tenant with code "{code}" already exists', zh: '代码为“{code}”的租户已存在' },
    HOOK_VERSION_NOT_INSTALLED: {
      en: 'The rules of "{tenant}" use the {hook} hook of {pin}, which is not installed (installed: {installed}); upgrade the tenant\'s rules',
      zh: '“{tenant}”的规则使用 {pin} 的 {hook} 钩子，该版本未安装（已安装：{installed}）；请升级该租户的规则',
    },
    PLUGIN_ID_NOT_YOURS: {
      en: 'The plugin id "{id}" belongs to another publisher: choose another id',
      zh: '规则包 ID“{id}”属于其他发布者，请另选 ID',
    },
    PLUGIN_VERSION_EXISTS: {
      en: '{id}@{version} is already published with other content: a published version never changes, publish a higher version',
      zh: '{id}@{version} 已以不同内容发布：已发布的版本不可更改，请发布更高版本',
    },
    RULES_VERSION_IN_FORCE: {
      en: '{plugin}@{version} is already the version in force for "{tenant}"',
      zh: '{plugin}@{version} 已是“{tenant}”现行的规则版本',
    },
    RULES_CHANGE_PENDING: {
      en: 'Another rules change of this tenant waits for approval: it is decided first',
      zh: '该租户另有一项规则变更正待审批，须先作出决定',
    },
    RULES_CHANGED_MEANWHILE: {
      en: 'The rules of "{tenant}" were changed meanwhile by another change: look at the diff again',
      zh: '“{tenant}”的规则已被另一项变更修改，请重新查看差异',
    },
    NO_RULES_CHANGE_WAITING: {
      en: 'No rules change of "{tenant}" waits for approval',
      zh: '“{tenant}”没有待审批的规则变更',
    },
    NOTHING_TO_ROLL_BACK: {
      en: '"{tenant}" has no applied upgrade in force to roll back',
      zh: '“{tenant}”没有可回退的已施行规则升级',
    },
  },
  forbidden: {
    NOT_PERMITTED_UNDER_PARENT: { en: 'You may not onboard tenants under this tenant', zh: '您无权在此租户下开通租户' },
    PLATFORM_ADMIN_ONLY_TOP_LEVEL: {
      en: 'Only a platform admin onboards top-level tenants',
      zh: '只有平台管理员可开通顶级租户',
    },
    PUBLISHER_NOT_A_COUNTY_OFFICE: {
      en: "Only the platform admin or a county's office director publishes plugins",
      zh: '只有平台管理员或县级联席办主任可发布规则包',
    },
    LEVEL_NOT_ALLOWED: {
      en: 'A county publishes plugins for its townships and subdistricts (level TOWN or STREET)',
      zh: '县级只能为所辖乡镇、街道发布规则包（级别 TOWN 或 STREET）',
    },
    RULES_CHANGE_NOT_ALLOWED: {
      en: 'Only the platform admin or the office of the tenant above "{tenant}" changes its rules',
      zh: '只有平台管理员或“{tenant}”上级租户的联席办可变更其规则',
    },
    RULES_RECORD_NOT_YOURS: {
      en: 'The filing record of rules changes is for the office, the conveners, superiors and the office above',
      zh: '规则变更备案记录仅供本级联席办、召集人、上级及上级联席办查阅',
    },
    NOT_THE_SUPERIOR: {
      en: 'Only the superior of "{tenant}" (the office of the tenant above; the platform admin for a top-level tenant) decides its rules changes',
      zh: '只有“{tenant}”的上级（上级租户的联席办；顶级租户为平台管理员）可审批其规则变更',
    },
    EXTENDS_NOT_ALLOWED: {
      en: "A county's plugin extends a shared (platform) plugin, the county's own plugin or one it published (extends: {base})",
      zh: '县级发布的规则包只能继承平台共享的规则包、本县的规则包或本县发布的规则包（当前继承：{base}）',
    },
  },
});
