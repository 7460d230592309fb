import { Inject } from '@nestjs/common';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { Report, ReportsService } from '@core/reporting';
import { Meeting } from './meeting.entity';
import { ReferMeetingMatterInput } from './dto/meeting-matters.inputs';
import { MeetingMattersService } from './meeting-matters.service';

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
