import { Global, Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@engine/config';
import { BullMqQueue } from './bullmq.queue';
import { faultJobDelayFromEnv } from './fault-delay';
import { InProcessQueue } from './in-process.queue';
import { JobQueue } from './job-queue';
import { queuePrefix } from './queue-prefix';
import { isCluster, redisTarget } from './redis-connection';

export function createJobQueue(config: AppConfig, explicitPrefix = process.env.QUEUE_PREFIX): JobQueue {
  const target = redisTarget(config);
  if (!target) return new InProcessQueue();
  return new BullMqQueue(target, {
    prefix: queuePrefix({ explicit: explicitPrefix, fallback: 'jm', cluster: isCluster(target) }),
    runWorker: config.runWorkers,
    lockDurationMs: config.queueLockDurationMs,
    stalledIntervalMs: config.queueStalledIntervalMs,
    faultDelay: faultJobDelayFromEnv(),
  });
}

/** Provides the JobQueue; modules register handlers in onModuleInit; consumption starts at bootstrap. */
@Global()
@Module({
  providers: [{ provide: JobQueue, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createJobQueue(config) }],
  exports: [JobQueue],
})
export class JobsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(JobQueue) private readonly queue: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
