import type { EntityManager } from 'typeorm';

/**
 * The ids of the tenants whose rules hold `rulesAt` (a path in the plugin snapshot, such as
 * `['supervision', 'inspections', 'regular']`), or of every tenant without one: one query across
 * tenants that reads neither rows nor snapshots, in tree order (a path that is absent or JSON null does not
 * count). Runs in the platform scope.
 */
export async function tenantIdsWithRules(em: EntityManager, rulesAt: readonly string[] | null): Promise<string[]> {
  const rows: { id: string }[] = rulesAt
    ? await em.query(`SELECT id FROM tenant WHERE jsonb_typeof(plugin_config #> $1::text[]) <> 'null' ORDER BY path`, [
        rulesAt,
      ])
    : await em.query(`SELECT id FROM tenant ORDER BY path`);
  return rows.map((r) => r.id);
}
