import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DatabaseHandle } from '@engine/database';
import type { JobQueue } from '@engine/jobs';

interface PgPool {
  totalCount?: number;
  idleCount?: number;
  waitingCount?: number;
}

/**
 * The Prometheus metrics of one process, in a registry of its own (several apps may share a test
 * process). Labels are bounded: an operation is its type and first root field (`mutation.login`),
 * never the client's free-form operation name; an error is its `extensions.code`.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly requestDuration = new Histogram({
    name: 'jm_graphql_request_duration_seconds',
    help: 'GraphQL request duration by operation (type.firstRootField)',
    labelNames: ['operation'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly requests = new Counter({
    name: 'jm_graphql_requests_total',
    help: 'GraphQL requests by operation and result code (OK or extensions.code)',
    labelNames: ['operation', 'result'],
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'jm_graphql_errors_total',
    help: 'GraphQL errors returned, by extensions.code',
    labelNames: ['code'],
    registers: [this.registry],
  });
  readonly jobFailures = new Counter({
    name: 'jm_job_failures_total',
    help: 'Failed job attempts by job name (final: no retry left)',
    labelNames: ['job', 'final'],
    registers: [this.registry],
  });

  constructor(database: DatabaseHandle, queue: JobQueue) {
    collectDefaultMetrics({ register: this.registry, prefix: 'jm_' });
    queue.onFailure((job, final) => this.jobFailures.inc({ job, final: String(final) }));
    new Gauge({
      name: 'jm_db_pool_connections',
      help: 'Database pool connections by state (total, idle, waiting clients)',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const pool = (database.dataSource.driver as unknown as { master?: PgPool }).master ?? {};
        this.set({ state: 'total' }, pool.totalCount ?? 0);
        this.set({ state: 'idle' }, pool.idleCount ?? 0);
        this.set({ state: 'waiting' }, pool.waitingCount ?? 0);
      },
    });
    new Gauge({
      name: 'jm_queue_jobs',
      help: 'Jobs in the queue by state',
      labelNames: ['state'],
      registers: [this.registry],
      async collect() {
        const counts = await queue.counts().catch(() => ({}) as Record<string, number>);
        for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
      },
    });
    new Gauge({
      name: 'jm_job_schedulers_missing',
      help: 'Repeated jobs whose scheduler the queue lost (re-created by the periodic check)',
      registers: [this.registry],
      async collect() {
        this.set((await queue.missingSchedulers().catch(() => [])).length);
      },
    });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
