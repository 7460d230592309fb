import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '@engine/config';
import type { Metrics } from '@engine/observability';

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * GET /metrics on the API's port, only for `Authorization: Bearer <METRICS_TOKEN>`; without a token
 * configured it does not exist here (METRICS_PORT serves the metrics on an internal port instead).
 * A plain Express route, ahead of Nest: the access guard would read the bearer as an access token.
 */
export function metricsRoute(config: AppConfig, metrics: () => Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET' || req.path !== '/' || !config.metricsToken) return next();
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!match || !sameToken(match[1], config.metricsToken)) {
      res
        .status(401)
        .setHeader('WWW-Authenticate', 'Bearer')
        .json({ error: { code: 'UNAUTHENTICATED', message: 'METRICS_TOKEN required' } });
      return;
    }
    metrics()
      .render()
      .then(({ contentType, body }) => void res.setHeader('Content-Type', contentType).send(body))
      .catch(next);
  };
}
