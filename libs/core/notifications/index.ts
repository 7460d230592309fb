import { defineContext } from '@engine/manifest';
import { NotificationsModule } from './notifications.module';
import { Notification } from './notification.entity';
export * from './notifications.module';
export * from './notifications.service';
export * from './notification.entity';
export * from './notify';
export * from './notifications.query';

/** The notifications context's manifest, listed in apps/api/contexts.ts. */
export const notificationsContext = defineContext({
  name: 'notifications',
  module: NotificationsModule,
  entities: [Notification],
});

declare module '@engine/access/ability' {
  /** The subjects of access this context owns. */
  interface Subjects {
    Notification: true;
  }
}
