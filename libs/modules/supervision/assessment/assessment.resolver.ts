import { Inject } from '@nestjs/common';
import { Args, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { AFTER_ARG, checkLimit, LIMIT_ARG, PageOf } from '@engine/graphql';
import { clamp, dateArg } from '../args';
import { Assessment } from './assessment.entity';
import { AssessmentOutcomeService } from './assessment-outcome.service';
import { AssessmentService } from './assessment.service';
import { RecordAssessmentOutcomeInput, RunAssessmentInput } from './dto/assessment.inputs';
import { AssessmentPeriod, OutboxStatus } from '../enums';
import { OutboxMessage } from '../outbox/outbox-message.entity';
import { OutboxService } from '../outbox/outbox.service';

@ObjectType('OutboxMessagePage')
export class OutboxMessagePage extends PageOf(OutboxMessage) {}

@ObjectType('AssessmentPage')
export class AssessmentPage extends PageOf(Assessment) {}

@Resolver(() => Assessment)
export class AssessmentResolver {
  constructor(
    @Inject(AssessmentService) private readonly service: AssessmentService,
    @Inject(OutboxService) private readonly outbox: OutboxService,
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

  @Allow('read', 'OutboxMessage')
  @Query(() => [OutboxMessage], {
    description: "The office's outbox: every notification supervision sent or will send, with the adapter's receipt.",
    deprecationReason: 'Use outboxMessagesPage (cursor + limit).',
  })
  outboxMessages(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('status', { type: () => OutboxStatus, nullable: true }) status: OutboxStatus | undefined,
    @Args('limit', { type: () => Int, defaultValue: 100 }) limit: number,
  ): Promise<OutboxMessage[]> {
    return this.outbox.list(ctx, tenantCode, status ?? undefined, clamp(limit, 500));
  }

  @Allow('read', 'OutboxMessage')
  @Query(() => OutboxMessagePage, {
    description:
      "The office's outbox, latest written first, a page at a time: every notification supervision sent or will send, with the adapter's receipt.",
  })
  outboxMessagesPage(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('status', { type: () => OutboxStatus, nullable: true }) status: OutboxStatus | undefined,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('limit', LIMIT_ARG) limit: number,
  ): Promise<OutboxMessagePage> {
    return this.outbox.page(ctx, tenantCode, status ?? undefined, checkLimit(limit), after);
  }
}
