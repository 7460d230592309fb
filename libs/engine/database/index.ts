export * from './db';
export * from './data-source';
export * from './embedded';
export * from './tenant-transfer';
export * from './retryable';
export * from './deployment.repository';
export * from './locks.query';
