import { DataSource } from 'typeorm';
import { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { scopeStatements } from '@engine/database/db';
import { Tenant } from '@core/tenancy';
import { MemberUnit } from '@core/joint-meeting';
import { REAL_SERVICES, startTestApp, type TestApp } from '@test/support/test-app';

/** The second wall: PostgreSQL row-level security, checked below the API with raw SQL. */
describe('row-level security', () => {
  let t: TestApp;
  let db: Db;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(Db);
    const tenants = await db.run(RequestContext.platform(), ({ em }) => em.find(Tenant));
    ids = Object.fromEntries(tenants.map((x) => [x.code, x.id]));
  });
  afterAll(async () => {
    await t.close();
  });

  const townCtx = (code: string): RequestContext => RequestContext.forTenantJob(ids[code]);

  it("a query that omits the tenant filter still returns only the caller's tenant rows", async () => {
    const rows = await db.run(townCtx('shizi'), ({ em }) => em.query(`SELECT DISTINCT tenant_id FROM member_unit`));
    expect(rows).toEqual([{ tenant_id: ids.shizi }]);
    const all = await db.run(townCtx('shizi'), ({ em }) => em.find(MemberUnit));
    expect(all.length).toBe(22);
    const tenants = await db.run(townCtx('shizi'), ({ em }) => em.query(`SELECT code FROM tenant`));
    expect(tenants).toEqual([{ code: 'shizi' }]);
  });

  it("two tenants' transactions interleaved on a pool of one never see each other's rows", async () => {
    const single = new DataSource({
      ...(t.database.dataSource.options as object),
      poolSize: 1,
      migrations: [],
      name: 'pool-of-one',
    } as never);
    const pooled = REAL_SERVICES ? await single.initialize() : t.database.dataSource;
    try {
      const oneDb = new Db(pooled);
      const seen = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? 'shizi' : 'xiacang')).map((code) =>
          oneDb.run(townCtx(code), async ({ em }) => {
            await em.query('SELECT pg_sleep(0.002)');
            const rows: { tenant_id: string }[] = await em.query(`SELECT DISTINCT tenant_id FROM member_unit`);
            return { code, tenants: rows.map((r) => r.tenant_id) };
          }),
        ),
      );
      for (const s of seen) expect(s.tenants).toEqual([ids[s.code]]);
    } finally {
      if (REAL_SERVICES) await single.destroy();
    }
  });

  it("password hashes are readable in platform scope only, never from a tenant's own transaction", async () => {
    const tenant = await db.run(townCtx('shizi'), ({ em }) =>
      em.query(`SELECT count(*)::int AS n FROM user_credential`),
    );
    expect(tenant).toEqual([{ n: 0 }]);
    const platform = await db.run(RequestContext.platform(), ({ em }) =>
      em.query(`SELECT count(*)::int AS n FROM user_credential WHERE tenant_id = $1`, [ids.shizi]),
    );
    expect(platform[0].n).toBeGreaterThan(0);
    const changed = await db.run(townCtx('shizi'), ({ em }) =>
      em.query(`UPDATE user_credential SET password_hash = 'x' RETURNING user_id`),
    );
    expect(changed).toEqual([[], 0]); // rows returned, rows updated
  });

  it('refuses a write into another tenant', async () => {
    await expect(
      db.run(townCtx('shizi'), ({ em }) =>
        em.query(`INSERT INTO member_unit (tenant_id, name, kind) VALUES ($1, 'intruder', 'DEPARTMENT')`, [
          ids.xiacang,
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await db.run(townCtx('shizi'), ({ em }) =>
      em.query(`UPDATE member_unit SET name = 'x' WHERE tenant_id = $1`, [ids.xiacang]),
    );
    expect(updated[1]).toBe(0);
  });

  it('lets a county-level reader see its descendants, and a town nothing above it', async () => {
    const county = ids['county-petition-mechanisms'];
    const treeCtx = RequestContext.forCaller(
      {
        userId: '00000000-0000-4000-8000-000000000001',
        username: 'c',
        tenantId: county,
        roles: ['CONVENER' as never],
        memberUnitId: null,
      },
      null as never,
    );
    const visible: { code: string }[] = await db.run(treeCtx, ({ em }) =>
      em.query(`SELECT code FROM tenant ORDER BY code`),
    );
    expect(visible.map((v) => v.code)).toEqual([
      'county-petition-mechanisms',
      'shizi',
      'town-petition-systems',
      'xiacang',
      'xincheng',
    ]);
    const fromTown: { code: string }[] = await db.run(townCtx('xiacang'), ({ em }) =>
      em.query(`SELECT code FROM tenant`),
    );
    expect(fromTown.map((v) => v.code)).toEqual(['xiacang']);
  });

  it("a county reads its townships' rows of a table whose write policy is split per command, and changes none of them", async () => {
    const county = ids['county-petition-mechanisms'];
    const treeJob = RequestContext.forTenantJob(county, { tree: true });
    // Split by migration 1764790000000 (INSERT, UPDATE, DELETE policies on the write set): reads see the tree.
    const split: { cmd: string }[] = await t.database.dataSource.query(
      `SELECT cmd FROM pg_policies WHERE tablename = 'supervision_notice' ORDER BY cmd`,
    );
    expect(split.map((p) => p.cmd)).toEqual(['DELETE', 'INSERT', 'SELECT', 'UPDATE']);
    const seen: { tenant_id: string }[] = await db.run(treeJob, ({ em }) =>
      em.query(`SELECT DISTINCT tenant_id FROM member_unit WHERE tenant_id <> $1`, [county]),
    );
    const towns = new Set(['shizi', 'town-petition-systems', 'xiacang', 'xincheng'].map((c) => ids[c]));
    expect(seen.length).toBeGreaterThan(1); // townships' units, not only the county's own
    for (const r of seen) expect(towns.has(r.tenant_id)).toBe(true);
    const changed = await db.run(treeJob, ({ em }) =>
      em.query(`UPDATE supervision_notice SET title = title || 'x' WHERE tenant_id <> $1`, [county]),
    );
    expect(changed[1]).toBe(0);
    await expect(
      db.run(treeJob, ({ em }) =>
        em.query(`INSERT INTO supervision_sequence (tenant_id, kind, year, last) VALUES ($1, 'NOTICE', '2099', 1)`, [
          ids.shizi,
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
    // A town sees nothing of a sibling's through the tree function (it has no descendants).
    const sibling: unknown[] = await db.run(RequestContext.forTenantJob(ids.shizi, { tree: true }), ({ em }) =>
      em.query(`SELECT 1 FROM member_unit WHERE tenant_id = $1`, [ids.xiacang]),
    );
    expect(sibling).toEqual([]);
  });

  it('the app role owns no table, is no superuser, cannot bypass RLS, and cannot switch RLS off', async () => {
    const [role] = await t.database.dataSource.query(
      `SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'jm_app'`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await t.database.dataSource.query(`SELECT tablename FROM pg_tables WHERE tableowner = 'jm_app'`);
    expect(owned).toEqual([]);
    const who = await db.run(townCtx('shizi'), ({ em }) => em.query(`SELECT current_user AS u`));
    expect(who).toEqual([{ u: 'jm_app' }]);
    await expect(
      db.run(townCtx('shizi'), async ({ em }) => {
        await em.query(`SET LOCAL row_security = off`);
        return em.query(`SELECT count(*) FROM member_unit`);
      }),
    ).rejects.toThrow(/row-level security/);
  });

  it('every tenant-owned table has row-level security enabled and forced', async () => {
    const tables: { table: string; enabled: boolean; forced: boolean }[] = await t.database.dataSource.query(`
      SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'
        AND (EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped) OR c.relname = 'tenant')
      ORDER BY 1`);
    expect(tables.length).toBeGreaterThanOrEqual(6);
    for (const row of tables) expect(row).toEqual({ table: row.table, enabled: true, forced: true });
  });

  it('the scope is set by SET LOCAL statements (which Citus forwards to shards) and a widening accumulates', async () => {
    expect(scopeStatements(townCtx('shizi').scope)).not.toMatch(/set_config/);
    const seen = await db.run(townCtx('shizi'), async (tx) => {
      const settings = async () =>
        (
          (await tx.em.query(
            `SELECT current_user AS "user", current_setting('app.tenant_id') AS tenant, current_setting('app.tree') AS tree,
                  current_setting('app.extra_tenants') AS extra`,
          )) as { user: string; tenant: string; tree: string; extra: string }[]
        )[0];
      const before = await settings();
      await db.extendScope(tx, ids.xiacang);
      await db.extendScope(tx, ids.xincheng);
      const after = await settings();
      const tenants = ((await tx.em.query(`SELECT DISTINCT tenant_id FROM member_unit`)) as { tenant_id: string }[])
        .map((r) => r.tenant_id)
        .sort();
      return { before, after, tenants };
    });
    expect(seen.before).toEqual({ user: 'jm_app', tenant: ids.shizi, tree: 'off', extra: '' });
    expect(seen.after.extra).toBe(`{${ids.xiacang},${ids.xincheng}}`);
    expect(seen.tenants).toEqual([ids.shizi, ids.xiacang, ids.xincheng].sort());
    await expect(db.run(townCtx('shizi'), (tx) => db.extendScope(tx, "x'; RESET ROLE; --"))).rejects.toThrow(/uuid/);
  });
});
