import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { User } from '@core/identity/user.entity';
import { CaseEvent } from './case.entity';
import { CasesQuery } from './cases.query';

/** Who made each step of a case's history (004: every step of the ledger is someone's act). */
@Resolver(() => CaseEvent)
export class CaseHistoryResolver {
  constructor(@Inject(CasesQuery) private readonly query: CasesQuery) {}

  @ResolveField(() => User, {
    nullable: true,
    description: "Who made the step; null for a step the platform's own jobs recorded (a sweep, a deadline).",
  })
  async by(@Ctx() ctx: RequestContext, @Parent() event: CaseEvent): Promise<User | null> {
    if (!event.byUserId) return null;
    return (await ctx.loader('caseStepUsers', (ids) => this.query.usersByIds(ctx, ids)).load(event.byUserId)) ?? null;
  }
}
