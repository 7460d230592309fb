import { Logger } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import type { Cluster, Redis } from 'ioredis';
import type { FaultJobDelay } from './fault-delay';
import { JobQueue, type EnqueueOptions, type JobHandler } from './job-queue';
import { hasHashTag } from './queue-prefix';
import { createRedisClient, isCluster, type RedisTarget } from './redis-connection';

/** Jobs on Redis through BullMQ: durable, retried with backoff, deduplicated by job id. */
export class BullMqQueue extends JobQueue {
  readonly kind = 'bullmq' as const;
  private readonly logger = new Logger('BullMqQueue');
  private readonly handlers = new Map<string, JobHandler<never>>();
  /** The repeated jobs this process declared: name → interval. */
  private readonly schedules = new Map<string, number>();
  private readonly queue: Queue;
  private worker: Worker | null = null;
  private readonly target: RedisTarget;
  /** BullMQ 6 under native ESM wants constructed ioredis clients (one for the queue, one for the worker). */
  private readonly clients: (Redis | Cluster)[] = [];

  /** `redis`: a REDIS_URL, or the target (a cluster's prefix must carry a hash tag: see queue-prefix.ts). */
  constructor(
    redis: string | RedisTarget,
    private readonly options: {
      prefix: string;
      runWorker: boolean;
      concurrency?: number;
      /** A job whose worker died is run again once its lock lapses (see AppConfig.queueLockDurationMs). */
      lockDurationMs?: number;
      stalledIntervalMs?: number;
      /** A scheduler declared at start first runs one interval later (SCHEDULES_FIRST_RUN=after-interval). */
      firstRunAfterInterval?: boolean;
      /** Test-only (fault-delay.ts): hold one job name's jobs around their handler. */
      faultDelay?: FaultJobDelay | null;
    },
  ) {
    super();
    this.target = typeof redis === 'string' ? { url: redis } : redis;
    if (isCluster(this.target) && !hasHashTag(options.prefix)) {
      throw new Error(
        `queue prefix "${options.prefix}" has no hash tag: on Redis Cluster BullMQ's scripts would fail with CROSSSLOT`,
      );
    }
    this.queue = new Queue('jobs', { connection: this.client(), prefix: options.prefix });
    this.queue.on('error', (err) => this.logger.warn(`queue: ${err.message}`));
  }

  /** The Redis key prefix of this queue (the deployment's own unless QUEUE_PREFIX is set). */
  get prefix(): string {
    return this.options.prefix;
  }

  register(handler: JobHandler<never>): void {
    this.handlers.set(handler.name, handler);
  }

  async enqueue<T>(name: string, data: T, options: EnqueueOptions): Promise<void> {
    const added = this.queue.add(name, data, {
      jobId: options.jobId,
      delay: options.delayMs,
      attempts: 5,
      backoff: { type: 'exponential', delay: 500 },
      // Kept a day so a duplicate enqueued meanwhile is dropped by its id.
      removeOnComplete: { age: 24 * 3600, count: 100_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
    // While Redis is away the client keeps the command and sends it on reconnect; the caller (a
    // request that already committed) is not held hostage: it waits a moment, then moves on.
    added.catch((err: Error) => this.logger.warn(`enqueue ${name} (${options.jobId}) failed: ${err.message}`));
    const timer = new Promise<'later'>((resolve) => setTimeout(() => resolve('later'), 2000).unref());
    if ((await Promise.race([added.then(() => 'added' as const), timer])) === 'later') {
      this.logger.warn(`Redis is slow or away: ${name} (${options.jobId}) will be queued when it is back`);
    }
  }

  repeat(name: string, everyMs: number): void {
    // A job scheduler is an upsert: every process declares it at every start; Redis keeps one.
    this.schedules.set(name, everyMs);
    void this.upsertScheduler(name, everyMs).catch((err: Error) =>
      this.logger.warn(`scheduler ${name}: ${err.message}`),
    );
  }

  private async upsertScheduler(name: string, everyMs: number): Promise<void> {
    const startDate = this.options.firstRunAfterInterval ? Date.now() + everyMs : undefined;
    await this.queue.upsertJobScheduler(name, { every: everyMs, startDate }, { name, data: {} });
  }

  /** When each declared scheduler runs next (epoch ms), null for one Redis does not hold. */
  async nextRuns(): Promise<Record<string, number | null>> {
    const names = [...this.schedules.keys()];
    const found = await Promise.all(names.map((name) => this.queue.getJobScheduler(name)));
    return Object.fromEntries(names.map((name, i) => [name, found[i]?.next ?? null]));
  }

  async missingSchedulers(): Promise<string[]> {
    const names = [...this.schedules.keys()];
    const found = await Promise.all(names.map((name) => this.queue.getJobScheduler(name)));
    return names.filter((_, i) => !found[i]);
  }

  async ensureSchedulers(): Promise<string[]> {
    const missing = await this.missingSchedulers();
    for (const name of missing) await this.upsertScheduler(name, this.schedules.get(name)!);
    return missing;
  }

  async counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized');
  }

  async start(): Promise<void> {
    if (!this.options.runWorker || this.worker) return;
    this.worker = new Worker(
      'jobs',
      async (job) => {
        const handler = this.handlers.get(job.name);
        if (!handler) throw new Error(`no handler for job "${job.name}"`);
        const pause = this.options.faultDelay?.job === job.name ? this.options.faultDelay : null;
        if (pause?.at === 'before') await new Promise((r) => setTimeout(r, pause.ms));
        await handler.handle(job.data as never);
        if (pause?.at === 'after') await new Promise((r) => setTimeout(r, pause.ms));
      },
      {
        connection: this.client(),
        prefix: this.options.prefix,
        concurrency: this.options.concurrency ?? 4,
        // Spread only when set: BullMQ takes an explicit undefined over its own defaults.
        ...(this.options.lockDurationMs ? { lockDuration: this.options.lockDurationMs } : {}),
        ...(this.options.stalledIntervalMs ? { stalledInterval: this.options.stalledIntervalMs } : {}),
      },
    );
    this.worker.on('failed', (job, err) => {
      this.reportFailure(job?.name ?? 'unknown', !job || job.attemptsMade >= (job.opts.attempts ?? 1));
      this.logger.warn(`job ${job?.name} (${job?.id}) failed: ${err.message}`);
    });
    this.worker.on('error', (err) => this.logger.warn(`worker: ${err.message}`));
  }

  async whenIdle(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // Delayed jobs are left out: a job scheduler always keeps its next run delayed.
      const c = await this.queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
      if (Object.values(c).every((n) => n === 0)) return;
      if (Date.now() > deadline) throw new Error(`BullMQ queue did not become idle: ${JSON.stringify(c)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async healthy(): Promise<boolean> {
    try {
      const answer = await Promise.race([
        this.queue.getJobCounts('waiting').then(() => 'ok'),
        new Promise((r) => setTimeout(() => r('timeout'), 1000)),
      ]);
      return answer === 'ok';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
    await Promise.all(this.clients.map((c) => c.quit().catch(() => c.disconnect())));
  }

  private client(): Redis | Cluster {
    const client = createRedisClient(this.target);
    client.on('error', (err: Error) => this.logger.warn(`redis: ${err.message}`));
    this.clients.push(client);
    return client;
  }
}
