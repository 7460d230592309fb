import { randomUUID } from 'node:crypto';
import { JobQueue, jobId } from '@engine/jobs';

/** Job names of the supervision context. Payloads carry the tenant id: handlers re-enter its scope. */
export const SWEEP_ALL_JOB = 'supervision.sweep-all';
export const SWEEP_TENANT_JOB = 'supervision.sweep-tenant';
export const LADDER_JOB = 'supervision.ladder';
export const DELIVER_JOB = 'supervision.deliver';

export interface TenantJob {
  tenantId: string;
}

/**
 * After a decision commits: run the tenant's ladder (a notice, a reminder or a flag may complete a
 * rule) and deliver what the decision wrote to the outbox. Every trigger is its own job; the handlers
 * are idempotent, so two triggers close together do the work once.
 */
export async function afterDecision(jobs: JobQueue, tenantId: string, options: { ladder: boolean }): Promise<void> {
  const stamp = randomUUID();
  if (options.ladder)
    await jobs.enqueue(LADDER_JOB, { tenantId } satisfies TenantJob, {
      jobId: jobId('supervision-ladder', tenantId, stamp),
    });
  await jobs.enqueue(DELIVER_JOB, { tenantId } satisfies TenantJob, {
    jobId: jobId('supervision-deliver', tenantId, stamp),
  });
}
