import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { AFTER_ARG, checkLimit, LIMIT_ARG, PageOf } from '@engine/graphql';
import { MemberUnit } from '@core/joint-meeting/entities';
import { JointMeetingService } from '@core/joint-meeting';
import { DraftIssueListInput, ReviewIssueListInput } from './dto/issue-list.inputs';
import { IssueList, IssueListItem } from './issue-list.entity';
import { IssueListsService } from './issue-lists.service';

@ObjectType('IssueListPage')
export class IssueListPage extends PageOf(IssueList) {}

@Resolver(() => IssueList)
export class IssueListsResolver {
  constructor(@Inject(IssueListsService) private readonly service: IssueListsService) {}

  @Allow('read', 'IssueList')
  @Query(() => [IssueList], {
    description:
      "A tenant's issue lists, newest first (drafts: the office only; a member unit: submitted lists naming it).",
    deprecationReason: 'Use issueListsPage (cursor + limit).',
  })
  issueLists(@Ctx() ctx: RequestContext, @Args('tenantCode') tenantCode: string): Promise<IssueList[]> {
    return this.service.list(ctx, tenantCode);
  }

  @Allow('read', 'IssueList')
  @Query(() => IssueListPage, {
    description:
      "A tenant's issue lists, latest first, a page at a time (drafts: the office only; a member unit: submitted lists naming it).",
  })
  issueListsPage(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('limit', LIMIT_ARG) limit: number,
  ): Promise<IssueListPage> {
    return this.service.page(ctx, tenantCode, checkLimit(limit), after);
  }

  @Allow('update', 'IssueList')
  @Mutation(() => IssueList, { description: 'The office starts an issue list or edits a draft (give issueListId).' })
  draftIssueList(@Ctx() ctx: RequestContext, @Args('input') input: DraftIssueListInput): Promise<IssueList> {
    return this.service.draft(ctx, input);
  }

  @Allow('update', 'IssueList')
  @Mutation(() => IssueList, {
    description: 'The office submits a draft to the recipient its plugin names (e.g. the convener).',
  })
  submitIssueList(
    @Ctx() ctx: RequestContext,
    @Args('issueListId', { type: () => ID }) issueListId: string,
  ): Promise<IssueList> {
    return this.service.submit(ctx, issueListId);
  }

  @Allow('approve', 'IssueList')
  @Mutation(() => IssueList, {
    description: 'The recipient the plugin names marks a submitted list reviewed, optionally with instructions (批示).',
  })
  reviewIssueList(@Ctx() ctx: RequestContext, @Args('input') input: ReviewIssueListInput): Promise<IssueList> {
    return this.service.review(ctx, input);
  }
}

@Resolver(() => IssueListItem)
export class IssueListItemResolver {
  constructor(@Inject(JointMeetingService) private readonly units: JointMeetingService) {}

  @ResolveField(() => [MemberUnit], { description: 'Member units the issue concerns.' })
  async relatedUnits(@Ctx() ctx: RequestContext, @Parent() item: IssueListItem): Promise<MemberUnit[]> {
    const units = await ctx
      .loader('memberUnitById', (ids) => this.units.unitsById(ctx, ids))
      .loadMany(item.relatedUnitIds);
    return units.filter((u): u is MemberUnit => !!u && !(u instanceof Error));
  }
}
