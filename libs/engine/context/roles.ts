/**
 * The roles of the platform, as the engine needs them. The engine names none (libs/engine holds no domain
 * words): the context that owns them (identity, `libs/core/identity/roles.ts`) declares their type by module
 * augmentation and tells the engine what it must know when it is imported:
 *
 *     declare module '@engine/context/roles' { interface RoleTypes { role: Role } }
 *     registerRoles({ treeReading: [...], unitBound: [...], alsoHeldBy: { [Role.CONVENER]: [Role.CHIEF_CONVENER] } });
 *
 * Without the augmentation a role is a plain string.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RoleTypes {}
/** A role of the platform: the owning context's enum, once it has augmented `RoleTypes`. */
export type RoleName = RoleTypes extends { role: infer R extends string } ? R : string;

/** What the engine knows of the roles: nothing until the owning context registers it. */
export interface RoleKnowledge {
  /** Roles whose holders read their tenant's descendants (`DataScope.tree`; a county's people reading its towns). */
  treeReading: readonly RoleName[];
  /** Roles held for a member unit: their holders act for it (`memberUnitOf`) and, alone, see only it (`unitScope`). */
  unitBound: readonly RoleName[];
  /** A required role and the other roles that hold it too (a chief convener may do what a convener may). */
  alsoHeldBy: Readonly<Partial<Record<RoleName, readonly RoleName[]>>>;
}

const known: RoleKnowledge = { treeReading: [], unitBound: [], alsoHeldBy: {} };

/** Called by the context owning the roles when it is imported; a later call replaces the parts it names. */
export function registerRoles(knowledge: Partial<RoleKnowledge>): void {
  Object.assign(known, knowledge);
}

/** The registered role knowledge (read-only). */
export function roleKnowledge(): Readonly<RoleKnowledge> {
  return known;
}

/** Whether a holder of these roles reads its tenant's descendants. */
export function readsTree(roles: readonly RoleName[]): boolean {
  return roles.some((r) => known.treeReading.includes(r));
}
