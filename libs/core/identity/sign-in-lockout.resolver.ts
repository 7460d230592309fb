import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { UnlockSignInInput } from './dto/unlock-sign-in.input';
import { SignInLockoutService } from './sign-in-lockout.service';

@Resolver()
export class SignInLockoutResolver {
  constructor(@Inject(SignInLockoutService) private readonly lockouts: SignInLockoutService) {}

  @Allow('unlock', 'User')
  @Mutation(() => Boolean, {
    description:
      "Lifts an account's sign-in lockout on every address (the office director of its tenant; the platform admin).",
  })
  unlockSignIn(@Ctx() ctx: RequestContext, @Args('input') input: UnlockSignInInput): Promise<boolean> {
    return this.lockouts.unlock(ctx, input);
  }
}
