import { Inject } from '@nestjs/common';
import { Args, Field, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Allow, Authenticated, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { CALENDAR_ERRORS } from './calendar.errors';
import { isPlatformDate } from '@engine/validation';
import { CalendarOverrideRow, CalendarYearRow } from './calendar.entity';
import { CalendarService } from './calendar.service';
import { LoadCalendarYearInput, SetCalendarOverrideInput } from './dto/calendar.inputs';
import { DateScalar } from '@engine/graphql';

@ObjectType()
export class CalendarCoverage {
  @Field(() => [Int], {
    description: 'Years whose official arrangement is known; deadlines in other years are provisional.',
  })
  coveredYears: number[];

  @Field(() => [CalendarYearRow], { description: 'Years loaded as data by an operator (beyond the bundled package).' })
  loadedYears: CalendarYearRow[];
}

@ObjectType()
export class DueDateResult {
  @Field(() => DateScalar)
  date: string;

  @Field({ description: 'Depends on a year whose arrangement is not loaded (counted Monday–Friday).' })
  provisional: boolean;
}

@Resolver()
export class CalendarResolver {
  constructor(@Inject(CalendarService) private readonly calendar: CalendarService) {}

  @Authenticated()
  @Query(() => CalendarCoverage)
  async calendarCoverage(@Ctx() ctx: RequestContext): Promise<CalendarCoverage> {
    const { covered, loaded } = await this.calendar.years(ctx);
    return { coveredYears: covered, loadedYears: loaded };
  }

  @Allow('manage', 'Calendar')
  @Mutation(() => CalendarYearRow, {
    description: "A platform admin loads a year's official arrangement as data (e.g. 2027 once published).",
  })
  loadCalendarYear(@Ctx() ctx: RequestContext, @Args('input') input: LoadCalendarYearInput): Promise<CalendarYearRow> {
    return this.calendar.loadYear(ctx, input);
  }

  @Allow('read', 'Calendar')
  @Query(() => [CalendarOverrideRow], { description: "A tenant's local calendar overrides." })
  calendarOverrides(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
  ): Promise<CalendarOverrideRow[]> {
    return this.calendar.overrides(ctx, tenantCode);
  }

  @Allow('update', 'Calendar')
  @Mutation(() => CalendarOverrideRow, { description: 'The office sets a local working day or holiday.' })
  setCalendarOverride(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SetCalendarOverrideInput,
  ): Promise<CalendarOverrideRow> {
    return this.calendar.setOverride(ctx, input);
  }

  @Allow('update', 'Calendar')
  @Mutation(() => Boolean)
  removeCalendarOverride(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('date') date: string,
  ): Promise<boolean> {
    if (!isPlatformDate(date)) throw CALENDAR_ERRORS.badInput('date', 'NOT_A_CALENDAR_DATE');
    return this.calendar.removeOverride(ctx, tenantCode, date);
  }

  @Allow('read', 'Calendar')
  @Query(() => DueDateResult, {
    description: "The date N working (or calendar) days after `from` in a tenant's calendar.",
  })
  async dueDate(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('from') from: string,
    @Args('amount', { type: () => Int }) amount: number,
    @Args('unit', { defaultValue: 'WORKING_DAYS' }) unit: string,
  ): Promise<DueDateResult> {
    if (!isPlatformDate(from)) throw CALENDAR_ERRORS.badInput('from', 'NOT_A_CALENDAR_DATE');
    if (!Number.isInteger(amount) || amount < 0 || amount > 3650)
      throw CALENDAR_ERRORS.badInput('amount', 'AMOUNT_OUT_OF_RANGE');
    if (unit !== 'WORKING_DAYS' && unit !== 'CALENDAR_DAYS') throw CALENDAR_ERRORS.badInput('unit', 'UNIT_UNKNOWN');
    const due = await this.calendar.dueByCode(ctx, tenantCode, from, { amount, unit });
    return { date: due.date, provisional: due.provisional };
  }
}
