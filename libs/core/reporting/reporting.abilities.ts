import { holdersOf, type RulesFor } from '@engine/access';
import { Role, UNIT_ROLES } from '@core/identity';

/**
 * Reports upward: the office drafts, submits, sends and records replies; member units draft and send their
 * own work reports; approving is open to the tenant's users here and narrowed to the plugin's
 * `reportsUpward.approvedBy` by the service; acknowledging and answering to the office and conveners,
 * narrowed to the report's recipient by the service. Reading is narrowed by RLS and the service.
 */
export const reportingRules: RulesFor = (caller, can) => {
  const has = (...roles: Role[]): boolean => roles.some((r) => caller.roles.includes(r));
  if (!caller.tenantId) return;
  // Read in the own tenant only: a parent's office reads what was sent to it through the service (RLS lets
  // only that through), never a child's report as a subject (so the audit trail shows it no values).
  can('read', 'Report', { tenantId: caller.tenantId });
  can('approve', 'Report', { tenantId: caller.tenantId });
  if (has(Role.OFFICE_DIRECTOR)) can(['create', 'update'], 'Report', { tenantId: caller.tenantId });
  if (has(Role.OFFICE_DIRECTOR)) can('acknowledge', 'Report');
  if (has(...holdersOf(Role.CONVENER))) can('acknowledge', 'Report', { tenantId: caller.tenantId });
  if (has(...UNIT_ROLES) && caller.memberUnitId) can('create', 'Report', { tenantId: caller.tenantId });
};

declare module '@engine/access/ability' {
  /** The subjects of access this context owns. */
  interface Subjects {
    Report: true;
  }
}
