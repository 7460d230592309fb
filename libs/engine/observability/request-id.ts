import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const ACCEPTED = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id: the caller's `X-Request-Id` when it is a plain token, a fresh UUID otherwise; echoed back. */
export function requestIdOf(req: Request): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && ACCEPTED.test(given) ? given : randomUUID();
}

export function requestId() {
  return (req: Request & { id?: string }, res: Response, next: NextFunction): void => {
    req.id ??= requestIdOf(req);
    res.setHeader('X-Request-Id', req.id);
    next();
  };
}
