import { Role, UNIT_ROLES } from '@core/identity';
import { GRANT_MATRIX, administersAccounts, type GrantRelation } from '@core/identity/grant-matrix';
import { copyUser } from '@test/support/extra-user';
import { startTestApp, type TestApp } from '@test/support/test-app';

const ROLES = Object.values(Role);
const TENANT_ROLES = ROLES.filter((r) => r !== Role.PLATFORM_ADMIN);

/**
 * The grant matrix (docs/accounts.md), cell by cell: for every granter role (one role per account), in
 * the account's own tenant ('same': a 十字镇 account granting in 十字镇) and in its parent ('child': a county
 * account granting in 十字镇), and for every role granted, createUser answers OK exactly where
 * GRANT_MATRIX says so and FORBIDDEN everywhere else; the platform admin grants nothing in a tenant that
 * already has its first accounts; PLATFORM_ADMIN is never granted in a tenant (BAD_USER_INPUT, or FORBIDDEN
 * for a role that administers no accounts). The
 * table is the source: a new role or a changed cell changes this test.
 */
describe('grant matrix: roles × roles, in the same tenant and in a child tenant', () => {
  let t: TestApp;
  const granter: Record<string, string> = {};
  const unitFor: Partial<Record<Role, string>> = {};
  let n = 0;

  beforeAll(async () => {
    t = await startTestApp();
    for (const [relation, tenant] of [
      ['same', 'shizi'],
      ['child', 'county-petition-mechanisms'],
    ] as const) {
      for (const role of TENANT_ROLES) {
        // Unit roles copy a unit holder in the town; the county has none (its unit roles hold no unit here: they grant nothing either way).
        const from =
          relation === 'same' && UNIT_ROLES.includes(role)
            ? role === Role.VILLAGE_SECRETARY
              ? 'secretary'
              : 'member'
            : 'office';
        await copyUser(t, tenant, from, `granter-${role.toLowerCase().replace(/_/g, '-')}`, [role]);
        granter[`${relation}|${role}`] = await t.login(tenant, `granter-${role.toLowerCase().replace(/_/g, '-')}`);
      }
    }
    granter['platform|PLATFORM_ADMIN'] = await t.login(null, 'admin');
    const office = await t.login('shizi', 'office');
    const units = await t.gql<{ tenant: { memberUnits: { id: string; kind: string }[] } }>(
      '{ tenant(code: "shizi") { memberUnits { id kind } } }',
      {},
      office,
    );
    unitFor[Role.MEMBER_UNIT] = units.data!.tenant.memberUnits.find((u) => u.kind === 'DEPARTMENT')!.id;
    unitFor[Role.VILLAGE_SECRETARY] = units.data!.tenant.memberUnits.find((u) => u.kind === 'VILLAGE')!.id;
  }, 600_000);
  afterAll(async () => {
    await t.close();
  });

  const grant = async (token: string, role: Role): Promise<string> => {
    const res = await t.gql(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id roles } }',
      {
        i: {
          tenantCode: 'shizi',
          username: `granted-${++n}`,
          password: 'a-good-password-1',
          displayName: '授权测试',
          roles: [role],
          memberUnitId: unitFor[role],
        },
      },
      token,
    );
    return res.errors?.[0]?.extensions?.code ?? 'OK';
  };

  const cells: [GrantRelation | 'platform', Role, Role, string][] = [];
  for (const relation of ['same', 'child'] as const) {
    for (const by of TENANT_ROLES) {
      // PLATFORM_ADMIN is bad input for anyone who administers accounts at all; the rest are refused before.
      const platformAdmin = administersAccounts([by]) ? 'BAD_USER_INPUT' : 'FORBIDDEN';
      for (const role of ROLES)
        cells.push([
          relation,
          by,
          role,
          role === Role.PLATFORM_ADMIN ? platformAdmin : GRANT_MATRIX[by][relation].includes(role) ? 'OK' : 'FORBIDDEN',
        ]);
    }
  }
  for (const role of ROLES)
    cells.push(['platform', Role.PLATFORM_ADMIN, role, role === Role.PLATFORM_ADMIN ? 'BAD_USER_INPUT' : 'FORBIDDEN']);

  it.each(cells)('%s: %s grants %s in 十字镇 → %s', async (relation, by, role, expected) => {
    expect(await grant(granter[`${relation}|${by}`], role)).toBe(expected);
  });

  it('the matrix never lets a role grant PLATFORM_ADMIN, and unit roles and superiors grant nothing', () => {
    for (const by of ROLES) {
      for (const relation of ['same', 'child'] as const)
        expect(GRANT_MATRIX[by][relation]).not.toContain(Role.PLATFORM_ADMIN);
    }
    for (const by of [Role.MEMBER_UNIT, Role.VILLAGE_SECRETARY, Role.SUPERIOR, Role.PLATFORM_ADMIN])
      expect(GRANT_MATRIX[by]).toEqual({ same: [], child: [] });
  });
});
