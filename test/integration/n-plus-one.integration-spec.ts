import { statementLog } from '@test/support/statement-log';
import { startTestApp, type TestApp } from '@test/support/test-app';

/**
 * No N+1: a nested list costs a fixed number of SQL statements, whatever the number of rows. The
 * statements are counted at TypeORM's logger (every query the app sends passes through it), for
 * the same query before and after more tenants are onboarded.
 */
describe('nested lists load without N+1 queries', () => {
  let t: TestApp;
  let admin: string;
  let log: ReturnType<typeof statementLog>;
  const NESTED = `{ tenants { code parent { code } memberUnits { id name } children { code memberUnits { id } } jointMeeting { officeHost { name } } membershipChanges { id kind } members { id memberUnit { name } } } }`;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(null, 'admin');
    log = statementLog(t.database.dataSource);
  });
  afterAll(async () => {
    await t.close();
  });

  async function count(): Promise<{ statements: number; tenants: number; units: number }> {
    await t.queue.whenIdle(30_000);
    // The guard's per-request session check is cached briefly (TOKEN_VERSION_CACHE_MS): warm it, so
    // only the nested query's own statements are counted.
    expect((await t.gql(`{ me { id } }`, undefined, admin)).errors).toBeUndefined();
    log.clear();
    const res = await t.gql<{ tenants: { memberUnits: unknown[]; children: { memberUnits: unknown[] }[] }[] }>(
      NESTED,
      undefined,
      admin,
    );
    expect(res.errors).toBeUndefined();
    const tenants = res.data!.tenants;
    return {
      statements: log.statements.length,
      tenants: tenants.length,
      units: tenants.reduce((n, x) => n + x.memberUnits.length, 0),
    };
  }

  it('costs the same number of statements for 5 tenants and for 13', async () => {
    const before = await count();
    for (let i = 1; i <= 8; i += 1) {
      const res = await t.gql(
        `mutation($input: OnboardTenantInput!) { onboardTenant(input: $input) { id } }`,
        {
          input: {
            code: `nplus-${i}`,
            name: `查询计数镇${i}`,
            pluginId: i % 2 ? 'shizi-town' : 'xiacang-town',
            parentCode: 'county-petition-mechanisms',
          },
        },
        admin,
      );
      expect(res.errors).toBeUndefined();
    }
    const after = await count();
    expect(after.tenants).toBe(before.tenants + 8);
    expect(after.units).toBeGreaterThan(before.units);
    expect(after.statements).toBe(before.statements);
    // One statement per level (and per relation), plus each transaction's begin/scope and commit; the
    // plugin snapshots that `jointMeeting` needs are one more batch (a list of tenants reads none), the
    // member register's two relations (members and their units) three more (21 without them).
    expect(after.statements).toBeLessThanOrEqual(24);
  });

  it('lists tenants without their plugin snapshots, and reads them in one batch when a field shows rules', async () => {
    const snapshotReads = (): string[] => log.statements.filter((q) => q.includes('plugin_config'));
    expect((await t.gql(`{ me { id } }`, undefined, admin)).errors).toBeUndefined();
    log.clear();
    const plain = await t.gql<{ tenants: { code: string; children: { code: string }[] }[] }>(
      `{ tenants { code name level children { code } parent { code } } }`,
      undefined,
      admin,
    );
    expect(plain.errors).toBeUndefined();
    expect(plain.data!.tenants.length).toBeGreaterThan(4);
    expect(snapshotReads()).toEqual([]);

    log.clear();
    const ruled = await t.gql<{
      tenants: {
        code: string;
        plugin: { id: string };
        jointMeeting: { name: string };
        effectiveConfiguration: { id: string };
      }[];
    }>(`{ tenants { code plugin { id } jointMeeting { name } effectiveConfiguration } }`, undefined, admin);
    expect(ruled.errors).toBeUndefined();
    for (const tenant of ruled.data!.tenants) {
      expect(tenant.jointMeeting.name.length).toBeGreaterThan(0);
      expect(tenant.effectiveConfiguration.id).toBe(tenant.plugin.id);
    }
    expect(snapshotReads()).toHaveLength(1);
  });
});
