export * from './job-queue';
export * from './in-process.queue';
// BullMQ's adapter is not re-exported: it is loaded on demand (createJobQueue); import '@engine/jobs/bullmq.queue'.
export type { BullMqQueue } from './bullmq.queue';
export * from './jobs.module';
export * from './queue-prefix';
export * from './redis-connection';
