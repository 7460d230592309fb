import { Inject } from '@nestjs/common';
import { Args, Field, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { Tenant } from '@core/tenancy/entities';
import {
  AppointMemberInput,
  ChangeMemberInput,
  ProposeUnitAdjustmentInput,
  RecordUnitAdjustmentDecisionInput,
  RemoveMemberInput,
} from './dto/member-person.inputs';
import { JointMeetingService } from './joint-meeting.service';
import { MemberPerson, MemberPersonChange, MemberUnitProposal } from './member-person.entity';
import { MemberUnit } from './member-unit.entity';
import { MembersService } from './members.service';

@ObjectType()
export class MemberPersonChangePage {
  @Field(() => [MemberPersonChange])
  items: MemberPersonChange[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' })
  nextCursor: string | null;
}

@ObjectType()
export class MemberUnitProposalPage {
  @Field(() => [MemberUnitProposal])
  items: MemberUnitProposal[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' })
  nextCursor: string | null;
}

/** The register of members (成员) on a tenant, and the office's operations on it. */
@Resolver(() => Tenant)
export class TenantMembersResolver {
  constructor(@Inject(MembersService) private readonly members: MembersService) {}

  @ResolveField('members', () => [MemberPerson], {
    description:
      "The joint meeting's members (成员): conveners, members and liaisons, in the register's order (a small list by nature).",
  })
  async members_(
    @Ctx() ctx: RequestContext,
    @Parent() tenant: Tenant,
    @Args('includeRemoved', {
      defaultValue: false,
      description: 'Also those removed (the filing record says when and why).',
    })
    includeRemoved: boolean,
  ): Promise<MemberPerson[]> {
    return (
      ((await ctx
        .loader(`membersByTenant:${includeRemoved}`, (ids) => this.members.membersOf(ctx, ids, includeRemoved))
        .load(tenant.id)) as MemberPerson[] | null) ?? []
    );
  }
}

@Resolver(() => MemberPerson)
export class MemberPersonResolver {
  constructor(
    @Inject(MembersService) private readonly members: MembersService,
    @Inject(JointMeetingService) private readonly units: JointMeetingService,
  ) {}

  @ResolveField(() => MemberUnit, {
    nullable: true,
    description: 'The member unit the person sits for (null for a convener).',
  })
  async memberUnit(@Ctx() ctx: RequestContext, @Parent() person: MemberPerson): Promise<MemberUnit | null> {
    if (!person.memberUnitId) return null;
    return (
      ((await ctx
        .loader('memberUnitById', (ids) => this.units.unitsById(ctx, ids))
        .load(person.memberUnitId)) as MemberUnit | null) ?? null
    );
  }

  @Allow('create', 'MemberPerson')
  @Mutation(() => MemberPerson, {
    description: 'The office appoints a member (person, post, unit, role); filed (备案) and reported to the conveners.',
  })
  appointMember(@Ctx() ctx: RequestContext, @Args('input') input: AppointMemberInput): Promise<MemberPerson> {
    return this.members.appoint(ctx, input);
  }

  @Allow('update', 'MemberPerson')
  @Mutation(() => MemberPerson, {
    description:
      'A change of member person (分工调整或工作变化, 000 art. 7, 001 art. 10): filed by the office with before and after, reported to the conveners.',
  })
  changeMember(@Ctx() ctx: RequestContext, @Args('input') input: ChangeMemberInput): Promise<MemberPerson> {
    return this.members.change(ctx, input);
  }

  @Allow('update', 'MemberPerson')
  @Mutation(() => MemberPerson, {
    description: 'The office removes a member from the joint meeting; filed and reported.',
  })
  removeMember(@Ctx() ctx: RequestContext, @Args('input') input: RemoveMemberInput): Promise<MemberPerson> {
    return this.members.remove(ctx, input);
  }

  @Allow('read', 'MemberPersonChange')
  @Query(() => MemberPersonChangePage, {
    description:
      'The filing record of member-person changes (成员变更备案), newest first (filed time, then id). For the office, the conveners and superiors.',
  })
  memberPersonChanges(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('after', { type: () => String, nullable: true, description: "The previous page's nextCursor." })
    after: string | null,
    @Args('limit', { type: () => Int, defaultValue: 50, description: '1‥200.' }) limit: number,
  ): Promise<MemberPersonChangePage> {
    return this.members.changes(ctx, tenantCode, limit, after);
  }
}

@Resolver(() => MemberUnitProposal)
export class MemberUnitProposalResolver {
  constructor(@Inject(MembersService) private readonly members: MembersService) {}

  @Allow('create', 'MemberUnitProposal')
  @Mutation(() => MemberUnitProposal, {
    description:
      'The office records a proposal to adjust the member units, to the body the plugin names (000 art. 7: 向镇党委、政府提出). It changes no unit.',
  })
  proposeUnitAdjustment(
    @Ctx() ctx: RequestContext,
    @Args('input') input: ProposeUnitAdjustmentInput,
  ): Promise<MemberUnitProposal> {
    return this.members.propose(ctx, input);
  }

  @Allow('update', 'MemberUnitProposal')
  @Mutation(() => MemberUnitProposal, {
    description:
      "The office records the deciding body's answer (adopted or not, with its reference). Adopted, the office then makes the change (filed as usual).",
  })
  recordUnitAdjustmentDecision(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RecordUnitAdjustmentDecisionInput,
  ): Promise<MemberUnitProposal> {
    return this.members.recordDecision(ctx, input);
  }

  @Allow('read', 'MemberUnitProposal')
  @Query(() => MemberUnitProposalPage, {
    description:
      'Proposals to adjust the member units, newest first (proposed time, then id). For the office, the conveners and superiors.',
  })
  memberUnitProposals(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('after', { type: () => String, nullable: true, description: "The previous page's nextCursor." })
    after: string | null,
    @Args('limit', { type: () => Int, defaultValue: 50, description: '1‥200.' }) limit: number,
  ): Promise<MemberUnitProposalPage> {
    return this.members.proposals(ctx, tenantCode, limit, after);
  }
}
