import { AbilityBuilder, createMongoAbility, type ForcedSubject, type MongoAbility } from '@casl/ability';
import type { Caller } from '@engine/context';

export type Action =
  'manage' | 'read' | 'create' | 'update' | 'onboard' | 'approve' | 'acknowledge' | 'report' | 'unlock';
/**
 * The subjects of access, registered by the contexts that own them (the engine knows none): each
 * context declares its own in its `*.abilities.ts` (or `index.ts` when it has no rules) by module
 * augmentation — `declare module '@engine/access/ability' { interface Subjects { Meeting: true } }`.
 * Subjects are plain type names; objects are tagged with `subject(type, object)` from @casl/ability.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Subjects {}
export type SubjectType = 'all' | Extract<keyof Subjects, string>;
/** A subject object tagged with its type (`subject('MemberUnit', { tenantId })`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TaggedSubject = ForcedSubject<Exclude<SubjectType, 'all'>> & Record<string, any>;
export type AppAbility = MongoAbility<[Action, SubjectType | TaggedSubject]>;
/** What `ctx.ability` is: the context holds the ability opaquely and learns its type here (no import back). */
declare module '@engine/context/ability-type' {
  interface AbilityTypes {
    ability: AppAbility;
  }
}

/**
 * A module's contribution to abilities: grant (never revoke) what each of the caller's roles may do.
 * With `fields`, the grant covers only those fields (CASL field rules; read them with `permittedFieldsOf`).
 */
export interface Can {
  (action: Action | Action[], subject: SubjectType | SubjectType[], conditions?: Record<string, unknown>): void;
  (
    action: Action | Action[],
    subject: SubjectType | SubjectType[],
    fields: string[],
    conditions?: Record<string, unknown>,
  ): void;
}
export type RulesFor = (caller: Caller, can: Can) => void;

/** `defineRulesFor` kept apart from `createAbility`, as the CASL docs advise. */
export function createAbility(caller: Caller, rules: readonly RulesFor[]): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  const can = builder.can as unknown as Can;
  for (const define of rules) define(caller, can);
  return builder.build();
}
