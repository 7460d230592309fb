import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

// The API speaks Simplified Chinese by default; these cover the cases where it does not (an English
// message, a transport failure) by the stable code and reason, never by the message.
const BY_CODE: Record<string, string> = {
  UNAUTHENTICATED: '登录已失效，请重新登录',
  FORBIDDEN: '您没有执行此操作的权限',
  BAD_USER_INPUT: '输入有误，请检查后重试',
  NOT_FOUND: '未找到，或您无权查看',
  CONFLICT: '当前状态不允许此操作，请刷新后重试',
  TOO_MANY_REQUESTS: '操作过于频繁，请稍后再试',
  INTERNAL_SERVER_ERROR: '服务器内部错误，请稍后再试',
};

const BY_REASON: Record<string, string> = {
  INVALID_CREDENTIALS: '单位代码、用户名或密码不正确',
  ACCOUNT_LOCKED: '账号已被临时锁定，请稍后再试',
  ACCOUNT_DISABLED: '账号已停用，请联系本单位管理员',
  PASSWORD_CHANGE_REQUIRED: '首次登录或密码已重置，请先修改密码',
  PASSWORD_TOO_WEAK: '新密码强度不足',
  PASSWORD_RESET_EXPIRED: '临时密码已过期或已使用，请联系管理员重新发放',
  WRONG_PASSWORD: '当前密码不正确',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  SESSION_REVOKED: '登录已被终止，请重新登录',
  TOKEN_REVOKED: '账号信息已变更，请重新登录',
  REFRESH_TOKEN_REUSED: '登录凭证被重复使用，为安全起见已退出，请重新登录',
  ACCOUNT_INACTIVE: '账号已停用，请联系本单位管理员',
  ACCOUNT_ALREADY_ACTIVE: '该账号已是启用状态',
  ACCOUNT_ALREADY_INACTIVE: '该账号已是停用状态',
  CANNOT_ADMINISTER_SELF: '不能管理自己的账号（修改本人密码请用“修改密码”）',
  GRANT_EXCEEDS_OWN_ACCESS: '不能授予超出本人权限的角色（见授权规则）',
  NOT_ACCOUNT_ADMINISTRATOR: '您不管理该单位的账号',
  PROPOSAL_ALREADY_DECIDED: '该建议已处理，请刷新后查看',
  UNIT_INACTIVE: '该单位已不是在册成员单位',
  MINUTES_NOT_SUBMITTED: '纪要尚未提交审批',
  CASE_NOT_OPEN: '该案件已不在办理中',
};

const HAN = /[\u4e00-\u9fff]/g;
const LATIN = /[A-Za-z]/g;

/** A Chinese sentence, not an English one that names a Chinese tenant or unit. */
function chinese(text: string | undefined): text is string {
  if (!text) return false;
  const han = text.match(HAN)?.length ?? 0;
  return han >= 2 && han * 3 >= (text.match(LATIN)?.length ?? 0);
}

interface ApiError {
  message: string;
  extensions?: { code?: unknown; reason?: unknown; problems?: unknown; field?: unknown };
}

function describe(e: ApiError): string {
  const problems = Array.isArray(e.extensions?.problems)
    ? (e.extensions.problems as { message?: string; field?: string }[])
    : [];
  const detail = problems.map((p) => p.message).filter(chinese);
  if (chinese(e.message))
    return detail.length && !detail.includes(e.message) ? `${e.message}：${detail.join('；')}` : e.message;
  const reason = typeof e.extensions?.reason === 'string' ? BY_REASON[e.extensions.reason] : undefined;
  const code = typeof e.extensions?.code === 'string' ? BY_CODE[e.extensions.code] : undefined;
  // Without a Chinese message, bad input still names the fields it is about.
  const fields = problems.map((p) => p.field).filter((f): f is string => Boolean(f));
  if (!reason && e.extensions?.code === 'BAD_USER_INPUT' && fields.length)
    return `${code}（${[...new Set(fields)].join('、')}）`;
  return reason ?? code ?? '操作失败，请稍后再试';
}

/** A Chinese sentence for any error a query or mutation can end with. */
export function errorText(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) return [...new Set(error.errors.map((e) => describe(e as ApiError)))].join('；');
  if (ServerError.is(error))
    return error.statusCode >= 500 ? '服务器暂时不可用，请稍后再试' : `请求失败（HTTP ${error.statusCode}）`;
  if (error instanceof TypeError) return '无法连接服务器，请检查网络';
  return '操作失败，请稍后再试';
}

/** The stable reason of the first GraphQL error, if any (clients switch on it, never on messages). */
export function errorReason(error: unknown): string | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  const reason = error.errors[0]?.extensions?.reason;
  return typeof reason === 'string' ? reason : undefined;
}
