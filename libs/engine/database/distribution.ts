/**
 * Distribution by tenant on Citus (see docs/scale.md). Every table is one of:
 * - a reference table (global data, copied to every node): the tenant tree, platform users and their
 *   credentials, plugin and calendar data, scheduled-tick claims — named here, in one list;
 * - local to the coordinator (TypeORM's migrations table);
 * - distributed by `tenant_id`, colocated with every other tenant table: its primary key must lead with
 *   `tenant_id` and every foreign key to another distributed table must include `tenant_id` (Citus
 *   enforces uniqueness and foreign keys only within one shard).
 */
export const REFERENCE_TABLES: readonly string[] = [
  'tenant',
  'tenant_tree',
  'app_user',
  'user_credential',
  'calendar_year',
  'plugin_version',
  'job_tick',
  'deployment',
  // Sign-in sessions belong to users, platform administrators included (tenant_id NULL), like app_user.
  'auth_session',
  'refresh_token',
];

export const LOCAL_TABLES: readonly string[] = ['migrations'];

/**
 * Tenant tables whose keys do not yet follow the rules, with why (the catalog test fails on any other
 * table that breaks them, and on an entry here that no longer does: the list can only shrink).
 * Empty since migration 1764740000000 (TenantKeys): every tenant table is keyed `(tenant_id, …)` and
 * every foreign key between tenant tables runs tenant to same tenant; the references into another
 * tenant by design are checked columns, not foreign keys (docs/scale.md).
 */
export const NOT_YET_DISTRIBUTABLE: readonly string[] = [];

/** What the catalog says about one table (read by `catalogQuery`). */
export interface TableFacts {
  table: string;
  hasTenantId: boolean;
  tenantIdNullable: boolean;
  primaryKey: string[];
  /** Foreign keys: own columns → referenced table (and its columns, in the same order, when read). */
  foreignKeys: { columns: string[]; references: string; referencedColumns?: string[] }[];
  /** Unique constraints and unique indexes other than the primary key (an expression reads `(expression)`). */
  uniqueKeys?: string[][];
}

export interface DistributionPlan {
  reference: string[];
  distributed: string[];
  local: string[];
  /** Table → what breaks the rules. */
  violations: Record<string, string[]>;
}

/** Classifies every table and lists every rule a tenant table breaks. Deterministic: sorted by name. */
export function distributionPlan(tables: TableFacts[]): DistributionPlan {
  const plan: DistributionPlan = { reference: [], distributed: [], local: [], violations: {} };
  const sorted = [...tables].sort((a, b) => a.table.localeCompare(b.table));
  const distributed = new Set(
    sorted.filter((t) => !REFERENCE_TABLES.includes(t.table) && !LOCAL_TABLES.includes(t.table)).map((t) => t.table),
  );
  for (const t of sorted) {
    if (REFERENCE_TABLES.includes(t.table) || LOCAL_TABLES.includes(t.table)) {
      (REFERENCE_TABLES.includes(t.table) ? plan.reference : plan.local).push(t.table);
      // Citus refuses a foreign key from a reference (or local) table into a distributed one.
      const problems = t.foreignKeys
        .filter((fk) => distributed.has(fk.references))
        .map(
          (fk) =>
            `foreign key (${fk.columns.join(', ')}) → ${fk.references} points from a global table into a tenant table`,
        );
      if (problems.length) plan.violations[t.table] = problems;
      continue;
    }
    plan.distributed.push(t.table);
    const problems: string[] = [];
    if (!t.hasTenantId) problems.push('no tenant_id column (add it, or name the table in REFERENCE_TABLES)');
    else if (t.tenantIdNullable) problems.push('tenant_id is nullable');
    if (t.primaryKey[0] !== 'tenant_id')
      problems.push(`primary key (${t.primaryKey.join(', ')}) does not lead with tenant_id`);
    for (const fk of t.foreignKeys) {
      if (!distributed.has(fk.references)) continue;
      const at = fk.columns.indexOf('tenant_id');
      if (at < 0) problems.push(`foreign key (${fk.columns.join(', ')}) → ${fk.references} lacks tenant_id`);
      else if (fk.referencedColumns && fk.referencedColumns[at] !== 'tenant_id')
        problems.push(
          `foreign key (${fk.columns.join(', ')}) → ${fk.references} (${fk.referencedColumns.join(', ')}) does not match tenant_id to tenant_id`,
        );
    }
    for (const key of t.uniqueKeys ?? [])
      if (!key.includes('tenant_id')) problems.push(`unique key (${key.join(', ')}) lacks tenant_id`);
    if (problems.length) plan.violations[t.table] = problems;
  }
  return plan;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

/**
 * The Citus statements for a plan: reference tables first (distributed tables' foreign keys point at
 * them), then every tenant table colocated with the first; tables named in `existing` (already in
 * pg_dist_partition) are skipped. Refuses a plan with violations.
 */
export function citusStatements(plan: DistributionPlan, existing: readonly string[] = []): string[] {
  const broken = Object.keys(plan.violations);
  if (broken.length)
    throw new Error(
      `cannot distribute by tenant_id: ${broken.length} tenant table(s) break the key rules (${broken.join(', ')}); see docs/scale.md`,
    );
  for (const t of [...plan.reference, ...plan.distributed])
    if (!IDENT.test(t)) throw new Error(`unexpected table name "${t}"`);
  const [anchor] = plan.distributed;
  const skip = new Set(existing);
  return [
    ...plan.reference.filter((t) => !skip.has(t)).map((t) => `SELECT create_reference_table('${t}')`),
    ...plan.distributed
      .filter((t) => !skip.has(t))
      .map((t) =>
        t === anchor
          ? `SELECT create_distributed_table('${t}', 'tenant_id')`
          : `SELECT create_distributed_table('${t}', 'tenant_id', colocate_with => '${anchor}')`,
      ),
  ];
}
