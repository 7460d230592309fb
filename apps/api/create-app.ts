import 'reflect-metadata';
import type { Server } from 'node:http';
import type { Writable } from 'node:stream';
import { Logger, type INestApplication, type LoggerService, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { resolveJwtSecret, resolvePiiKey, type AppConfig } from '@engine/config';
import { PiiCipher, verifyPiiKey } from '@engine/crypto';
import { Db, openDatabase, type DatabaseHandle } from '@engine/database';
import { createValidationPipe } from '@engine/errors';
import { graphqlBodyParser } from '@engine/graphql';
import { JobQueue } from '@engine/jobs';
import { Metrics, requestId } from '@engine/observability';
import { Logger as JsonLogger } from 'nestjs-pino';
import { migrations } from '../../migrations/index';
import { AppModule } from './app.module';
import { serveConsole } from './console-static';
import { ENTITIES } from './contexts';
import { startInternalServer } from './internal-server';
import { metricsRoute } from './metrics-route';
import { downloadLinkRoute } from './download-link-route';
import { TOKEN_SERVICE, type TokenService, DownloadLinks } from '@engine/access';
import { PlatformBootstrap } from './platform-bootstrap';
import { securityHeaders } from './security-headers';

const LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
};

export interface CreatedApp {
  app: INestApplication;
  database: DatabaseHandle;
  /** The internal port's server (METRICS_PORT), when configured. */
  internal: Server | null;
  /**
   * Graceful stop: no new requests, requests and jobs in flight drained (up to SHUTDOWN_GRACE_MS
   * each), then the modules and the database closed; each step logged.
   */
  close(): Promise<void>;
}

/**
 * Builds the API (not yet listening): opens the database and applies migrations, composes the
 * modules, installs validation and security headers, then runs start-up duties (admin, demo).
 */
export async function createApp(
  config: AppConfig,
  options: { inMemory?: boolean; initialData?: Blob; logStream?: Writable } = {},
): Promise<CreatedApp> {
  const jwtSecret = resolveJwtSecret(config, !options.inMemory);
  const piiKey = resolvePiiKey(config, jwtSecret, !options.inMemory);
  const database = await openDatabase(config, {
    entities: ENTITIES,
    migrations,
    inMemory: options.inMemory,
    initialData: options.initialData,
  });
  let app: INestApplication;
  let internal: Server | null = null;
  const json = config.logFormat === 'json';
  // Nest's static Logger is one per process: a JSON app installs its pino logger there, and a process that opens
  // several apps in turn (the Jest workers: docs/operations.md#the-test-runner) gets its own back at close.
  const previousLogger = (Logger as unknown as { staticInstanceRef?: LoggerService }).staticInstanceRef;
  const restoreLogger = (): void => {
    if (!json) return;
    Logger.flush();
    Logger.overrideLogger(previousLogger ?? false);
  };
  try {
    const nest = await NestFactory.create<NestExpressApplication>(
      AppModule.register({ ...config, jwtSecret, piiKey }, database, { logStream: options.logStream }),
      {
        // JSON: Nest's own lines wait for the pino logger (below) instead of printing as text.
        ...(json ? { bufferLogs: true } : { logger: LEVELS[config.logLevel] }),
        // Content-Disposition carries a download's (Chinese) file name; X-Request-Id correlates with the logs.
        cors: config.corsOrigins.length
          ? {
              origin: config.corsOrigins,
              methods: ['GET', 'POST', 'OPTIONS'],
              maxAge: 600,
              exposedHeaders: ['Content-Disposition', 'X-Request-Id'],
            }
          : false,
        bodyParser: false,
      },
    );
    // JSON bodies up to 256 kB; on /graphql a small budget without a valid access token, and every
    // document's tokens and variables' depth checked before Apollo sees them.
    const tokens = nest.get<TokenService>(TOKEN_SERVICE);
    nest.use(
      graphqlBodyParser(
        {
          anonymousMaxBytes: config.anonymousMaxBytes,
          maxBytes: 256 * 1024,
          anonymousMaxTokens: config.anonymousMaxTokens,
          maxTokens: config.queryMaxTokens,
          maxVariableDepth: 32,
        },
        (req) => {
          const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
          return bearer !== null && tokens.verify(bearer[1]) !== null;
        },
      ),
    );
    // Client addresses (sign-in limits) come from X-Forwarded-For only through the listed proxies.
    if (config.trustedProxies.length) nest.set('trust proxy', config.trustedProxies);
    app = nest;
    if (json) app.useLogger(app.get(JsonLogger));
    app.use(requestId());
    app.use(
      '/metrics',
      metricsRoute(config, () => nest.get(Metrics)),
    );
    app.use(
      '/documents',
      downloadLinkRoute(
        () => nest.get(DownloadLinks),
        () => nest.get<TokenService>(TOKEN_SERVICE),
      ),
    );
    app.use(securityHeaders(config));
    serveConsole(nest);
    app.useGlobalPipes(createValidationPipe());
    // Signals are handled by the entry points (main.ts), which call close() below.
    // A wrong PII_KEY stops the start here, before any module starts, a job is consumed or a request served.
    await verifyPiiKey(nest.get(Db), nest.get(PiiCipher)).catch(async (err: unknown) => {
      await nest.close().catch(() => undefined);
      throw err;
    });
    await app.init();
    await app.get(PlatformBootstrap).run();
    if (config.metricsPort !== undefined)
      internal = await startInternalServer(app, config.metricsPort, {
        requireQueue: config.runWorkers && !!(config.redisUrl || config.redisClusterNodes.length),
      });
  } catch (err) {
    await database.close();
    restoreLogger();
    throw err;
  }
  return {
    app,
    database,
    internal,
    async close() {
      const logger = new Logger('Shutdown');
      const started = Date.now();
      const grace = config.shutdownGraceMs;
      const server = app.getHttpServer() as Server;
      const within = <T>(work: Promise<T>): Promise<boolean> =>
        Promise.race([
          work.then(
            () => true,
            () => false,
          ),
          new Promise<boolean>((r) => setTimeout(() => r(false), grace).unref()),
        ]);
      let requests = true;
      if (server.listening) {
        logger.log(`stopping: new requests refused, draining those in flight (up to ${grace} ms)`);
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        requests = await within(closed);
        if (!requests) server.closeAllConnections();
      }
      // In-process jobs finish before the database goes (they would fail half-way); a BullMQ worker's
      // close (in app.close) waits for its active jobs, and waiting ones stay in Redis for the others.
      const queue = app.get(JobQueue);
      const jobs = queue.kind === 'in-process' ? await within(queue.whenIdle(grace)) : true;
      await new Promise<void>((resolve) => (internal ? internal.close(() => resolve()) : resolve()));
      await app.close();
      await database.close();
      logger.log(
        `stopped in ${Date.now() - started} ms (requests ${requests ? 'drained' : 'cut off after the grace period'}, jobs ${jobs ? 'drained' : 'left to the queue'})`,
      );
      restoreLogger();
    },
  };
}

export const bootLogger = new Logger('Main');
