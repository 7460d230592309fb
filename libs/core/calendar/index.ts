import { defineContext } from '@engine/manifest';
import { CalendarModule } from './calendar.module';
import { CalendarYearRow, CalendarOverrideRow } from './calendar.entity';
import { calendarRules } from './calendar.abilities';
export * from './calendar.module';
export * from './calendar.service';
export * from './calendar.abilities';
export * from './calendar.entity';
export * from './deadline-basis';

/** The calendar context's manifest, listed in apps/api/contexts.ts. */
export const calendarContext = defineContext({
  name: 'calendar',
  module: CalendarModule,
  entities: [CalendarYearRow, CalendarOverrideRow],
  rules: [calendarRules],
});
