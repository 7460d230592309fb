import { ErrorCode } from './app-error';

/**
 * Platform-wide reasons (`extensions.reason`), beside each context's own (documented in
 * docs/errors.md). A client error without a specific reason gets its code's generic one here, so
 * every client error carries a reason; contexts replace the generic ones with specific reasons.
 */
export const GENERIC_REASON: Record<ErrorCode, string> = {
  [ErrorCode.UNAUTHENTICATED]: 'AUTHENTICATION_REQUIRED',
  [ErrorCode.FORBIDDEN]: 'NOT_PERMITTED',
  [ErrorCode.BAD_USER_INPUT]: 'INVALID_INPUT',
  [ErrorCode.NOT_FOUND]: 'NOT_FOUND',
  [ErrorCode.CONFLICT]: 'CONFLICT',
};

/** A problem's reason when nothing more precise is known. */
export const INVALID_VALUE = 'INVALID_VALUE';

/** class-validator's constraint names, as problem reasons (`maxLength` → `MAX_LENGTH`). */
export function constraintReason(constraint: string): string {
  if (constraint === 'whitelistValidation') return 'UNKNOWN_FIELD';
  return constraint.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

export interface Message {
  zh: string;
  en: string;
}

/**
 * Messages by reason, Simplified Chinese first. A reason listed here is answered in the client's
 * language (`Accept-Language: en` → English, otherwise Chinese); an error whose reason is not listed
 * keeps the message it was raised with until its context adds one.
 */
export const MESSAGES: Record<string, Message> = {
  AUTHENTICATION_REQUIRED: { zh: '请先登录', en: 'Authentication is required' },
  TOKEN_INVALID: { zh: '登录凭证无效或已过期，请重新登录', en: 'The access token is invalid or expired' },
  NOT_PERMITTED: { zh: '您无权进行此操作', en: 'You are not allowed to do this' },
  NO_ACCESS_POLICY: { zh: '此操作未声明访问规则，已拒绝', en: 'This operation declares no access policy' },
  NOT_FOUND: { zh: '未找到该对象，或您无权查看', en: 'Not found, or not visible to you' },
  INVALID_INPUT: { zh: '输入有误，请检查标出的字段', en: 'The input is not valid: see the fields named' },
  VALUE_FORMAT: {
    zh: '取值格式不正确或超出范围（ID 须为 UUID，日期为 YYYY-MM-DD）',
    en: 'A value has the wrong format or is out of range (an id must be a UUID, a date YYYY-MM-DD)',
  },
  ALREADY_EXISTS: { zh: '该对象已存在', en: 'This already exists' },
  REFERENCE_MISSING: { zh: '引用的对象不存在', en: 'refers to something that does not exist' },
  INTERNAL: { zh: '服务器内部错误，请稍后再试', en: 'Internal server error' },
};

/** A problem's message by its reason (class-validator constraints and the platform's own). */
export const PROBLEM_MESSAGES: Record<string, Message> = {
  IS_NOT_EMPTY: { zh: '不能为空', en: 'must not be empty' },
  IS_DEFINED: { zh: '必须填写', en: 'is required' },
  MAX_LENGTH: { zh: '过长', en: 'is too long' },
  MIN_LENGTH: { zh: '过短', en: 'is too short' },
  IS_UUID: { zh: '必须是有效的 ID', en: 'must be a UUID' },
  IS_INT: { zh: '必须是整数', en: 'must be an integer' },
  MIN: { zh: '过小', en: 'is too small' },
  MAX: { zh: '过大', en: 'is too large' },
  IS_ENUM: { zh: '不是允许的取值', en: 'is not one of the allowed values' },
  IS_DATE_STRING: { zh: '必须是日期（YYYY-MM-DD）', en: 'must be a date (YYYY-MM-DD)' },
  IS_ISO8601: { zh: '必须是日期或时间（ISO 8601）', en: 'must be an ISO 8601 date or time' },
  ARRAY_MIN_SIZE: { zh: '数量过少', en: 'has too few items' },
  ARRAY_MAX_SIZE: { zh: '数量过多', en: 'has too many items' },
  MATCHES: { zh: '格式不正确', en: 'has the wrong format' },
  IS_STRING: { zh: '必须是文本', en: 'must be text' },
  IS_BOOLEAN: { zh: '必须是布尔值', en: 'must be true or false' },
  UNKNOWN_FIELD: { zh: '不是允许的字段', en: 'is not an accepted field' },
};

export type Language = 'zh' | 'en';

/** Simplified Chinese unless the client's first preference is English. */
export function languageOf(acceptLanguage: string | null | undefined): Language {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}
