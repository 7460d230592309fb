import { Inject } from '@nestjs/common';
import { Args, Field, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { listOf, PAGE_ITEMS_COMPLEXITY } from '@engine/graphql';
import { User } from '@core/identity/entities';
import { UsersQuery } from '@core/identity';
import { MemberUnit } from '@core/joint-meeting/entities';
import { JointMeetingService } from '@core/joint-meeting';
import { PetitionCase } from '../case.entity';
import {
  AssignCaseCountyOwnerInput,
  RecordPrincipalAssignmentInput,
  SetCaseParticipantsInput,
  SetLeaderLinesInput,
  SetUpWorkingGroupInput,
  WorkingGroupCasesInput,
} from './dto/ledger-rules.inputs';
import { CaseLine, CaseWorkingGroup, LeaderLines, PrincipalAssignment } from './ledger-rules.entity';
import { LedgerRulesService } from './ledger-rules.service';
import { CaseWorkingGroupsService } from './working-groups.service';

@ObjectType('CaseWorkingGroupPage')
export class CaseWorkingGroupPage {
  @Field(() => [CaseWorkingGroup], { complexity: PAGE_ITEMS_COMPLEXITY })
  items: CaseWorkingGroup[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' })
  nextCursor: string | null;
}

/** The ledger's open rules on the API (issue 14 item 6): 主要领导批转, 分线报案, 牵头/参与单位, 县级领导包案, 专项工作小组. */
@Resolver(() => PetitionCase)
export class LedgerRulesResolver {
  constructor(
    @Inject(LedgerRulesService) private readonly service: LedgerRulesService,
    @Inject(CaseWorkingGroupsService) private readonly groupsService: CaseWorkingGroupsService,
    @Inject(JointMeetingService) private readonly units: JointMeetingService,
  ) {}

  @Allow('approve', 'PetitionCase')
  @Mutation(() => PetitionCase, {
    description:
      'The principal leader records the assignment (批转, with the instruction) of a case the office registered for it (004 领导接待日制度 5).',
  })
  recordPrincipalAssignment(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RecordPrincipalAssignmentInput,
  ): Promise<PetitionCase> {
    return this.service.recordPrincipalAssignment(ctx, input);
  }

  @Allow('update', 'PetitionCase')
  @Mutation(() => LeaderLines, {
    description:
      'The office records the lines (categories, units) of its leaders in charge, replacing the set (004 分线报案制度 1); petitions in a line are routed to its leader.',
  })
  setLeaderLines(@Ctx() ctx: RequestContext, @Args('input') input: SetLeaderLinesInput): Promise<LeaderLines> {
    return this.service.setLeaderLines(ctx, input);
  }

  @Allow('read', 'PetitionCase')
  @Query(() => LeaderLines, { description: "The lines of a tenant's leaders in charge (004 分线报案制度 1)." })
  leaderLines(@Ctx() ctx: RequestContext, @Args('tenantCode') tenantCode: string): Promise<LeaderLines> {
    return this.service.leaderLines(ctx, tenantCode);
  }

  @Allow('update', 'PetitionCase')
  @Mutation(() => PetitionCase, {
    description:
      'The office records the participating units beside the lead unit (the responsible unit) and who decided them (004 预测排查制度 5); they see the case and report progress on it.',
  })
  setCaseParticipants(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SetCaseParticipantsInput,
  ): Promise<PetitionCase> {
    return this.service.setParticipants(ctx, input);
  }

  @Allow('update', 'PetitionCase')
  @Mutation(() => PetitionCase, {
    description:
      "The township's office records the county leader co-owning its case beside its own owning leader (003 二: 县级领导包案).",
  })
  assignCaseCountyOwner(
    @Ctx() ctx: RequestContext,
    @Args('input') input: AssignCaseCountyOwnerInput,
  ): Promise<PetitionCase> {
    return this.service.assignCountyOwner(ctx, input);
  }

  @Allow('update', 'PetitionCase')
  @Mutation(() => CaseWorkingGroup, {
    description: 'The office sets up a special working group for one field of work (002 四(三): 适时成立专项工作小组).',
  })
  setUpWorkingGroup(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SetUpWorkingGroupInput,
  ): Promise<CaseWorkingGroup> {
    return this.groupsService.setUpWorkingGroup(ctx, input);
  }

  @Allow('update', 'PetitionCase')
  @Mutation(() => CaseWorkingGroup, { description: "Cases of the group's field join it." })
  addCasesToWorkingGroup(
    @Ctx() ctx: RequestContext,
    @Args('input') input: WorkingGroupCasesInput,
  ): Promise<CaseWorkingGroup> {
    return this.groupsService.addCases(ctx, input);
  }

  @Allow('update', 'PetitionCase')
  @Mutation(() => CaseWorkingGroup, { description: 'Cases leave the group.' })
  removeCasesFromWorkingGroup(
    @Ctx() ctx: RequestContext,
    @Args('input') input: WorkingGroupCasesInput,
  ): Promise<CaseWorkingGroup> {
    return this.groupsService.removeCases(ctx, input);
  }

  @Allow('update', 'PetitionCase')
  @Mutation(() => CaseWorkingGroup, {
    description: 'The group has done its work (dissolved); its cases stay recorded.',
  })
  dissolveWorkingGroup(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CaseWorkingGroup> {
    return this.groupsService.dissolve(ctx, id);
  }

  @Allow('read', 'PetitionCase')
  @Query(() => CaseWorkingGroupPage, { description: "A tenant's special working groups by name." })
  caseWorkingGroups(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('activeOnly', { nullable: true, defaultValue: false }) activeOnly: boolean,
    @Args('limit', { type: () => Int, defaultValue: 50, description: 'At most 200.' }) limit: number,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<CaseWorkingGroupPage> {
    return this.groupsService.groups(ctx, tenantCode, activeOnly, limit, after ?? null);
  }

  @ResolveField(() => PrincipalAssignment, {
    nullable: true,
    description:
      "The principal leader's assignment (主要领导批转, 004 领导接待日制度 5): null where the plugin does not register this case for it.",
  })
  principalAssignment(@Parent() c: PetitionCase): PrincipalAssignment | null {
    if (!c.principalStatus) return null;
    return {
      status: c.principalStatus,
      rule: c.principalRule ?? '',
      instruction: c.principalInstruction,
      at: c.principalAt,
      byUserId: c.principalById,
    };
  }

  @ResolveField(() => [MemberUnit], {
    description: 'Participating units (参与单位) beside the lead unit (`responsibleUnit`), 004 预测排查制度 5.',
  })
  async participatingUnits(@Ctx() ctx: RequestContext, @Parent() c: PetitionCase): Promise<MemberUnit[]> {
    if (!c.participatingUnitIds?.length) return [];
    const loader = ctx.loader('memberUnitById', (ids) => this.units.unitsById(ctx, ids));
    return (await Promise.all(c.participatingUnitIds.map((id) => loader.load(id)))).filter((u): u is MemberUnit => !!u);
  }

  @ResolveField(() => [CaseWorkingGroup], {
    complexity: listOf(5),
    description: 'The special working groups (专项工作小组) the case belongs to.',
  })
  async workingGroups(@Ctx() ctx: RequestContext, @Parent() c: PetitionCase): Promise<CaseWorkingGroup[]> {
    return (
      (await ctx.loader('caseWorkingGroups', (ids) => this.groupsService.groupsOfCases(ctx, ids)).load(c.id)) ?? []
    );
  }
}

@Resolver(() => PrincipalAssignment)
export class PrincipalAssignmentResolver {
  constructor(@Inject(UsersQuery) private readonly users: UsersQuery) {}

  @ResolveField(() => User, { nullable: true, description: 'Who recorded the 批转.' })
  async by(@Ctx() ctx: RequestContext, @Parent() p: PrincipalAssignment): Promise<User | null> {
    if (!p.byUserId) return null;
    return this.users.byId(ctx, p.byUserId);
  }
}

@Resolver(() => CaseWorkingGroup)
export class CaseWorkingGroupResolver {
  constructor(
    @Inject(CaseWorkingGroupsService) private readonly groupsService: CaseWorkingGroupsService,
    @Inject(JointMeetingService) private readonly jointMeeting: JointMeetingService,
  ) {}

  @ResolveField(() => [PetitionCase], {
    complexity: listOf(50),
    description: 'The cases the group takes on (those the caller sees).',
  })
  cases(@Ctx() ctx: RequestContext, @Parent() g: CaseWorkingGroup): Promise<PetitionCase[]> {
    return this.groupsService.casesOf(ctx, g.id);
  }

  @ResolveField(() => [MemberUnit])
  async units(@Ctx() ctx: RequestContext, @Parent() g: CaseWorkingGroup): Promise<MemberUnit[]> {
    if (!g.unitIds.length) return [];
    const loader = ctx.loader('memberUnitById', (ids) => this.jointMeeting.unitsById(ctx, ids));
    return (await Promise.all(g.unitIds.map((id) => loader.load(id)))).filter((u): u is MemberUnit => !!u);
  }
}

@Resolver(() => CaseLine)
export class CaseLineResolver {
  constructor(@Inject(JointMeetingService) private readonly jointMeeting: JointMeetingService) {}

  @ResolveField(() => [MemberUnit], { description: 'Member units in the line (分管部门).' })
  async units(@Ctx() ctx: RequestContext, @Parent() l: CaseLine): Promise<MemberUnit[]> {
    if (!l.unitIds.length) return [];
    const loader = ctx.loader('memberUnitById', (ids) => this.jointMeeting.unitsById(ctx, ids));
    return (await Promise.all(l.unitIds.map((id) => loader.load(id)))).filter((u): u is MemberUnit => !!u);
  }
}

export const LEDGER_RULE_RESOLVERS = [
  LedgerRulesResolver,
  PrincipalAssignmentResolver,
  CaseWorkingGroupResolver,
  CaseLineResolver,
];
