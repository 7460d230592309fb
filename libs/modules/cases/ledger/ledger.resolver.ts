import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { isUUID } from 'class-validator';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { PLATFORM_ERRORS } from '@engine/errors';
import { AFTER_ARG, checkLimit, LIMIT_ARG, PageOf } from '@engine/graphql';
import { JointMeetingService } from '@core/joint-meeting';
import { MemberUnit } from '@core/joint-meeting/entities';
import { PetitionCase } from '../case.entity';
import { CaseLedgerEntry, LedgerLevel, LedgerList } from '../case-records.entity';
import { CasesQuery } from '../cases.query';
import { AddCaseLedgerEntryInput } from './dto/ledger.inputs';
import { LedgerService } from './ledger.service';

const MAX_ENTRIES = 2000;

@ObjectType('CaseLedgerEntryPage')
export class CaseLedgerEntryPage extends PageOf(CaseLedgerEntry) {}

/** The problem, responsibility and task lists (台账, 002 §五(四)). */
@Resolver(() => CaseLedgerEntry)
export class LedgerResolver {
  constructor(
    @Inject(LedgerService) private readonly ledger: LedgerService,
    @Inject(CasesQuery) private readonly cases: CasesQuery,
    @Inject(JointMeetingService) private readonly units: JointMeetingService,
  ) {}

  @Allow('read', 'PetitionCase')
  @Query(() => [CaseLedgerEntry], {
    description:
      "A tenant's ledger lists (a member unit: entries of the cases it can see), by case, then level and list.",
    deprecationReason: 'Use caseLedgerPage (cursor + limit).',
  })
  caseLedger(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('level', { type: () => LedgerLevel, nullable: true }) level?: LedgerLevel,
    @Args('list', { type: () => LedgerList, nullable: true }) list?: LedgerList,
    @Args('communityUnitId', { type: () => ID, nullable: true }) communityUnitId?: string,
    @Args('openOnly', { nullable: true, defaultValue: false }) openOnly?: boolean,
    @Args('limit', { type: () => Int, defaultValue: 500, description: `At most ${MAX_ENTRIES}.` }) limit = 500,
  ): Promise<CaseLedgerEntry[]> {
    if (limit < 1 || limit > MAX_ENTRIES)
      throw PLATFORM_ERRORS.badInput('limit', 'LIMIT_OUT_OF_RANGE', { max: MAX_ENTRIES });
    if (communityUnitId && !isUUID(communityUnitId)) throw PLATFORM_ERRORS.badInput('communityUnitId', 'NOT_AN_ID');
    return this.ledger.list(ctx, tenantCode, { level, list, communityUnitId, openOnly }, limit);
  }

  @Allow('read', 'PetitionCase')
  @Query(() => CaseLedgerEntryPage, {
    description:
      "A tenant's ledger lists (a member unit: entries of the cases it can see), latest added first, a page at a time.",
  })
  caseLedgerPage(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('level', { type: () => LedgerLevel, nullable: true }) level: LedgerLevel | undefined,
    @Args('list', { type: () => LedgerList, nullable: true }) list: LedgerList | undefined,
    @Args('communityUnitId', { type: () => ID, nullable: true }) communityUnitId: string | undefined,
    @Args('openOnly', { type: () => Boolean, nullable: true, defaultValue: false }) openOnly: boolean | undefined,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('limit', LIMIT_ARG) limit: number,
  ): Promise<CaseLedgerEntryPage> {
    checkLimit(limit);
    if (communityUnitId && !isUUID(communityUnitId)) throw PLATFORM_ERRORS.badInput('communityUnitId', 'NOT_AN_ID');
    return this.ledger.page(ctx, tenantCode, { level, list, communityUnitId, openOnly }, { limit, after });
  }

  @Allow('report', 'PetitionCase')
  @Mutation(() => CaseLedgerEntry, {
    description:
      "The office (or, for its own community's ledger, the community's secretary) adds a ledger entry stating every item the plugin requires.",
  })
  addCaseLedgerEntry(
    @Ctx() ctx: RequestContext,
    @Args('input') input: AddCaseLedgerEntryInput,
  ): Promise<CaseLedgerEntry> {
    return this.ledger.add(ctx, input);
  }

  @Allow('report', 'PetitionCase')
  @Mutation(() => CaseLedgerEntry, {
    description: "The office, the entry's community or its responsible unit marks a ledger entry done.",
  })
  markLedgerEntryDone(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CaseLedgerEntry> {
    if (!isUUID(id)) throw PLATFORM_ERRORS.badInput('id', 'NOT_AN_ID');
    return this.ledger.markDone(ctx, id);
  }

  @ResolveField(() => PetitionCase, { nullable: true })
  petitionCase(@Ctx() ctx: RequestContext, @Parent() e: CaseLedgerEntry): Promise<PetitionCase | null> {
    return ctx.loader('caseById', (keys) => this.cases.byIds(ctx, keys)).load(e.caseId);
  }

  @ResolveField(() => MemberUnit, {
    nullable: true,
    description: 'For community-level entries: the community (or village).',
  })
  communityUnit(@Ctx() ctx: RequestContext, @Parent() e: CaseLedgerEntry): Promise<MemberUnit | null> {
    return this.unit(ctx, e.communityUnitId);
  }

  @ResolveField(() => MemberUnit, { nullable: true, description: '具体责任单位.' })
  responsibleUnit(@Ctx() ctx: RequestContext, @Parent() e: CaseLedgerEntry): Promise<MemberUnit | null> {
    return this.unit(ctx, e.responsibleUnitId);
  }

  @ResolveField(() => Boolean)
  done(@Parent() e: CaseLedgerEntry): boolean {
    return e.doneAt !== null;
  }

  @ResolveField(() => Boolean, { description: 'Not done and past its time limit (Beijing date).' })
  overdue(@Parent() e: CaseLedgerEntry): boolean {
    return this.ledger.isOverdue(e);
  }

  private async unit(ctx: RequestContext, id: string | null): Promise<MemberUnit | null> {
    if (!id) return null;
    return ctx.loader('memberUnitById', (ids) => this.units.unitsById(ctx, ids)).load(id) as Promise<MemberUnit | null>;
  }
}

@Resolver(() => PetitionCase)
export class CaseLedgerFieldResolver {
  constructor(@Inject(LedgerService) private readonly ledger: LedgerService) {}

  @ResolveField(() => [CaseLedgerEntry], {
    description:
      "The case's problem, responsibility and task lists (002 §五(四)): street/town level first, then by list, oldest first.",
  })
  async ledgerEntries(@Ctx() ctx: RequestContext, @Parent() c: PetitionCase): Promise<CaseLedgerEntry[]> {
    return (await ctx.loader('caseLedgerEntries', (ids) => this.ledger.entriesOf(ctx, ids)).load(c.id)) ?? [];
  }
}
