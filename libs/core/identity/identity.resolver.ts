import { Inject } from '@nestjs/common';
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Authenticated, Ctx, PasswordChangeAllowed, Public } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { Tenant } from '@core/tenancy/entities';
import { TenancyService } from '@core/tenancy';
import { MemberUnit } from '@core/joint-meeting/entities';
import { JointMeetingService } from '@core/joint-meeting';
import { AuthPayload } from './auth-payload.model';
import { CreateUserInput } from './dto/create-user.input';
import { LoginInput } from './dto/login.input';
import { IdentityService } from './identity.service';
import { User } from './user.entity';

@Resolver(() => User)
export class IdentityResolver {
  constructor(
    @Inject(IdentityService) private readonly identity: IdentityService,
    @Inject(TenancyService) private readonly tenancy: TenancyService,
    @Inject(JointMeetingService) private readonly jointMeeting: JointMeetingService,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Sign in; platform users omit tenantCode.' })
  login(@Ctx() ctx: RequestContext, @Args('input') input: LoginInput): Promise<AuthPayload> {
    return this.identity.login(ctx, input);
  }

  @Authenticated()
  @Mutation(() => AuthPayload, {
    description:
      "Exchanges a still-valid access token for a fresh one (roles re-read), within the session's absolute end; no refresh token is spent (see refreshSession).",
  })
  refreshAccessToken(@Ctx() ctx: RequestContext): Promise<AuthPayload> {
    return this.identity.refresh(ctx);
  }

  @Authenticated()
  @PasswordChangeAllowed()
  @Query(() => User, { description: 'The signed-in user.' })
  me(@Ctx() ctx: RequestContext): Promise<User> {
    return this.identity.me(ctx);
  }

  @Allow('create', 'User')
  @Mutation(() => User, {
    description: 'Creates a user in a tenant (office director of the tenant or its parent, or platform admin).',
  })
  createUser(@Ctx() ctx: RequestContext, @Args('input') input: CreateUserInput): Promise<User> {
    return this.identity.createUser(ctx, input);
  }

  @ResolveField(() => Tenant, { nullable: true })
  tenant(@Ctx() ctx: RequestContext, @Parent() user: User): Promise<Tenant | null> {
    if (!user.tenantId) return Promise.resolve(null);
    return ctx.loader('tenantById', (ids) => this.tenancy.byIds(ctx, ids)).load(user.tenantId);
  }

  @ResolveField(() => MemberUnit, { nullable: true })
  memberUnit(@Ctx() ctx: RequestContext, @Parent() user: User): Promise<MemberUnit | null> {
    if (!user.memberUnitId) return Promise.resolve(null);
    return ctx.loader('memberUnitById', (ids) => this.jointMeeting.unitsById(ctx, ids)).load(user.memberUnitId);
  }
}
