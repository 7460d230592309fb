import { holdersOf, type RulesFor } from '@engine/access';
import { Role } from './roles';
import { GRANT_MATRIX } from './grant-matrix';

/**
 * Accounts. Every tenant user reads its own tenant's directory (names, roles, units: a petition is
 * transferred to a colleague by id); the roles of the grant matrix administer accounts ('create',
 * 'update') in their tenant, an office director also in its direct children — which roles exactly, the
 * service decides from the matrix; platform admins read and administer everywhere, within what the
 * matrix leaves them (first accounts, deactivation).
 */
export const identityRules: RulesFor = (caller, can) => {
  can('read', 'User', { id: caller.userId });
  if (caller.roles.includes(Role.PLATFORM_ADMIN)) {
    can(['read', 'create', 'update'], 'User');
    can('read', 'AccountChange');
    return;
  }
  if (!caller.tenantId) return;
  can('read', 'User', { tenantId: caller.tenantId });
  // The filing record of accounts is read by those who read membership changes: leadership, office, superiors.
  if ([Role.OFFICE_DIRECTOR, ...holdersOf(Role.CONVENER), Role.SUPERIOR].some((r) => caller.roles.includes(r)))
    can('read', 'AccountChange');
  if (caller.roles.some((r) => GRANT_MATRIX[r].same.length > 0))
    can(['create', 'update'], 'User', { tenantId: caller.tenantId });
  if (caller.roles.some((r) => GRANT_MATRIX[r].child.length > 0)) {
    can('read', 'User', { parentTenantId: caller.tenantId });
    can(['create', 'update'], 'User', { parentTenantId: caller.tenantId });
  }
};

declare module '@engine/access/ability' {
  /** The subjects of access this context owns. */
  interface Subjects {
    User: true;
    AccountChange: true;
  }
}
