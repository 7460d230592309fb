import type { RulesFor } from '@engine/access';
import { Role } from '@engine/context';

/** The office changes member units (its own tenant); leadership and superiors read the filing record. */
export const jointMeetingRules: RulesFor = (caller, can) => {
  const has = (...roles: Role[]): boolean => roles.some((r) => caller.roles.includes(r));
  can('read', 'MemberUnit');
  if (has(Role.PLATFORM_ADMIN)) {
    can(['create', 'update'], 'MemberUnit');
    can('read', 'MembershipChange');
  }
  if (has(Role.OFFICE_DIRECTOR) && caller.tenantId) can(['create', 'update'], 'MemberUnit', { tenantId: caller.tenantId });
  if (has(Role.OFFICE_DIRECTOR, Role.CHIEF_CONVENER, Role.CONVENER, Role.SUPERIOR)) can('read', 'MembershipChange');
};
