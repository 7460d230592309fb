import { holdersOf, type RulesFor } from '@engine/access';
import { Role } from '@core/identity/entities';

/**
 * The office changes member units and keeps the register of member persons (its own tenant) and records
 * proposals to adjust the units; everyone reads the units and the register (public officials' posts);
 * leadership and superiors read the filing records and the proposals.
 */
export const jointMeetingRules: RulesFor = (caller, can) => {
  const has = (...roles: Role[]): boolean => roles.some((r) => caller.roles.includes(r));
  can('read', ['MemberUnit', 'MemberPerson']);
  if (has(Role.PLATFORM_ADMIN)) {
    can(['create', 'update'], 'MemberUnit');
    can('read', ['MembershipChange', 'MemberPersonChange']);
  }
  if (has(Role.OFFICE_DIRECTOR) && caller.tenantId)
    can(['create', 'update'], ['MemberUnit', 'MemberPerson', 'MemberUnitProposal'], { tenantId: caller.tenantId });
  if (has(Role.OFFICE_DIRECTOR, ...holdersOf(Role.CONVENER), Role.SUPERIOR))
    can('read', ['MembershipChange', 'MemberPersonChange', 'MemberUnitProposal']);
};

declare module '@engine/access/ability' {
  /** The subjects of access this context owns. */
  interface Subjects {
    MemberUnit: true;
    MembershipChange: true;
    MemberPerson: true;
    MemberPersonChange: true;
    MemberUnitProposal: true;
  }
}
