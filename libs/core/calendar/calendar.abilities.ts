import type { RulesFor } from '@engine/access';
import { Role } from '@core/identity';

/** Platform admins load national years; each office keeps its tenant's local overrides; all read. */
export const calendarRules: RulesFor = (caller, can) => {
  can('read', 'Calendar');
  if (caller.roles.includes(Role.PLATFORM_ADMIN)) can('manage', 'Calendar');
  if (caller.roles.includes(Role.OFFICE_DIRECTOR) && caller.tenantId)
    can('update', 'Calendar', { tenantId: caller.tenantId });
};

declare module '@engine/access/ability' {
  /** The subjects of access this context owns. */
  interface Subjects {
    Calendar: true;
  }
}
