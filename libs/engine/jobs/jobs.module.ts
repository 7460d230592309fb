import { Global, Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@engine/config';
import { BullMqQueue } from './bullmq.queue';
import { faultJobDelayFromEnv } from './fault-delay';
import { InProcessQueue } from './in-process.queue';
import { JobQueue } from './job-queue';

export function createJobQueue(config: AppConfig, prefix = process.env.QUEUE_PREFIX || 'jm'): JobQueue {
  if (!config.redisUrl) return new InProcessQueue();
  return new BullMqQueue(config.redisUrl, {
    prefix,
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
