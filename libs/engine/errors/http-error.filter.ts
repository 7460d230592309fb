import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError, ErrorCode } from './app-error';
import { GENERIC_REASON, languageOf, MESSAGES } from './reasons';

const STATUS: Record<ErrorCode, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
};

/**
 * AppErrors raised on plain HTTP routes (document downloads) answer with their status, code, reason
 * and message in the client's language (a context's catalogue text; Chinese by default); on
 * GraphQL they pass through to the GraphQL error boundary unchanged.
 */
@Catch(AppError)
export class AppErrorHttpFilter implements ExceptionFilter {
  catch(error: AppError, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'http') return error;
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const { reason, __zh: zh } = error.extensions as { reason?: string; __zh?: string };
    const zhText = zh ?? (reason ? MESSAGES[reason]?.zh : undefined);
    const message =
      zhText && languageOf(http.getRequest<Request>().headers['accept-language']) === 'zh' ? zhText : error.message;
    res
      .status(STATUS[error.code])
      .json({ error: { code: error.code, reason: reason ?? GENERIC_REASON[error.code], message } });
    return undefined;
  }
}
