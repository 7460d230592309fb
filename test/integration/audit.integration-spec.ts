import { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { Tenant } from '@core/tenancy';
import { startTestApp, type TestApp } from '@test/support/test-app';

/** The append-only, hash-chained audit trail written by triggers in the same transaction. */
describe('audit trail', () => {
  let t: TestApp;
  let db: Db;
  let office: string;
  let shizi: Tenant;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(Db);
    office = await t.login('shizi', 'office');
    shizi = await db.run(RequestContext.platform(), ({ em }) => em.findOneOrFail(Tenant, { where: { code: 'shizi' } }));
  });
  afterAll(async () => {
    await t.close();
  });

  const verify = async () =>
    (
      await t.gql<{ verifyAuditChain: { intact: boolean; entries: number; firstBrokenSeq: number | null } }>(
        '{ verifyAuditChain(tenantCode: "shizi") { intact entries firstBrokenSeq } }',
        {},
        office,
      )
    ).data!.verifyAuditChain;

  it('records every change with who made it, in the same transaction, without password hashes', async () => {
    const before = (await verify()).entries;
    const added = await t.gql<{ addMemberUnit: { id: string } }>(
      'mutation($i: AddMemberUnitInput!) { addMemberUnit(input: $i) { id } }',
      { i: { tenantCode: 'shizi', name: '应急管理办公室', kind: 'DEPARTMENT', reason: '机构调整' } },
      office,
    );
    expect(added.errors).toBeUndefined();
    const trail = await t.gql<{
      auditTrail: { tableName: string; operation: string; actor: string | null }[];
      me: { id: string };
    }>('{ me { id } auditTrail(tenantCode: "shizi", limit: 5) { tableName operation actor } }', {}, office);
    const tables = trail.data!.auditTrail.map((e) => `${e.operation} ${e.tableName}`);
    expect(tables).toEqual(expect.arrayContaining(['INSERT member_unit', 'INSERT membership_change']));
    expect(trail.data!.auditTrail.find((e) => e.tableName === 'member_unit')?.actor).toBe(trail.data!.me.id);
    expect((await verify()).entries).toBeGreaterThanOrEqual(before + 2);
    const secrets = await t.database.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE row_data ? 'password_hash'`,
    );
    expect(secrets).toEqual([{ n: 0 }]);
  });

  it('a rejected write leaves no entry', async () => {
    const before = (await verify()).entries;
    const bad = await t.gql(
      'mutation($i: AddMemberUnitInput!) { addMemberUnit(input: $i) { id } }',
      { i: { tenantCode: 'shizi', name: '应急管理办公室', kind: 'DEPARTMENT', reason: '重复' } },
      office,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await verify()).entries).toBe(before);
  });

  it('the app role can neither update nor delete entries', async () => {
    const ctx = RequestContext.forTenantJob(shizi.id);
    await expect(
      db.run(ctx, ({ em }) => em.query(`UPDATE audit_entry SET operation = 'DELETE' WHERE tenant_id = $1`, [shizi.id])),
    ).rejects.toThrow(/permission denied/);
    await expect(
      db.run(ctx, ({ em }) => em.query(`DELETE FROM audit_entry WHERE tenant_id = $1`, [shizi.id])),
    ).rejects.toThrow(/permission denied/);
    await expect(
      t.database.dataSource.query(`DELETE FROM audit_entry WHERE tenant_id = $1`, [shizi.id]),
    ).rejects.toThrow(/append-only/);
  });

  it('verification finds an intact chain, and the first broken link after tampering', async () => {
    expect(await verify()).toMatchObject({ intact: true, firstBrokenSeq: null });
    // A database owner bypassing the guard trigger rewrites entry 3: the chain breaks there.
    await t.database.dataSource.query(`ALTER TABLE audit_entry DISABLE TRIGGER audit_append_only`);
    await t.database.dataSource.query(
      `UPDATE audit_entry SET row_data = row_data || '{"name":"篡改"}' WHERE tenant_id = $1 AND seq = 3`,
      [shizi.id],
    );
    await t.database.dataSource.query(`ALTER TABLE audit_entry ENABLE TRIGGER audit_append_only`);
    expect(await verify()).toMatchObject({ intact: false, firstBrokenSeq: 3 });
  });
});
