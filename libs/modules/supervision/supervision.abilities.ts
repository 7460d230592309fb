import { holdersOf, type RulesFor } from '@engine/access';
import { Role, UNIT_ROLES } from '@core/identity';

/**
 * Supervision (督查督办). Everyone in the tenant tree reads notices, actions and assessments (a member
 * unit only what concerns it; a township's leaders also what its ancestors decided about it: the
 * services narrow the query). The office publishes notices, flags concerns, issues reminders, lists
 * and advances listings, plans interviews and runs assessments, and reads its outbox; conveners open
 * and conduct interviews (which one, by severity, the plugin says) and decide accountability; the
 * units concerned give read receipts and file rectification reports. Superiors read.
 */
export const supervisionRules: RulesFor = (caller, can) => {
  const has = (...roles: Role[]): boolean => roles.some((r) => caller.roles.includes(r));
  if (!caller.tenantId) return;
  const own = { tenantId: caller.tenantId };
  can('read', ['SupervisionNotice', 'SupervisionAction', 'Assessment']);
  if (has(Role.OFFICE_DIRECTOR)) {
    can('create', ['SupervisionNotice', 'SupervisionFlag', 'Assessment'], own);
    can(['create', 'update'], 'SupervisionAction', own);
    can('read', 'OutboxMessage', own);
  }
  // Who records an assessment's result the plugin says (outcomeRecordedBy); the service checks it.
  if (has(Role.OFFICE_DIRECTOR, ...holdersOf(Role.CONVENER))) can('approve', 'Assessment', own);
  if (has(...holdersOf(Role.CONVENER))) {
    can('create', 'SupervisionAction', { ...own, kind: 'INTERVIEW' });
    can('approve', 'SupervisionAction', own);
  }
  if (has(Role.OFFICE_DIRECTOR, ...holdersOf(Role.CONVENER), Role.SUPERIOR)) can('read', 'SupervisionFlag');
  if (has(Role.OFFICE_DIRECTOR, ...holdersOf(Role.CONVENER), ...UNIT_ROLES)) {
    can('acknowledge', 'SupervisionNotice');
    can('report', 'SupervisionAction');
  }
};

declare module '@engine/access/ability' {
  /** The subjects of access this context owns. */
  interface Subjects {
    SupervisionNotice: true;
    SupervisionAction: true;
    SupervisionFlag: true;
    Assessment: true;
    OutboxMessage: true;
  }
}
