import { registerEnumType } from '@nestjs/graphql';
import { registerRoles } from '@engine/context';

/** The roles of the platform (see docs/architecture.md, "Roles"); an account holds some in its tenant. */
export enum Role {
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
  SUPERIOR = 'SUPERIOR',
  CHIEF_CONVENER = 'CHIEF_CONVENER',
  CONVENER = 'CONVENER',
  OFFICE_DIRECTOR = 'OFFICE_DIRECTOR',
  MEMBER_UNIT = 'MEMBER_UNIT',
  VILLAGE_SECRETARY = 'VILLAGE_SECRETARY',
}

registerEnumType(Role, { name: 'Role', description: 'Platform roles (see the README, "Roles")' });

/** Roles whose holders read their tenant's descendants (a county's people reading its towns). */
export const TREE_READING_ROLES: readonly Role[] = [
  Role.SUPERIOR,
  Role.CHIEF_CONVENER,
  Role.CONVENER,
  Role.OFFICE_DIRECTOR,
];

/** Roles held for a member unit: their holders act for it and, holding nothing else, see only what concerns it. */
export const UNIT_ROLES: readonly Role[] = [Role.MEMBER_UNIT, Role.VILLAGE_SECRETARY];

// What the engine must know of the roles, told when this file is imported (the engine names none):
// the data scope's tree, the unit a caller acts for, and which role holds which (a chief convener may do what a
// convener may: holdersOf/satisfies in @engine/access).
registerRoles({
  treeReading: TREE_READING_ROLES,
  unitBound: UNIT_ROLES,
  alsoHeldBy: { [Role.CONVENER]: [Role.CHIEF_CONVENER] },
});

declare module '@engine/context/roles' {
  /** The type of the platform's roles, for the engine's `RoleName` (Caller.roles, holdersOf, …). */
  interface RoleTypes {
    role: Role;
  }
}
