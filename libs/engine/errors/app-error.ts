import { GraphQLError } from 'graphql';

/** The codes a client can receive (api-contract.md); anything else is an internal error. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
}

export interface FieldProblem {
  /** Dotted path of the offending input field, e.g. `input.name`. */
  field: string;
  /** Stable UPPER_SNAKE reason (`MAX_LENGTH`, `INVALID_VALUE`, a context's own); filled in at the boundary when absent. */
  reason?: string;
  message: string;
  /** The Chinese message, for the GraphQL boundary only (removed before a client sees it). */
  __zh?: string;
}

/**
 * An expected outcome a client caused. Modules throw it (through their own small factories) and the
 * GraphQL boundary passes it on with `extensions.code`; nothing else reaches a client as written.
 */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: { field?: string; problems?: FieldProblem[]; [key: string]: unknown } = {},
  ) {
    super(message, { extensions: { code, ...extra } });
  }

  static notFound(what: string): AppError {
    return new AppError(ErrorCode.NOT_FOUND, `${what} was not found`, { reason: 'NOT_FOUND' });
  }

  static forbidden(message = 'You are not allowed to do this'): AppError {
    return new AppError(ErrorCode.FORBIDDEN, message);
  }

  static unauthenticated(message = 'Authentication is required'): AppError {
    return new AppError(ErrorCode.UNAUTHENTICATED, message);
  }

  /** `reason`: the problem's stable reason (default INVALID_VALUE); the error's own is INVALID_INPUT. */
  static badInput(field: string, message: string, reason = 'INVALID_VALUE'): AppError {
    return new AppError(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, {
      reason: 'INVALID_INPUT',
      field,
      problems: [{ field, reason, message }],
    });
  }

  /** `reason`: why, for a frontend to switch on (e.g. CASE_NOT_OPEN); CONFLICT when not given. */
  static conflict(message: string, field?: string, reason?: string): AppError {
    return new AppError(ErrorCode.CONFLICT, message, { ...(field ? { field } : {}), ...(reason ? { reason } : {}) });
  }
}
