import type { RulesFor } from '@engine/access';
import { Role } from './roles';

/** Who may lift a sign-in lockout: the office director of the account's tenant; the platform admin, any account. */
export const signInRules: RulesFor = (caller, can) => {
  if (caller.roles.includes(Role.PLATFORM_ADMIN)) can('unlock', 'User');
  if (caller.roles.includes(Role.OFFICE_DIRECTOR) && caller.tenantId)
    can('unlock', 'User', { tenantId: caller.tenantId });
};
