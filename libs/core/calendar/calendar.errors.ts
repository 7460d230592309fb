import { defineErrors } from '@engine/errors';

/** The working-day calendar's reasons. */
export const CALENDAR_ERRORS = defineErrors('calendar', {
  badInput: {
    NOT_A_CALENDAR_DATE: { en: 'must be a real calendar date YYYY-MM-DD', zh: '必须是真实存在的日期（YYYY-MM-DD）' },
    AMOUNT_OUT_OF_RANGE: {
      en: 'must be a whole number of days between 0 and 3650',
      zh: '必须是 0 到 3650 之间的整数天数',
    },
    UNIT_UNKNOWN: {
      en: 'must be WORKING_DAYS or CALENDAR_DAYS',
      zh: '必须是 WORKING_DAYS（工作日）或 CALENDAR_DAYS（自然日）',
    },
  },
  forbidden: {
    PLATFORM_ADMIN_ONLY: {
      en: 'Only a platform admin loads national calendar years',
      zh: '只有平台管理员可导入全国节假日年度数据',
    },
    OFFICE_ONLY: { en: 'Only the office sets local calendar overrides', zh: '只有联席办可设置本地日历调整' },
  },
});
