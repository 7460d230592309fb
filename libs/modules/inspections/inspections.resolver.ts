import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { PLATFORM_ERRORS } from '@engine/errors';
import { AFTER_ARG, checkLimit, LIMIT_ARG, PageOf } from '@engine/graphql';
import { MemberUnit } from '@core/joint-meeting/entities';
import { JointMeetingService } from '@core/joint-meeting';
import {
  DecideInspectionInput,
  ProposeInspectionInput,
  RecordInspectionFindingInput,
  ReportInspectionInput,
  ScheduleEventInspectionInput,
} from './dto/inspection.inputs';
import {
  Inspection,
  InspectionFinding,
  InspectionReportDelivery,
  InspectionReportTo,
  InspectionStatus,
  UNDELIVERABLE_SUFFIX,
} from './inspection.entity';
import { InspectionsQuery } from './inspections.query';
import { InspectionsService } from './inspections.service';
import { verifySample } from './sample';

const MAX_LIST = 200;

@ObjectType('InspectionPage')
export class InspectionPage extends PageOf(Inspection) {}

@Resolver(() => Inspection)
export class InspectionsResolver {
  constructor(
    @Inject(InspectionsService) private readonly service: InspectionsService,
    @Inject(InspectionsQuery) private readonly query: InspectionsQuery,
  ) {}

  @Allow('read', 'Inspection')
  @Query(() => [Inspection], {
    description:
      "A tenant's inspections (督查), newest first, with their findings (a member unit: only findings about its unit).",
    deprecationReason: 'Use inspectionsPage (cursor + limit).',
  })
  inspections(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('status', { type: () => InspectionStatus, nullable: true }) status?: InspectionStatus,
    @Args('limit', { type: () => Int, defaultValue: 50, description: `At most ${MAX_LIST}.` }) limit = 50,
  ): Promise<Inspection[]> {
    if (limit < 1 || limit > MAX_LIST) throw PLATFORM_ERRORS.badInput('limit', 'LIMIT_OUT_OF_RANGE', { max: MAX_LIST });
    return this.query.list(ctx, tenantCode, status, limit);
  }

  @Allow('read', 'Inspection')
  @Query(() => InspectionPage, {
    description:
      "A tenant's inspections (督查), latest proposed first, a page at a time, with their findings (a member unit: only findings about its unit).",
  })
  inspectionsPage(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('status', { type: () => InspectionStatus, nullable: true }) status: InspectionStatus | undefined,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('limit', LIMIT_ARG) limit: number,
  ): Promise<InspectionPage> {
    return this.query.page(ctx, tenantCode, status, checkLimit(limit), after);
  }

