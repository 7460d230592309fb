import type pg from 'pg';
import {
  ADMIN_PASSWORD,
  REDIS_URL,
  build,
  client,
  createDatabase,
  dropQueueKeys,
  freePort,
  healthy,
  startApp,
  superuser,
  until,
  type GqlResult,
  type Proc,
} from './fault-support';

/**
 * A multi-step mutation aborted from outside leaves nothing half-written. Onboarding a township under
 * the county writes, in one transaction: the tenant (and its tenant_tree row), every member unit of its
 * plugin, the township's unit in the county's joint meeting, and an audit entry for each row. The
 * test holds the county's audit-chain lock (the advisory lock the audit trigger (`audit_record_statement()`) takes before appending
 * to a tenant's chain) from a separate connection, so the mutation stops at its LAST write, after
 * everything of the new tenant is written but not committed; it is then aborted two ways: its
 * PostgreSQL backend terminated (`pg_terminate_backend`), or the API process SIGKILLed. No timing:
 * the test waits until PostgreSQL reports the mutation's backend blocked by the test's connection.
 */
const COUNTY = 'fault-county';
const ONBOARD = 'mutation($input: OnboardTenantInput!) { onboardTenant(input: $input) { id code } }';
/** A township (下仓镇's plugin) under the county. */
const input = (code: string, name: string): Record<string, unknown> => ({
  input: { code, name, pluginId: 'xiacang-town', parentCode: COUNTY },
});

