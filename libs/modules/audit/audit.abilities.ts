import { holdersOf, type RulesFor } from '@engine/access';
import { Role } from '@core/identity';

/** The trail is read by the office, the conveners, superiors (row-level security keeps it in their tree) and platform admins. */
export const auditRules: RulesFor = (caller, can) => {
  if (
    [Role.PLATFORM_ADMIN, Role.SUPERIOR, ...holdersOf(Role.CONVENER), Role.OFFICE_DIRECTOR].some((r) =>
      caller.roles.includes(r),
    )
  )
    can('read', 'Audit');
};

declare module '@engine/access/ability' {
  /** The subjects of access this context owns. */
  interface Subjects {
    Audit: true;
  }
}
