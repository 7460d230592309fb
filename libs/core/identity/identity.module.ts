import { Module } from '@nestjs/common';
import { SESSION_CHECK } from '@engine/access';
import { JointMeetingModule } from '@core/joint-meeting';
import { TenancyModule } from '@core/tenancy';
import { AccountAdminResolver } from './admin/account-admin.resolver';
import { AccountAdminService } from './admin/account-admin.service';
import { AccountFiling } from './account-filing';
import { IdentityResolver } from './identity.resolver';
import { MembershipChangeFiledByResolver } from './filed-by.resolver';
import { IdentityService } from './identity.service';
import { Passwords } from './passwords';
import { OwnPasswordService } from './sessions/own-password.service';
import { SessionsResolver } from './sessions/sessions.resolver';
import { SessionsService } from './sessions/sessions.service';
import { TokenCheck } from './sessions/token-check';
import { SignInLimiter } from './sign-in-limiter';
import { SignInLockoutResolver } from './sign-in-lockout.resolver';
import { SignInLockoutService } from './sign-in-lockout.service';
import { UsersModule } from './users.module';

/**
 * Accounts, sign-in and sessions. SESSION_CHECK is exported for the global guard: every request's token
 * is checked against its account's token version and its session (sessions/token-check.ts).
 */
@Module({
  imports: [TenancyModule, JointMeetingModule, UsersModule],
  providers: [
    IdentityService,
    IdentityResolver,
    MembershipChangeFiledByResolver,
    Passwords,
    AccountFiling,
    TokenCheck,
    { provide: SESSION_CHECK, useExisting: TokenCheck },
    SessionsService,
    SessionsResolver,
    OwnPasswordService,
    AccountAdminService,
    AccountAdminResolver,
    SignInLimiter,
    SignInLockoutService,
    SignInLockoutResolver,
  ],
  exports: [IdentityService, SESSION_CHECK],
})
export class IdentityModule {}
