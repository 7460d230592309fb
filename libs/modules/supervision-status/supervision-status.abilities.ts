import type { RulesFor } from '@engine/access';
import { TREE_READING_ROLES } from '@core/identity';

/**
 * The superiors' view and its drill-down are read by the roles that read a tenant's subtree
 * (superiors, conveners, the office); row-level security then gives each only the rows of tenants it
 * may read — a town its own, a county its towns'. Nobody writes it: triggers and the daily job do.
 */
export const supervisionStatusRules: RulesFor = (caller, can) => {
  if (!caller.tenantId) return;
  if (caller.roles.some((r) => TREE_READING_ROLES.includes(r))) can('read', 'SupervisionStatus');
};

declare module '@engine/access/ability' {
  /** The subjects of access this context owns. */
  interface Subjects {
    SupervisionStatus: true;
  }
}
