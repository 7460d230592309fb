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
    // The jobs the earlier writes enqueued (after their commits) write entries of their own: let them finish first.
    await t.queue.whenIdle();
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

  it('a statement writing rows of two tenants records the same entries per row as the row-level trigger did', async () => {
    const ds = t.database.dataSource;
    const [other] = (await ds.query(`SELECT id FROM tenant WHERE id <> $1 ORDER BY path LIMIT 1`, [shizi.id])) as {
      id: string;
    }[];
    const actor = '00000000-0000-4000-8000-0000000000a1';
    // One multi-row insert interleaving both tenants, an update that changes some rows and leaves
    // others as they were (no entry), a delete; explicit ids and times so both runs write equal rows.
    const statements = [
      `INSERT INTO finding (id, tenant_id, kind, rule, facts, dedupe_key, found_at)
       SELECT ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, CASE WHEN g % 2 = 0 THEN $1::uuid ELSE $2::uuid END,
              'AUDIT_TEST', 'r', jsonb_build_object('g', g), 'audit-test:' || g, '2026-01-01T00:00:00Z'
         FROM generate_series(1, 7) g`,
      `UPDATE finding SET rule = CASE WHEN (facts->>'g')::int <= 4 THEN 'changed' ELSE rule END WHERE kind = 'AUDIT_TEST'`,
      `DELETE FROM finding WHERE kind = 'AUDIT_TEST' AND (facts->>'g')::int IN (2, 3, 6)`,
    ];
    const run = async (rowLevel: boolean) => {
      const runner = ds.createQueryRunner();
      await runner.startTransaction();
      try {
        if (rowLevel)
          await runner.query(`DROP TRIGGER audit_record ON finding; DROP TRIGGER audit_record_update ON finding;
            DROP TRIGGER audit_record_delete ON finding;
            CREATE TRIGGER audit_record AFTER INSERT OR UPDATE OR DELETE ON finding FOR EACH ROW EXECUTE FUNCTION audit_record()`);
        const base = (await runner.query(
          `SELECT t.id, coalesce(max(e.seq), 0)::int AS seq FROM tenant t LEFT JOIN audit_entry e ON e.tenant_id = t.id WHERE t.id = ANY($1::uuid[]) GROUP BY t.id`,
          [[shizi.id, other.id]],
        )) as { id: string; seq: number }[];
        await runner.query(`SELECT set_config('app.user_id', $1, true)`, [actor]);
        for (const sql of statements)
          await runner.query(sql, sql.startsWith('INSERT') ? [shizi.id, other.id] : undefined);
        const entries = (await runner.query(
          `SELECT e.tenant_id, (e.seq - b.seq)::int AS n, e.actor, e.table_name, e.operation, e.row_data, e.changed
             FROM audit_entry e JOIN (SELECT (x->>'id')::uuid AS id, (x->>'seq')::int AS seq FROM jsonb_array_elements($1::jsonb) x) b ON b.id = e.tenant_id
            WHERE e.seq > b.seq ORDER BY e.tenant_id, e.seq`,
          [JSON.stringify(base)],
        )) as Record<string, unknown>[];
        const broken = (await runner.query(`SELECT * FROM audit_verify($1) UNION ALL SELECT * FROM audit_verify($2)`, [
          shizi.id,
          other.id,
        ])) as unknown[];
        return { entries, broken };
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    };
    const before = await run(true);
    const now = await run(false);
    // 7 inserts, 4 changed rows of 7 updated, 3 deletes: 14 entries, chained per tenant in row order.
    expect(now.entries).toHaveLength(14);
    expect(now.entries).toEqual(before.entries);
    expect(now.broken).toEqual([]);
    expect(before.broken).toEqual([]);
    const ofShizi = now.entries.filter((e) => e.tenant_id === shizi.id);
    expect(ofShizi.map((e) => `${e.operation} ${(e.row_data as { facts: { g: number } }).facts.g}`)).toEqual([
      'INSERT 2',
      'INSERT 4',
      'INSERT 6',
      'UPDATE 2',
      'UPDATE 4',
      'DELETE 2',
      'DELETE 6',
    ]);
    expect(ofShizi.map((e) => e.n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(ofShizi.find((e) => e.operation === 'UPDATE')).toMatchObject({ changed: { rule: 'changed' }, actor });
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
