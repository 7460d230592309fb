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
 * Runs jobs in this process, one at a time, with retries and deduplication by job id. Used when no
 * Redis is configured; work queued when the process stops is lost, which the embedded mode accepts
 * (jobs are re-derivable: the scheduled ones re-run on the next tick).
 */
export class InProcessQueue extends JobQueue {
  readonly kind = 'in-process' as const;
  private readonly logger = new Logger('InProcessQueue');
  private readonly handlers = new Map<string, JobHandler<never>>();
  private readonly seen = new LRUCache<string, true>({ max: 100_000, ttl: 24 * 3600_000 });
  private readonly queue: Pending[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly repeaters: NodeJS.Timeout[] = [];
  private running = false;
  private started = false;
  private closed = false;
  private idleWaiters: (() => void)[] = [];

  /**
   * `claimTick`: when several processes share one database without Redis, each keeps its own timer and
   * only the one whose claim of a tick wins enqueues it (see job-tick.repository.ts).
   */
  constructor(
    private readonly maxAttempts = 3,
    private readonly backoffMs = 200,
    private readonly claimTick: ((tickId: string) => Promise<boolean>) | null = null,
  ) {
    super();
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
    return { waiting: this.queue.length, active: this.running ? 1 : 0, delayed: this.timers.size };
  }

  async missingSchedulers(): Promise<string[]> {
    return [];
  }

  async ensureSchedulers(): Promise<string[]> {
    return [];
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    for (const t of this.repeaters) clearInterval(t);
    this.timers.clear();
    this.queue.length = 0;
  }

  private isIdle(): boolean {
    return !this.running && this.queue.length === 0 && this.timers.size === 0;
  }

  private later(job: Pending, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.queue.push(job);
      this.pump();
    }, ms);
    this.timers.add(timer);
  }

  private pump(): void {
    if (!this.started || this.running || this.closed) return;
    const job = this.queue.shift();
    if (!job) {
      if (this.isIdle()) this.idleWaiters.splice(0).forEach((w) => w());
      return;
    }
    this.running = true;
    void this.execute(job).finally(() => {
      this.running = false;
      setImmediate(() => this.pump());
    });
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
