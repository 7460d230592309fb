import { holdersOf, type RulesFor } from '@engine/access';
import { Role, UNIT_ROLES } from '@core/identity';

/**
 * The office drafts, submits and issues its own documents (its tenant); whoever the plugin names approves
 * the work points (the service checks the role, the tenant and separation of duties; conveners and office
 * directors may hold it); receiving units acknowledge briefings. Everyone in the tenant tree reads (member
 * units only the briefings issued to them: the service narrows the query).
 */
export const officeDocumentsRules: RulesFor = (caller, can) => {
  const has = (...roles: Role[]): boolean => roles.some((r) => caller.roles.includes(r));
  if (!caller.tenantId) return;
  can('read', ['WorkPlan', 'Briefing']);
  if (has(Role.OFFICE_DIRECTOR)) can(['create', 'update'], ['WorkPlan', 'Briefing'], { tenantId: caller.tenantId });
  if (has(Role.OFFICE_DIRECTOR, ...holdersOf(Role.CONVENER))) can('approve', 'WorkPlan', { tenantId: caller.tenantId });
  if (has(...UNIT_ROLES) && caller.memberUnitId) can('acknowledge', 'Briefing', { tenantId: caller.tenantId });
};

declare module '@engine/access/ability' {
  /** The subjects of access this context owns. */
  interface Subjects {
    WorkPlan: true;
    Briefing: true;
  }
}
