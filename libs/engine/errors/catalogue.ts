import { AppError, ErrorCode } from './app-error';

/** One reason's message in both languages; `{name}` placeholders are filled from the thrower's params. */
export interface ReasonText {
  zh: string;
  en: string;
}

/**
 * Values for `{name}` placeholders; a list is joined with `、` in Chinese and `, ` in English, and a
 * `{ zh, en }` value (a phrase such as "this tenant") is taken in the message's language.
 */
export type ReasonParams = Record<string, string | number | readonly string[] | ReasonText | null | undefined>;

/** A context's reasons, grouped by the code they are raised with. */
export interface ReasonGroups {
  badInput?: Record<string, ReasonText>;
  conflict?: Record<string, ReasonText>;
  forbidden?: Record<string, ReasonText>;
  notFound?: Record<string, ReasonText>;
  unauthenticated?: Record<string, ReasonText>;
}

export const GROUP_CODE: Record<keyof ReasonGroups, ErrorCode> = {
  badInput: ErrorCode.BAD_USER_INPUT,
  conflict: ErrorCode.CONFLICT,
  forbidden: ErrorCode.FORBIDDEN,
  notFound: ErrorCode.NOT_FOUND,
  unauthenticated: ErrorCode.UNAUTHENTICATED,
};

type Key<G extends ReasonGroups, K extends keyof ReasonGroups> = keyof NonNullable<G[K]> & string;

export interface ContextErrors<G extends ReasonGroups> {
  readonly context: string;
  readonly groups: G;
  /** BAD_USER_INPUT naming `field`: `reason` is the error's and its one problem's. */
  badInput(field: string, reason: Key<G, 'badInput'>, params?: ReasonParams): AppError;
  conflict(reason: Key<G, 'conflict'>, params?: ReasonParams, field?: string): AppError;
  forbidden(reason: Key<G, 'forbidden'>, params?: ReasonParams, field?: string): AppError;
  notFound(reason: Key<G, 'notFound'>, params?: ReasonParams): AppError;
  unauthenticated(reason: Key<G, 'unauthenticated'>, params?: ReasonParams): AppError;
}

function fill(template: string, params: ReasonParams | undefined, language: keyof ReasonText): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params?.[name];
    if (v === undefined) return whole;
    if (v === null) return '—';
    if (Array.isArray(v)) return v.join(language === 'zh' ? '、' : ', ');
    if (typeof v === 'object') return (v as ReasonText)[language];
    return String(v as string | number);
  });
}

export function reasonMessage(text: ReasonText, params?: ReasonParams): ReasonText {
  return { en: fill(text.en, params, 'en'), zh: fill(text.zh, params, 'zh') };
}

/**
 * A context's error catalogue: its reasons (the enum a frontend switches on, documented in
 * docs/errors.md, checked by test/integration/error-reasons.integration-spec.ts) with a Simplified
 * Chinese and an English message each. Sites throw by reason (`CASE_ERRORS.conflict('CASE_NOT_OPEN',
 * { number })`); the English text is the message raised, the Chinese one travels in `__zh` to the
 * GraphQL boundary (localizeErrorsPlugin), which answers in the client's language.
 */
export function defineErrors<const G extends ReasonGroups>(context: string, groups: G): ContextErrors<G> {
  const text = (group: keyof ReasonGroups, reason: string, params?: ReasonParams): ReasonText => {
    const t = groups[group]?.[reason];
    if (!t) throw new Error(`${context}: no ${group} reason ${reason}`);
    return reasonMessage(t, params);
  };
  const plain = (group: keyof ReasonGroups, reason: string, params?: ReasonParams, field?: string): AppError => {
    const m = text(group, reason, params);
    return new AppError(GROUP_CODE[group], m.en, { reason, ...(field ? { field } : {}), __zh: m.zh });
  };
  return {
    context,
    groups,
    badInput(field, reason, params) {
      const m = text('badInput', reason, params);
      return new AppError(ErrorCode.BAD_USER_INPUT, `${field}: ${m.en}`, {
        reason,
        field,
        problems: [{ field, reason, message: m.en, __zh: m.zh }],
      });
    },
    conflict: (reason, params, field) => plain('conflict', reason, params, field),
    forbidden: (reason, params, field) => plain('forbidden', reason, params, field),
    notFound: (reason, params) => plain('notFound', reason, params),
    unauthenticated: (reason, params) => plain('unauthenticated', reason, params),
  };
}
