import { Inject } from '@nestjs/common';
import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { ChangeUserRolesInput, ChangeUserUnitInput, UserActionInput, UsersArgs } from '../dto/account-admin.inputs';
import { User } from '../user.entity';
import { AccountChangePage, PasswordReset, UserPage } from './account-admin.model';
import { AccountAdminService } from './account-admin.service';

/** User administration (issue 12 item 1): the directory and filed changes to accounts. */
@Resolver(() => User)
export class AccountAdminResolver {
  constructor(@Inject(AccountAdminService) private readonly admin: AccountAdminService) {}

  @Allow('read', 'User')
  @Query(() => UserPage, { description: "A tenant's users by username (search, role, active), keyset-paged." })
  users(@Ctx() ctx: RequestContext, @Args() args: UsersArgs): Promise<UserPage> {
    return this.admin.users(ctx, args);
  }

  @Allow('read', 'AccountChange')
  @Query(() => AccountChangePage, {
    description: "The filing record (备案) of a tenant's accounts, newest first, keyset-paged.",
  })
  accountChanges(
    @Ctx() ctx: RequestContext,
    @Args('tenantCode') tenantCode: string,
    @Args('limit', { type: () => Int, defaultValue: 50, description: 'At most 200.' }) limit: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<AccountChangePage> {
    return this.admin.changes(ctx, tenantCode, limit, after ?? undefined);
  }

  @Allow('update', 'User')
  @Mutation(() => User, {
    description:
      'Deactivates an account: refused at sign-in and, within seconds, on every request; its sessions end. Filed.',
  })
  deactivateUser(@Ctx() ctx: RequestContext, @Args('input') input: UserActionInput): Promise<User> {
    return this.admin.deactivate(ctx, input);
  }

  @Allow('update', 'User')
  @Mutation(() => User, { description: 'Reactivates a deactivated account with the roles it had. Filed.' })
  reactivateUser(@Ctx() ctx: RequestContext, @Args('input') input: UserActionInput): Promise<User> {
    return this.admin.reactivate(ctx, input);
  }

  @Allow('update', 'User')
  @Mutation(() => User, {
    description: "Replaces an account's roles (within the grant matrix); its access tokens go stale. Filed.",
  })
  changeUserRoles(@Ctx() ctx: RequestContext, @Args('input') input: ChangeUserRolesInput): Promise<User> {
    return this.admin.changeRoles(ctx, input);
  }

  @Allow('update', 'User')
  @Mutation(() => User, {
    description: 'Moves an account to another member unit (or none); its access tokens go stale. Filed.',
  })
  changeUserUnit(@Ctx() ctx: RequestContext, @Args('input') input: ChangeUserUnitInput): Promise<User> {
    return this.admin.changeUnit(ctx, input);
  }

  @Allow('update', 'User')
  @Mutation(() => PasswordReset, {
    description:
      'Issues a one-time temporary password, shown once; it expires (PASSWORD_RESET_TTL) and its sign-in must choose a new one. Filed.',
  })
  resetUserPassword(@Ctx() ctx: RequestContext, @Args('input') input: UserActionInput): Promise<PasswordReset> {
    return this.admin.resetPassword(ctx, input);
  }

  @Allow('update', 'User')
  @Mutation(() => User, {
    description: 'The account must choose a new password at its next sign-in; its sessions end. Filed.',
  })
  requirePasswordChange(@Ctx() ctx: RequestContext, @Args('input') input: UserActionInput): Promise<User> {
    return this.admin.requirePasswordChange(ctx, input);
  }

  /** Only for the account itself and those who administer it; null for everyone else. */
  @ResolveField(() => Date, {
    nullable: true,
    description: 'The last successful sign-in (the account itself and its administrators).',
  })
  lastSignInAt(@Ctx() ctx: RequestContext, @Parent() user: User): Date | null {
    return this.admin.administers(ctx, user) ? user.lastSignInAt : null;
  }
}
