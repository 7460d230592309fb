import { Inject } from '@nestjs/common';
import { Args, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { AFTER_ARG, checkLimit, LIMIT_ARG, PageOf } from '@engine/graphql';
import { dateArg } from '../args';
import { Assessment } from './assessment.entity';
import { AssessmentOutcomeService } from './assessment-outcome.service';
import { AssessmentService } from './assessment.service';
import { RecordAssessmentOutcomeInput, RunAssessmentInput } from './dto/assessment.inputs';
import { AssessmentPeriod } from '../enums';

@ObjectType('AssessmentPage')
export class AssessmentPage extends PageOf(Assessment) {}

@Resolver(() => Assessment)
export class AssessmentResolver {
  constructor(
    @Inject(AssessmentService) private readonly service: AssessmentService,
    @Inject(AssessmentOutcomeService) private readonly outcomes: AssessmentOutcomeService,
  ) {}

  @Allow('approve', 'Assessment')
  @Mutation(() => Assessment, {
    description:
      "Records the jurisdiction's own result (合格/不合格, with its basis) where the plugin names who records it and states no formula; a failure carries the one-vote veto and can fire ASSESSMENT_FAILED rules.",
  })
  recordAssessmentOutcome(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RecordAssessmentOutcomeInput,
  ): Promise<Assessment> {
    return this.outcomes.record(ctx, input);
  }

  @Allow('create', 'Assessment')
  @Mutation(() => [Assessment], {
    description:
      "The office reports a period's results to the plugin's departments (003 §七: 考核结果向县目标绩效部门通报), once per department.",
  })
  reportAssessmentResults(@Ctx() ctx: RequestContext, @Args('input') input: RunAssessmentInput): Promise<Assessment[]> {
    return this.outcomes.report(ctx, input);
  }

  @Allow('read', 'Assessment')
  @Query(() => [Assessment], {
    description: "Assessments (考核) of the tenant's units, newest period first, lowest score first.",
    deprecationReason: 'Use assessmentsPage (cursor + limit).',
  })
  assessments(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('period', { type: () => AssessmentPeriod, nullable: true }) period: AssessmentPeriod | undefined,
    @Args('periodStart', { type: () => String, nullable: true }) periodStart: string | undefined,
  ): Promise<Assessment[]> {
    return this.service.list(
      ctx,
      tenantCode,
      period ?? undefined,
      periodStart ? dateArg(periodStart, 'periodStart') : undefined,
    );
  }

  @Allow('read', 'Assessment')
  @Query(() => AssessmentPage, {
    description: "Assessments (考核) of the tenant's units, latest period first, a page at a time.",
  })
  assessmentsPage(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('period', { type: () => AssessmentPeriod, nullable: true }) period: AssessmentPeriod | undefined,
    @Args('periodStart', { type: () => String, nullable: true }) periodStart: string | undefined,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('limit', LIMIT_ARG) limit: number,
  ): Promise<AssessmentPage> {
    return this.service.page(
      ctx,
      tenantCode,
      { period: period ?? undefined, periodStart: periodStart ? dateArg(periodStart, 'periodStart') : undefined },
      checkLimit(limit),
      after,
    );
  }

  @Allow('create', 'Assessment')
  @Mutation(() => [Assessment], { description: 'The office runs (or re-runs) the periodic assessment per the plugin.' })
  runAssessment(@Ctx() ctx: RequestContext, @Args('input') input: RunAssessmentInput): Promise<Assessment[]> {
    return this.service.run(ctx, input);
  }
}
