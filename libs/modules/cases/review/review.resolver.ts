import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { AFTER_ARG, checkLimit, LIMIT_ARG, PageOf } from '@engine/graphql';
import { PetitionCase } from '../case.entity';
import { CaseReview, ReviewStatus } from '../case-review.entity';
import { CaseListPages } from '../case-pages.service';
import { CasesQuery } from '../cases.query';
import {
  InformPetitionerOfReviewInput,
  IssueReviewOpinionInput,
  OpenCaseReviewInput,
  RecordReviewAppealInput,
  RecordReviewHearingInput,
} from './dto/review.inputs';
import { ReviewService } from './review.service';

/** Reviews (复查, 004 復查制度): run by the office; read by whoever reads the case. */
@ObjectType('CaseReviewPage')
export class CaseReviewPage extends PageOf(CaseReview) {}

@Resolver(() => CaseReview)
export class ReviewResolver {
  constructor(
    @Inject(ReviewService) private readonly reviews: ReviewService,
    @Inject(CasesQuery) private readonly query: CasesQuery,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CaseListPages) private readonly pages: CaseListPages,
  ) {}

  @Allow('read', 'PetitionCase')
  @Query(() => [CaseReview], {
    description: "A tenant's reviews, newest first (at most 500; a member unit: those of cases it sees).",
    deprecationReason: 'Use caseReviewsPage (cursor + limit).',
  })
  caseReviews(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('openOnly', { nullable: true, defaultValue: false }) openOnly?: boolean,
  ): Promise<CaseReview[]> {
    return this.reviews.list(ctx, tenantCode, openOnly ?? false);
  }

  @Allow('read', 'PetitionCase')
  @Query(() => CaseReviewPage, {
    description: "A tenant's reviews, latest opened first, a page at a time (a member unit: those of cases it sees).",
  })
  caseReviewsPage(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('openOnly', { type: () => Boolean, nullable: true, defaultValue: false }) openOnly: boolean | undefined,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('limit', LIMIT_ARG) limit: number,
  ): Promise<CaseReviewPage> {
    return this.pages.reviews(ctx, tenantCode, openOnly ?? false, { limit: checkLimit(limit), after });
  }

  @Allow('update', 'PetitionCase')
  @Mutation(() => CaseReview, {
    description:
      "The office opens a review of a resolved or closed case; the opinion is due within the plugin's limit from acceptance.",
  })
  openCaseReview(@Ctx() ctx: RequestContext, @Args('input') input: OpenCaseReviewInput): Promise<CaseReview> {
    return this.reviews.open(ctx, input);
  }

  @Allow('update', 'PetitionCase')
  @Mutation(() => CaseReview, {
    description:
      'Records a hearing (听证); where the plugin excludes hearings its days do not count, and the due date moves.',
  })
  recordReviewHearing(@Ctx() ctx: RequestContext, @Args('input') input: RecordReviewHearingInput): Promise<CaseReview> {
    return this.reviews.recordHearing(ctx, input);
  }

  @Allow('update', 'PetitionCase')
  @Mutation(() => CaseReview, {
    description: 'Issues the written review opinion today (Beijing); records whether it came in time.',
  })
  issueReviewOpinion(@Ctx() ctx: RequestContext, @Args('input') input: IssueReviewOpinionInput): Promise<CaseReview> {
    return this.reviews.issueOpinion(ctx, input);
  }

  @Allow('update', 'PetitionCase')
  @Mutation(() => CaseReview, {
    description: 'Records that the petitioner applied upward against the opinion, where the plugin provides for it.',
  })
  recordReviewAppeal(@Ctx() ctx: RequestContext, @Args('input') input: RecordReviewAppealInput): Promise<CaseReview> {
    return this.reviews.recordAppeal(ctx, input);
  }

  @Allow('update', 'PetitionCase')
  @Mutation(() => CaseReview, {
    description:
      '004 復查制度 二 (書面告知信訪人): the office records the written notice of the opinion to the petitioner — the day and how it was served.',
  })
  informPetitionerOfReview(
    @Ctx() ctx: RequestContext,
    @Args('input') input: InformPetitionerOfReviewInput,
  ): Promise<CaseReview> {
    return this.reviews.informPetitioner(ctx, input);
  }

  @Allow('update', 'PetitionCase')
  @Mutation(() => CaseReview, {
    description:
      "004 復查制度 二 (同時報上級機關): the office drafts the report of the opinion to the parent joint meeting (a Report: approve and send it as the plugin's reportsUpward says).",
  })
  reportReviewOpinion(
    @Ctx() ctx: RequestContext,
    @Args('reviewId', { type: () => ID }) reviewId: string,
  ): Promise<CaseReview> {
    return this.reviews.reportOpinion(ctx, reviewId);
  }

  @ResolveField(() => PetitionCase, { name: 'case' })
  async petitionCase(@Ctx() ctx: RequestContext, @Parent() r: CaseReview): Promise<PetitionCase> {
    return (await ctx.loader('caseById', (ids) => this.query.byIds(ctx, ids)).load(r.caseId))!;
  }

  @ResolveField(() => Boolean, { description: 'Open and past its due date (Beijing date).' })
  overdue(@Parent() r: CaseReview): boolean {
    return r.status === ReviewStatus.OPEN && r.dueOn < shanghaiDateOf(this.clock.now());
  }
}

@Resolver(() => PetitionCase)
export class CaseReviewsFieldResolver {
  constructor(@Inject(ReviewService) private readonly service: ReviewService) {}

  @ResolveField(() => [CaseReview], { description: 'Reviews (复查) of the case, oldest first.' })
  async reviews(@Ctx() ctx: RequestContext, @Parent() c: PetitionCase): Promise<CaseReview[]> {
    return (await ctx.loader('caseReviews', (ids) => this.service.reviewsOf(ctx, ids)).load(c.id)) ?? [];
  }
}
