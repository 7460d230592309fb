import type { EntityManager } from 'typeorm';
import { RequestContext } from '@engine/context';
import type { Db } from '@engine/database';
import { jobId, type JobQueue } from '@engine/jobs';
import { tenantIdsWithRules } from './tenants.query';

/** What a per-tenant job of an hourly tick receives. */
export interface TenantJob {
  tenantId: string;
}

export interface FanOut {
  /** The per-tenant job to enqueue. */
  job: string;
  /** The job id's prefix; with the tenant and `stamp` it makes a repeated tick enqueue nothing twice. */
  key: string;
  /** The period the tick stands for (an hour, a day): one job per tenant and stamp. */
  stamp: string;
  /** Only tenants whose rules hold this path of the plugin snapshot (absent: every tenant). */
  rulesAt?: readonly string[];
  /**
   * Instead of `rulesAt`: the workflow's own query of the tenants that have its kind of work (a
   * `sweep_tenants_*` function: ids only, platform scope), so an idle tenant gets no job at all.
   */
  select?: (em: EntityManager) => Promise<string[]>;
}

/**
 * The fan-out of every sweep's tick, written once: one cross-tenant query selects the tenants that have
 * this kind of work (by their rules, or by the workflow's own `select`), then one idempotent job per
 * tenant; the queue runs them JOB_CONCURRENCY at a time per process (either adapter). Returns how
 * many were enqueued.
 */
export async function enqueuePerTenant(db: Db, jobs: JobQueue, fan: FanOut): Promise<number> {
  const ids = await db.run(RequestContext.platform(), ({ em }) =>
    fan.select ? fan.select(em) : tenantIdsWithRules(em, fan.rulesAt ?? null),
  );
  for (const tenantId of ids)
    await jobs.enqueue<TenantJob>(fan.job, { tenantId }, { jobId: jobId(fan.key, tenantId, fan.stamp) });
  return ids.length;
}
