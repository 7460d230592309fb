/**
 * The identity context's entities (and the enums their columns use, `Role` among them): its second public entry,
 * a leaf that imports nothing but entity files and `roles.ts`, so entity files and the core contexts below
 * identity (tenancy, joint-meeting, which read `Role`) take them from here without an import cycle
 * (docs/architecture.md, "Import rules").
 */
export * from './account-change.entity';
export * from './roles';
export * from './sessions/session.entity';
export * from './user.entity';
