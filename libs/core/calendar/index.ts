export * from './calendar.module';
export * from './calendar.service';
export * from './calendar.abilities';
export * from './calendar.entity';
