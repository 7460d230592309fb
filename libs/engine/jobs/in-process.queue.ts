import { Logger } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { JobQueue, type EnqueueOptions, type JobHandler } from './job-queue';

interface Pending {
  name: string;
  data: unknown;
  id: string;
  attempt: number;
}

/**
 * Runs jobs in this process, at most `concurrency` at a time (JOB_CONCURRENCY; 1 on the embedded
 * database), with retries and deduplication by job id. Used when no Redis is configured; work queued
 * when the process stops is lost, which the embedded mode accepts (jobs are re-derivable: the scheduled
 * ones re-run on the next tick).
 */
export class InProcessQueue extends JobQueue {
  readonly kind = 'in-process' as const;
  private readonly logger = new Logger('InProcessQueue');
  private readonly handlers = new Map<string, JobHandler<never>>();
  private readonly seen = new LRUCache<string, true>({ max: 100_000, ttl: 24 * 3600_000 });
  private readonly queue: Pending[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly repeaters: NodeJS.Timeout[] = [];
  /** The jobs running now, by id: a job id never runs twice at once. */
  private readonly active = new Map<string, Promise<void>>();
  private started = false;
  private closed = false;
  private idleWaiters: (() => void)[] = [];

  /**
   * `claimTick`: when several processes share one database without Redis, each keeps its own timer and
   * only the one whose claim of a tick wins enqueues it (see job-tick.repository.ts).
   * `concurrency`: how many jobs run at once; each holds at most one database connection at a time.
   */
  constructor(
    private readonly maxAttempts = 3,
    private readonly backoffMs = 200,
    private readonly claimTick: ((tickId: string) => Promise<boolean>) | null = null,
    private readonly concurrency = 1,
  ) {
    super();
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('concurrency must be a positive integer');
  }

  register(handler: JobHandler<never>): void {
    this.handlers.set(handler.name, handler);
  }

  async enqueue<T>(name: string, data: T, options: EnqueueOptions): Promise<void> {
    if (this.closed) throw new Error('queue is closed');
    if (this.seen.has(options.jobId)) return;
    this.seen.set(options.jobId, true);
    const job: Pending = { name, data, id: options.jobId, attempt: 0 };
    if (options.delayMs) this.later(job, options.delayMs);
    else this.queue.push(job);
    this.pump();
  }

  repeat(name: string, everyMs: number): void {
    const timer = setInterval(
      () => void this.tick(name, everyMs).catch((err: Error) => this.logger.warn(`tick ${name}: ${err.message}`)),
      everyMs,
    );
    timer.unref();
    this.repeaters.push(timer);
  }

  /** One tick of a repeated job: its id names the period, so a tick enqueued twice runs once. */
  async tick(name: string, everyMs: number, at = Date.now()): Promise<boolean> {
    const id = `${name}.${Math.floor(at / everyMs)}`;
    if (this.claimTick && !(await this.claimTick(id))) return false;
    await this.enqueue(name, {}, { jobId: id });
    return true;
  }

  async start(): Promise<void> {
    this.started = true;
    this.pump();
  }

  async whenIdle(timeoutMs = 30_000): Promise<void> {
    if (this.isIdle()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('in-process queue did not become idle')), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async healthy(): Promise<boolean> {
    return !this.closed;
  }

  async counts(): Promise<Record<string, number>> {
    return { waiting: this.queue.length, active: this.active.size, delayed: this.timers.size };
  }

  async missingSchedulers(): Promise<string[]> {
    return [];
  }

  async ensureSchedulers(): Promise<string[]> {
    return [];
  }

  /** Drops the waiting and delayed jobs and waits for the running ones (they finish before the database closes). */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    for (const t of this.repeaters) clearInterval(t);
    this.timers.clear();
    this.queue.length = 0;
    await Promise.allSettled([...this.active.values()]);
    this.idleWaiters.splice(0).forEach((w) => w());
  }

  private isIdle(): boolean {
    return this.active.size === 0 && this.queue.length === 0 && this.timers.size === 0;
  }

  private later(job: Pending, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.queue.push(job);
      this.pump();
    }, ms);
    this.timers.add(timer);
  }

  /** Starts waiting jobs, first in first out, while fewer than `concurrency` run. */
  private pump(): void {
    if (!this.started || this.closed) return;
    while (this.active.size < this.concurrency) {
      // A job whose id is running (enqueued again once the id left the dedupe cache) waits its turn.
      const at = this.queue.findIndex((j) => !this.active.has(j.id));
      if (at < 0) break;
      const [job] = this.queue.splice(at, 1);
      // Started on the next microtask, so the job is counted active before its handler runs (and enqueues).
      const run = Promise.resolve()
        .then(() => this.execute(job))
        .catch((err: Error) => this.logger.error(`job ${job.name} (${job.id}): ${err.message}`))
        .finally(() => {
          this.active.delete(job.id);
          setImmediate(() => this.pump());
        });
      this.active.set(job.id, run);
    }
    if (this.isIdle()) this.idleWaiters.splice(0).forEach((w) => w());
  }

  private async execute(job: Pending): Promise<void> {
    const handler = this.handlers.get(job.name);
    if (!handler) {
      this.logger.error(`no handler for job "${job.name}" (${job.id}); dropped`);
      return;
    }
    job.attempt += 1;
    try {
      await handler.handle(job.data as never);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const retry = job.attempt < this.maxAttempts && !this.closed;
      this.reportFailure(job.name, !retry);
      if (retry) {
        this.logger.warn(`job ${job.name} (${job.id}) failed on attempt ${job.attempt}: ${message}; retrying`);
        this.later(job, this.backoffMs * 2 ** (job.attempt - 1));
      } else {
        this.logger.error(`job ${job.name} (${job.id}) failed after ${job.attempt} attempts: ${message}`);
      }
    }
  }
}
