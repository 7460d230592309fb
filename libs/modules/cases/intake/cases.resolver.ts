import { Inject } from '@nestjs/common';
import { Args, Field, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { PLATFORM_ERRORS } from '@engine/errors';
import { listOf, PAGE_ITEMS_COMPLEXITY } from '@engine/graphql';
import { MemberUnit } from '@core/joint-meeting/entities';
import { JointMeetingService } from '@core/joint-meeting';
import { Tenant } from '@core/tenancy/entities';
import { pluginOf } from '@core/tenancy';
import { CaseEvent } from '../case-event.entity';
import { CaseStatus } from '../case.enums';
import { PetitionCase } from '../case.entity';
import { CaseProgressReport } from '../case-records.entity';
import { CaseConfidentiality, confidentialityOf } from './confidentiality';
import { CasesQuery } from '../cases.query';
import { CasesService } from './cases.service';
import { AssignCaseInput, CloseCaseInput, ReceivePetitionInput, ResolveCaseInput } from './dto/intake.inputs';
import { Petitioner } from './petitioner.model';

@ObjectType('CasePage')
export class CasePage {
  @Field(() => [PetitionCase], { complexity: PAGE_ITEMS_COMPLEXITY })
  items: PetitionCase[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' })
  nextCursor: string | null;
}

const MAX_PAGE = 200;

@Resolver(() => PetitionCase)
export class CasesResolver {
  constructor(
    @Inject(CasesService) private readonly service: CasesService,
    @Inject(CasesQuery) private readonly query: CasesQuery,
    @Inject(JointMeetingService) private readonly units: JointMeetingService,
  ) {}

  @Allow('read', 'PetitionCase')
  @Query(() => CasePage, {
    description:
      "A tenant's ledger, newest first (a member unit: the cases it handles or that lie in its village). Default: the caller's tenant.",
  })
  cases(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode', { nullable: true }) tenantCode?: string,
    @Args('status', { type: () => CaseStatus, nullable: true }) status?: CaseStatus,
    @Args('openOnly', { nullable: true, defaultValue: false }) openOnly?: boolean,
    @Args('overdueOnly', { nullable: true, defaultValue: false }) overdueOnly?: boolean,
    @Args('firstPetitionOnly', {
      nullable: true,
      defaultValue: false,
      description:
        'Only first petitions (初信初访, 004 預測排查制度 4: 務必逐件落實): no earlier case of the same petitioner and matter.',
    })
    firstPetitionOnly?: boolean,
    @Args('responsibleUnitId', { type: () => ID, nullable: true }) responsibleUnitId?: string,
    @Args('limit', { type: () => Int, defaultValue: 50, description: `At most ${MAX_PAGE}.` }) limit = 50,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<CasePage> {
    if (limit < 1 || limit > MAX_PAGE) throw PLATFORM_ERRORS.badInput('limit', 'LIMIT_OUT_OF_RANGE', { max: MAX_PAGE });
    if (!tenantCode && !ctx.caller.tenantId) throw PLATFORM_ERRORS.badInput('tenantCode', 'REQUIRED_FOR_PLATFORM_USER');
    return this.query.page(
      ctx,
      tenantCode ?? null,
      { status, openOnly, overdueOnly, firstPetitionOnly, responsibleUnitId },
      limit,
      after ?? null,
    );
  }

  @Allow('read', 'PetitionCase')
  @Query(() => PetitionCase, { nullable: true })
  petitionCase(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<PetitionCase | null> {
    return this.query.byId(ctx, id);
  }

  @Allow('create', 'PetitionCase')
  @Mutation(() => PetitionCase, {
    description:
      'Registers a petition (登记): repeat petitions are linked, group petitions flagged, the ownership tier decided, a visit given its duty leader.',
  })
  receivePetition(@Ctx() ctx: RequestContext, @Args('input') input: ReceivePetitionInput): Promise<PetitionCase> {
    return this.service.receive(ctx, input);
  }

  @Allow('update', 'PetitionCase')
  @Mutation(() => PetitionCase, {
    description: 'The office assigns the responsible unit and person (归口) and the time limit.',
  })
  assignCase(@Ctx() ctx: RequestContext, @Args('input') input: AssignCaseInput): Promise<PetitionCase> {
    return this.service.assign(ctx, input);
  }

  @Allow('report', 'PetitionCase')
  @Mutation(() => PetitionCase, { description: 'The responsible unit reports the case resolved (化解).' })
  resolveCase(@Ctx() ctx: RequestContext, @Args('input') input: ResolveCaseInput): Promise<PetitionCase> {
    return this.service.resolve(ctx, input);
  }

  @Allow('update', 'PetitionCase')
  @Mutation(() => PetitionCase, { description: 'The office closes a resolved case (结案销号).' })
  closeCase(@Ctx() ctx: RequestContext, @Args('input') input: CloseCaseInput): Promise<PetitionCase> {
    return this.service.close(ctx, input);
  }

  @ResolveField(() => [Petitioner], {
    description: 'Personal fields in full only for roles that need them; masked otherwise.',
  })
  async petitioners(@Ctx() ctx: RequestContext, @Parent() c: PetitionCase): Promise<Petitioner[]> {
    return (await ctx.loader('casePetitioners', (ids) => this.query.petitioners(ctx, ids)).load(c.id)) ?? [];
  }

  @ResolveField(() => Boolean, {
    description:
      'A first petition (初信初访, 004 預測排查制度 4: 對初信初訪務必逐件落實): no earlier case of the same petitioner and matter (repeatCount 0).',
  })
  firstPetition(@Parent() c: PetitionCase): boolean {
    return c.repeatCount === 0;
  }

  @ResolveField(() => [CaseEvent], { description: "The case's history, oldest first." })
  async history(@Ctx() ctx: RequestContext, @Parent() c: PetitionCase): Promise<CaseEvent[]> {
    return (await ctx.loader('caseEvents', (ids) => this.query.events(ctx, ids)).load(c.id)) ?? [];
  }

  // Costed as 50 a case: a repeat petitioner's chain runs long (issue 12: 291,626 objects for one page of 200).
  @ResolveField(() => [PetitionCase], {
    complexity: listOf(50),
    description: 'Earlier cases of the same petitioner and matter (repeat petitions, detected at intake).',
  })
  async earlierCases(@Ctx() ctx: RequestContext, @Parent() c: PetitionCase): Promise<PetitionCase[]> {
    const ids = (await ctx.loader('caseEarlierIds', (keys) => this.query.earlierCaseIds(ctx, keys)).load(c.id)) ?? [];
    const found = await ctx.loader('caseById', (keys) => this.query.byIds(ctx, keys)).loadMany(ids);
    return found.filter((x): x is PetitionCase => x instanceof PetitionCase);
  }

  @ResolveField(() => [CaseProgressReport])
  async progressReports(@Ctx() ctx: RequestContext, @Parent() c: PetitionCase): Promise<CaseProgressReport[]> {
    return (await ctx.loader('caseProgress', (ids) => this.query.progressReports(ctx, ids)).load(c.id)) ?? [];
  }

  @ResolveField(() => MemberUnit, { nullable: true })
  responsibleUnit(@Ctx() ctx: RequestContext, @Parent() c: PetitionCase): Promise<MemberUnit | null> {
    return this.unit(ctx, c.responsibleUnitId);
  }

  @ResolveField(() => MemberUnit, { nullable: true, description: 'The village or community the matter belongs to.' })
  locationUnit(@Ctx() ctx: RequestContext, @Parent() c: PetitionCase): Promise<MemberUnit | null> {
    return this.unit(ctx, c.locationUnitId);
  }

  @ResolveField(() => Boolean, { description: 'Open and past its time limit (Beijing date).' })
  overdue(@Parent() c: PetitionCase): boolean {
    return this.query.isOverdue(c);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      "The category's name as the tenant's plugin lists it (`cases.categories`); null when the case has no category or the plugin does not list it.",
  })
  async categoryName(@Ctx() ctx: RequestContext, @Parent() c: PetitionCase): Promise<string | null> {
    if (!c.category) return null;
    return (await this.rulesOf(ctx, c)).categories.find((k) => k.code === c.category)?.name ?? null;
  }

  @ResolveField(() => CaseConfidentiality, {
    description:
      "Why the petitioners' personal data is kept confidential (保密): encrypted and masked for roles that do not need it, on every tenant; the plugin's article where it states the rule (004 領導接待日制度 8).",
  })
  async confidentiality(@Ctx() ctx: RequestContext, @Parent() c: PetitionCase): Promise<CaseConfidentiality> {
    return confidentialityOf(await this.rulesOf(ctx, c));
  }

  @ResolveField(() => Boolean, { description: 'A repeat petition (重复信访).' })
  repeat(@Parent() c: PetitionCase): boolean {
    return c.repeatCount > 0;
  }

  /** The case's tenant's own case rules; one query per request for all the tenants (the tenantRules loader). */
  private async rulesOf(ctx: RequestContext, c: PetitionCase) {
    const tenant = await this.units.withRules(ctx, Object.assign(new Tenant(), { id: c.tenantId, code: c.tenantId }));
    return pluginOf(tenant).cases;
  }

  private async unit(ctx: RequestContext, id: string | null): Promise<MemberUnit | null> {
    if (!id) return null;
    return ctx.loader('memberUnitById', (ids) => this.units.unitsById(ctx, ids)).load(id) as Promise<MemberUnit | null>;
  }
}
