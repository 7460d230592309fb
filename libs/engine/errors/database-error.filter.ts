import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { AppError, ErrorCode } from './app-error';

const logger = new Logger('Database');

/**
 * Database errors a client's input can cause become client errors here, once, instead of leaking
 * SQL or surfacing as internal errors: a value of the wrong shape (an "id" that is no UUID, a date
 * out of range) is BAD_USER_INPUT, a unique clash CONFLICT. Anything else is logged by its SQLSTATE
 * only — never the statement or the values, which may carry personal data — and answered generically.
 */
@Catch(QueryFailedError)
export class DatabaseErrorFilter implements ExceptionFilter {
  catch(error: QueryFailedError, host: ArgumentsHost): unknown {
    const code = (error.driverError as { code?: string }).code ?? '';
    let mapped: AppError | Error;
    if (code.startsWith('22'))
      mapped = new AppError(
        ErrorCode.BAD_USER_INPUT,
        'A value has the wrong format or is out of range (an id must be a UUID, a date YYYY-MM-DD)',
        { reason: 'VALUE_FORMAT' },
      );
    else if (code === '23505') mapped = AppError.conflict('This already exists', undefined, 'ALREADY_EXISTS');
    else if (code === '23503')
      mapped = AppError.badInput('input', 'refers to something that does not exist', 'REFERENCE_MISSING');
    else {
      logger.error(`query failed with SQLSTATE ${code || 'unknown'}`);
      mapped = new Error('database error');
    }
    if (host.getType<string>() !== 'http') return mapped;
    const res = host.switchToHttp().getResponse<Response>();
    const status = mapped instanceof AppError ? (mapped.code === ErrorCode.CONFLICT ? 409 : 400) : 500;
    res.status(status).json({
      error: { code: mapped instanceof AppError ? mapped.code : 'INTERNAL_SERVER_ERROR', message: mapped.message },
    });
    return undefined;
  }
}
