import { Inject } from '@nestjs/common';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import type { Role } from '@core/identity/entities';
import { AppError } from '@engine/errors';
import { Tenant } from '@core/tenancy/entities';
import { pluginOf } from '@core/tenancy';
import { AddMemberUnitInput, DeactivateMemberUnitInput, RenameMemberUnitInput } from './dto/member-unit.inputs';
import { JointMeeting, MeetingType } from './joint-meeting.model';
import { JointMeetingService } from './joint-meeting.service';
import { MemberUnit } from './member-unit.entity';
import { MembershipChange } from './membership-change.entity';
import { principleOf } from './principle';

/** Structure of a tenant's joint meeting, read from its plugin snapshot and its member units. */
@Resolver(() => Tenant)
export class TenantStructureResolver {
  constructor(@Inject(JointMeetingService) private readonly units: JointMeetingService) {}

  @ResolveField(() => JointMeeting)
  async jointMeeting(@Ctx() ctx: RequestContext, @Parent() listed: Tenant): Promise<JointMeeting> {
    const tenant = await this.units.withRules(ctx, listed);
    const config = pluginOf(tenant);
    const { structure, membershipChanges } = config;
    return {
      name: structure.jointMeetingName,
      conveners: structure.conveners.map((c) => ({ title: c.title, role: c.role as Role, source: c.source })),
      officeHost: await this.units.officeHost(ctx, tenant),
      officeSection: structure.office.section ?? null,
      officeSource: structure.office.source,
      officeDirector: {
        title: structure.office.director.title,
        role: structure.office.director.role as Role,
        source: structure.office.director.source,
      },
      membershipFiling: { reportTo: membershipChanges.reportTo as Role[], source: membershipChanges.source },
      meetingTypes: config.meetingTypes.map((m): MeetingType => ({
        code: m.code,
        name: m.name,
        chairRole: m.chairRole as Role,
        attendees: m.attendees,
        cadence: m.cadence ?? null,
        keyPeriodCadence: m.keyPeriodCadence ?? null,
        minutesApprovedBy: (m.minutes.approvedBy as Role | null) ?? null,
        distribution: m.minutes.distribution,
        minutesAsNeeded: m.minutes.asNeeded ?? false,
        source: m.source,
      })),
      principle: principleOf(structure),
      leaders: structure.leaders.map((l) => ({
        title: l.title,
        tier: l.tier,
        responsibility: l.responsibility ?? null,
        source: l.source,
      })),
    };
  }

  @ResolveField(() => [MemberUnit], { description: 'Active member units.' })
  async memberUnits(@Ctx() ctx: RequestContext, @Parent() tenant: Tenant): Promise<MemberUnit[]> {
    return (
      ((await ctx.loader('activeUnitsByTenant', (ids) => this.units.activeUnitsOf(ctx, ids)).load(tenant.id)) as
        MemberUnit[] | null) ?? []
    );
  }

  @ResolveField(() => [MembershipChange], { description: 'The filing record (备案), newest first.' })
  membershipChanges(@Ctx() ctx: RequestContext, @Parent() tenant: Tenant): Promise<MembershipChange[]> {
    return this.units.membershipChanges(ctx, tenant.id);
  }
}

@Resolver(() => MemberUnit)
export class MemberUnitResolver {
  constructor(@Inject(JointMeetingService) private readonly jointMeeting: JointMeetingService) {}

  @Allow('create', 'MemberUnit')
  @Mutation(() => MemberUnit, {
    description: 'The office adds a member unit; the change is filed and reported to the conveners.',
  })
  addMemberUnit(@Ctx() ctx: RequestContext, @Args('input') input: AddMemberUnitInput): Promise<MemberUnit> {
    return this.jointMeeting.addMemberUnit(ctx, input);
  }

  @Allow('update', 'MemberUnit')
  @Mutation(() => MemberUnit, {
    description: 'The office renames a member unit (the old name stays as an alias); filed and reported.',
  })
  renameMemberUnit(@Ctx() ctx: RequestContext, @Args('input') input: RenameMemberUnitInput): Promise<MemberUnit> {
    return this.jointMeeting.renameMemberUnit(ctx, input);
  }

  @Allow('update', 'MemberUnit')
  @Mutation(() => MemberUnit, { description: 'The office deactivates a member unit; filed and reported.' })
  deactivateMemberUnit(
    @Ctx() ctx: RequestContext,
    @Args('input') input: DeactivateMemberUnitInput,
  ): Promise<MemberUnit> {
    return this.jointMeeting.deactivateMemberUnit(ctx, input);
  }
}

/** A filed membership change; who filed it (`filedBy`, an account) is resolved by identity, which sits above. */
@Resolver(() => MembershipChange)
export class MembershipChangeResolver {
  constructor(@Inject(JointMeetingService) private readonly jointMeeting: JointMeetingService) {}

  @ResolveField(() => Date, { description: 'When the change was filed.' })
  filedAt(@Parent() change: MembershipChange): Date {
    return change.filedAtDate;
  }

  @ResolveField(() => MemberUnit)
  async memberUnit(@Ctx() ctx: RequestContext, @Parent() change: MembershipChange): Promise<MemberUnit> {
    const unit = await ctx
      .loader('memberUnitById', (ids) => this.jointMeeting.unitsById(ctx, ids))
      .load(change.memberUnitId);
    if (!unit) throw AppError.notFound('Member unit');
    return unit as MemberUnit;
  }
}
