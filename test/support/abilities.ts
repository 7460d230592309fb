import { subject } from '@casl/ability';
import { createAbility, type Action, type AppAbility, type RulesFor, type SubjectType } from '@engine/access';
import type { Caller } from '@engine/context';
import { Role, UNIT_ROLES } from '@core/identity';

/** Two tenants and a unit, for concrete `can()` cases: the caller's own tenant and another one. */
export const OWN = '00000000-0000-4000-8000-0000000000a1';
export const OTHER = '00000000-0000-4000-8000-0000000000b2';
export const UNIT = '00000000-0000-4000-8000-0000000000c3';
/** The caller's own user id. */
export const SELF = '00000000-0000-4000-8000-0000000000d4';

/**
 * The ability one role gets from one context's rules (a unit role acts for UNIT; the admin has no tenant);
 * `caller` overrides part of the caller (a unit user without a unit: `{ memberUnitId: null }`).
 */
export function abilityOf(role: Role, rules: RulesFor, caller: Partial<Caller> = {}): AppAbility {
  const base: Caller = {
    userId: SELF,
    username: role.toLowerCase(),
    tenantId: role === Role.PLATFORM_ADMIN ? null : OWN,
    roles: [role],
    memberUnitId: UNIT_ROLES.includes(role) ? UNIT : null,
  };
  return createAbility({ ...base, ...caller }, [rules]);
}

/** `can(action, type, { tenantId })` for the caller's own tenant and for another. */
export function canIn(
  ability: AppAbility,
  action: Action,
  type: Exclude<SubjectType, 'all'>,
  extra: Record<string, unknown> = {},
): { own: boolean; other: boolean } {
  return {
    own: ability.can(action, subject(type, { tenantId: OWN, ...extra })),
    other: ability.can(action, subject(type, { tenantId: OTHER, ...extra })),
  };
}

export const ALL_ROLES = Object.values(Role);
