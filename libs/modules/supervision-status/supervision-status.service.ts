import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { JobQueue, jobId } from '@engine/jobs';
import { refreshStatusRow, staleTenantIds } from './supervision-status.query';

export const REFRESH_ALL_JOB = 'supervision-status.refresh-all';
export const REFRESH_TENANT_JOB = 'supervision-status.refresh-tenant';

/**
 * Keeps the one part of the aggregate that changes with the calendar rather than with writes: the
 * overdue count. An hourly tick enqueues, once per Beijing day, a refresh of each tenant whose row is
 * not yet as of today (by the platform's Clock); the refresh moves `overdue_as_of` and recounts the
 * whole row in the tenant's own scope, which also heals any drift. Idempotent: a second run the same
 * day recounts to the same numbers.
 */
@Injectable()
export class SupervisionStatusService implements OnModuleInit {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(JobQueue) private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: REFRESH_ALL_JOB, handle: () => this.refreshAll().then(() => undefined) });
    this.jobs.register({
      name: REFRESH_TENANT_JOB,
      handle: (data: { tenantId: string; asOf: string }) => this.refreshTenant(data.tenantId, data.asOf),
    });
    this.jobs.repeat(REFRESH_ALL_JOB, 3600_000);
  }

  /** Enqueues a refresh for every tenant whose overdue count is not as of today; returns how many. */
  async refreshAll(): Promise<number> {
    const today = shanghaiDateOf(this.clock.now());
    const stale = await this.db.run(RequestContext.platform(), ({ em }) => staleTenantIds(em, today));
    for (const id of stale)
      await this.jobs.enqueue(
        REFRESH_TENANT_JOB,
        { tenantId: id, asOf: today },
        { jobId: jobId('status-refresh', id, today) },
      );
    return stale.length;
  }

  /** Recounts one tenant's row as of `asOf` (default: today in Beijing by the Clock). */
  async refreshTenant(tenantId: string, asOf = shanghaiDateOf(this.clock.now())): Promise<void> {
    await this.db.run(RequestContext.forTenantJob(tenantId), ({ em }) => refreshStatusRow(em, tenantId, asOf));
  }
}
