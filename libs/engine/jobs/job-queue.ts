/** A job handler. Handlers must be idempotent: a retried or duplicated job changes nothing twice. */
export interface JobHandler<T = unknown> {
  readonly name: string;
  handle(data: T): Promise<void>;
}

export interface EnqueueOptions {
  /** Deduplication key: a second job with the same id, while the first is known, is dropped. */
  jobId: string;
  delayMs?: number;
}

/**
 * The queue port. Two adapters: BullMQ on Redis (REDIS_URL set) and in-process (the zero-setup
 * default). Same handlers, same tests.
 */
export abstract class JobQueue {
  abstract readonly kind: 'bullmq' | 'in-process';
  abstract register(handler: JobHandler<never>): void;
  abstract enqueue<T>(name: string, data: T, options: EnqueueOptions): Promise<void>;
  /** Enqueues `name` every `everyMs` (one scheduler per name, however many processes start). */
  abstract repeat(name: string, everyMs: number): void;
  /** Starts consuming (after every module registered its handlers). */
  abstract start(): Promise<void>;
  /** Resolves once no job is waiting, delayed or running (tests, graceful shutdown). */
  abstract whenIdle(timeoutMs?: number): Promise<void>;
  /** Whether the backing store answers (Redis for BullMQ). */
  abstract healthy(): Promise<boolean>;
  abstract close(): Promise<void>;
  /** Jobs by state (waiting, active, delayed, failed), for the metrics. */
  abstract counts(): Promise<Record<string, number>>;
  /**
   * The repeated jobs whose scheduler the backing store lost (a Redis restart without persistence);
   * `ensureSchedulers` declares those again and returns their names. In-process timers cannot go missing.
   */
  abstract missingSchedulers(): Promise<string[]>;
  abstract ensureSchedulers(): Promise<string[]>;

  private readonly failureListeners: ((job: string, final: boolean) => void)[] = [];
  /** Called on every failed attempt of a job (`final`: no retry left). */
  onFailure(listener: (job: string, final: boolean) => void): void {
    this.failureListeners.push(listener);
  }
  protected reportFailure(job: string, final: boolean): void {
    for (const listener of this.failureListeners) listener(job, final);
  }
}

/** Job ids must be safe for every adapter (BullMQ forbids ':' in custom ids). */
export function jobId(...parts: string[]): string {
  return parts.map((p) => p.replace(/[^A-Za-z0-9_.-]/g, '_')).join('.');
}
