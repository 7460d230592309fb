import { Inject } from '@nestjs/common';
import { Args, Field, ID, Mutation, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { MemberUnit } from '@core/joint-meeting/entities';
import { JointMeetingService } from '@core/joint-meeting';
import { AgreedItem } from './agreed-item.entity';
import { AgreedItemsService } from './agreed-items.service';
import { DraftMinutesInput, MinutesDecisionInput } from './dto/minutes.inputs';
import { Minutes } from './minutes.entity';
import { MinutesService } from './minutes.service';

@ObjectType()
export class MinutesReceipt {
  @Field(() => MemberUnit)
  memberUnit: MemberUnit;

  /** When the unit acknowledged receipt (签收); null while it has not. */
  @Field(() => Date, { nullable: true })
  acknowledgedAt: Date | null;
}

@Resolver(() => Minutes)
export class MinutesResolver {
  constructor(
    @Inject(MinutesService) private readonly minutes: MinutesService,
    @Inject(AgreedItemsService) private readonly items: AgreedItemsService,
    @Inject(JointMeetingService) private readonly units: JointMeetingService,
  ) {}

  @Allow('update', 'Minutes')
  @Mutation(() => Minutes, {
    description: 'The office drafts (or redrafts after a return) the minutes of a held meeting, with agreed items.',
  })
  draftMinutes(@Ctx() ctx: RequestContext, @Args('input') input: DraftMinutesInput): Promise<Minutes> {
    return this.minutes.draft(ctx, input);
  }

  @Allow('update', 'Minutes')
  @Mutation(() => Minutes, {
    description: 'Submits a draft for approval (approved at once where the plugin needs none).',
  })
  submitMinutes(
    @Ctx() ctx: RequestContext,
    @Args('minutesId', { type: () => ID }) minutesId: string,
  ): Promise<Minutes> {
    return this.minutes.submit(ctx, minutesId);
  }

  @Allow('approve', 'Minutes')
  @Mutation(() => Minutes, {
    description: 'The approver the plugin names (e.g. the convener) approves submitted minutes.',
  })
  approveMinutes(@Ctx() ctx: RequestContext, @Args('input') input: MinutesDecisionInput): Promise<Minutes> {
    return this.minutes.approve(ctx, input);
  }

  @Allow('approve', 'Minutes')
  @Mutation(() => Minutes, { description: 'The approver returns submitted minutes with comments.' })
  returnMinutes(@Ctx() ctx: RequestContext, @Args('input') input: MinutesDecisionInput): Promise<Minutes> {
    return this.minutes.return(ctx, input);
  }

  @Allow('update', 'Minutes')
  @Mutation(() => Minutes, {
    description: "The office issues approved minutes to the plugin's distribution; agreed items' clocks start.",
  })
  issueMinutes(@Ctx() ctx: RequestContext, @Args('minutesId', { type: () => ID }) minutesId: string): Promise<Minutes> {
    return this.minutes.issue(ctx, minutesId);
  }

  @Allow('acknowledge', 'Minutes')
  @Mutation(() => Minutes, { description: 'A receiving unit acknowledges receipt (签收).' })
  acknowledgeMinutes(
    @Ctx() ctx: RequestContext,
    @Args('minutesId', { type: () => ID }) minutesId: string,
  ): Promise<Minutes> {
    return this.minutes.acknowledge(ctx, minutesId);
  }

  @ResolveField(() => [AgreedItem])
  async agreedItems(@Ctx() ctx: RequestContext, @Parent() minutes: Minutes): Promise<AgreedItem[]> {
    return (await ctx.loader('itemsOfMinutes', (ids) => this.items.itemsOfMinutes(ctx, ids)).load(minutes.id)) ?? [];
  }

  @ResolveField(() => [MinutesReceipt], { description: 'Receiving units and their acknowledgement.' })
  async receipts(@Ctx() ctx: RequestContext, @Parent() minutes: Minutes): Promise<MinutesReceipt[]> {
    const rows =
      (await ctx.loader('minutesRecipients', (ids) => this.minutes.recipientsOf(ctx, ids)).load(minutes.id)) ?? [];
    const units = await ctx
      .loader('memberUnitById', (ids) => this.units.unitsById(ctx, ids))
      .loadMany(rows.map((r) => r.memberUnitId));
    return rows.map((r, i) => ({ memberUnit: units[i] as MemberUnit, acknowledgedAt: r.acknowledgedAt }));
  }

  @ResolveField(() => [MemberUnit], { description: 'Receiving units that have not acknowledged receipt yet.' })
  async notAcknowledged(@Ctx() ctx: RequestContext, @Parent() minutes: Minutes): Promise<MemberUnit[]> {
    return (await this.receipts(ctx, minutes)).filter((r) => !r.acknowledgedAt).map((r) => r.memberUnit);
  }
}
