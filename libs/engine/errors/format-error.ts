import { Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode, type FieldProblem } from './app-error';
import { GENERIC_REASON, INVALID_VALUE, MESSAGES, PROBLEM_MESSAGES } from './reasons';

const logger = new Logger('GraphQL');
const CLIENT_CODES = new Set<string>(Object.values(ErrorCode));
/** Apollo's own client-error codes, all of which are bad input from the client's side. */
const APOLLO_INPUT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

interface ValidationResponse {
  message?: unknown;
  problems?: FieldProblem[];
}

const REASON_BY_ENGLISH = new Map(Object.entries(MESSAGES).map(([reason, m]) => [m.en, reason]));

/**
 * Every client error leaves with a stable `reason` (the thrower's, else one found from a platform
 * default message, else its code's generic one) and, on bad input, `problems: [{ field, reason,
 * message }]` (always an array). Where the platform has a Chinese message for it, `__zh` carries it
 * to localizeErrorsPlugin, which answers in the client's language and removes the key.
 */
function clientError(base: GraphQLFormattedError, extensions: Record<string, unknown>): GraphQLFormattedError {
  const code = extensions.code as ErrorCode;
  const given = typeof extensions.reason === 'string' ? extensions.reason : undefined;
  const reason = given ?? REASON_BY_ENGLISH.get(base.message) ?? GENERIC_REASON[code] ?? 'INVALID_INPUT';
  const catalogued = MESSAGES[reason] && (given !== undefined || REASON_BY_ENGLISH.get(base.message) === reason);
  let problems = Array.isArray(extensions.problems)
    ? (extensions.problems as FieldProblem[]).map((p) => ({
        field: p.field,
        reason: p.reason ?? INVALID_VALUE,
        message: p.message,
        ...(p.__zh ? { __zh: p.__zh } : {}),
      }))
    : undefined;
  if (!problems && code === ErrorCode.BAD_USER_INPUT)
    problems =
      typeof extensions.field === 'string'
        ? [{ field: extensions.field, reason: INVALID_VALUE, message: base.message }]
        : [];
  const localized = problems?.map((p) => ({
    ...p,
    ...(!p.__zh && PROBLEM_MESSAGES[p.reason] ? { __zh: PROBLEM_MESSAGES[p.reason].zh } : {}),
  }));
  // Bad input names its fields in both languages: the Chinese message is built from the problems.
  let zh: string | undefined = localized?.length
    ? localized.map((p) => `${p.field}：${p.__zh ?? p.message}`).join('；')
    : undefined;
  // A context's catalogue (defineErrors) sends its own Chinese text; else the platform's, by reason.
  if (!zh && typeof extensions.__zh === 'string') zh = extensions.__zh;
  if (!zh && catalogued) zh = MESSAGES[reason].zh;
  return {
    ...base,
    extensions: { ...extensions, reason, ...(localized ? { problems: localized } : {}), ...(zh ? { __zh: zh } : {}) },
  };
}

/** The field a variable-coercion error is about (`i.scheduledAt`), from graphql-js's message. */
function variableField(message: string): string | undefined {
  const at = /^Variable "\$([^"]+)" got invalid value [\s\S]*? at "([^"]+)"; /.exec(message);
  if (at) return at[2];
  return /^Variable "\$([^"]+)" (?:got invalid value|of required type|of non-null type)/.exec(message)?.[1];
}

/**
 * The single boundary between errors and clients: client errors keep their code and message;
 * everything else becomes a generic INTERNAL_SERVER_ERROR, logged here with its stack (never sent).
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const result = formatClientOrInternal(formatted, error);
  const code = result.extensions?.code;
  return typeof code === 'string' && CLIENT_CODES.has(code)
    ? clientError(result, result.extensions as Record<string, unknown>)
    : result;
}

function formatClientOrInternal(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const rawCode = formatted.extensions?.code;
  const code = typeof rawCode === 'string' ? rawCode : '';
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof GraphQLError && CLIENT_CODES.has(String(original.extensions?.code))) {
    const { stacktrace: _s, ...extensions } = (original.extensions ?? {}) as Record<string, unknown>;
    // Apollo marks variable-coercion errors BAD_USER_INPUT: name the field they are about.
    const field = formatted.path || extensions.field ? undefined : variableField(original.message);
    return {
      ...base,
      message: original.message,
      extensions: { ...extensions, ...(field ? { field, problems: [{ field, message: original.message }] } : {}) },
    };
  }
  // Nest's ValidationPipe (class-validator) throws BadRequestException; see validation.ts.
  const response = (original as { getResponse?: () => unknown })?.getResponse?.() as ValidationResponse | undefined;
  if (response && Array.isArray(response.problems)) {
    return {
      ...base,
      message: String(response.message),
      extensions: { code: ErrorCode.BAD_USER_INPUT, problems: response.problems },
    };
  }
  if (CLIENT_CODES.has(code)) {
    const field = formatted.path ? undefined : variableField(formatted.message);
    return {
      ...base,
      extensions: { code, ...(field ? { field, problems: [{ field, message: formatted.message }] } : {}) },
    };
  }
  // Raised before execution (parse, validation, variable coercion, cost): the request itself is wrong.
  // Resolver errors always carry a result path.
  const beforeExecution = !formatted.path;
  if (APOLLO_INPUT_CODES.has(code) || beforeExecution) {
    const field = variableField(formatted.message);
    return {
      ...base,
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        ...(code && code !== 'INTERNAL_SERVER_ERROR' ? { reason: code } : {}),
        ...(field ? { field, problems: [{ field, message: formatted.message }] } : {}),
      },
    };
  }
  const status = (original as { getStatus?: () => number })?.getStatus?.();
  if (status === 401) return { ...base, extensions: { code: ErrorCode.UNAUTHENTICATED } };
  if (status === 403) return { ...base, extensions: { code: ErrorCode.FORBIDDEN } };
  if (status === 404) return { ...base, extensions: { code: ErrorCode.NOT_FOUND } };
  if (status === 400) return { ...base, extensions: { code: ErrorCode.BAD_USER_INPUT } };

  const err = original instanceof Error ? original : new Error(String(original));
  logger.error(`${formatted.path?.join('.') ?? 'request'}: ${err.message}`, err.stack);
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL', __zh: MESSAGES.INTERNAL.zh },
  };
}
