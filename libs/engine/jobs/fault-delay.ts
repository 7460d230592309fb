/**
 * A test-only fault hook, for the fault-injection suite (`test/fault/worker-kill.fault-spec.ts`): a
 * BullMQ worker started with `JM_FAULT_JOB_DELAY_JOB=<job name>` and `JM_FAULT_JOB_DELAY_MS=<ms>` holds
 * every job of that name for that long, `before` its handler runs (`JM_FAULT_JOB_DELAY_AT=before`, the
 * default) or `after` it (`=after`: the effect is committed, BullMQ has not yet recorded the job as
 * done). The suite SIGKILLs the worker inside that window. The job and its handler are the real ones;
 * only the pause is added. Unset, nothing changes; with NODE_ENV=production it is refused.
 */
export interface FaultJobDelay {
  job: string;
  ms: number;
  at: 'before' | 'after';
}

export function faultJobDelayFromEnv(env: NodeJS.ProcessEnv = process.env): FaultJobDelay | null {
  const job = env.JM_FAULT_JOB_DELAY_JOB;
  const ms = Number(env.JM_FAULT_JOB_DELAY_MS);
  if (!job && !env.JM_FAULT_JOB_DELAY_MS) return null;
  if (env.NODE_ENV === 'production')
    throw new Error('JM_FAULT_JOB_DELAY_* is a test hook and is refused in production');
  const at = env.JM_FAULT_JOB_DELAY_AT || 'before';
  if (!job || !Number.isInteger(ms) || ms <= 0 || (at !== 'before' && at !== 'after')) {
    throw new Error(
      'JM_FAULT_JOB_DELAY_JOB (a job name), JM_FAULT_JOB_DELAY_MS (> 0) and JM_FAULT_JOB_DELAY_AT (before|after) go together',
    );
  }
  return { job, ms, at };
}
