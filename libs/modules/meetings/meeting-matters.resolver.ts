import { Inject, Injectable } from '@nestjs/common';
import { Args, Field, ID, InputType, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { subject } from '@casl/ability';
import { IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext, Role } from '@engine/context';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import { MULTILINE_TEXT_PATTERN, TEXT_PATTERN } from '@engine/validation';
import { Report, ReportChannel, ReportsService } from '@core/reporting';
import { tenantById } from '@core/tenancy/tenant-lookup';
import { Meeting, MeetingStatus } from './meeting.entity';
import { meetingType } from './meeting-rules';
import { MEETING_ERRORS } from './meetings.errors';

const text = { message: '$property must be text without control characters' };

@InputType({
  description:
    'A major matter of a held meeting, referred to the roles its type names for review (000 art. 15: 重大问题报镇联席会议召集人审阅).',
})
export class ReferMeetingMatterInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'meetingId must be an id' })
  meetingId: string;

  @Field()
  @MinLength(2, { message: 'title must be at least 2 characters' })
  @MaxLength(200)
  @Matches(TEXT_PATTERN, text)
  title: string;

  @Field()
  @MinLength(5, { message: 'body must be at least 5 characters' })
  @MaxLength(20_000)
  @Matches(MULTILINE_TEXT_PATTERN, text)
  body: string;
}

/**
 * Major matters of a meeting referred for review (000 art. 15: 重大问题报镇联席会议召集人审阅): where the
 * meeting type names `escalatesToRoles`, the office refers a matter of a held meeting; it becomes a
 * CONVENER_REVIEW report of the reporting context, sent at once to the holders of those roles, who
 * acknowledge it and answer with instructions (acknowledgeReport, answerReport). The meeting shows its
 * referred matters (`Meeting.referredMatters`), so the referral is visible where the meeting is.
 */
@Injectable()
export class MeetingMattersService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(ReportsService) private readonly reports: ReportsService,
  ) {}

  async refer(ctx: RequestContext, input: ReferMeetingMatterInput): Promise<Report> {
    return this.db.run(ctx, async (tx) => {
      const meeting = await tx.em.findOne(Meeting, { where: { id: input.meetingId } });
      if (!meeting) throw AppError.notFound('Meeting');
      if (
        !ctx.ability.can('update', subject('Meeting', { tenantId: meeting.tenantId })) ||
        meeting.tenantId !== ctx.caller.tenantId
      )
        throw MEETING_ERRORS.forbidden('OFFICE_REFERS');
      const tenant = await tenantById(tx.em, meeting.tenantId);
      const type = meetingType(tenant, meeting.typeCode, 'input.meetingId');
      if (!type.escalatesToRoles?.length)
        throw MEETING_ERRORS.badInput('input.meetingId', 'NO_REVIEW_ROLES', { type: type.name });
      if (meeting.status !== MeetingStatus.HELD)
        throw MEETING_ERRORS.conflict('MATTER_AFTER_HELD', {}, 'input.meetingId');
      return this.reports.draftFor(ctx, tx, {
        tenant,
        channel: ReportChannel.CONVENER_REVIEW,
        title: input.title,
        body: input.body,
        subjectKind: 'MEETING',
        subjectId: meeting.id,
        rule: type.source,
        recipientRoles: type.escalatesToRoles as Role[],
        sendNow: true,
      });
    });
  }
}

@Resolver(() => Meeting)
export class MeetingMattersResolver {
  constructor(
    @Inject(MeetingMattersService) private readonly service: MeetingMattersService,
    @Inject(ReportsService) private readonly reports: ReportsService,
  ) {}

  @Allow('update', 'Meeting')
  @Mutation(() => Report, {
    description:
      '000 art. 15 (重大问题报镇联席会议召集人审阅): the office refers a major matter of a held meeting to the roles its type names (escalatesToRoles); sent at once, reviewed with acknowledgeReport / answerReport.',
  })
  referMeetingMatter(@Ctx() ctx: RequestContext, @Args('input') input: ReferMeetingMatterInput): Promise<Report> {
    return this.service.refer(ctx, input);
  }

  @ResolveField(() => [Report], {
    description:
      'Major matters of this meeting referred for review (000 art. 15), oldest first, with their review and instructions.',
  })
  async referredMatters(@Ctx() ctx: RequestContext, @Parent() meeting: Meeting): Promise<Report[]> {
    return (
      (await ctx.loader('meetingMatters', (ids) => this.reports.about(ctx, 'MEETING', ids)).load(meeting.id)) ?? []
    );
  }
}
