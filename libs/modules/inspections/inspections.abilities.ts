import { holdersOf, type RulesFor } from '@engine/access';
import { Role, UNIT_ROLES } from '@core/identity';

/**
 * Inspections (督查). Everyone in the tenant tree reads them (member units: only findings about their
 * unit — the query narrows; a county reads its towns' and the reports they send up). Within its own
 * tenant a user may propose, approve, carry out and report as far as its roles go here; which role the
 * tenant's plugin actually names (`proposedBy`, `approvedBy`) the service checks next. Superiors only read.
 */
export const inspectionsRules: RulesFor = (caller, can) => {
  const has = (...roles: Role[]): boolean => roles.some((r) => caller.roles.includes(r));
  if (!caller.tenantId) return;
  const own = { tenantId: caller.tenantId };
  can('read', 'Inspection');
  if (has(Role.OFFICE_DIRECTOR, ...holdersOf(Role.CONVENER), ...UNIT_ROLES)) can('create', 'Inspection', own);
  if (has(...holdersOf(Role.CONVENER))) can('approve', 'Inspection', own);
  if (has(Role.OFFICE_DIRECTOR, ...holdersOf(Role.CONVENER))) can(['update', 'report'], 'Inspection', own);
  // A member unit carries out and reports only a joint inspection it organises (001 art. 13): the service checks it.
  if (has(Role.MEMBER_UNIT)) can(['update', 'report'], 'Inspection', own);
};

declare module '@engine/access/ability' {
  /** The subjects of access this context owns. */
  interface Subjects {
    Inspection: true;
  }
}
