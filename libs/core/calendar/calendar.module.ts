import { Global, Module } from '@nestjs/common';
import { CalendarResolver } from './calendar.resolver';
import { CalendarService } from './calendar.service';

/** The working-day calendar per tenant (national arrangement, loaded years, local overrides). */
@Global()
@Module({ providers: [CalendarService, CalendarResolver], exports: [CalendarService] })
export class CalendarModule {}
