import { Inject } from '@nestjs/common';
import { Ctx } from '@engine/access';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@engine/context';
import { AppError } from '@engine/errors';
import { MembershipChange } from '@core/joint-meeting/entities';
import { User } from './user.entity';
import { UsersQuery } from './users.query';

/**
 * The account that filed a membership change (`MembershipChange.filedBy`): resolved here, by the context of
 * accounts, so the joint meeting, which sits below identity, names no account (docs/architecture.md).
 */
@Resolver(() => MembershipChange)
export class MembershipChangeFiledByResolver {
  constructor(@Inject(UsersQuery) private readonly users: UsersQuery) {}

  @ResolveField(() => User)
  async filedBy(@Ctx() ctx: RequestContext, @Parent() change: MembershipChange): Promise<User> {
    const user = await this.users.byId(ctx, change.filedById);
    if (!user) throw AppError.notFound('User');
    return user;
  }
}