  @Allow('read', 'Inspection')
  @Query(() => Inspection, { nullable: true })
  inspection(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Inspection | null> {
    return this.query.byId(ctx, id);
  }

  @Allow('create', 'Inspection')
  @Mutation(() => Inspection, {
    description: 'Proposes an inspection (督查建议), by the roles the plugin names (000 art. 13: the office).',
  })
  proposeInspection(@Ctx() ctx: RequestContext, @Args('input') input: ProposeInspectionInput): Promise<Inspection> {
    return this.service.propose(ctx, input);
  }

  @Allow('approve', 'Inspection')
  @Mutation(() => Inspection, {
    description: "The plugin's approver (the convener; 002: the chief convener) approves or rejects a proposal.",
  })
  decideInspection(@Ctx() ctx: RequestContext, @Args('input') input: DecideInspectionInput): Promise<Inspection> {
    return this.service.decide(ctx, input);
  }

  @Allow('update', 'Inspection')
  @Mutation(() => InspectionFinding, {
    description: 'Records a finding about a member unit of an approved inspection (a random one: a drawn unit).',
  })
  recordInspectionFinding(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RecordInspectionFindingInput,
  ): Promise<InspectionFinding> {
    return this.service.recordFinding(ctx, input);
  }

  @Allow('update', 'Inspection')
  @Mutation(() => Inspection, { description: 'The inspection has been carried out: findings are closed.' })
  completeInspection(
    @Ctx() ctx: RequestContext,
    @Args('inspectionId', { type: () => ID }) inspectionId: string,
  ): Promise<Inspection> {
    return this.service.complete(ctx, inspectionId);
  }

  @Allow('report', 'Inspection')
  @Mutation(() => Inspection, {
    description:
      "Reports a carried-out inspection where the plugin says (own conveners, or the parent tenant's conveners: 000 art. 13).",
  })
  reportInspection(@Ctx() ctx: RequestContext, @Args('input') input: ReportInspectionInput): Promise<Inspection> {
    return this.service.report(ctx, input);
  }

  @Allow('create', 'Inspection')
  @Mutation(() => Inspection, {
    description:
      "Proposes an inspection before a major meeting, holiday or event (004 預測排查3), where the plugin's regular.beforeMajorEvents says so; one per event and day.",
  })
  scheduleEventInspection(
    @Ctx() ctx: RequestContext,
    @Args('input') input: ScheduleEventInspectionInput,
  ): Promise<Inspection> {
    return this.service.scheduleEvent(ctx, input);
  }

  @ResolveField(() => [InspectionFinding])
  findings(@Ctx() ctx: RequestContext, @Parent() inspection: Inspection): Promise<InspectionFinding[]> {
    return ctx
      .loader('inspectionFindings', (ids) => this.query.findings(ctx, ids))
      .load(inspection.id)
      .then((f) => f ?? []);
  }

  @ResolveField(() => InspectionReportTo, {
    nullable: true,
    description: 'Where it was reported; null until reported.',
  })
  reportedTo(@Parent() inspection: Inspection): InspectionReportTo | null {
    return inspection.reportedTo
      ? (inspection.reportedTo.replace(UNDELIVERABLE_SUFFIX, '') as InspectionReportTo)
      : null;
  }

  @ResolveField(() => InspectionReportDelivery, {
    nullable: true,
    description: 'UNDELIVERABLE when the parent to report to is not on the platform; null until reported.',
  })
  reportDelivery(@Parent() inspection: Inspection): InspectionReportDelivery | null {
    if (!inspection.reportedTo) return null;
    return inspection.reportedTo.endsWith(UNDELIVERABLE_SUFFIX)
      ? InspectionReportDelivery.UNDELIVERABLE
      : InspectionReportDelivery.DELIVERED;
  }

  @ResolveField(() => Boolean, {
    nullable: true,
    description: 'RANDOM only: re-running the recorded draw (seed, candidates) gives exactly the recorded units.',
  })
  sampleVerified(@Parent() inspection: Inspection): boolean | null {
    return inspection.sample ? verifySample(inspection.sample) : null;
  }
}

@Resolver(() => InspectionFinding)
export class InspectionFindingResolver {
  constructor(
    @Inject(InspectionsQuery) private readonly query: InspectionsQuery,
    @Inject(JointMeetingService) private readonly units: JointMeetingService,
  ) {}

  @ResolveField(() => MemberUnit, { nullable: true })
  unit(@Ctx() ctx: RequestContext, @Parent() finding: InspectionFinding): Promise<MemberUnit | null> {
    return ctx
      .loader('memberUnitById', (ids) => this.units.unitsById(ctx, ids))
      .load(finding.unitId) as Promise<MemberUnit | null>;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'For a TOWNSHIP unit: the code of the child tenant it stands for.',
  })
  async targetTenantCode(@Ctx() ctx: RequestContext, @Parent() finding: InspectionFinding): Promise<string | null> {
    if (!finding.targetTenantId) return null;
    return ctx.loader('tenantCodeById', (ids) => this.query.tenantCodes(ctx, ids)).load(finding.targetTenantId);
  }
}
