import { Role } from './roles';

/**
 * Who may grant what (docs/security.md, "Who may grant what"). A grant is measured by the access it
 * gives *in the tenant of the account*: what it reads (subjects, tenants, petitioners' personal fields)
 * and what it decides (approving, administering). Nobody grants more than they hold there themselves,
 * so a role that approves what the granter drafts (a convener approves the office's minutes) is never
 * the office's to grant, and a county office — which reads its townships masked — grants nothing in a
 * township beyond a masked reader. The matrix is data: the e2e test is generated from it cell by cell,
 * and a second test checks each allowed cell against the CASL rules themselves.
 */
export type GrantRelation = 'same' | 'child';

/** granter's role → roles it may grant, in its own tenant ('same') and in a direct child tenant ('child'). */
export const GRANT_MATRIX: Readonly<Record<Role, Readonly<Record<GrantRelation, readonly Role[]>>>> = {
  [Role.PLATFORM_ADMIN]: { same: [], child: [] },
  [Role.SUPERIOR]: { same: [], child: [] },
  [Role.CHIEF_CONVENER]: { same: [Role.CHIEF_CONVENER, Role.CONVENER], child: [] },
  [Role.CONVENER]: { same: [Role.CONVENER], child: [] },
  [Role.OFFICE_DIRECTOR]: {
    same: [Role.OFFICE_DIRECTOR, Role.SUPERIOR, Role.MEMBER_UNIT, Role.VILLAGE_SECRETARY],
    child: [Role.SUPERIOR],
  },
  [Role.MEMBER_UNIT]: { same: [], child: [] },
  [Role.VILLAGE_SECRETARY]: { same: [], child: [] },
};

/**
 * Onboarding: the platform admin, and the office director of the parent that onboarded a tenant, create
 * a tenant's first office director and its first convener (chief convener or convener) — one role per
 * account, and only while the tenant has never had an account of that group — who then administer the
 * rest. The platform admin holds no access to any tenant's petition data; everything else it does to
 * accounts only takes access away (deactivate, require a password change) or restores exactly what the
 * account had (reactivate).
 */
export const FIRST_ACCOUNT_GROUPS: readonly (readonly Role[])[] = [
  [Role.OFFICE_DIRECTOR],
  [Role.CHIEF_CONVENER, Role.CONVENER],
];

/** The group of first accounts a single role opens, if any. */
export function firstAccountGroup(roles: readonly Role[]): readonly Role[] | null {
  if (roles.length !== 1) return null;
  return FIRST_ACCOUNT_GROUPS.find((g) => g.includes(roles[0])) ?? null;
}

/** Roles no tenant account may hold. */
export const PLATFORM_ONLY: readonly Role[] = [Role.PLATFORM_ADMIN];

/** Whether a granter holding `granterRoles` (in the account's tenant, or in its parent) may grant `role`. */
export function mayGrantRole(granterRoles: readonly Role[], relation: GrantRelation, role: Role): boolean {
  return granterRoles.some((g) => GRANT_MATRIX[g][relation].includes(role));
}

/** The roles among `roles` the granter may not grant (empty: it may grant them all). */
export function ungrantable(granterRoles: readonly Role[], relation: GrantRelation, roles: readonly Role[]): Role[] {
  return roles.filter((r) => !mayGrantRole(granterRoles, relation, r));
}

/** Whether these roles may administer some accounts at all (list with admin fields, open the admin screens). */
export function administersAccounts(roles: readonly Role[]): boolean {
  return (
    roles.includes(Role.PLATFORM_ADMIN) ||
    roles.some((r) => GRANT_MATRIX[r].same.length > 0 || GRANT_MATRIX[r].child.length > 0)
  );
}
