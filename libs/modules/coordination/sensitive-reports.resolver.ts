import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { AFTER_ARG, checkLimit, LIMIT_ARG, PageOf } from '@engine/graphql';
import { DeadlineBasis, storedBasis } from '@core/calendar';
import { MemberUnit } from '@core/joint-meeting/entities';
import { JointMeetingService } from '@core/joint-meeting';
import {
  NotifySensitiveInformationInput,
  ReportSensitiveInformationInput,
  SensitiveDecisionInput,
  VerifySensitiveInformationInput,
} from './dto/sensitive.inputs';
import { SensitiveReport, SensitiveReportEvent, SensitiveReportStatus } from './sensitive-report.entity';
import { SensitiveReportsQuery } from './sensitive-reports.query';
import { SensitiveReportsService } from './sensitive-reports.service';

@ObjectType('SensitiveReportPage')
export class SensitiveReportPage extends PageOf(SensitiveReport) {}

@Resolver(() => SensitiveReport)
export class SensitiveReportsResolver {
  constructor(
    @Inject(SensitiveReportsService) private readonly service: SensitiveReportsService,
    @Inject(SensitiveReportsQuery) private readonly query: SensitiveReportsQuery,
    @Inject(JointMeetingService) private readonly units: JointMeetingService,
  ) {}

  @Allow('read', 'SensitiveReport')
  @Query(() => [SensitiveReport], {
    description:
      "A tenant's important sensitive information, newest first (a member unit: what it reported or must verify).",
    deprecationReason: 'Use sensitiveReportsPage (cursor + limit).',
  })
  sensitiveReports(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('status', { type: () => SensitiveReportStatus, nullable: true }) status?: SensitiveReportStatus,
    @Args('limit', { type: () => Int, defaultValue: 100 }) limit = 100,
  ): Promise<SensitiveReport[]> {
    return this.query.list(ctx, tenantCode, status, Math.min(Math.max(limit, 1), 500));
  }

  @Allow('read', 'SensitiveReport')
  @Query(() => SensitiveReportPage, {
    description:
      "A tenant's important sensitive information, latest reported first, a page at a time (a member unit: what it reported or must verify).",
  })
  sensitiveReportsPage(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('status', { type: () => SensitiveReportStatus, nullable: true }) status: SensitiveReportStatus | undefined,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('limit', LIMIT_ARG) limit: number,
  ): Promise<SensitiveReportPage> {
    return this.query.page(ctx, tenantCode, status ?? undefined, { limit: checkLimit(limit), after });
  }

  @Allow('read', 'SensitiveReport')
  @Query(() => SensitiveReport, { nullable: true })
  sensitiveReport(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SensitiveReport | null> {
    return this.query.byId(ctx, id);
  }

  @Allow('report', 'SensitiveReport')
  @Mutation(() => SensitiveReport, {
    description: 'A member unit (or the office) reports important sensitive information to the office.',
  })
  reportSensitiveInformation(
    @Ctx() ctx: RequestContext,
    @Args('input') input: ReportSensitiveInformationInput,
  ): Promise<SensitiveReport> {
    return this.service.report(ctx, input);
  }

  @Allow('update', 'SensitiveReport')
  @Mutation(() => SensitiveReport, {
    description: "The office notifies the responsible unit; its verification is due within the plugin's limit.",
  })
  notifySensitiveInformation(
    @Ctx() ctx: RequestContext,
    @Args('input') input: NotifySensitiveInformationInput,
  ): Promise<SensitiveReport> {
    return this.service.notify(ctx, input);
  }

  @Allow('report', 'SensitiveReport')
  @Mutation(() => SensitiveReport, {
    description: 'The responsible unit reports its on-site verification and handling.',
  })
  verifySensitiveInformation(
    @Ctx() ctx: RequestContext,
    @Args('input') input: VerifySensitiveInformationInput,
  ): Promise<SensitiveReport> {
    return this.service.verify(ctx, input);
  }

  @Allow('update', 'SensitiveReport')
  @Mutation(() => SensitiveReport, { description: 'The office closes a verified report.' })
  closeSensitiveInformation(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SensitiveDecisionInput,
  ): Promise<SensitiveReport> {
    return this.service.close(ctx, input);
  }

  @Allow('update', 'SensitiveReport')
  @Mutation(() => SensitiveReport, {
    description: 'The office sends a verification back for more (comment required); a new due date runs from today.',
  })
  returnSensitiveInformation(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SensitiveDecisionInput,
  ): Promise<SensitiveReport> {
    return this.service.return(ctx, input);
  }

  @ResolveField(() => MemberUnit, {
    nullable: true,
    description: 'The reporting unit; null when the office recorded it.',
  })
  reportingUnit(@Ctx() ctx: RequestContext, @Parent() report: SensitiveReport): Promise<MemberUnit | null> {
    return this.unit(ctx, report.reportingUnitId);
  }

  @ResolveField(() => MemberUnit, {
    nullable: true,
    description: 'The responsible unit (属事单位); null until notified.',
  })
  responsibleUnit(@Ctx() ctx: RequestContext, @Parent() report: SensitiveReport): Promise<MemberUnit | null> {
    return this.unit(ctx, report.responsibleUnitId);
  }

  @ResolveField(() => DeadlineBasis, {
    nullable: true,
    description:
      "Where the verification deadline's figure comes from (D5): the article that states it, or `platformDefault` (000 and 001 art. 11 say only 及时); null until notified.",
  })
  verificationDeadline(@Parent() report: SensitiveReport): DeadlineBasis | null {
    return storedBasis(report.verifyBasis);
  }

  @ResolveField(() => Boolean, { description: 'Notified and past its verification due date (Beijing time).' })
  verificationOverdue(@Parent() report: SensitiveReport): boolean {
    return this.query.isOverdue(report);
  }

  @ResolveField(() => [SensitiveReportEvent], { description: 'What happened to the report, oldest first.' })
  history(@Parent() report: SensitiveReport): SensitiveReportEvent[] {
    return report.steps.map((s) => ({ action: s.action, at: new Date(s.at), note: s.note }));
  }

  private async unit(ctx: RequestContext, id: string | null): Promise<MemberUnit | null> {
    if (!id) return null;
    return ctx.loader('memberUnitById', (ids) => this.units.unitsById(ctx, ids)).load(id) as Promise<MemberUnit | null>;
  }
}
