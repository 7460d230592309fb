export * from './job-queue';
export * from './in-process.queue';
export * from './bullmq.queue';
export * from './jobs.module';
export * from './queue-prefix';
export * from './redis-connection';
