import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { AFTER_ARG, checkLimit, LIMIT_ARG, PageOf } from '@engine/graphql';
import { SupervisionAction } from './action.entity';
import { letterPath } from './action-writer';
import { ActionsQuery } from './actions.query';
import { ActionsService } from './actions.service';
import { clamp, codeArg, idArg, optionalIdArg } from '../args';
import {
  AdvanceListingInput,
  DecideAccountabilityInput,
  FlagConcernInput,
  IssueReminderInput,
  OpenListingInput,
} from './dto/actions.inputs';
import { SupervisionActionKind } from '../enums';
import { SupervisionFlag } from './flag.entity';
import { FlagsQuery } from './flags.query';
import { AccountabilityService } from './accountability.service';

@ObjectType('SupervisionActionPage')
export class SupervisionActionPage extends PageOf(SupervisionAction) {}

@ObjectType('SupervisionFlagPage')
export class SupervisionFlagPage extends PageOf(SupervisionFlag) {}

const DEPRECATED = (page: string): string => `Use ${page} (cursor + limit); this list clamps limit to 1..200.`;

@Resolver(() => SupervisionAction)
export class ActionsResolver {
  constructor(
    @Inject(ActionsQuery) private readonly query: ActionsQuery,
    @Inject(ActionsService) private readonly actions: ActionsService,
    @Inject(AccountabilityService) private readonly accountability: AccountabilityService,
    @Inject(FlagsQuery) private readonly flags: FlagsQuery,
  ) {}

  @Allow('read', 'SupervisionAction')
  @Query(() => [SupervisionAction], {
    description:
      "A tenant's supervision actions (提醒, 挂牌督办, 约谈, 问责…), newest first, each with its rule, facts and steps.",
    deprecationReason: DEPRECATED('supervisionActionsPage'),
  })
  supervisionActions(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('kind', { type: () => SupervisionActionKind, nullable: true }) kind: SupervisionActionKind | undefined,
    @Args('status', { type: () => String, nullable: true }) status: string | undefined,
    @Args('unitId', { type: () => ID, nullable: true }) unitId: string | undefined,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
  ): Promise<SupervisionAction[]> {
    return this.query.list(ctx, tenantCode, {
      kind: kind ?? undefined,
      status: codeArg(status, 'status'),
      unitId: optionalIdArg(unitId, 'unitId'),
      limit: clamp(limit),
    });
  }

  @Allow('read', 'SupervisionAction')
  @Query(() => SupervisionActionPage, {
    description:
      "A tenant's supervision actions (提醒, 挂牌督办, 约谈, 问责…), latest opened first, a page at a time (a member unit: those about itself).",
  })
  supervisionActionsPage(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('kind', { type: () => SupervisionActionKind, nullable: true }) kind: SupervisionActionKind | undefined,
    @Args('status', { type: () => String, nullable: true }) status: string | undefined,
    @Args('unitId', { type: () => ID, nullable: true }) unitId: string | undefined,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('limit', LIMIT_ARG) limit: number,
  ): Promise<SupervisionActionPage> {
    return this.query.page(
      ctx,
      tenantCode,
      {
        kind: kind ?? undefined,
        status: codeArg(status, 'status'),
        unitId: optionalIdArg(unitId, 'unitId'),
        limit: checkLimit(limit),
      },
      after,
    );
  }

