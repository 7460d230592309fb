import type { RulesFor } from '@engine/access';
import { Role } from '@engine/context';

/** Who may create users: platform admins anywhere; an office director in its tenant and its direct children. */
export const identityRules: RulesFor = (caller, can) => {
  if (caller.roles.includes(Role.PLATFORM_ADMIN)) can('create', 'User');
  if (caller.roles.includes(Role.OFFICE_DIRECTOR) && caller.tenantId) {
    can('create', 'User', { tenantId: caller.tenantId });
    can('create', 'User', { parentTenantId: caller.tenantId });
  }
  can('read', 'User', { id: caller.userId });
};
