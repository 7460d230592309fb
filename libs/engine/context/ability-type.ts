/**
 * The caller's ability, as the context holds it: opaque here. The context is below `@engine/access` and
 * imports nothing from it; access, which builds the ability, declares its type by module augmentation
 * (as identity does for `RoleTypes`):
 *
 *     declare module '@engine/context/ability-type' { interface AbilityTypes { ability: AppAbility } }
 *
 * Without the augmentation the ability is `unknown`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AbilityTypes {}
/** The ability `ctx.ability` returns: `@engine/access`'s `AppAbility` once access has augmented `AbilityTypes`. */
export type CallerAbility = AbilityTypes extends { ability: infer A } ? A : unknown;
