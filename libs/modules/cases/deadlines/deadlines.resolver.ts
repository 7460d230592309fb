import { Inject } from '@nestjs/common';
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { PetitionCase } from '../case.entity';
import { CaseExtension } from '../case-records.entity';
import { CaseLimits } from '../case-limits';
import { DeadlinesService } from './deadlines.service';
import { DecideCaseExtensionInput, RequestCaseExtensionInput } from './dto/deadline.inputs';

/** Time-limit extensions (延期) of cases; overdue detection runs in the case sweep. */
@Resolver(() => PetitionCase)
export class DeadlinesResolver {
  constructor(@Inject(DeadlinesService) private readonly deadlines: DeadlinesService) {}

  @Allow('read', 'PetitionCase')
  @Query(() => CaseLimits, {
    description:
      "The ledger's limits for a tenant (集体访 threshold, extension cap), each from the plugin's article or shown as a platform default.",
  })
  caseLimits(@Ctx() ctx: RequestContext, @Args('tenantCode') tenantCode: string): Promise<CaseLimits> {
    return this.deadlines.limits(ctx, tenantCode);
  }

  @Allow('report', 'PetitionCase')
  @Mutation(() => CaseExtension, {
    description:
      'The responsible unit or the office asks for a later time limit (延期), with a reason; one pending request per case.',
  })
  requestCaseExtension(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RequestCaseExtensionInput,
  ): Promise<CaseExtension> {
    return this.deadlines.requestExtension(ctx, input);
  }

  @Allow('approve', 'PetitionCase')
  @Mutation(() => CaseExtension, {
    description:
      'The office or a convener approves (the time limit moves) or rejects an extension request, with a reason.',
  })
  decideCaseExtension(
    @Ctx() ctx: RequestContext,
    @Args('input') input: DecideCaseExtensionInput,
  ): Promise<CaseExtension> {
    return this.deadlines.decideExtension(ctx, input);
  }

  @ResolveField(() => [CaseExtension], { description: 'Extension requests (延期), oldest first.' })
  async extensions(@Ctx() ctx: RequestContext, @Parent() c: PetitionCase): Promise<CaseExtension[]> {
    return (await ctx.loader('caseExtensions', (ids) => this.deadlines.extensionsOf(ctx, ids)).load(c.id)) ?? [];
  }
}
