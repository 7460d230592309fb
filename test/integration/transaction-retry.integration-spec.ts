import { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { REAL_SERVICES, startTestApp, type TestApp } from '@test/support/test-app';

/**
 * Serialization failures and deadlocks are run again once at the transaction boundary (`Db.run`):
 * provoked for real in the database, never simulated in JavaScript.
 */
describe('Db.run retries serialization failures and deadlocks once', () => {
  let t: TestApp;
  let db: Db;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(Db);
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it('a transaction the database aborts with 40001 is run again and commits', async () => {
    let attempts = 0;
    const result = await db.run(RequestContext.platform(), async ({ em }) => {
      attempts++;
      // PostgreSQL itself raises the serialization failure, on the first attempt only.
      await em.query(
        `DO $$ BEGIN IF ${attempts === 1 ? 'true' : 'false'} THEN RAISE EXCEPTION 'could not serialize access' USING ERRCODE = '40001'; END IF; END $$`,
      );
      const rows: { n: number }[] = await em.query('SELECT 7 AS n');
      return rows[0].n;
    });
    expect(result).toBe(7);
    expect(attempts).toBe(2);
  });

  it('a second failure in a row reaches the caller: one retry only', async () => {
    let attempts = 0;
    await expect(
      db.run(RequestContext.platform(), async ({ em }) => {
        attempts++;
        await em.query(`DO $$ BEGIN RAISE EXCEPTION 'deadlock' USING ERRCODE = '40P01'; END $$`);
      }),
    ).rejects.toMatchObject({ driverError: { code: '40P01' } });
    expect(attempts).toBe(2);
  });

  (REAL_SERVICES ? it : it.skip)('two transactions that deadlock both commit: the victim is run again', async () => {
    // A takes lock 1 then 2, B takes 2 then 1; each waits for the other to hold its first lock, so
    // PostgreSQL's deadlock detector must abort one of them (40P01).
    const held = { a: deferred(), b: deferred() };
    const attempts = { a: 0, b: 0 };
    const errors: string[] = [];
    const tx = (me: 'a' | 'b', first: number, second: number, other: 'a' | 'b') =>
      db.run(RequestContext.platform(), async ({ em }) => {
        attempts[me]++;
        await em.query('SELECT pg_advisory_xact_lock(764410, $1)', [first]);
        held[me].resolve();
        await held[other].promise;
        try {
          await em.query('SELECT pg_advisory_xact_lock(764410, $1)', [second]);
        } catch (err) {
          errors.push((err as { driverError?: { code?: string } }).driverError?.code ?? 'none');
          throw err;
        }
        return me;
      });
    const results = await Promise.all([tx('a', 1, 2, 'b'), tx('b', 2, 1, 'a')]);
    expect(results).toEqual(['a', 'b']);
    expect(errors).toEqual(['40P01']);
    expect(attempts.a + attempts.b).toBe(3);
  });
});

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
