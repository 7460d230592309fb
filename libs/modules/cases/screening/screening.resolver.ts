import { Inject } from '@nestjs/common';
import { Args, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { AFTER_ARG, checkLimit, LIMIT_ARG, PageOf } from '@engine/graphql';
import { PetitionCase } from '../case.entity';
import { CaseScreening } from '../case-records.entity';
import { CaseListPages } from '../case-pages.service';
import { CasesQuery } from '../cases.query';
import { ReportScreeningInput, SettleScreenedCaseInput } from './dto/screening.inputs';
import { Report } from '@core/reporting';
import { ScreeningService } from './screening.service';

@ObjectType('CaseScreeningPage')
export class CaseScreeningPage extends PageOf(CaseScreening) {}

/** Forecast screening (预测排查, 004 預測排查制度): found monthly by the case sweep, settled by the office. */
@Resolver(() => CaseScreening)
export class ScreeningResolver {
  constructor(
    @Inject(ScreeningService) private readonly screening: ScreeningService,
    @Inject(CasesQuery) private readonly query: CasesQuery,
    @Inject(CaseListPages) private readonly pages: CaseListPages,
  ) {}

  @Allow('read', 'PetitionCase')
  @Query(() => [CaseScreening], {
    description: 'Screened cases of a tenant, newest period first (at most 500; a member unit: cases it sees).',
    deprecationReason: 'Use caseScreeningsPage (cursor + limit).',
  })
  caseScreenings(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('periodStart', { nullable: true, description: 'Only this period (its first day, YYYY-MM-DD).' })
    periodStart?: string,
    @Args('unsettledOnly', {
      nullable: true,
      defaultValue: false,
      description: 'Only cases not yet given their leader, person and time limit.',
    })
    unsettledOnly?: boolean,
  ): Promise<CaseScreening[]> {
    return this.screening.list(ctx, tenantCode, periodStart ?? null, unsettledOnly ?? false);
  }

  @Allow('read', 'PetitionCase')
  @Query(() => CaseScreeningPage, {
    description: 'Screened cases of a tenant, newest period first, a page at a time (a member unit: cases it sees).',
  })
  caseScreeningsPage(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('periodStart', {
      type: () => String,
      nullable: true,
      description: 'Only this period (its first day, YYYY-MM-DD).',
    })
    periodStart: string | undefined,
    @Args('unsettledOnly', {
      type: () => Boolean,
      nullable: true,
      defaultValue: false,
      description: 'Only cases not yet given their leader, person and time limit.',
    })
    unsettledOnly: boolean | undefined,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('limit', LIMIT_ARG) limit: number,
  ): Promise<CaseScreeningPage> {
    return this.pages.screenings(
      ctx,
      tenantCode,
      { periodStart: periodStart ?? null, unsettledOnly: unsettledOnly ?? false },
      { limit: checkLimit(limit), after },
    );
  }

  @Allow('update', 'PetitionCase')
  @Mutation(() => [CaseScreening], {
    description:
      "The office screens one completed period now (its first day); idempotent. Returns the period's screened cases.",
  })
  screenCases(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('periodStart') periodStart: string,
  ): Promise<CaseScreening[]> {
    return this.screening.screenOnDemand(ctx, tenantCode, periodStart);
  }

  @Allow('update', 'PetitionCase')
  @Mutation(() => Report, {
    description:
      "The office reports a completed period's screening with its forecast analysis to the body the plugin names (004 預測排查制度 1: 及時向信訪工作領導小組反映預測排查情況), once per period; cases by number, no petitioner.",
  })
  reportScreening(@Ctx() ctx: RequestContext, @Args('input') input: ReportScreeningInput): Promise<Report> {
    return this.screening.report(ctx, input);
  }

  @Allow('update', 'PetitionCase')
  @Mutation(() => CaseScreening, {
    description:
      'The office gives a screened case its owning leader, responsible person and time limit (those the plugin requires are mandatory).',
  })
  settleScreenedCase(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SettleScreenedCaseInput,
  ): Promise<CaseScreening> {
    return this.screening.settle(ctx, input);
  }

  @ResolveField(() => PetitionCase, { name: 'case' })
  async petitionCase(@Ctx() ctx: RequestContext, @Parent() s: CaseScreening): Promise<PetitionCase> {
    return (await ctx.loader('caseById', (ids) => this.query.byIds(ctx, ids)).load(s.caseId))!;
  }

  @ResolveField(() => Boolean, { description: 'Given everything the plugin requires.' })
  settled(@Parent() s: CaseScreening): boolean {
    return s.settledAt !== null;
  }
}
