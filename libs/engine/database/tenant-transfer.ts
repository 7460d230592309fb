import type { DataSource } from 'typeorm';

/** A tenant's whole data set, as written by `tenant:export` and read by `tenant:import`. */
export interface TenantExport {
  format: 'joint-meeting-tenant-export';
  version: 1;
  exportedAt: string;
  migrations: string[];
  tenant: Record<string, unknown>;
  /** Every tenant-owned table (found from the catalog, so new tables are included), rows as JSON. */
  tables: Record<string, Record<string, unknown>[]>;
}

/** Tables with a `tenant_id` column, the tenant-owned ones. */
async function tenantTables(ds: DataSource): Promise<string[]> {
  const rows: { name: string }[] = await ds.query(`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r'
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
    ORDER BY 1`);
  return rows.map((r) => r.name);
}

const ident = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected table name ${name}`);
  return `"${name}"`;
};

/**
 * Operator tooling: runs on the owner connection (not through `Db.run`, whose row-level security
 * would hide the very rows being moved). Reads a consistent snapshot in one transaction.
 */
export async function exportTenant(ds: DataSource, code: string): Promise<TenantExport> {
  // Found before the transaction: the embedded database has a single connection.
  const names = await tenantTables(ds);
  return ds.transaction('REPEATABLE READ', async (em) => {
    const [tenant] = (await em.query(`SELECT to_jsonb(t) AS row FROM tenant t WHERE code = $1`, [code])) as {
      row: Record<string, unknown>;
    }[];
    if (!tenant) throw new Error(`no tenant with code "${code}"`);
    const tables: TenantExport['tables'] = {};
    for (const table of names) {
      const rows: { row: Record<string, unknown> }[] = await em.query(
        `SELECT to_jsonb(x) AS row FROM ${ident(table)} x WHERE tenant_id = $1 ORDER BY 1`,
        [tenant.row.id],
      );
      tables[table] = rows.map((r) => r.row);
    }
    const migrations = ((await em.query(`SELECT name FROM migrations ORDER BY id`)) as { name: string }[]).map(
      (m) => m.name,
    );
    return {
      format: 'joint-meeting-tenant-export',
      version: 1,
      exportedAt: new Date().toISOString(),
      migrations,
      tenant: tenant.row,
      tables,
    };
  });
}

/**
 * Restores an export into this deployment, verbatim (ids, timestamps and the audit chain kept):
 * triggers are suspended for the transaction so history is not rewritten, the tenant is placed at the
 * top of the tree unless its parent exists here, and links to tenants absent here are cleared.
 */
export async function importTenant(ds: DataSource, data: TenantExport): Promise<{ code: string; rows: number }> {
  if (data.format !== 'joint-meeting-tenant-export' || data.version !== 1)
    throw new Error('not a tenant export (format/version)');
  const here = ((await ds.query(`SELECT name FROM migrations ORDER BY id`)) as { name: string }[]).map((m) => m.name);
  const missing = data.migrations.filter((m) => !here.includes(m));
  if (missing.length)
    throw new Error(`this deployment lacks migrations the export was made with: ${missing.join(', ')}`);
  const tables = await tenantTables(ds);
  const unknown = Object.keys(data.tables).filter((t) => !tables.includes(t));
  if (unknown.length) throw new Error(`unknown tables in the export: ${unknown.join(', ')}`);
  return ds.transaction(async (em) => {
    const id = String(data.tenant.id);
    if ((await em.query(`SELECT 1 FROM tenant WHERE id = $1 OR code = $2`, [id, data.tenant.code])).length)
      throw new Error(`tenant ${String(data.tenant.code)} already exists here`);
    await em.query(`SET LOCAL session_replication_role = replica`);
    const parent = data.tenant.parent_id
      ? (
          (await em.query(`SELECT path FROM tenant_tree WHERE id = $1`, [data.tenant.parent_id])) as { path: string }[]
        )[0]
      : undefined;
    const tenant = {
      ...data.tenant,
      parent_id: parent ? data.tenant.parent_id : null,
      path: `${parent?.path ?? '/'}${id}/`,
    };
    await em.query(`INSERT INTO tenant SELECT * FROM jsonb_populate_record(NULL::tenant, $1)`, [
      JSON.stringify(tenant),
    ]);
    await em.query(`INSERT INTO tenant_tree (id, parent_id, path) VALUES ($1, $2, $3)`, [
      id,
      tenant.parent_id,
      tenant.path,
    ]);
    let rows = 1;
    for (const [table, list] of Object.entries(data.tables)) {
      if (!list.length) continue;
      await em.query(`INSERT INTO ${ident(table)} SELECT * FROM jsonb_populate_recordset(NULL::${ident(table)}, $1)`, [
        JSON.stringify(list),
      ]);
      rows += list.length;
    }
    // Identity columns (ordering sequences) continue after the imported values.
    const identities: { table_name: string; column_name: string }[] = await em.query(
      `
      SELECT c.relname AS table_name, a.attname AS column_name FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND a.attidentity <> '' AND c.relname = ANY($1::text[])`,
      [Object.keys(data.tables)],
    );
    for (const { table_name, column_name } of identities) {
      await em.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), GREATEST((SELECT coalesce(max(${ident(column_name)}), 0) FROM ${ident(table_name)}), 1))`,
        [table_name, column_name],
      );
    }
    await em.query(
      `UPDATE member_unit SET child_tenant_id = NULL WHERE tenant_id = $1 AND child_tenant_id IS NOT NULL AND child_tenant_id NOT IN (SELECT id FROM tenant)`,
      [id],
    );
    return { code: String(data.tenant.code), rows };
  });
}
