import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { PetitionCase } from '../case.entity';
import { CaseProgressReport } from '../case-records.entity';
import { AssignCaseOwnerInput, ReportCaseProgressInput, SetKeyCaseInput } from './dto/ownership.inputs';
import { OwnershipService } from './ownership.service';

/** Leader ownership (包案, 003 §二), key cases (重点案件, 003 §五) and the owner's progress reports. */
@Resolver()
export class OwnershipResolver {
  constructor(@Inject(OwnershipService) private readonly ownership: OwnershipService) {}

  @Allow('update', 'PetitionCase')
  @Mutation(() => PetitionCase, {
    description:
      'The office records the owning leader (包案), team, plan and roadmap; the tier must match the ownership rule.',
  })
  assignCaseOwner(@Ctx() ctx: RequestContext, @Args('input') input: AssignCaseOwnerInput): Promise<PetitionCase> {
    return this.ownership.assignOwner(ctx, input);
  }

  @Allow('update', 'PetitionCase')
  @Mutation(() => PetitionCase, {
    description:
      "The office marks a case a key case (重点案件, 003 §五) or unmarks it, with a reason; the plugin's keyCases rule marks some at reception. Kept in the case history.",
  })
  setKeyCase(@Ctx() ctx: RequestContext, @Args('input') input: SetKeyCaseInput): Promise<PetitionCase> {
    return this.ownership.setKeyCase(ctx, input);
  }

  @Allow('report', 'PetitionCase')
  @Mutation(() => CaseProgressReport, {
    description: 'A progress report on an owned case for the current period (003: weekly until resolved and closed).',
  })
  reportCaseProgress(
    @Ctx() ctx: RequestContext,
    @Args('input') input: ReportCaseProgressInput,
  ): Promise<CaseProgressReport> {
    return this.ownership.report(ctx, input);
  }
}
