import { Inject, Injectable } from '@nestjs/common';
import type { DueDate, Duration } from '@engine/calendar';
import type { RequestContext } from '@engine/context';
import { CalendarService } from '@core/calendar';

/** Due dates on the tenant's working-day calendar (national arrangement, loaded years, local overrides). */
@Injectable()
export class Deadlines {
  constructor(@Inject(CalendarService) private readonly calendars: CalendarService) {}

  /** `duration` counted from `from` (not itself counted), flagged provisional on an unloaded year. */
  async due(ctx: RequestContext, tenantId: string, from: string, duration: Duration): Promise<DueDate> {
    return this.calendars.due(ctx, tenantId, from, duration);
  }
}
