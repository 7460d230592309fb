import {
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@engine/config';
import { Db, deploymentRow } from '@engine/database';
import { BullMqQueue } from './bullmq.queue';
import { faultJobDelayFromEnv } from './fault-delay';
import { InProcessQueue } from './in-process.queue';
import { JobQueue } from './job-queue';
import { tickClaimer } from './job-tick.repository';
import { queuePrefix } from './queue-prefix';
import { isCluster, redisTarget } from './redis-connection';

/**
 * The queue. Its default prefix is the deployment's own (`jm-<first 8 of the database's deployment id>`),
 * so two deployments on one Redis never share jobs by default and the replicas of one (one database)
 * always do; QUEUE_PREFIX overrides it (docs/operations.md).
 */
export function createJobQueue(
  config: AppConfig,
  explicitPrefix = process.env.QUEUE_PREFIX,
  db: Db | null = null,
  deploymentId?: string,
): JobQueue {
  const target = redisTarget(config);
  // Replicas on one PostgreSQL without Redis: only the process that claims a tick runs it.
  if (!target) return new InProcessQueue(3, 200, db && config.databaseUrl ? tickClaimer(db) : null);
  return new BullMqQueue(target, {
    prefix: queuePrefix({
      explicit: explicitPrefix,
      fallback: deploymentId ? `jm-${deploymentId.slice(0, 8)}` : 'jm',
      cluster: isCluster(target),
    }),
    runWorker: config.runWorkers,
    lockDurationMs: config.queueLockDurationMs,
    stalledIntervalMs: config.queueStalledIntervalMs,
    faultDelay: faultJobDelayFromEnv(),
  });
}

/** Provides the JobQueue; modules register handlers in onModuleInit; consumption starts at bootstrap. */
@Global()
@Module({
  providers: [
    {
      provide: JobQueue,
      inject: [APP_CONFIG, Db],
      useFactory: async (config: AppConfig, db: Db) =>
        createJobQueue(
          config,
          process.env.QUEUE_PREFIX,
          db,
          process.env.QUEUE_PREFIX || !redisTarget(config) ? undefined : (await deploymentRow(db)).id,
        ),
    },
  ],
  exports: [JobQueue],
})
export class JobsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private checker: NodeJS.Timeout | null = null;

  constructor(
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.start();
    // Schedulers are declared at every start (repeat() in each module's onModuleInit); Redis may still
    // lose them later (a restart without persistence), so they are checked periodically too.
    this.checker = setInterval(() => void this.checkSchedulers(), this.config.schedulerCheckMs);
    this.checker.unref();
  }

  /** Re-creates the schedulers the queue lost; returns their names. */
  async checkSchedulers(): Promise<string[]> {
    try {
      const recreated = await this.queue.ensureSchedulers();
      if (recreated.length) this.logger.warn(`job schedulers were missing and are re-created: ${recreated.join(', ')}`);
      return recreated;
    } catch (err) {
      this.logger.warn(`job schedulers could not be checked: ${(err as Error).message}`);
      return [];
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.checker) clearInterval(this.checker);
    await this.queue.close();
  }
}
