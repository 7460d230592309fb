import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Authenticated, Ctx, PasswordChangeAllowed, Public } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { AuthPayload } from '../auth-payload.model';
import { ChangePasswordInput, RefreshSessionInput } from '../dto/account-admin.inputs';
import { OwnPasswordService } from './own-password.service';
import { SessionsService } from './sessions.service';

@Resolver()
export class SessionsResolver {
  constructor(
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(OwnPasswordService) private readonly ownPassword: OwnPasswordService,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      "Spends a refresh token: a new access token and the next refresh token, within the session's absolute end. A spent token presented again ends the session (reuse detection).",
  })
  refreshSession(@Args('input') input: RefreshSessionInput): Promise<AuthPayload> {
    return this.sessions.refresh(input.refreshToken);
  }

  @Authenticated()
  @PasswordChangeAllowed()
  @Mutation(() => Boolean, {
    description:
      "Ends the caller's session: its refresh token at once, its access tokens within TOKEN_VERSION_CACHE_MS on every replica.",
  })
  logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    return this.sessions.logout(ctx);
  }

  @Authenticated()
  @Mutation(() => Boolean, {
    description: 'Signs the caller out everywhere: every session ends and every access token it holds goes stale.',
  })
  logoutEverywhere(@Ctx() ctx: RequestContext): Promise<boolean> {
    return this.sessions.logoutEverywhere(ctx);
  }

  @Authenticated()
  @PasswordChangeAllowed()
  @Mutation(() => AuthPayload, {
    description:
      'Changes the own password (the current one required); every other session ends; answers a new session.',
  })
  changePassword(@Ctx() ctx: RequestContext, @Args('input') input: ChangePasswordInput): Promise<AuthPayload> {
    return this.ownPassword.change(ctx, input);
  }
}
