import { defineErrors } from '@engine/errors';

/** The identity context's reasons: sign-in, sessions, passwords, account administration. */
export const IDENTITY_ERRORS = defineErrors('identity', {
  badInput: {
    USERNAME_INVALID: {
      en: 'may contain letters a–z, digits, dots, dashes and underscores only',
      zh: '只能包含字母 a–z、数字、点、短横线和下划线',
    },
    PLATFORM_ADMIN_IN_TENANT: {
      en: 'PLATFORM_ADMIN users belong to no tenant and cannot be created in one',
      zh: '平台管理员不属于任何租户，不能在租户中创建',
    },
    MEMBER_UNIT_REQUIRED: {
      en: 'MEMBER_UNIT and VILLAGE_SECRETARY users must name their member unit',
      zh: '成员单位用户和村（社区）书记必须指定所属成员单位',
    },
    UNIT_NOT_ACTIVE: { en: 'is not an active member unit of this tenant', zh: '不是本租户的在册成员单位' },
    SECRETARY_NEEDS_VILLAGE: {
      en: 'a VILLAGE_SECRETARY belongs to a village or community unit',
      zh: '村（社区）书记只能属于村或社区单位',
    },
    SAME_UNIT: { en: 'is the unit the account already belongs to', zh: '账号已属于该单位' },
    SAME_PASSWORD: { en: 'must differ from the current password', zh: '新密码不能与当前密码相同' },
  },
  conflict: {
    USERNAME_TAKEN: { en: 'username "{username}" is already taken in this tenant', zh: '本租户已有用户名“{username}”' },
    ACCOUNT_ALREADY_INACTIVE: { en: 'This account is already deactivated', zh: '该账号已停用' },
    ACCOUNT_ALREADY_ACTIVE: { en: 'This account is active', zh: '该账号处于启用状态' },
  },
  forbidden: {
    NOT_ACCOUNT_ADMINISTRATOR: { en: 'You administer no accounts of this tenant', zh: '您不管理本租户的账号' },
    MAY_NOT_LIST_USERS: { en: 'You may not list the users of this tenant', zh: '您无权查看本租户的用户' },
    MAY_NOT_CREATE_USERS: { en: 'You may not create users in this tenant', zh: '您无权在本租户创建用户' },
    ACCOUNT_FILING_RESTRICTED: {
      en: 'The filing record of accounts is for the office, the conveners and superiors',
      zh: '账号备案记录仅供联席办、召集人和上级查看',
    },
    GRANT_EXCEEDS_OWN_ACCESS: {
      en: 'You may not grant {roles} here: nobody grants more access in a tenant than they hold there (see the grant matrix)',
      zh: '您不能在此授予 {roles}：任何人在一个租户中授予的权限都不能超过自己在该租户的权限（见授权矩阵）',
    },
    CANNOT_ADMINISTER_SELF: { en: 'You cannot administer your own account', zh: '不能管理自己的账号' },
    UNLOCK_RESTRICTED: {
      en: 'Only the office director of this tenant or the platform admin may unlock its accounts',
      zh: '只有本租户的联席办主任或平台管理员可以解锁其账号',
    },
    WRONG_PASSWORD: { en: 'The current password is wrong', zh: '当前密码不正确' },
  },
  unauthenticated: {
    INVALID_CREDENTIALS: {
      en: 'Invalid sign-in: the tenant, username or password is wrong',
      zh: '登录失败：租户、用户名或密码不正确',
    },
    ACCOUNT_GONE: { en: 'This account no longer exists', zh: '该账号已不存在' },
    ACCOUNT_INACTIVE: { en: 'This account is deactivated', zh: '该账号已停用' },
    PASSWORD_RESET_EXPIRED: {
      en: 'This temporary password has expired or was already used: ask your office for a new one',
      zh: '临时密码已过期或已使用：请向联席办申请新的临时密码',
    },
    SESSION_EXPIRED: {
      en: 'This session has ended (or the refresh token is unknown): sign in again',
      zh: '会话已结束（或刷新令牌无效）：请重新登录',
    },
    SESSION_REVOKED: { en: 'This session was ended: sign in again', zh: '会话已被结束：请重新登录' },
    REFRESH_TOKEN_REUSED: {
      en: 'This refresh token was already used: the session is ended for safety; sign in again',
      zh: '该刷新令牌已被使用：为安全起见会话已结束，请重新登录',
    },
    PASSWORD_CHANGE_REQUIRED: {
      en: 'The password must be changed first: sign in again',
      zh: '须先修改密码：请重新登录',
    },
    TOO_MANY_ATTEMPTS: {
      en: 'Too many failed sign-in attempts from this address; try again later',
      zh: '该地址登录失败次数过多，请稍后再试',
    },
    ACCOUNT_LOCKED: {
      en: 'Too many failed sign-in attempts for this account; try again later, or ask the office director to unlock it',
      zh: '该账号登录失败次数过多，请稍后再试，或请联席办主任解锁',
    },
  },
});