  @Allow('read', 'SupervisionAction')
  @Query(() => SupervisionAction, { nullable: true })
  supervisionAction(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SupervisionAction | null> {
    return this.query.byId(ctx, idArg(id, 'id'));
  }

  @Allow('read', 'SupervisionAction')
  @Query(() => [SupervisionAction], {
    description: "Actions concerning the caller: ancestors' actions about its township, its tenant's about its unit.",
    deprecationReason: DEPRECATED('receivedSupervisionActionsPage'),
  })
  receivedSupervisionActions(
    @Ctx() ctx: RequestContext,
    @Args('kind', { type: () => SupervisionActionKind, nullable: true }) kind: SupervisionActionKind | undefined,
    @Args('status', { type: () => String, nullable: true }) status: string | undefined,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
  ): Promise<SupervisionAction[]> {
    return this.query.received(ctx, {
      kind: kind ?? undefined,
      status: codeArg(status, 'status'),
      limit: clamp(limit),
    });
  }

  @Allow('read', 'SupervisionAction')
  @Query(() => SupervisionActionPage, {
    description:
      "Actions concerning the caller (ancestors' actions about its township, its tenant's about its unit), latest opened first, a page at a time.",
  })
  receivedSupervisionActionsPage(
    @Ctx() ctx: RequestContext,
    @Args('kind', { type: () => SupervisionActionKind, nullable: true }) kind: SupervisionActionKind | undefined,
    @Args('status', { type: () => String, nullable: true }) status: string | undefined,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('limit', LIMIT_ARG) limit: number,
  ): Promise<SupervisionActionPage> {
    return this.query.receivedPage(
      ctx,
      { kind: kind ?? undefined, status: codeArg(status, 'status'), limit: checkLimit(limit) },
      after,
    );
  }

  @Allow('read', 'SupervisionFlag')
  @Query(() => [SupervisionFlag], {
    description: 'Concerns the office flagged, newest first.',
    deprecationReason: DEPRECATED('supervisionFlagsPage'),
  })
  supervisionFlags(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
  ): Promise<SupervisionFlag[]> {
    return this.flags.list(ctx, tenantCode, clamp(limit));
  }

  @Allow('read', 'SupervisionFlag')
  @Query(() => SupervisionFlagPage, { description: 'Concerns the office flagged, latest first, a page at a time.' })
  supervisionFlagsPage(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('limit', LIMIT_ARG) limit: number,
  ): Promise<SupervisionFlagPage> {
    return this.flags.page(ctx, tenantCode, checkLimit(limit), after);
  }

  @Allow('create', 'SupervisionFlag')
  @Mutation(() => SupervisionFlag, {
    description: "The office flags a concern (造成严重影响, 越级访…); the ladder's FLAGGED rules act on it.",
  })
  flagSupervisionConcern(@Ctx() ctx: RequestContext, @Args('input') input: FlagConcernInput): Promise<SupervisionFlag> {
    return this.actions.flag(ctx, input);
  }

  @Allow('create', 'SupervisionAction')
  @Mutation(() => SupervisionAction, {
    description: 'The office reminds a unit (提醒): by SMS or a numbered letter as the plugin says for the severity.',
  })
  issueReminder(@Ctx() ctx: RequestContext, @Args('input') input: IssueReminderInput): Promise<SupervisionAction> {
    return this.actions.issueReminder(ctx, input);
  }

  @Allow('create', 'SupervisionAction')
  @Mutation(() => SupervisionAction, {
    description: 'The office lists a matter for supervision (挂牌督办) with a time limit.',
  })
  openListing(@Ctx() ctx: RequestContext, @Args('input') input: OpenListingInput): Promise<SupervisionAction> {
    return this.actions.openListing(ctx, input);
  }

  @Allow('update', 'SupervisionAction')
  @Mutation(() => SupervisionAction, {
    description: "The next step of the plugin's listing procedure; the acceptance step must pass before delisting.",
  })
  advanceListing(@Ctx() ctx: RequestContext, @Args('input') input: AdvanceListingInput): Promise<SupervisionAction> {
    return this.actions.advanceListing(ctx, input);
  }

  @Allow('approve', 'SupervisionAction')
  @Mutation(() => SupervisionAction, {
    description:
      "The conveners decide accountability (问责) with the plugin's recommendation rights and sanctions, and may order rectification within a time limit (责令限期整改, 003 §七).",
  })
  decideAccountability(
    @Ctx() ctx: RequestContext,
    @Args('input') input: DecideAccountabilityInput,
  ): Promise<SupervisionAction> {
    return this.accountability.decide(ctx, input);
  }

  @ResolveField(() => [SupervisionAction], {
    description: 'The actions that led to this one (caused_by), nearest first.',
  })
  evidenceChain(@Parent() action: SupervisionAction): SupervisionAction[] {
    return action.evidenceChain ?? [];
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'For a reminder sent by letter: where to download the letter (提醒函, DOCX).',
  })
  letterUrl(@Parent() action: SupervisionAction): string | null {
    return action.kind === SupervisionActionKind.REMINDER && action.channel === 'LETTER' ? letterPath(action.id) : null;
  }
}