describe('fault injection: a multi-step mutation aborted in the middle', () => {
  let port: number;
  let api: ReturnType<typeof client>;
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let env: Record<string, string>;
  let apiProc: Proc;
  let sql: pg.Client;
  let countyId: string;
  let unitsPerTown: number;
  /** Connections holding the county's audit lock; each case releases its own, afterEach any left by a failure. */
  const lockers = new Set<pg.Client>();

  const start = async (): Promise<void> => {
    apiProc = startApp('api', env);
    await healthy(apiProc, api);
  };

  beforeAll(async () => {
    build();
    port = await freePort();
    api = client(port);
    database = await createDatabase();
    env = {
      DATABASE_URL: database.url,
      REDIS_URL,
      QUEUE_PREFIX: database.name,
      PORT: String(port),
      SEED_DEMO: 'false',
    };
    await start();
    sql = await superuser(database.url);
    const admin = await api.login(null, 'admin', ADMIN_PASSWORD);
    const county = await api.gql(ONBOARD, admin, {
      input: { code: COUNTY, name: '故障演练县', pluginId: 'county-petition-mechanisms' },
    });
    expect(county.errors).toBeUndefined();
    countyId = (county.data?.onboardTenant as { id: string }).id;
    // A township onboarded undisturbed from the same plugin: a whole onboarding has this many units.
    const reference = await api.gql(ONBOARD, admin, input('fault-reference-town', '参照镇'));
    expect(reference.errors).toBeUndefined();
    unitsPerTown = Number(
      (
        await sql.query<{ n: string }>('SELECT count(*) AS n FROM member_unit WHERE tenant_id = $1', [
          (reference.data?.onboardTenant as { id: string }).id,
        ])
      ).rows[0].n,
    );
    expect(unitsPerTown).toBeGreaterThan(1);
  });

  afterEach(async () => {
    for (const locker of lockers) await locker.end().catch(() => undefined);
    lockers.clear();
  });

  afterAll(async () => {
    await apiProc?.stop('SIGTERM');
    await sql?.end();
    if (database) await dropQueueKeys(database.name);
    await database?.drop();
  });

  /** Row counts of every table the onboarding writes to (superuser: all tenants). */
  async function counts(): Promise<Record<string, number>> {
    const { rows } = await sql.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM tenant) AS tenant, (SELECT count(*) FROM tenant_tree) AS tenant_tree,
              (SELECT count(*) FROM member_unit) AS member_unit, (SELECT count(*) FROM audit_entry) AS audit_entry`,
    );
    return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
  }

  /**
   * Holds the county's audit-chain lock in an open transaction, starts the onboarding, and resolves
   * once the onboarding's backend waits for that lock, having written the new tenant's rows.
   */
  async function onboardingStuckAtLastStep(
    code: string,
    name: string,
  ): Promise<{ response: Promise<GqlResult | Error>; backend: number; release(): Promise<void> }> {
    const locker = await superuser(database.url);
    lockers.add(locker);
    await locker.query("SET lock_timeout = '30s'"); // a lock left held by a failed case fails this one, never hangs it
    await locker.query('BEGIN');
    await locker.query("SELECT pg_advisory_xact_lock(hashtextextended('audit:' || $1::text, 0))", [countyId]);
    const lockerPid = (await locker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    const admin = await api.login(null, 'admin', ADMIN_PASSWORD);
    const response = api
      .gql(ONBOARD, admin, input(code, name))
      .catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
    const backend = await until(
      async () => {
        const { rows } = await sql.query<{ pid: number }>(
          'SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))',
          [lockerPid],
        );
        return rows[0]?.pid ?? null;
      },
      60,
      'the onboarding to block on the county audit lock',
    );
    // Mid-transaction: it has already written to every table but the county's own rows.
    const { rows } = await sql.query<{ rel: string }>(
      "SELECT relation::regclass::text AS rel FROM pg_locks WHERE pid = $1 AND mode = 'RowExclusiveLock' AND granted",
      [backend],
    );
    expect(rows.map((r) => r.rel)).toEqual(
      expect.arrayContaining(['tenant', 'tenant_tree', 'member_unit', 'audit_entry']),
    );
    return {
      response,
      backend,
      async release() {
        await locker.query('ROLLBACK');
        await locker.end();
        lockers.delete(locker);
      },
    };
  }

  async function expectNothingOf(code: string, name: string, before: Record<string, number>): Promise<void> {
    expect(await counts()).toEqual(before);
    expect((await sql.query('SELECT 1 FROM tenant WHERE code = $1', [code])).rowCount).toBe(0);
    expect(
      (await sql.query('SELECT 1 FROM member_unit WHERE tenant_id = $1 AND name = $2', [countyId, name])).rowCount,
    ).toBe(0);
    expect(
      (await sql.query('SELECT 1 FROM tenant_tree tt WHERE NOT EXISTS (SELECT 1 FROM tenant t WHERE t.id = tt.id)'))
        .rowCount,
    ).toBe(0);
    expect(
      (
        await sql.query(
          'SELECT 1 FROM audit_entry a WHERE NOT EXISTS (SELECT 1 FROM tenant t WHERE t.id = a.tenant_id)',
        )
      ).rowCount,
    ).toBe(0);
  }

  /** The retried onboarding succeeded once, whole: tenant, tree, every unit, the county's township unit, intact audit chains. */
  async function expectWhole(code: string, name: string, before: Record<string, number>): Promise<void> {
    const admin = await api.login(null, 'admin', ADMIN_PASSWORD);
    const retried = await api.gql(ONBOARD, admin, input(code, name));
    expect(retried.errors).toBeUndefined();
    const id = (retried.data?.onboardTenant as { id: string }).id;
    const again = await api.gql(ONBOARD, admin, input(code, name));
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const after = await counts();
    expect(after.tenant).toBe(before.tenant + 1);
    expect(after.tenant_tree).toBe(before.tenant_tree + 1);
    expect(after.member_unit).toBe(before.member_unit + unitsPerTown + 1);
    expect(
      Number(
        (await sql.query<{ n: string }>('SELECT count(*) AS n FROM member_unit WHERE tenant_id = $1', [id])).rows[0].n,
      ),
    ).toBe(unitsPerTown);
    const township = await sql.query(
      "SELECT 1 FROM member_unit WHERE tenant_id = $1 AND child_tenant_id = $2 AND kind = 'TOWNSHIP' AND name = $3",
      [countyId, id, name],
    );
    expect(township.rowCount).toBe(1);
    for (const tenantCode of [COUNTY, code]) {
      const chain = await api.gql(
        'query($c: String!) { verifyAuditChain(tenantCode: $c) { intact entries firstBrokenSeq } }',
        admin,
        { c: tenantCode },
      );
      expect(chain.data?.verifyAuditChain).toMatchObject({ intact: true, firstBrokenSeq: null });
    }
  }

  it('its PostgreSQL backend terminated mid-transaction: nothing is written; the API keeps serving and the retried mutation succeeds once', async () => {
    const before = await counts();
    const stuck = await onboardingStuckAtLastStep('fault-town-a', '故障甲镇');
    const killer = await superuser(database.url);
    expect(
      (await killer.query<{ ok: boolean }>('SELECT pg_terminate_backend($1) AS ok', [stuck.backend])).rows[0].ok,
    ).toBe(true);
    await killer.end();

    const answer = await stuck.response;
    expect(answer).not.toBeInstanceOf(Error);
    expect((answer as GqlResult).errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect((answer as GqlResult).data ?? null).toBeNull();
    await stuck.release();

    await expectNothingOf('fault-town-a', '故障甲镇', before);
    expect(await api.health()).toBe(200);
    await expectWhole('fault-town-a', '故障甲镇', before);
  });

  it('the API process SIGKILLed mid-transaction: nothing is written; a restarted API serves and the retried mutation succeeds once', async () => {
    const before = await counts();
    const stuck = await onboardingStuckAtLastStep('fault-town-b', '故障乙镇');
    await apiProc.stop('SIGKILL');
    expect(await stuck.response).toBeInstanceOf(Error); // the connection died with the process

    // The orphaned backend still waits for the lock; released, it finds its client gone and rolls back.
    await stuck.release();
    await until(
      async () =>
        (await sql.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [stuck.backend])).rowCount === 0
          ? true
          : null,
      60,
      'the orphaned backend to end',
    );
    await expectNothingOf('fault-town-b', '故障乙镇', before);

    await start();
    await expectWhole('fault-town-b', '故障乙镇', before);
  });
});
