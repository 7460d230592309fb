import { defineContext } from '@engine/manifest';
import { IdentityModule } from './identity.module';
import { User, UserCredential } from './user.entity';
import { AccountChange } from './account-change.entity';
import { AuthSession, RefreshToken } from './sessions/session.entity';
import { identityRules } from './identity.abilities';
import { signInRules } from './sign-in.abilities';
export * from './identity.module';
export * from './identity.service';
export * from './identity.abilities';
export * from './sign-in.abilities';
export * from './sign-in-limiter';
export * from './user.entity';
export * from './admin/account-admin.service';
export * from './users.query';
export * from './users.module';
export * from './account.jobs';
export * from './roles';

/** The identity context's manifest, listed in apps/api/contexts.ts. */
export const identityContext = defineContext({
  name: 'identity',
  module: IdentityModule,
  entities: [User, UserCredential, AccountChange, AuthSession, RefreshToken],
  rules: [identityRules, signInRules],
});
