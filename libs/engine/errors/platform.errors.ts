import { defineErrors } from './catalogue';

/** Reasons every context shares: paging arguments and argument formats (docs/api-conventions.md). */
export const PLATFORM_ERRORS = defineErrors('platform', {
  badInput: {
    LIMIT_OUT_OF_RANGE: { en: 'must be between 1 and {max}', zh: '须在 1 到 {max} 之间' },
    CURSOR_INVALID: { en: 'is not a cursor this API returned', zh: '不是本接口返回的分页游标' },
    NOT_A_DATE: { en: 'must be a date YYYY-MM-DD', zh: '必须是日期（YYYY-MM-DD）' },
    NOT_AN_ID: { en: 'must be an id', zh: '必须是有效的 ID' },
    REQUIRED_FOR_PLATFORM_USER: { en: 'is required for a platform user', zh: '平台用户必须填写' },
  },
});
