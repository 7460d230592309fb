export * from './meetings.module';
export * from './meetings.abilities';
export * from './meeting.entity';
export * from './minutes.entity';
export * from './agreed-item.entity';
export * from './cadence.entity';
export * from './cadence.service';
