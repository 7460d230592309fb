import { roleKnowledge, type RequestContext, type RoleName } from '@engine/context';

/**
 * The roles that hold a required role: the role itself and those registered as also holding it (identity: a
 * chief convener may do what a convener may). The engine names no role: see `registerRoles` (`@engine/context`).
 */
export function holdersOf(required: RoleName): RoleName[] {
  return [required, ...(roleKnowledge().alsoHeldBy[required] ?? [])];
}

export function satisfies(roles: readonly RoleName[], required: RoleName): boolean {
  return holdersOf(required).some((r) => roles.includes(r));
}

const unitBound = (r: RoleName): boolean => roleKnowledge().unitBound.includes(r);

/**
 * The member unit a caller speaks for when it acts as one (it holds a member-unit role): the unit that
 * proposes a topic or files a report. Null without such a role or without a unit. Not a visibility scope:
 * for what a caller may see, use unitScope.
 */
export function memberUnitOf(ctx: RequestContext): string | null {
  return ctx.caller.roles.some(unitBound) ? ctx.caller.memberUnitId : null;
}

const NO_UNIT = '00000000-0000-0000-0000-000000000000';

/**
 * The unit a caller acts for when it holds only member-unit roles (it then sees only what concerns
 * that unit); null for the office, conveners and superiors, who see the whole tenant. A unit user
 * without a unit sees nothing.
 */
export function unitScope(ctx: RequestContext): string | null {
  const { roles, memberUnitId } = ctx.caller;
  if (roles.some((r) => !unitBound(r))) return null;
  return memberUnitId ?? NO_UNIT;
}
