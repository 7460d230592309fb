/**
 * The jurisdiction plugin SDK: the only import a plugin needs.
 *
 * A plugin is data first — structure, member units, meeting types with cadence, supervision rules,
 * case rules, deadlines — plus optional hooks. The platform validates it at load time, resolves
 * `extends`, and snapshots the effective configuration into each tenant onboarded on it.
 */
export * from './primitives';
export * from './structure';
export * from './members';
export * from './office-documents';
export * from './meetings';
export * from './supervision-escalation';
export * from './supervision';
export * from './cases';
export * from './governance';
export * from './hooks';
export * from './plugin';
export * from './source';
export * from './snapshot';
export * from './json-schema';
