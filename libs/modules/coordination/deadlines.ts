import { Inject, Injectable, Optional } from '@nestjs/common';
import { prcCalendar, type DueDate, type Duration } from '@engine/calendar';
import type { RequestContext } from '@engine/context';
import { CalendarService } from '@modules/calendar/calendar.service';

/**
 * Due dates on the working-day calendar. With the calendar module installed, each tenant's own
 * calendar (loaded years, local overrides); without it, the bundled PRC calendar.
 */
@Injectable()
export class Deadlines {
  private readonly bundled = prcCalendar();

  constructor(@Optional() @Inject(CalendarService) private readonly calendars?: CalendarService | null) {}

  /** `duration` counted from `from` (not itself counted), flagged provisional on an unloaded year. */
  async due(ctx: RequestContext, tenantId: string, from: string, duration: Duration): Promise<DueDate> {
    return this.calendars ? this.calendars.due(ctx, tenantId, from, duration) : this.bundled.due(from, duration);
  }
}
