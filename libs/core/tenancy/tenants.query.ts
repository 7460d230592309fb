import type { EntityManager } from 'typeorm';
import { keysetPage, type Page } from '@engine/graphql';
import { Tenant } from './tenant.entity';

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

/** The columns a tenant list reads (TENANT_LIST_COLUMNS, as the query builder names them). */
const LIST_COLUMNS = [
  'id',
  'code',
  'name',
  'level',
  'parentId',
  'path',
  'pluginId',
  'pluginVersion',
  'pluginSdkVersion',
  'pluginHooks',
  'createdAt',
].map((c) => `t.${c}`);

/** One page of the visible tenants (children of `parentId` if given), latest onboarded first (created_at, id). */
export function tenantsPage(
  em: EntityManager,
  parentId: string | undefined,
  limit: number,
  after: string | null,
): Promise<Page<Tenant>> {
  const qb = em.createQueryBuilder(Tenant, 't').select(LIST_COLUMNS);
  if (parentId) qb.where('t.parent_id = :p', { p: parentId });
  return keysetPage(qb, { alias: 't', column: 'created_at', keyOf: (t) => t.createdAt, after, limit });
}
