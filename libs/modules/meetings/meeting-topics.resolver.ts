import { Inject } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { MeetingTopic, MeetingTopicPage, MeetingTopicStatus } from './meeting-topic.entity';
import { ProposeMeetingTopicInput, DecideMeetingTopicInput } from './dto/meeting-topics.inputs';
import { MeetingTopicsService } from './meeting-topics.service';

@Resolver(() => MeetingTopic)
export class MeetingTopicsResolver {
  constructor(@Inject(MeetingTopicsService) private readonly service: MeetingTopicsService) {}

  @Allow('read', 'Meeting')
  @Query(() => MeetingTopicPage, {
    description: "Topics proposed for a tenant's meetings, newest first (a member unit: its own proposals).",
  })
  meetingTopics(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('status', { type: () => MeetingTopicStatus, nullable: true }) status?: MeetingTopicStatus,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('limit', { type: () => Int, defaultValue: 50, description: 'At most 200.' }) limit = 50,
  ): Promise<MeetingTopicPage> {
    return this.service.page(ctx, tenantCode, status, after ?? null, limit);
  }

  @Allow('read', 'Meeting')
  @Mutation(() => MeetingTopic, {
    description:
      "000 art. 15 (会议议题由成员单位或办公室提出), art. 5, art. 12; 001 art. 12: a member unit (where the type's topicsProposedBy allows) or the office proposes a topic for a type of meeting.",
  })
  proposeMeetingTopic(
    @Ctx() ctx: RequestContext,
    @Args('input') input: ProposeMeetingTopicInput,
  ): Promise<MeetingTopic> {
    return this.service.propose(ctx, input);
  }

  @Allow('update', 'Meeting')
  @Mutation(() => MeetingTopic, {
    description:
      "The office accepts a proposed topic onto a scheduled meeting of its type (the title joins the meeting's topics).",
  })
  acceptMeetingTopic(@Ctx() ctx: RequestContext, @Args('input') input: DecideMeetingTopicInput): Promise<MeetingTopic> {
    return this.service.accept(ctx, input);
  }

  @Allow('update', 'Meeting')
  @Mutation(() => MeetingTopic, {
    description: 'The office declines a proposed topic, saying why; the proposing unit is told.',
  })
  declineMeetingTopic(
    @Ctx() ctx: RequestContext,
    @Args('input') input: DecideMeetingTopicInput,
  ): Promise<MeetingTopic> {
    return this.service.decline(ctx, input);
  }
}
