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
 * Most are keyed by `id` alone (issue 18: 9 of 45 keys lead with tenant_id); the cross-tenant references
 * (a county's supervision and assessments targeting its towns' units and cases) cannot be
 * same-shard foreign keys at all and become checked references (docs/scale.md, "What is left").
 */
export const NOT_YET_DISTRIBUTABLE: readonly string[] = [
  'agreed_item',
  'agreed_item_owner',
  'assessment',
  'cadence_obligation',
  'case_event',
  'case_extension',
  'case_ledger_entry',
  'case_link',
  'case_petitioner',
  'case_progress_report',
  'case_review',
  'case_screening',
  'finding',
  'implementation_report',
  'inspection',
  'inspection_finding',
  'issue_list',
  'key_period',
  'meeting',
  'meeting_unit',
  'member_unit',
  'membership_change',
  'minutes',
  'minutes_recipient',
  'notification',
  'outbox_message',
  'petition_case',
  'reception_roster',
  'sensitive_report',
  'supervision_action',
  'supervision_flag',
  'supervision_notice',
  'supervision_notice_entry',
];

/** What the catalog says about one table (read by `catalogQuery`). */
export interface TableFacts {
  table: string;
  hasTenantId: boolean;
  tenantIdNullable: boolean;
  primaryKey: string[];
  /** Foreign keys: own columns → referenced table. */
  foreignKeys: { columns: string[]; references: string }[];
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
    if (REFERENCE_TABLES.includes(t.table)) plan.reference.push(t.table);
    else if (LOCAL_TABLES.includes(t.table)) plan.local.push(t.table);
    else {
      plan.distributed.push(t.table);
      const problems: string[] = [];
      if (!t.hasTenantId) problems.push('no tenant_id column (add it, or name the table in REFERENCE_TABLES)');
      else if (t.tenantIdNullable) problems.push('tenant_id is nullable');
      if (t.primaryKey[0] !== 'tenant_id')
        problems.push(`primary key (${t.primaryKey.join(', ')}) does not lead with tenant_id`);
      for (const fk of t.foreignKeys) {
        if (distributed.has(fk.references) && !fk.columns.includes('tenant_id'))
          problems.push(`foreign key (${fk.columns.join(', ')}) → ${fk.references} lacks tenant_id`);
      }
      if (problems.length) plan.violations[t.table] = problems;
    }
  }
  return plan;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

/**
 * The Citus statements for a plan: reference tables first (distributed tables' foreign keys point at
 * them), then every tenant table colocated with the first. Refuses a plan with violations.
 */
export function citusStatements(plan: DistributionPlan): string[] {
  const broken = Object.keys(plan.violations);
  if (broken.length)
    throw new Error(
      `cannot distribute by tenant_id: ${broken.length} tenant table(s) break the key rules (${broken.join(', ')}); see docs/scale.md`,
    );
  for (const t of [...plan.reference, ...plan.distributed])
    if (!IDENT.test(t)) throw new Error(`unexpected table name "${t}"`);
  const [anchor] = plan.distributed;
  return [
    ...plan.reference.map((t) => `SELECT create_reference_table('${t}')`),
    ...plan.distributed.map((t) =>
      t === anchor
        ? `SELECT create_distributed_table('${t}', 'tenant_id')`
        : `SELECT create_distributed_table('${t}', 'tenant_id', colocate_with => '${anchor}')`,
    ),
  ];
}
