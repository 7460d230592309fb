import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { AppError, ErrorCode } from './app-error';

const STATUS: Record<ErrorCode, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
};

/**
 * AppErrors raised on plain HTTP routes (document downloads) answer with their status and code; on
 * GraphQL they pass through to the GraphQL error boundary unchanged.
 */
@Catch(AppError)
export class AppErrorHttpFilter implements ExceptionFilter {
  catch(error: AppError, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'http') return error;
    const res = host.switchToHttp().getResponse<Response>();
    res.status(STATUS[error.code]).json({ error: { code: error.code, message: error.message } });
    return undefined;
  }
}
