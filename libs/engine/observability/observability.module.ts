import { Global, Module } from '@nestjs/common';
import { DATABASE_HANDLE } from '@engine/core.module';
import type { DatabaseHandle } from '@engine/database';
import { JobQueue } from '@engine/jobs';
import { Metrics } from './metrics';

/** Provides the process's Metrics (GraphQL timings and errors, database pool, queue, job failures). */
@Global()
@Module({
  providers: [
    {
      provide: Metrics,
      inject: [DATABASE_HANDLE, JobQueue],
      useFactory: (database: DatabaseHandle, queue: JobQueue) => new Metrics(database, queue),
    },
  ],
  exports: [Metrics],
})
export class ObservabilityModule {}
