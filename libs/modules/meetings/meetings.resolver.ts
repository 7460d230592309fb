import { Inject } from '@nestjs/common';
import { Args, Field, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { AppError } from '@engine/errors';
import { AFTER_ARG, LIMIT_ARG, PageOf } from '@engine/graphql';
import { MemberUnit } from '@core/joint-meeting/entities';
import { JointMeetingService } from '@core/joint-meeting';
import { HoldMeetingInput, ScheduleMeetingInput } from './dto/meeting.inputs';
import { Attendance, Meeting } from './meeting.entity';
import { MeetingsService } from './meetings.service';
import { Minutes } from './minutes.entity';
import { MinutesService } from './minutes.service';

@ObjectType()
export class MeetingAttendee {
  @Field(() => MemberUnit)
  memberUnit: MemberUnit;

  /** Null until the meeting is held. */
  @Field(() => Attendance, { nullable: true })
  attendance: Attendance | null;

  @Field(() => String, { nullable: true })
  absenceReason: string | null;
}

const clamp = (n: number): number => Math.min(Math.max(n, 1), 200);

@ObjectType('MeetingPage')
export class MeetingPage extends PageOf(Meeting) {}

@Resolver(() => Meeting)
export class MeetingsResolver {
  constructor(
    @Inject(MeetingsService) private readonly service: MeetingsService,
    @Inject(MinutesService) private readonly minutesService: MinutesService,
    @Inject(JointMeetingService) private readonly units: JointMeetingService,
  ) {}

  @Allow('read', 'Meeting')
  @Query(() => [Meeting], {
    description: "A tenant's meetings, newest first (a member unit: those it is invited to).",
    deprecationReason: 'Use meetingsPage (cursor + limit); this list clamps limit to 1..200.',
  })
  meetings(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
  ): Promise<Meeting[]> {
    return this.service.list(ctx, tenantCode, clamp(limit));
  }

  @Allow('read', 'Meeting')
  @Query(() => MeetingPage, {
    description:
      "A tenant's meetings, latest scheduled first (a member unit: those it is invited to), a page at a time.",
  })
  meetingsPage(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('limit', LIMIT_ARG) limit: number,
  ): Promise<MeetingPage> {
    return this.service.page(ctx, tenantCode, limit, after);
  }

  @Allow('read', 'Meeting')
  @Query(() => Meeting, { nullable: true })
  meeting(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Meeting | null> {
    return this.service.byId(ctx, id);
  }

  @Allow('create', 'Meeting')
  @Mutation(() => Meeting, {
    description: 'The office schedules a meeting; conveners may call one ad hoc where the plugin allows.',
  })
  scheduleMeeting(@Ctx() ctx: RequestContext, @Args('input') input: ScheduleMeetingInput): Promise<Meeting> {
    return this.service.schedule(ctx, input);
  }

  @Allow('update', 'Meeting')
  @Mutation(() => Meeting, { description: 'Records that the meeting was held, with attendance.' })
  holdMeeting(@Ctx() ctx: RequestContext, @Args('input') input: HoldMeetingInput): Promise<Meeting> {
    return this.service.hold(ctx, input);
  }

  @Allow('update', 'Meeting')
  @Mutation(() => Meeting)
  cancelMeeting(
    @Ctx() ctx: RequestContext,
    @Args('meetingId', { type: () => ID }) meetingId: string,
  ): Promise<Meeting> {
    return this.service.cancel(ctx, meetingId);
  }

  @ResolveField(() => [MeetingAttendee], { description: 'Invited units and their attendance.' })
  async attendees(@Ctx() ctx: RequestContext, @Parent() meeting: Meeting): Promise<MeetingAttendee[]> {
    const rows = (await ctx.loader('meetingUnits', (ids) => this.service.unitsOf(ctx, ids)).load(meeting.id)) ?? [];
    const units = await ctx
      .loader('memberUnitById', (ids) => this.units.unitsById(ctx, ids))
      .loadMany(rows.map((r) => r.memberUnitId));
    return rows.map((r, i) => {
      const unit = units[i];
      if (!unit || unit instanceof Error) throw AppError.notFound('Member unit');
      return { memberUnit: unit as MemberUnit, attendance: r.attendance, absenceReason: r.absenceReason };
    });
  }

  @ResolveField(() => Minutes, { nullable: true })
  minutes(@Ctx() ctx: RequestContext, @Parent() meeting: Meeting): Promise<Minutes | null> {
    return ctx
      .loader('minutesOfMeeting', (ids) => this.minutesService.ofMeetings(ctx, ids))
      .load(meeting.id) as Promise<Minutes | null>;
  }
}
