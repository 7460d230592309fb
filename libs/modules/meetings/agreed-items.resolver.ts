import { Inject } from '@nestjs/common';
import { Args, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { AFTER_ARG, checkLimit, LIMIT_ARG, PageOf } from '@engine/graphql';
import { MemberUnit } from '@core/joint-meeting/entities';
import { JointMeetingService } from '@core/joint-meeting';
import { AgreedItem, AgreedItemStatus, ImplementationReport } from './agreed-item.entity';
import { AgreedItemsService } from './agreed-items.service';
import { ReportInput, ReviewReportInput } from './dto/minutes.inputs';

@ObjectType('AgreedItemPage')
export class AgreedItemPage extends PageOf(AgreedItem) {}

@Resolver(() => AgreedItem)
export class AgreedItemsResolver {
  constructor(
    @Inject(AgreedItemsService) private readonly items: AgreedItemsService,
    @Inject(JointMeetingService) private readonly units: JointMeetingService,
  ) {}

  @Allow('read', 'AgreedItem')
  @Query(() => [AgreedItem], {
    description: 'Issued agreed items of a tenant, earliest due first (a member unit: its own).',
    deprecationReason: 'Use agreedItemsPage (cursor + limit).',
  })
  agreedItems(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('overdue', { nullable: true }) overdue?: boolean,
    @Args('status', { type: () => AgreedItemStatus, nullable: true }) status?: AgreedItemStatus,
    @Args('limit', { type: () => Int, defaultValue: 100 }) limit = 100,
  ): Promise<AgreedItem[]> {
    return this.items.list(ctx, tenantCode, { overdue, status }, Math.min(Math.max(limit, 1), 500));
  }

  @Allow('read', 'AgreedItem')
  @Query(() => AgreedItemPage, {
    description: 'Issued agreed items of a tenant, latest created first, a page at a time (a member unit: its own).',
  })
  agreedItemsPage(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('overdue', { type: () => Boolean, nullable: true }) overdue: boolean | undefined,
    @Args('status', { type: () => AgreedItemStatus, nullable: true }) status: AgreedItemStatus | undefined,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('limit', LIMIT_ARG) limit: number,
  ): Promise<AgreedItemPage> {
    return this.items.page(ctx, tenantCode, { overdue, status }, { limit: checkLimit(limit), after });
  }

  @Allow('report', 'AgreedItem')
  @Mutation(() => ImplementationReport, { description: 'An owner unit reports implementation of an agreed item.' })
  reportImplementation(@Ctx() ctx: RequestContext, @Args('input') input: ReportInput): Promise<ImplementationReport> {
    return this.items.report(ctx, input);
  }

  @Allow('approve', 'AgreedItem')
  @Mutation(() => ImplementationReport, {
    description: "The office accepts a report; the item is done when every owner's report is accepted.",
  })
  acceptReport(@Ctx() ctx: RequestContext, @Args('input') input: ReviewReportInput): Promise<ImplementationReport> {
    return this.items.accept(ctx, input);
  }

  @Allow('approve', 'AgreedItem')
  @Mutation(() => ImplementationReport, { description: 'The office sends a report back with a comment.' })
  sendBackReport(@Ctx() ctx: RequestContext, @Args('input') input: ReviewReportInput): Promise<ImplementationReport> {
    return this.items.sendBack(ctx, input);
  }

  @ResolveField(() => [MemberUnit])
  async owners(@Ctx() ctx: RequestContext, @Parent() item: AgreedItem): Promise<MemberUnit[]> {
    const rows = (await ctx.loader('itemOwners', (ids) => this.items.ownersOf(ctx, ids)).load(item.id)) ?? [];
    return (await ctx
      .loader('memberUnitById', (ids) => this.units.unitsById(ctx, ids))
      .loadMany(rows.map((r) => r.memberUnitId))) as MemberUnit[];
  }

  @ResolveField(() => [ImplementationReport])
  async reports(@Ctx() ctx: RequestContext, @Parent() item: AgreedItem): Promise<ImplementationReport[]> {
    return (await ctx.loader('itemReports', (ids) => this.items.reportsOf(ctx, ids)).load(item.id)) ?? [];
  }

  @ResolveField(() => Boolean, { description: 'Open and past its due date (Beijing time).' })
  overdue(@Parent() item: AgreedItem): boolean {
    return this.items.isOverdue(item);
  }
}
