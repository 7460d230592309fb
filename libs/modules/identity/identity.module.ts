import { Module } from '@nestjs/common';
import { JointMeetingModule } from '@modules/joint-meeting/joint-meeting.module';
import { TenancyModule } from '@modules/tenancy/tenancy.module';
import { IdentityResolver } from './identity.resolver';
import { IdentityService } from './identity.service';
import { SignInLimiter } from './sign-in-limiter';
import { SignInLockoutResolver } from './sign-in-lockout.resolver';
import { SignInLockoutService } from './sign-in-lockout.service';

@Module({
  imports: [TenancyModule, JointMeetingModule],
  providers: [IdentityService, IdentityResolver, SignInLimiter, SignInLockoutService, SignInLockoutResolver],
  exports: [IdentityService],
})
export class IdentityModule {}
