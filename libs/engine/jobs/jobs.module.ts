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
import { faultJobDelayFromEnv } from './fault-delay';
import { InProcessQueue } from './in-process.queue';
import { JobQueue } from './job-queue';
import { tickClaimer } from './job-tick.repository';
import { queuePrefix } from './queue-prefix';
import { isCluster, redisTarget } from './redis-connection';

/**
 * The queue under `prefix`, the deployment's Redis key prefix (`deploymentKeyPrefix`); without Redis, the
 * in-process queue. BullMQ (about 220 modules) is loaded only when Redis is configured: the embedded default
 * and every test file without Redis start without it.
 */
export async function createJobQueue(config: AppConfig, prefix: string, db: Db | null = null): Promise<JobQueue> {
  const target = redisTarget(config);
  // Replicas on one PostgreSQL without Redis: only the process that claims a tick runs it.
  if (!target)
    return new InProcessQueue(3, 200, db && config.databaseUrl ? tickClaimer(db) : null, config.jobConcurrency);
  const { BullMqQueue } = await import('./bullmq.queue');
  return new BullMqQueue(target, {
    prefix,
    runWorker: config.runWorkers,
    concurrency: config.jobConcurrency,
    lockDurationMs: config.queueLockDurationMs,
    stalledIntervalMs: config.queueStalledIntervalMs,
    firstRunAfterInterval: config.schedulesFirstRun === 'after-interval',
    faultDelay: faultJobDelayFromEnv(),
  });
}

/**
 * Redis keys of this deployment other than the queue's (the sign-in counters) sit under the same prefix
 * as its queue, so two deployments on one Redis share neither jobs nor counters and its replicas share both.
 */
export const REDIS_KEY_PREFIX = 'REDIS_KEY_PREFIX';

/**
 * The deployment's Redis key prefix: QUEUE_PREFIX, else `{jm-<first 8 of the database's deployment id>}`
 * (`{jm}` without Redis), so two deployments on one Redis never share jobs by default and the replicas of
 * one (one database) always do (docs/operations.md).
 */
export async function deploymentKeyPrefix(config: AppConfig, db: Db): Promise<string> {
  const target = redisTarget(config);
  const explicit = process.env.QUEUE_PREFIX;
  const deploymentId = explicit || !target ? undefined : (await deploymentRow(db)).id;
  return queuePrefix({
    explicit,
    fallback: deploymentId ? `jm-${deploymentId.slice(0, 8)}` : 'jm',
    cluster: target ? isCluster(target) : false,
  });
}

/** Provides the JobQueue; modules register handlers in onModuleInit; consumption starts at bootstrap. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS_KEY_PREFIX,
      inject: [APP_CONFIG, Db],
      useFactory: (config: AppConfig, db: Db) => deploymentKeyPrefix(config, db),
    },
    {
      provide: JobQueue,
      inject: [APP_CONFIG, Db, REDIS_KEY_PREFIX],
      useFactory: (config: AppConfig, db: Db, prefix: string) => createJobQueue(config, prefix, db),
    },
  ],
  exports: [JobQueue, REDIS_KEY_PREFIX],
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
