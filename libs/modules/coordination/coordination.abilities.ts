import type { RulesFor } from '@engine/access';
import { Role } from '@core/identity';

/**
 * Sensitive information (000/001 art. 11): member units and the office report it; the office notifies
 * the responsible unit, closes or sends back; the responsible unit reports its verification ('report').
 * Issue lists (000 art. 12): the office drafts and submits; the role the plugin names as recipient
 * reviews — which role that is the service reads from the plugin, so 'approve' is open to the
 * tenant's users here and narrowed there. Everyone in the tree reads; member units see only what
 * concerns their unit (the services narrow the query).
 */
export const coordinationRules: RulesFor = (caller, can) => {
  const has = (...roles: Role[]): boolean => roles.some((r) => caller.roles.includes(r));
  if (!caller.tenantId) return;
  can('read', ['SensitiveReport', 'IssueList']);
  can('approve', 'IssueList', { tenantId: caller.tenantId });
  if (has(Role.OFFICE_DIRECTOR)) {
    can(['create', 'update', 'report'], 'SensitiveReport', { tenantId: caller.tenantId });
    can(['create', 'update'], 'IssueList', { tenantId: caller.tenantId });
  }
  if (has(Role.MEMBER_UNIT, Role.VILLAGE_SECRETARY) && caller.memberUnitId) {
    can('report', 'SensitiveReport', { tenantId: caller.tenantId });
  }
};

declare module '@engine/access/ability' {
  /** The subjects of access this context owns. */
  interface Subjects {
    SensitiveReport: true;
    IssueList: true;
  }
}
