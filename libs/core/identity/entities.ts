/**
 * The identity context's entities (and the enums their columns use): its second public entry, a leaf that
 * imports nothing but entity files, so entity files and the core contexts (which import each other) can take
 * entities from here without an import cycle (docs/architecture.md, "Import rules").
 */
export * from './account-change.entity';
export * from './sessions/session.entity';
export * from './user.entity';
