/**
 * The joint-meeting context's entities (and the enums their columns use): its second public entry, a leaf that
 * imports nothing but entity files, so entity files and the core contexts (which import each other) can take
 * entities from here without an import cycle (docs/architecture.md, "Import rules").
 */
export * from './member-person.entity';
export * from './member-unit.entity';
export * from './membership-change.entity';
