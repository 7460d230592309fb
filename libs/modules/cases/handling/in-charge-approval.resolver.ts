import { Inject } from '@nestjs/common';
import { Args, Field, Mutation, ObjectType, Parent, ResolveField, Resolver, registerEnumType } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { User } from '@core/identity/entities';
import { UsersQuery } from '@core/identity';
import { PetitionCase } from '../case.entity';
import { RecordInChargeApprovalInput, SendCaseForInChargeApprovalInput } from './dto/in-charge-approval.inputs';
import { InChargeApprovalService } from './in-charge-approval.service';

export enum InChargeApprovalStatus {
  PENDING = 'PENDING',
  DONE = 'DONE',
}
registerEnumType(InChargeApprovalStatus, {
  name: 'InChargeApprovalStatus',
  description: 'PENDING: sent to the leader in charge; DONE: approved (审批).',
});

@ObjectType('InChargeApproval', {
  description: "The leader in charge's approval of a matter within the remit (004 首问责任制度 3: 送交分管领导审批).",
})
export class InChargeApproval {
  @Field(() => InChargeApprovalStatus)
  status: InChargeApprovalStatus;

  @Field({ description: 'The leader in charge it was sent to.' })
  leader: string;

  leaderUserId: string | null;

  @Field({ description: 'The article, e.g. 004 首問責任制度 3.' })
  rule: string;

  @Field(() => Date)
  requestedAt: Date;

  requestedById: string;

  @Field(() => String, { nullable: true, description: 'The approval as written (审批意见).' })
  instruction: string | null;

  @Field(() => Date, { nullable: true })
  approvedAt: Date | null;

  recordedById: string | null;
}

/** 004 首问责任制度 3 on the API. */
@Resolver(() => PetitionCase)
export class InChargeApprovalCaseResolver {
  constructor(@Inject(InChargeApprovalService) private readonly service: InChargeApprovalService) {}

  @Allow('create', 'PetitionCase')
  @Mutation(() => PetitionCase, {
    description:
      'The first-inquiry user or the office sends a matter within the remit to the leader in charge for approval (004 首问责任制度 3: 及时送交分管领导审批); by default the leader whose line it is in.',
  })
  sendCaseForInChargeApproval(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SendCaseForInChargeApprovalInput,
  ): Promise<PetitionCase> {
    return this.service.send(ctx, input);
  }

  @Allow('create', 'PetitionCase')
  @Mutation(() => PetitionCase, {
    description:
      "The leader in charge approves a case sent to them (审批, with the instruction), or the office records the leader's written approval; once.",
  })
  recordInChargeApproval(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RecordInChargeApprovalInput,
  ): Promise<PetitionCase> {
    return this.service.approve(ctx, input);
  }

  @ResolveField(() => InChargeApproval, {
    nullable: true,
    description: "The leader in charge's approval (004 首问责任制度 3); null unless the case was sent for it.",
  })
  inChargeApproval(@Parent() c: PetitionCase): InChargeApproval | null {
    const a = c.inChargeApproval;
    if (!a) return null;
    return {
      status: a.status as InChargeApprovalStatus,
      leader: a.leader,
      leaderUserId: a.leaderUserId,
      rule: a.rule,
      requestedAt: new Date(a.requestedAt),
      requestedById: a.requestedById,
      instruction: a.instruction,
      approvedAt: a.approvedAt ? new Date(a.approvedAt) : null,
      recordedById: a.recordedById,
    };
  }
}

@Resolver(() => InChargeApproval)
export class InChargeApprovalResolver {
  constructor(@Inject(UsersQuery) private readonly users: UsersQuery) {}

  @ResolveField(() => User, { nullable: true, description: "The leader's account, when they have one." })
  leaderUser(@Ctx() ctx: RequestContext, @Parent() a: InChargeApproval): Promise<User | null> {
    return a.leaderUserId ? this.users.byId(ctx, a.leaderUserId) : Promise.resolve(null);
  }

  @ResolveField(() => User, { nullable: true, description: 'Who sent it for approval.' })
  requestedBy(@Ctx() ctx: RequestContext, @Parent() a: InChargeApproval): Promise<User | null> {
    return this.users.byId(ctx, a.requestedById);
  }

  @ResolveField(() => User, {
    nullable: true,
    description: 'Who recorded the approval: the leader, or the office recording a written approval.',
  })
  recordedBy(@Ctx() ctx: RequestContext, @Parent() a: InChargeApproval): Promise<User | null> {
    return a.recordedById ? this.users.byId(ctx, a.recordedById) : Promise.resolve(null);
  }
}
