import 'reflect-metadata';
import { Logger, type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { resolveJwtSecret, resolvePiiKey, type AppConfig } from '@engine/config';
import { openDatabase, type DatabaseHandle } from '@engine/database';
import { createValidationPipe } from '@engine/errors';
import { JobQueue } from '@engine/jobs';
import { migrations } from '../../migrations/index';
import { AppModule } from './app.module';
import { serveConsole } from './console-static';
import { ENTITIES } from './entities';
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
  close(): Promise<void>;
}

/**
 * Builds the API (not yet listening): opens the database and applies migrations, composes the
 * modules, installs validation and security headers, then runs start-up duties (admin, demo).
 */
export async function createApp(config: AppConfig, options: { inMemory?: boolean; initialData?: Blob } = {}): Promise<CreatedApp> {
  const jwtSecret = resolveJwtSecret(config, !options.inMemory);
  const piiKey = resolvePiiKey(config, jwtSecret, !options.inMemory);
  const database = await openDatabase(config, { entities: ENTITIES, migrations, inMemory: options.inMemory, initialData: options.initialData });
  let app: INestApplication;
  try {
    const nest = await NestFactory.create<NestExpressApplication>(AppModule.register({ ...config, jwtSecret, piiKey }, database), {
      logger: LEVELS[config.logLevel],
      cors: config.corsOrigins.length ? { origin: config.corsOrigins, methods: ['GET', 'POST', 'OPTIONS'], maxAge: 600 } : false,
      bodyParser: false,
    });
    nest.useBodyParser('json', { limit: '256kb' });
    // Client addresses (sign-in limits) come from X-Forwarded-For only through the listed proxies.
    if (config.trustedProxies.length) nest.set('trust proxy', config.trustedProxies);
    app = nest;
    app.use(securityHeaders(config));
    serveConsole(nest);
    app.useGlobalPipes(createValidationPipe());
    app.enableShutdownHooks();
    await app.init();
    await app.get(PlatformBootstrap).run();
  } catch (err) {
    await database.close();
    throw err;
  }
  return {
    app,
    database,
    async close() {
      // Let queued work finish before the database goes (in-process jobs would fail half-way).
      await app.get(JobQueue).whenIdle(5000).catch(() => undefined);
      await app.close();
      await database.close();
    },
  };
}

export const bootLogger = new Logger('Main');
