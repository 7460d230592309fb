import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { User } from '@core/identity/entities';
import { UsersQuery } from '@core/identity';
import { CaseEvent } from './case-event.entity';

/** Who made each step of a case's history (004: every step of the ledger is someone's act). */
@Resolver(() => CaseEvent)
export class CaseHistoryResolver {
  constructor(@Inject(UsersQuery) private readonly users: UsersQuery) {}

  @ResolveField(() => User, {
    nullable: true,
    description: "Who made the step; null for a step the platform's own jobs recorded (a sweep, a deadline).",
  })
  async by(@Ctx() ctx: RequestContext, @Parent() event: CaseEvent): Promise<User | null> {
    if (!event.byUserId) return null;
    return this.users.byId(ctx, event.byUserId);
  }
}
