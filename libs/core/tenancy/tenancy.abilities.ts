import { holdersOf, type RulesFor } from '@engine/access';
import { Role } from '@core/identity/entities';

/**
 * Reading tenants is open to every tenant user (row-level security narrows it to the caller's scope);
 * platform admins onboard anywhere; an office director onboards under its own tenant.
 *
 * Rules changes follow publish rights (docs/plugins.md, "Changing a tenant's rules"): the platform admin
 * upgrades or rolls back any tenant's rules, a county's office director its child tenants' (`update
 * TenantRules`). A change that waits for a superior is decided by the office director of the tenant's
 * parent (a tenant without a parent: the platform admin) — never by the person who asked for it. The
 * filing record is read by the tenant's office, conveners and superiors, the parent's office, the platform.
 */
export const tenancyRules: RulesFor = (caller, can) => {
  can('read', 'Tenant');
  can('read', 'JurisdictionPlugin');
  if (caller.roles.includes(Role.PLATFORM_ADMIN)) can('onboard', 'Tenant');
  if (caller.roles.includes(Role.OFFICE_DIRECTOR) && caller.tenantId)
    can('onboard', 'Tenant', { parentId: caller.tenantId });

  if (caller.roles.includes(Role.PLATFORM_ADMIN) && caller.tenantId === null) {
    can('update', 'TenantRules');
    can('read', 'TenantRulesChange');
    can('approve', 'TenantRulesChange', { parentId: null });
  }
  if (caller.roles.includes(Role.OFFICE_DIRECTOR) && caller.tenantId) {
    can('update', 'TenantRules', { parentId: caller.tenantId });
    can('approve', 'TenantRulesChange', { parentId: caller.tenantId });
    can('read', 'TenantRulesChange', { parentId: caller.tenantId });
  }
  if (
    caller.tenantId &&
    caller.roles.some((r) => [Role.OFFICE_DIRECTOR, ...holdersOf(Role.CONVENER), Role.SUPERIOR].includes(r))
  ) {
    can('read', 'TenantRulesChange', { tenantId: caller.tenantId });
  }
};

declare module '@engine/access/ability' {
  /** The subjects of access this context owns. */
  interface Subjects {
    Tenant: true;
    JurisdictionPlugin: true;
    TenantRules: true;
    TenantRulesChange: true;
  }
}
