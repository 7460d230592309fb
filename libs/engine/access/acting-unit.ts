import { Role, type RequestContext } from '@engine/context';

/** The roles that hold a required role: a chief convener may do what a convener may. */
export function holdersOf(required: Role): Role[] {
  return required === Role.CONVENER ? [Role.CONVENER, Role.CHIEF_CONVENER] : [required];
}

export function satisfies(roles: readonly Role[], required: Role): boolean {
  return holdersOf(required).some((r) => roles.includes(r));
}

const UNIT_ROLES: readonly Role[] = [Role.MEMBER_UNIT, Role.VILLAGE_SECRETARY];

/**
 * The member unit a caller speaks for when it acts as one (it holds a member-unit role): the unit that
 * proposes a topic or files a report. Null without such a role or without a unit. Not a visibility scope:
 * for what a caller may see, use unitScope.
 */
export function memberUnitOf(ctx: RequestContext): string | null {
  return ctx.caller.roles.some((r) => UNIT_ROLES.includes(r)) ? ctx.caller.memberUnitId : null;
}

const NO_UNIT = '00000000-0000-0000-0000-000000000000';

/**
 * The unit a caller acts for when it holds only member-unit roles (it then sees only what concerns
 * that unit); null for the office, conveners and superiors, who see the whole tenant. A unit user
 * without a unit sees nothing.
 */
export function unitScope(ctx: RequestContext): string | null {
  const { roles, memberUnitId } = ctx.caller;
  if (roles.some((r) => !UNIT_ROLES.includes(r))) return null;
  return memberUnitId ?? NO_UNIT;
}
