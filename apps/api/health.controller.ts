import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '@engine/access';
import { DATABASE_HANDLE } from '@engine/core.module';
import { Db, type DatabaseHandle } from '@engine/database';
import { JobQueue } from '@engine/jobs';

/** 200 once the API can serve (database reachable, migrations applied — applied before listening); 503 otherwise. */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(DATABASE_HANDLE) private readonly database: DatabaseHandle,
  ) {}

  @Public()
  @Get()
  async health(@Res() res: Response): Promise<void> {
    const [database, queue] = await Promise.all([this.db.ping(), this.jobs.healthy()]);
    const status = database ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE;
    res.status(status).json({
      status: database ? 'ok' : 'unavailable',
      database: { mode: this.database.mode, reachable: database },
      // The queue is reported, not required: reads keep working while Redis is away.
      queue: { kind: this.jobs.kind, reachable: queue },
    });
  }
}
