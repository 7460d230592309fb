import type { Prng } from '../lib/prng';
import type { BulkLoader } from './loader';
import type { Scale } from './scales';
import type { PluginTemplate } from './templates';

export interface PlannedUnit {
  id: string;
  tenantId: string;
  name: string;
  kind: 'DEPARTMENT' | 'VILLAGE' | 'COMMUNITY' | 'TOWNSHIP';
  aliases: string[];
  source: string | null;
  position: number;
  childTenantId: string | null;
}

export interface PlannedUser {
  id: string;
  tenantId: string;
  username: string;
  roles: string[];
  memberUnitId: string | null;
}

export interface PlannedTenant {
  id: string;
  code: string;
  name: string;
  level: 'PROVINCE' | 'COUNTY' | 'TOWN' | 'STREET';
  parentId: string | null;
  template: PluginTemplate;
  createdAt: Date;
  units: PlannedUnit[];
  users: PlannedUser[];
  /** Filled by the users generator: the office director, a convener, each unit's user. */
  office?: PlannedUser;
  convener?: PlannedUser;
  unitUser?: Map<string, PlannedUser>;
}

/** What every generator sees: the plan so far, its own random stream, the loader, the clock. */
export interface SeedContext {
  scale: Scale;
  rng: Prng;
  /** The day the synthetic year ends (Beijing date, YYYY-MM-DD); the history runs a year before it. */
  asOf: string;
  /**
   * The PROVINCE tenant at the top of the tree (counties are its children). Not in `all`: it has no
   * member units and no history of its own (no seed plugin is a PROVINCE plugin), only its users.
   */
  province?: PlannedTenant;
  counties: PlannedTenant[];
  towns: PlannedTenant[];
  all: PlannedTenant[];
  load: BulkLoader;
  passwordHash: string;
  /** Switches the loading session to replica mode: audit and foreign-key triggers off for bulk rows. */
  bulkMode(): Promise<void>;
  log(message: string): void;
}

/**
 * One module of the generator: a named step that writes its tables and may extend the plan for the
 * steps after it. New domains (petition cases, supervision) are added as one more entry in
 * `GENERATORS` (bench/seed/generators/index.ts).
 */
export interface Generator {
  name: string;
  /** Whether this generator can run on the migrated schema (e.g. its table exists yet). */
  available?(tables: ReadonlySet<string>): boolean | string;
  run(ctx: SeedContext): Promise<void>;
}
