export * from './notifications.module';
export * from './notifications.service';
export * from './notification.entity';
export * from './notification.jobs';
