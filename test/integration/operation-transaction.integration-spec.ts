import { createAbility } from '@engine/access';
import { RequestContext, type Caller } from '@engine/context';
import { Role } from '@core/identity';
import { Db } from '@engine/database';
import { statementLog } from '@test/support/statement-log';
import { REAL_SERVICES, startTestApp, type TestApp } from '@test/support/test-app';

/**
 * One read transaction per GraphQL query operation (issue 18): every root field and DataLoader batch
 * of a query joins one transaction on one connection; a widening of the scope by one work
 * (Db.extendScope) never reaches the next; an error gives the shared transaction up and later reads
 * run alone. On PostgreSQL only: the embedded database has a single connection and keeps one
 * transaction per Db.run (see db.ts).
 */
const describeReal = REAL_SERVICES ? describe : describe.skip;

describeReal('one read transaction per query operation', () => {
  let t: TestApp;
  let db: Db;
  let log: ReturnType<typeof statementLog>;
  let town: { id: string; parentId: string };

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(Db);
    log = statementLog(t.database.dataSource);
    const [row] = (await t.database.dataSource.query(
      `SELECT id, parent_id AS "parentId" FROM tenant WHERE code = 'xiacang'`,
    )) as { id: string; parentId: string }[];
    town = row;
  });
  afterAll(async () => {
    await t.close();
  });

  const begins = (): number => log.statements.filter((s) => s.startsWith('START TRANSACTION')).length;

  function townOffice(shareReads: boolean): RequestContext {
    const caller: Caller = {
      userId: '00000000-0000-4000-8000-00000000a001',
      username: 'office',
      tenantId: town.id,
      roles: [Role.OFFICE_DIRECTOR],
      memberUnitId: null,
    };
    const ctx = RequestContext.forCaller(caller, createAbility(caller, []));
    ctx.operation.shareReads = shareReads;
    return ctx;
  }

  it('a query with several root fields and nested lists runs in one transaction; a mutation keeps one per field', async () => {
    const token = await t.login('county-petition-mechanisms', 'office');
    await t.queue.whenIdle(60_000);
    // The guard's session check (a cache miss, at most once per TOKEN_VERSION_CACHE_MS per user) runs
    // in a transaction of its own: warm it, so only the operation's own transactions are counted.
    expect((await t.gql(`{ me { id } }`, undefined, token)).errors).toBeUndefined();
    log.clear();
    const res = await t.gql(
      `{ me { username tenant { code } } tenants { code parent { code } memberUnits { id } children { code memberUnits { id } } } myNotifications { id } }`,
      undefined,
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(begins()).toBe(1);

    log.clear();
    const marked = await t.gql(
      `mutation { a: markNotificationsRead(ids: ["00000000-0000-4000-8000-0000000000a1"]) b: markNotificationsRead(ids: ["00000000-0000-4000-8000-0000000000a2"]) }`,
      undefined,
      token,
    );
    expect(marked.errors).toBeUndefined();
    expect(begins()).toBe(2);
  });

  it('the works of one operation share a transaction, and a widening by one work does not reach the next', async () => {
    const ctx = townOffice(true);
    const seen = async (): Promise<string[]> =>
      db.run(ctx, async ({ em }) =>
        ((await em.query(`SELECT DISTINCT tenant_id AS id FROM member_unit ORDER BY 1`)) as { id: string }[]).map(
          (r) => r.id,
        ),
      );
    const xid = (): Promise<string> =>
      db.run(ctx, async ({ em }) => ((await em.query(`SELECT txid_current()::text AS x`)) as { x: string }[])[0].x);

    const first = await xid();
    expect(await seen()).toEqual([town.id]);
    const widened = await db.run(ctx, async (tx) => {
      await db.extendScope(tx, town.parentId);
      return ((await tx.em.query(`SELECT DISTINCT tenant_id AS id FROM member_unit`)) as { id: string }[])
        .map((r) => r.id)
        .sort();
    });
    expect(widened).toEqual([town.id, town.parentId].sort());
    // The next work of the same operation is back in the caller's own scope, in the same transaction.
    const [after, again] = await Promise.all([seen(), xid()]);
    expect(after).toEqual([town.id]);
    expect(again).toBe(first);
    await ctx.operation.shared!.finish();
    // After the operation's end a late read runs alone, in a transaction of its own.
    expect(await xid()).not.toBe(first);
  });

  it('without shareReads every Db.run is its own transaction (mutations, jobs)', async () => {
    const ctx = townOffice(false);
    const xid = (): Promise<string> =>
      db.run(ctx, async ({ em }) => ((await em.query(`SELECT txid_current()::text AS x`)) as { x: string }[])[0].x);
    expect(await xid()).not.toBe(await xid());
  });

  it('an error gives the shared transaction up: later reads of the operation still answer, alone', async () => {
    const ctx = townOffice(true);
    await expect(db.run(ctx, async ({ em }) => em.query(`SELECT * FROM no_such_table`))).rejects.toThrow();
    const rows = await db.run(
      ctx,
      async ({ em }) => (await em.query(`SELECT count(*)::int AS n FROM member_unit`)) as { n: number }[],
    );
    expect(rows[0].n).toBeGreaterThan(0);
    await ctx.operation.shared!.finish();
  });
});
