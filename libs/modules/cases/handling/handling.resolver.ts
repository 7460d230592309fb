import { Inject } from '@nestjs/common';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { User } from '@core/identity/entities';
import { UsersQuery } from '@core/identity';
import { PetitionCase } from '../case.entity';
import {
  EscalateCaseInput,
  RecordCaseFollowUpInput,
  ReferCaseOutOfRemitInput,
  SetCaseHandlingLevelInput,
  TransferFirstInquiryInput,
} from './dto/handling-steps.inputs';
import { HandlingService } from './handling.service';

/** First inquiry (首问负责), referral outside the remit, tiered handling and grid escalation. */
@Resolver(() => PetitionCase)
export class HandlingResolver {
  constructor(
    @Inject(HandlingService) private readonly handling: HandlingService,
    @Inject(UsersQuery) private readonly users: UsersQuery,
  ) {}

  @Allow('create', 'PetitionCase')
  @Mutation(() => PetitionCase, {
    description:
      'The first-inquiry user or the office hands first-inquiry responsibility to another user of the tenant (004 首問責任制度), with a reason where the plugin requires one.',
  })
  transferFirstInquiry(
    @Ctx() ctx: RequestContext,
    @Args('input') input: TransferFirstInquiryInput,
  ): Promise<PetitionCase> {
    return this.handling.transferFirstInquiry(ctx, input);
  }

  @Allow('create', 'PetitionCase')
  @Mutation(() => PetitionCase, {
    description:
      'A matter outside the remit: TRANSFERRED to the competent body or the petitioner GUIDED there (004 首問責任制度 4). From RECEIVED by the first-inquiry user or the office; from ASSIGNED by the office.',
  })
  referCaseOutOfRemit(
    @Ctx() ctx: RequestContext,
    @Args('input') input: ReferCaseOutOfRemitInput,
  ): Promise<PetitionCase> {
    return this.handling.referOutOfRemit(ctx, input);
  }

  @Allow('create', 'PetitionCase')
  @Mutation(() => PetitionCase, {
    description:
      'The first-inquiry user records a follow-up (跟踪服务, 反馈; 004 首問責任制度 2, 5) where the plugin asks for it.',
  })
  recordCaseFollowUp(@Ctx() ctx: RequestContext, @Args('input') input: RecordCaseFollowUpInput): Promise<PetitionCase> {
    return this.handling.recordFollowUp(ctx, input);
  }

  @Allow('update', 'PetitionCase')
  @Mutation(() => PetitionCase, {
    description:
      "The office sets the level a case is handled at (002 §五(三)); the plugin's tiered handling names its first responsible.",
  })
  setCaseHandlingLevel(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SetCaseHandlingLevelInput,
  ): Promise<PetitionCase> {
    return this.handling.setLevel(ctx, input);
  }

  @Allow('report', 'PetitionCase')
  @Mutation(() => PetitionCase, {
    description:
      "A grid worker (the secretary of the case's village or community) or the office moves a case one level up: GRID → COMMUNITY → TOWN (002 §五(二)).",
  })
  escalateCase(@Ctx() ctx: RequestContext, @Args('input') input: EscalateCaseInput): Promise<PetitionCase> {
    return this.handling.escalate(ctx, input);
  }

  @ResolveField(() => User, {
    nullable: true,
    description:
      'The first-inquiry responsible (首问责任人): the first receiver, until the responsibility is handed on.',
  })
  firstInquiryUser(@Ctx() ctx: RequestContext, @Parent() c: PetitionCase): Promise<User | null> {
    return this.users.byId(ctx, c.firstInquiryUserId);
  }
}
