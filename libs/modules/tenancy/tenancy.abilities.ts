import type { RulesFor } from '@engine/access';
import { Role } from '@engine/context';

/**
 * Reading tenants is open to every tenant user (row-level security narrows it to the caller's scope);
 * platform admins onboard anywhere; an office director onboards under its own tenant.
 */
export const tenancyRules: RulesFor = (caller, can) => {
  can('read', 'Tenant');
  can('read', 'JurisdictionPlugin');
  if (caller.roles.includes(Role.PLATFORM_ADMIN)) can('onboard', 'Tenant');
  if (caller.roles.includes(Role.OFFICE_DIRECTOR) && caller.tenantId) can('onboard', 'Tenant', { parentId: caller.tenantId });
};
