/**
 * The tenancy context's entities (and the enums their columns use): its second public entry, a leaf that
 * imports nothing but entity files, so entity files and the core contexts (which import each other) can take
 * entities from here without an import cycle (docs/architecture.md, "Import rules").
 */
export * from './rule-packs/plugin-version.entity';
export * from './rule-packs/tenant-rules-change.entity';
export * from './tenant.entity';
