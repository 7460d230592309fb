import { Inject } from '@nestjs/common';
import { Args, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { AFTER_ARG, checkLimit, LIMIT_ARG, PageOf } from '@engine/graphql';
import { SUPERVISION_ERRORS } from '../supervision.errors';
import { clamp } from '../args';
import { ConfirmSupervisionProposalInput, DismissSupervisionProposalInput } from './dto/proposals.inputs';
import { SupervisionProposal, type ProposalStatus } from './proposal.entity';
import { ProposalsService } from './proposals.service';

const STATUSES: readonly string[] = ['PROPOSED', 'CONFIRMED', 'DISMISSED'];

@ObjectType('SupervisionProposalPage')
export class SupervisionProposalPage extends PageOf(SupervisionProposal) {}

/** The ladder proposes, a person decides: the office confirms or dismisses each proposed step. */
@Resolver(() => SupervisionProposal)
export class ProposalsResolver {
  constructor(@Inject(ProposalsService) private readonly proposals: ProposalsService) {}

  @Allow('read', 'SupervisionAction')
  @Query(() => [SupervisionProposal], {
    description:
      'Steps the ladder proposed (提醒, 约谈, 挂牌督办, 问责…) with rule, article and evidence, newest first; status PROPOSED, CONFIRMED or DISMISSED.',
    deprecationReason: 'Use supervisionProposalsPage (cursor + limit).',
  })
  supervisionProposals(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('status', { type: () => String, nullable: true }) status: string | undefined,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
  ): Promise<SupervisionProposal[]> {
    if (status && !STATUSES.includes(status))
      throw SUPERVISION_ERRORS.badInput('status', 'NOT_ONE_OF', { allowed: STATUSES });
    return this.proposals.list(ctx, tenantCode, (status ?? undefined) as ProposalStatus | undefined, clamp(limit));
  }

  @Allow('read', 'SupervisionAction')
  @Query(() => SupervisionProposalPage, {
    description:
      'Steps the ladder proposed (提醒, 约谈, 挂牌督办, 问责…) with rule, article and evidence, latest proposed first, a page at a time; status PROPOSED, CONFIRMED or DISMISSED.',
  })
  supervisionProposalsPage(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('status', { type: () => String, nullable: true }) status: string | undefined,
    @Args('after', AFTER_ARG) after: string | null,
    @Args('limit', LIMIT_ARG) limit: number,
  ): Promise<SupervisionProposalPage> {
    if (status && !STATUSES.includes(status))
      throw SUPERVISION_ERRORS.badInput('status', 'NOT_ONE_OF', { allowed: STATUSES });
    return this.proposals.page(
      ctx,
      tenantCode,
      (status ?? undefined) as ProposalStatus | undefined,
      checkLimit(limit),
      after,
    );
  }

  @Allow('create', 'SupervisionAction')
  @Mutation(() => SupervisionProposal, {
    description:
      'The office confirms a proposed step (choosing 提醒 or 约谈 where the rule leaves the choice, the severity and channel): only now is it sent and filed.',
  })
  confirmSupervisionProposal(
    @Ctx() ctx: RequestContext,
    @Args('input') input: ConfirmSupervisionProposalInput,
  ): Promise<SupervisionProposal> {
    return this.proposals.confirm(ctx, input);
  }

  @Allow('create', 'SupervisionAction')
  @Mutation(() => SupervisionProposal, {
    description: 'The office dismisses a proposed step, with its reason; nothing is sent.',
  })
  dismissSupervisionProposal(
    @Ctx() ctx: RequestContext,
    @Args('input') input: DismissSupervisionProposalInput,
  ): Promise<SupervisionProposal> {
    return this.proposals.dismiss(ctx, input);
  }

  @ResolveField(() => String, {
    description:
      'The rule in words as the source puts it (连续2次定期通报排名后3位; 经办公室认定：发生进京走访越级访), for display beside ruleSource; never a code where the plugin names the reason.',
  })
  ruleName(@Parent() p: SupervisionProposal): string {
    const summary = (p.facts as { summary?: unknown } | null)?.summary;
    return typeof summary === 'string' && summary ? summary : p.ruleId;
  }
}
