import { Inject } from '@nestjs/common';
import { Args, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { AFTER_ARG, DateScalar, LIMIT_ARG, PageOf, type Page } from '@engine/graphql';
import { MemberUnit } from '@core/joint-meeting/entities';
import { JointMeetingService } from '@core/joint-meeting';
import { User } from '@core/identity/entities';
import { UsersQuery } from '@core/identity';
import { PetitionCase } from '../case.entity';
import { CasesQuery } from '../cases.query';
import { AreaDispute, AreaScreeningStatus, CaseAreaCadre, CaseAreaScreening } from './area-screening.entity';
import { AreaScreeningService } from './area-screening.service';
import { AssignAreaCadreInput, RecordAreaScreeningInput } from './dto/area-screening.inputs';

@ObjectType('AreaScreeningStatusPage')
export class AreaScreeningStatusPage extends PageOf(AreaScreeningStatus) {}

const unitOf = (ctx: RequestContext, units: JointMeetingService, id: string): Promise<MemberUnit | null> =>
  ctx.loader('memberUnitById', (ids) => units.unitsById(ctx, ids)).load(id) as Promise<MemberUnit | null>;

/** 干部包片排查 on the API (002 六(三): 实行干部包片排查矛盾纠纷机制). */
@Resolver(() => CaseAreaScreening)
export class AreaScreeningResolver {
  constructor(
    @Inject(AreaScreeningService) private readonly service: AreaScreeningService,
    @Inject(JointMeetingService) private readonly units: JointMeetingService,
    @Inject(UsersQuery) private readonly users: UsersQuery,
  ) {}

  @Allow('update', 'AreaScreening')
  @Mutation(() => CaseAreaCadre, {
    description:
      'The office assigns a cadre (a user of the tenant) to an area, a village or community (干部包片, 002 六(三)); the earlier cadre of the area, if any, is ended and kept.',
  })
  assignAreaCadre(@Ctx() ctx: RequestContext, @Args('input') input: AssignAreaCadreInput): Promise<CaseAreaCadre> {
    return this.service.assign(ctx, input);
  }

  @Allow('create', 'AreaScreening')
  @Mutation(() => CaseAreaScreening, {
    description:
      "The area's cadre records its screening for a period (包片排查矛盾纠纷, 002 六(三)): each dispute found registered as a case (receivePetition, located in the area) or resolved on the spot; once per area and period.",
  })
  recordAreaScreening(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RecordAreaScreeningInput,
  ): Promise<CaseAreaScreening> {
    return this.service.record(ctx, input);
  }

  @Allow('read', 'AreaScreening')
  @Query(() => AreaScreeningStatusPage, {
    description:
      "The period's areas (片) with their cadre and whether each was screened (002 六(三)); the office and conveners see every area, a cadre their own.",
  })
  areaScreenings(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('periodStart', {
      type: () => DateScalar,
      nullable: true,
      description: "The period's first day; absent: the current period (Beijing).",
    })
    periodStart: string | null,
    @Args('limit', LIMIT_ARG) limit: number,
    @Args('after', AFTER_ARG) after: string | null,
  ): Promise<Page<AreaScreeningStatus>> {
    return this.service.list(ctx, tenantCode, periodStart ?? null, limit, after ?? null);
  }

  @ResolveField(() => MemberUnit, { nullable: true, description: 'The area (a village or community).' })
  area(@Ctx() ctx: RequestContext, @Parent() s: CaseAreaScreening): Promise<MemberUnit | null> {
    return unitOf(ctx, this.units, s.areaUnitId);
  }

  @ResolveField(() => User, { nullable: true, description: 'The cadre who recorded it.' })
  cadre(@Ctx() ctx: RequestContext, @Parent() s: CaseAreaScreening): Promise<User | null> {
    return this.users.byId(ctx, s.cadreUserId);
  }

  @ResolveField(() => [AreaDispute], { description: 'The disputes found (矛盾纠纷); empty: none found.' })
  disputes(@Parent() s: CaseAreaScreening): AreaDispute[] {
    return s.disputes.map((d) => ({ ...d, resolvedOnSpot: d.caseId === null }));
  }
}

@Resolver(() => AreaDispute)
export class AreaDisputeResolver {
  constructor(@Inject(CasesQuery) private readonly query: CasesQuery) {}

  @ResolveField(() => PetitionCase, { name: 'case', nullable: true, description: 'The case it was registered as.' })
  async petitionCase(@Ctx() ctx: RequestContext, @Parent() d: AreaDispute): Promise<PetitionCase | null> {
    if (!d.caseId) return null;
    return (await ctx.loader('caseById', (ids) => this.query.byIds(ctx, ids)).load(d.caseId)) ?? null;
  }
}

@Resolver(() => CaseAreaCadre)
export class AreaCadreResolver {
  constructor(
    @Inject(JointMeetingService) private readonly units: JointMeetingService,
    @Inject(UsersQuery) private readonly users: UsersQuery,
  ) {}

  @ResolveField(() => MemberUnit, { nullable: true, description: 'The area (a village or community).' })
  area(@Ctx() ctx: RequestContext, @Parent() c: CaseAreaCadre): Promise<MemberUnit | null> {
    return unitOf(ctx, this.units, c.areaUnitId);
  }

  @ResolveField(() => User, { nullable: true })
  cadre(@Ctx() ctx: RequestContext, @Parent() c: CaseAreaCadre): Promise<User | null> {
    return this.users.byId(ctx, c.cadreUserId);
  }
}

@Resolver(() => AreaScreeningStatus)
export class AreaScreeningStatusResolver {
  constructor(
    @Inject(JointMeetingService) private readonly units: JointMeetingService,
    @Inject(UsersQuery) private readonly users: UsersQuery,
  ) {}

  @ResolveField(() => MemberUnit, { nullable: true, description: 'The area (a village or community).' })
  area(@Ctx() ctx: RequestContext, @Parent() s: AreaScreeningStatus): Promise<MemberUnit | null> {
    return unitOf(ctx, this.units, s.id);
  }

  @ResolveField(() => User, { nullable: true, description: "The area's current cadre; null: none assigned." })
  async cadre(@Ctx() ctx: RequestContext, @Parent() s: AreaScreeningStatus): Promise<User | null> {
    return s.cadreUserId ? this.users.byId(ctx, s.cadreUserId) : null;
  }
}

export const AREA_SCREENING_RESOLVERS = [
  AreaScreeningResolver,
  AreaDisputeResolver,
  AreaCadreResolver,
  AreaScreeningStatusResolver,
];
