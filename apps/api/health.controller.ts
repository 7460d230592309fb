import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '@engine/access';
import { DATABASE_HANDLE } from '@engine/core.module';
import { Db, type DatabaseHandle } from '@engine/database';
import { JobQueue } from '@engine/jobs';

export interface HealthReport {
  status: 'ok' | 'degraded' | 'unavailable';
  database: { mode: DatabaseHandle['mode']; reachable: boolean };
  queue: { kind: JobQueue['kind']; reachable: boolean; missingSchedulers: string[] };
}

/**
 * The health of this process: `unavailable` (503) when the database does not answer; `degraded`
 * (still 200: reads keep working) when the queue is away or lost a job scheduler (the periodic check
 * re-creates it; see JobsModule).
 */
export async function healthReport(db: Db, jobs: JobQueue, database: DatabaseHandle): Promise<HealthReport> {
  // Every probe answers within a bound: with Redis away its commands wait for the reconnection, and
  // /health must still answer at once (the queue then reports unreachable, no scheduler is checked).
  const [reachable, queue, missing] = await Promise.all([
    db.ping(),
    jobs.healthy(),
    within(jobs.missingSchedulers(), 1000, [] as string[]),
  ]);
  return {
    status: !reachable ? 'unavailable' : !queue || missing.length ? 'degraded' : 'ok',
    database: { mode: database.mode, reachable },
    queue: { kind: jobs.kind, reachable: queue, missingSchedulers: missing },
  };
}

function within<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([work.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}

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
    const report = await healthReport(this.db, this.jobs, this.database);
    res.status(report.status === 'unavailable' ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK).json(report);
  }
}
