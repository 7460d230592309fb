import type { Writable } from 'node:stream';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ABILITY_RULES, AccessGuard } from '@engine/access';
import { DownloadLinks } from '@engine/access/download-link';
import { DownloadLinkResolver } from '@engine/access/download-link.resolver';
import type { AppConfig } from '@engine/config';
import { CoreModule } from '@engine/core.module';
import type { DatabaseHandle } from '@engine/database';
import { AppErrorHttpFilter, DatabaseErrorFilter, localizeErrorsPlugin } from '@engine/errors';
import { graphqlOptions } from '@engine/graphql';
import { JobsModule } from '@engine/jobs';
import { jsonLoggerModule, Metrics, ObservabilityModule, observerPlugin } from '@engine/observability';
import { IdentityModule } from '@core/identity';
import { JointMeetingModule } from '@core/joint-meeting';
import { MeetingsModule } from '@modules/meetings';
import { OfficeDocumentsModule } from '@modules/office-documents';
import { CoordinationModule } from '@modules/coordination';
import { CalendarModule } from '@core/calendar';
import { AuditModule } from '@modules/audit';
import { CasesModule } from '@modules/cases';
import { SupervisionModule } from '@modules/supervision/supervision.module';
import { InspectionsModule } from '@modules/inspections';
import { SupervisionStatusModule } from '@modules/supervision-status';
import { NotificationsModule } from '@core/notifications';
import { ReportingModule } from '@core/reporting';
import { TenancyModule } from '@core/tenancy';
import { ALL_RULES } from './access-rules';
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
        TenancyModule,
        JointMeetingModule,
        IdentityModule,
        NotificationsModule,
        ReportingModule,
        CalendarModule,
        AuditModule,
        MeetingsModule,
        OfficeDocumentsModule,
        CoordinationModule,
        CasesModule,
        SupervisionModule,
        InspectionsModule,
        SupervisionStatusModule,
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
