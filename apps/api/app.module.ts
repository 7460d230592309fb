import type { Writable } from 'node:stream';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ABILITY_RULES, AccessGuard, DownloadLinks, DownloadLinkResolver } from '@engine/access';
import type { AppConfig } from '@engine/config';
import { CoreModule } from '@engine/core.module';
import type { DatabaseHandle } from '@engine/database';
import { AppErrorHttpFilter, DatabaseErrorFilter, localizeErrorsPlugin } from '@engine/errors';
import { graphqlOptions } from '@engine/graphql';
import { JobsModule } from '@engine/jobs';
import { jsonLoggerModule, Metrics, ObservabilityModule, observerPlugin } from '@engine/observability';
import { ALL_RULES, CONTEXT_MODULES } from './contexts';
import { GraphiqlController } from './graphiql.controller';
import { HealthController } from './health.controller';
import { PlatformBootstrap } from './platform-bootstrap';

/** Composes the engine and the bounded contexts; holds no logic of its own. */
@Module({})
export class AppModule {
  static register(
    config: AppConfig & { jwtSecret: string; piiKey: string },
    database: DatabaseHandle,
    options: { logStream?: Writable } = {},
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...(config.logFormat === 'json' ? [jsonLoggerModule(config, options.logStream)] : []),
        CoreModule.forRoot(config, database),
        JobsModule,
        ObservabilityModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [Metrics],
          useFactory: (metrics: Metrics) => {
            const base = graphqlOptions(config);
            return { ...base, plugins: [...(base.plugins ?? []), localizeErrorsPlugin(), observerPlugin(metrics)] };
          },
        }),
        ...CONTEXT_MODULES,
      ],
      controllers: [HealthController, GraphiqlController],
      providers: [
        { provide: ABILITY_RULES, useValue: ALL_RULES },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: AppErrorHttpFilter },
        { provide: APP_FILTER, useClass: DatabaseErrorFilter },
        PlatformBootstrap,
        { provide: DownloadLinks, useValue: new DownloadLinks(config.jwtSecret) },
        DownloadLinkResolver,
      ],
    };
  }
}
