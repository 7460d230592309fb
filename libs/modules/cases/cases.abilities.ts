import { holdersOf, type RulesFor } from '@engine/access';
import { Role, UNIT_ROLES } from '@core/identity';

/** Petitioners' personal fields: masked for every role not granted them here. */
export const PERSONAL_FIELDS = ['name', 'idNumber', 'phone', 'address'] as const;

/**
 * The ledger. Everyone in the tenant tree reads cases (member units only their own: the queries
 * narrow); any user of the tenant except a superior may receive a petition (首问负责: whoever first
 * receives it); the office assigns, sets owners, closes and decides ('update', 'approve'); conveners
 * decide extensions too; the responsible unit reports progress and resolution ('report').
 * Personal data (004 領導接待日制度 8: 保密) is granted field by field to the office and conveners of
 * the case's own tenant; member units, village secretaries and superiors see it masked.
 */
export const casesRules: RulesFor = (caller, can) => {
  const has = (...roles: Role[]): boolean => roles.some((r) => caller.roles.includes(r));
  if (!caller.tenantId) return;
  const own = { tenantId: caller.tenantId };
  can('read', 'PetitionCase');
  if (has(Role.OFFICE_DIRECTOR, ...holdersOf(Role.CONVENER), ...UNIT_ROLES)) can('create', 'PetitionCase', own);
  if (has(Role.OFFICE_DIRECTOR)) can(['update', 'approve', 'report'], 'PetitionCase', own);
  if (has(...holdersOf(Role.CONVENER))) can('approve', 'PetitionCase', own);
  if (has(...UNIT_ROLES) && caller.memberUnitId) can('report', 'PetitionCase', own);
  if (has(Role.OFFICE_DIRECTOR, ...holdersOf(Role.CONVENER))) can('read', 'Petitioner', [...PERSONAL_FIELDS], own);
  // 干部包片排查 (002 六(三)): the office assigns cadres to areas; conveners read; a cadre (any user of the
  // tenant the office assigned) reads and records only the areas assigned to them.
  if (has(Role.OFFICE_DIRECTOR)) can(['read', 'update'], 'AreaScreening', own);
  if (has(...holdersOf(Role.CONVENER))) can('read', 'AreaScreening', own);
  if (caller.userId) can(['read', 'create'], 'AreaScreening', { ...own, cadreUserId: caller.userId });
};

declare module '@engine/access/ability' {
  /** The subjects of access this context owns. */
  interface Subjects {
    PetitionCase: true;
    Petitioner: true;
    AreaScreening: true;
  }
}
