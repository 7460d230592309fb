import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Writable } from 'node:stream';
import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '@engine/config';
import type { ObservedRequest } from './graphql-observer.plugin';
import { requestIdOf } from './request-id';

const PINO_LEVEL: Record<AppConfig['logLevel'], string> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug' };

/** The path without its query string (a signed link's token or a search term may travel there). */
function pathOf(req: { url?: string; originalUrl?: string }): string {
  return (req.originalUrl ?? req.url ?? '').split('?')[0];
}

type LoggedRequest = IncomingMessage &
  ObservedRequest & { id?: string; ctx?: { scope?: { tenantId: string | null; userId: string | null } } };

/**
 * JSON logs (LOG_FORMAT=json, the production default) through nestjs-pino: every Nest log line and one
 * line per HTTP request with its id, tenant and user ids, GraphQL operation, duration and result. What
 * a request carries — variables, query strings, headers, bodies — is never logged: petitioners'
 * personal data travels there. `stream`: where the lines go (stdout unless a test collects them).
 */
export function jsonLoggerModule(config: AppConfig, stream?: Writable): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: [
      {
        level: PINO_LEVEL[config.logLevel],
        base: { service: 'joint-meeting' },
        messageKey: 'msg',
        genReqId: (req: IncomingMessage) => (req as LoggedRequest).id ?? requestIdOf(req as never),
        customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
        // The request id as a top-level field of the request's line (and of anything logged through req.log).
        quietReqLogger: true,
        // Health probes and metric scrapes every few seconds would drown the log.
        autoLogging: { ignore: (req: IncomingMessage) => /^\/(health|metrics)$/.test(pathOf(req)) },
        serializers: {
          req: (req: { method?: string; url?: string; raw?: { originalUrl?: string } }) => ({
            method: req.method,
            path: pathOf(req.raw ?? req),
          }),
          res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
          err: (err: { type?: string; constructor?: { name?: string } }) => ({
            type: err.type ?? err.constructor?.name ?? 'Error',
          }),
        },
        customProps: (req: IncomingMessage, _res: ServerResponse) => {
          const r = req as LoggedRequest;
          const scope = r.ctx?.scope;
          return {
            ...(scope?.tenantId ? { tenantId: scope.tenantId } : {}),
            ...(scope?.userId ? { userId: scope.userId } : {}),
            ...(r.graphql
              ? { operation: r.graphql.operation, operationName: r.graphql.operationName, result: r.graphql.result }
              : {}),
          };
        },
        customSuccessMessage: (req: IncomingMessage, res: ServerResponse) =>
          `${req.method} ${pathOf(req)} ${res.statusCode}`,
        customErrorMessage: (req: IncomingMessage, res: ServerResponse) =>
          `${req.method} ${pathOf(req)} ${res.statusCode}`,
      },
      stream ?? (process.stdout as Writable),
    ] as never,
  });
}
