import { Inject } from '@nestjs/common';
import { Args, Field, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { JointMeetingService } from '@core/joint-meeting';
import { MemberUnit } from '@core/joint-meeting/entities';
import {
  DraftAgreedItemsProgressInput,
  DraftBriefingInput,
  DraftWorkPlanInput,
  IssueBriefingInput,
  LinkWorkPointItemsInput,
  WorkPlanDecisionInput,
} from './dto/office-documents.inputs';
import { Briefing, BriefingRecipient, WorkPlan, WorkPlanPoint, WorkPointProgress } from './office-documents.entity';
import { BriefingsService } from './briefings.service';
import { WorkPlansService } from './work-plans.service';

@ObjectType()
export class WorkPlanPage {
  @Field(() => [WorkPlan])
  items: WorkPlan[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' })
  nextCursor: string | null;
}

@ObjectType()
export class BriefingPage {
  @Field(() => [Briefing])
  items: Briefing[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' })
  nextCursor: string | null;
}

@Resolver(() => WorkPlan)
export class WorkPlanResolver {
  constructor(@Inject(WorkPlansService) private readonly plans: WorkPlansService) {}

  @Allow('read', 'WorkPlan')
  @Query(() => WorkPlanPage, {
    description: 'The annual work points (年度工作要点) of a tenant, newest first (created, then id).',
  })
  workPlans(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('after', { type: () => String, nullable: true, description: "The previous page's nextCursor." })
    after: string | null,
    @Args('limit', { type: () => Int, defaultValue: 50, description: '1‥200.' }) limit: number,
  ): Promise<WorkPlanPage> {
    return this.plans.workPlans(ctx, tenantCode, { limit, after });
  }

  @Allow('read', 'WorkPlan')
  @Query(() => WorkPlan, { nullable: true, description: 'The work points of one year, or null when none are drafted.' })
  workPlan(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<WorkPlan | null> {
    return this.plans.workPlan(ctx, tenantCode, year);
  }

  @ResolveField(() => [WorkPlanPoint], { description: 'The points, in order.' })
  async points(@Ctx() ctx: RequestContext, @Parent() plan: WorkPlan): Promise<WorkPlanPoint[]> {
    return (
      ((await ctx.loader('workPlanPoints', (ids) => this.plans.pointsOf(ctx, ids)).load(plan.id)) as
        WorkPlanPoint[] | null) ?? []
    );
  }

  @Allow('update', 'WorkPlan')
  @Mutation(() => WorkPlan, {
    description:
      "The office drafts a year's work points (000 art. 6, 001 art. 9: 起草…年度工作要点), or redrafts them while DRAFT or RETURNED.",
  })
  draftWorkPlan(@Ctx() ctx: RequestContext, @Args('input') input: DraftWorkPlanInput): Promise<WorkPlan> {
    return this.plans.draftWorkPlan(ctx, input);
  }

  @Allow('update', 'WorkPlan')
  @Mutation(() => WorkPlan, {
    description: 'The office submits the work points to the approver the plugin names (who is told).',
  })
  submitWorkPlan(
    @Ctx() ctx: RequestContext,
    @Args('workPlanId', { type: () => ID }) workPlanId: string,
  ): Promise<WorkPlan> {
    return this.plans.submitWorkPlan(ctx, workPlanId);
  }

  @Allow('approve', 'WorkPlan')
  @Mutation(() => WorkPlan, {
    description:
      'The approver the plugin names approves the work points; never whoever drafted or submitted them (SEPARATION_OF_DUTIES).',
  })
  approveWorkPlan(@Ctx() ctx: RequestContext, @Args('input') input: WorkPlanDecisionInput): Promise<WorkPlan> {
    return this.plans.approveWorkPlan(ctx, input);
  }

  @Allow('approve', 'WorkPlan')
  @Mutation(() => WorkPlan, {
    description: 'The approver returns the work points with a comment; the office redrafts and submits again.',
  })
  returnWorkPlan(@Ctx() ctx: RequestContext, @Args('input') input: WorkPlanDecisionInput): Promise<WorkPlan> {
    return this.plans.returnWorkPlan(ctx, input);
  }
}

@Resolver(() => WorkPlanPoint)
export class WorkPointResolver {
  constructor(@Inject(WorkPlansService) private readonly plans: WorkPlansService) {}

  @ResolveField(() => WorkPointProgress, {
    description: 'How far the point has come, from the agreed items linked to it.',
  })
  async progress(@Ctx() ctx: RequestContext, @Parent() point: WorkPlanPoint): Promise<WorkPointProgress> {
    return (await ctx
      .loader('workPointProgress', (ids) => this.plans.progressOf(ctx, ids))
      .load(point.id)) as WorkPointProgress;
  }

  @Allow('update', 'WorkPlan')
  @Mutation(() => WorkPlanPoint, {
    description: 'The office links issued agreed items (议定事项) to a point of approved work points, to track it.',
  })
  linkWorkPointItems(
    @Ctx() ctx: RequestContext,
    @Args('input') input: LinkWorkPointItemsInput,
  ): Promise<WorkPlanPoint> {
    return this.plans.linkItems(ctx, input);
  }
}

@Resolver(() => Briefing)
export class BriefingResolver {
  constructor(@Inject(BriefingsService) private readonly papers: BriefingsService) {}

  @Allow('read', 'Briefing')
  @Query(() => BriefingPage, {
    description:
      "The office's briefings (简报), newest first (created, then id); a member unit sees those issued to it.",
  })
  briefings(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('after', { type: () => String, nullable: true, description: "The previous page's nextCursor." })
    after: string | null,
    @Args('limit', { type: () => Int, defaultValue: 50, description: '1‥200.' }) limit: number,
  ): Promise<BriefingPage> {
    return this.papers.briefings(ctx, tenantCode, { limit, after });
  }

  @ResolveField(() => [BriefingRecipient], {
    description: 'The receiving units and their receipts (a member unit sees its own).',
  })
  async recipients(@Ctx() ctx: RequestContext, @Parent() briefing: Briefing): Promise<BriefingRecipient[]> {
    return (
      ((await ctx.loader('briefingRecipients', (ids) => this.papers.recipientsOf(ctx, ids)).load(briefing.id)) as
        BriefingRecipient[] | null) ?? []
    );
  }

  @Allow('update', 'Briefing')
  @Mutation(() => Briefing, {
    description:
      "The office drafts a circular of the agreed items' progress (002 §六(二) 定期通报进展情况) from their own state: done, open, overdue, each with its owners and time limit.",
  })
  draftAgreedItemsProgress(
    @Ctx() ctx: RequestContext,
    @Args('input') input: DraftAgreedItemsProgressInput,
  ): Promise<Briefing> {
    return this.papers.draftAgreedItemsProgress(ctx, input);
  }

  @Allow('update', 'Briefing')
  @Mutation(() => Briefing, {
    description:
      "The office drafts a briefing (001 art. 9: 简报编印) or a circular (000 art. 6: 收集、综合、通报有关工作情况, drawn from the units' work reports), or rewrites its draft.",
  })
  draftBriefing(@Ctx() ctx: RequestContext, @Args('input') input: DraftBriefingInput): Promise<Briefing> {
    return this.papers.draftBriefing(ctx, input);
  }

  @Allow('update', 'Briefing')
  @Mutation(() => Briefing, {
    description:
      'The office issues a briefing: the next number of the year, sent to the units named or to every active member unit.',
  })
  issueBriefing(@Ctx() ctx: RequestContext, @Args('input') input: IssueBriefingInput): Promise<Briefing> {
    return this.papers.issueBriefing(ctx, input);
  }

  @Allow('acknowledge', 'Briefing')
  @Mutation(() => Briefing, {
    description: 'A receiving unit acknowledges receipt of a briefing (签收); twice changes nothing.',
  })
  acknowledgeBriefing(
    @Ctx() ctx: RequestContext,
    @Args('briefingId', { type: () => ID }) briefingId: string,
  ): Promise<Briefing> {
    return this.papers.acknowledgeBriefing(ctx, briefingId);
  }
}

@Resolver(() => BriefingRecipient)
export class BriefingRecipientResolver {
  constructor(@Inject(JointMeetingService) private readonly units: JointMeetingService) {}

  @ResolveField(() => MemberUnit)
  async memberUnit(@Ctx() ctx: RequestContext, @Parent() row: BriefingRecipient): Promise<MemberUnit | null> {
    return (
      ((await ctx
        .loader('memberUnitById', (ids) => this.units.unitsById(ctx, ids))
        .load(row.memberUnitId)) as MemberUnit | null) ?? null
    );
  }
}
