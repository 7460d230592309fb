// Chinese labels for the API's enums and status strings (the API returns codes; the console names them).
export const ROLE: Record<string, string> = {
  PLATFORM_ADMIN: '平台管理员',
  SUPERIOR: '上级领导',
  CHIEF_CONVENER: '总召集人',
  CONVENER: '召集人',
  OFFICE_DIRECTOR: '联席办主任',
  OFFICE_STAFF: '联席办工作人员',
  MEMBER_UNIT: '成员单位',
  VILLAGE_SECRETARY: '村（社区）书记',
};

export const LEVEL: Record<string, string> = { PROVINCE: '省', CITY: '市', COUNTY: '县', TOWN: '镇', STREET: '街道' };

export const UNIT_KIND: Record<string, string> = {
  DEPARTMENT: '部门',
  VILLAGE: '村',
  COMMUNITY: '社区',
  TOWNSHIP: '乡镇（街道）',
};

export const MEETING_STATUS: Record<string, string> = { SCHEDULED: '已安排', HELD: '已召开', CANCELLED: '已取消' };

export const MINUTES_STATUS: Record<string, string> = {
  DRAFT: '草稿',
  SUBMITTED: '待审批',
  RETURNED: '已退回',
  APPROVED: '已审批',
  ISSUED: '已印发',
};

export const ITEM_STATUS: Record<string, string> = { PENDING: '未印发', OPEN: '落实中', DONE: '已办结' };

export const REPORT_STATUS: Record<string, string> = { SUBMITTED: '待审核', ACCEPTED: '已通过', SENT_BACK: '已退回' };

export const CASE_STATUS: Record<string, string> = {
  RECEIVED: '已登记',
  ASSIGNED: '办理中',
  RESOLVED: '已化解',
  CLOSED: '已结案',
  TRANSFERRED: '已转送',
  GUIDED: '已引导',
};

export const CHANNEL: Record<string, string> = {
  VISIT: '来访',
  LETTER: '来信',
  PHONE: '来电',
  ONLINE: '网上信访',
  ASSIGNED: '上级交办',
  GRID_REPORT: '网格上报',
};

export const SENSITIVE_STATUS: Record<string, string> = {
  REPORTED: '已报送',
  NOTIFIED: '待核查',
  VERIFIED: '已核查',
  CLOSED: '已办结',
};

export const ACTION_KIND: Record<string, string> = {
  REMINDER: '提醒',
  LISTING: '挂牌督办',
  INTERVIEW: '约谈',
  ACCOUNTABILITY: '问责',
  NAMED_CRITICISM: '点名批评',
};

export const METRIC: Record<string, string> = {
  OPEN_CASES: '在办案件',
  OVERDUE_CASES: '超期案件',
  LISTED_CASES: '挂牌督办',
  INTERVIEWS_AWAITING_RECTIFICATION: '约谈待整改',
  MISSED_CADENCE: '未按期召开会议',
  OPEN_AGREED_ITEMS: '未办结议定事项',
  PROPOSED_STEPS: '待确认督导措施',
  CONFIRMED_STEPS: '已确认督导措施',
  DISMISSED_STEPS: '未采纳的督导措施建议',
};

export const EVIDENCE_KIND: Record<string, string> = {
  PETITION_CASE: '信访案件',
  LISTING: '挂牌督办',
  INTERVIEW: '约谈',
  CADENCE_OBLIGATION: '会议频次',
  AGREED_ITEM: '议定事项',
  PROPOSAL: '督导措施建议',
};

export const CASE_EVENT: Record<string, string> = {
  RECEIVED: '登记',
  ASSIGNED: '交办',
  OWNER_ASSIGNED: '包案',
  PROGRESS_REPORTED: '报告进展',
  ESCALATED: '提级办理',
  RECUSED: '回避',
  FIRST_INQUIRY_TRANSFERRED: '首问责任移交',
  TRANSFERRED: '转送',
  GUIDED: '引导',
  RESOLVED: '化解',
  CLOSED: '结案',
};

export function label(map: Record<string, string>, value: string | null | undefined): string {
  if (!value) return '—';
  return map[value] ?? value;
}
