import { startTestApp, type TestApp } from '@test/support/test-app';

/**
 * Every role's allowed and denied operations, over HTTP, on the demo tenants (a county with four
 * towns). Allowed operations must succeed; denied ones answer FORBIDDEN (or NOT_FOUND/null where the
 * object lies outside the caller's view) and write nothing.
 */
describe('roles: allowed and denied operations', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let shiziVillageId: string;

  beforeAll(async () => {
    t = await startTestApp();
    tokens.admin = await t.login(null, 'admin');
    for (const [key, tenant, user] of [
      ['countyOffice', 'county-petition-mechanisms', 'office'],
      ['countySuperior', 'county-petition-mechanisms', 'superior'],
      ['countyChief', 'county-petition-mechanisms', 'chief'],
      ['office', 'shizi', 'office'],
      ['convener', 'shizi', 'convener'],
      ['member', 'shizi', 'member'],
      ['secretary', 'shizi', 'secretary'],
      ['xinchengChief', 'xincheng', 'chief'],
    ]) {
      tokens[key] = await t.login(tenant, user);
    }
    const units = await t.gql<{ tenant: { memberUnits: { id: string; kind: string }[] } }>(
      '{ tenant(code: "shizi") { memberUnits { id kind } } }',
      {},
      tokens.office,
    );
    shiziVillageId = units.data!.tenant.memberUnits.find((u) => u.kind === 'VILLAGE')!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const code = (r: { errors?: { extensions?: { code?: string } }[] }): string =>
    r.errors?.[0]?.extensions?.code ?? 'OK';
  const unitCount = async (): Promise<number> =>
    (
      await t.gql<{ tenant: { memberUnits: unknown[] } }>(
        '{ tenant(code: "shizi") { memberUnits { id } } }',
        {},
        tokens.office,
      )
    ).data!.tenant.memberUnits.length;
  const addUnit = (token: string, tenantCode = 'shizi', name = '新设单位') =>
    t.gql(
      'mutation($i: AddMemberUnitInput!) { addMemberUnit(input: $i) { id } }',
      { i: { tenantCode, name, kind: 'DEPARTMENT', reason: '测试权限' } },
      token,
    );
  const createUser = (token: string, tenantCode: string, username: string) =>
    t.gql(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      { i: { tenantCode, username, password: 'a-good-password', displayName: '测试用户', roles: ['CONVENER'] } },
      token,
    );
  const onboard = (token: string, parentCode: string | undefined, c: string) =>
    t.gql(
      'mutation($i: OnboardTenantInput!) { onboardTenant(input: $i) { code } }',
      { i: { code: c, name: '新镇', pluginId: 'town-petition-systems', ...(parentCode ? { parentCode } : {}) } },
      token,
    );

  it('every role reads `me` and the installed plugins', async () => {
    for (const [key, token] of Object.entries(tokens)) {
      const res = await t.gql<{ me: { roles: string[] }; jurisdictionPlugins: { id: string; available: boolean }[] }>(
        '{ me { roles } jurisdictionPlugins { id available } }',
        {},
        token,
      );
      expect({ key, code: code(res) }).toEqual({ key, code: 'OK' });
      expect(res.data!.jurisdictionPlugins.filter((p) => p.available)).toHaveLength(5);
    }
  });

  it('adding member units: the town office and the platform admin may; no other role may', async () => {
    const before = await unitCount();
    for (const key of ['convener', 'member', 'secretary', 'countySuperior', 'countyChief', 'xinchengChief']) {
      expect({ key, code: code(await addUnit(tokens[key])) }).toEqual({ key, code: 'FORBIDDEN' });
    }
    // The county office reads the town but writes nothing into its ledger of units.
    expect(code(await addUnit(tokens.countyOffice))).toBe('FORBIDDEN');
    expect(await unitCount()).toBe(before);
    expect(code(await addUnit(tokens.office, 'shizi', '办公室新设单位'))).toBe('OK');
    expect(code(await addUnit(tokens.admin, 'shizi', '平台新设单位'))).toBe('OK');
    expect(await unitCount()).toBe(before + 2);
  });

  it('creating a CONVENER (grant matrix, docs/accounts.md): a peer convener may; the office, a county office, the platform admin (the town has its first convener) may not', async () => {
    const reason = (r: { errors?: { extensions?: { reason?: string } }[] }): string | undefined =>
      r.errors?.[0]?.extensions?.reason;
    const office = await createUser(tokens.office, 'shizi', 'new-convener');
    expect([code(office), reason(office)]).toEqual(['FORBIDDEN', 'GRANT_EXCEEDS_OWN_ACCESS']);
    expect(code(await createUser(tokens.countyOffice, 'shizi', 'from-county'))).toBe('FORBIDDEN');
    expect(code(await createUser(tokens.admin, 'xiacang', 'from-admin'))).toBe('FORBIDDEN');
    expect(code(await createUser(tokens.office, 'county-petition-mechanisms', 'upward'))).toBe('NOT_FOUND');
    for (const key of ['member', 'secretary', 'countySuperior', 'countyChief']) {
      expect({ key, code: code(await createUser(tokens[key], 'shizi', `by-${key.toLowerCase()}`)) }).toEqual({
        key,
        code: 'FORBIDDEN',
      });
    }
    expect(code(await createUser(tokens.convener, 'shizi', 'new-convener'))).toBe('OK');
    expect(code(await createUser(tokens.convener, 'shizi', 'new-convener'))).toBe('CONFLICT');
  });

  it('onboarding: the platform admin at the top; an office director under its own tenant only', async () => {
    const county = (token: string, c: string) =>
      t.gql(
        'mutation($i: OnboardTenantInput!) { onboardTenant(input: $i) { code } }',
        { i: { code: c, name: '另一县', pluginId: 'county-petition-mechanisms' } },
        token,
      );
    expect(code(await county(tokens.admin, 'other-county'))).toBe('OK');
    expect(code(await county(tokens.countyOffice, 'rogue-county'))).toBe('FORBIDDEN');
    expect(code(await onboard(tokens.countyOffice, 'county-petition-mechanisms', 'new-town'))).toBe('OK');
    expect(code(await onboard(tokens.countyOffice, 'other-county', 'foreign-town'))).toBe('NOT_FOUND');
    for (const key of ['countySuperior', 'countyChief']) {
      expect({
        key,
        code: code(await onboard(tokens[key], 'county-petition-mechanisms', `by-${key.toLowerCase()}`)),
      }).toEqual({ key, code: 'FORBIDDEN' });
    }
    // A town cannot have a town below it: the plugin's level must sit under the parent's.
    const nested = await onboard(tokens.office, 'shizi', 'village-town');
    expect(nested.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.pluginId' });
    expect(code(await onboard(tokens.member, 'shizi', 'by-member'))).toBe('FORBIDDEN');
  });

  it('a village secretary and a member unit user see their own tenant only, and their unit', async () => {
    const res = await t.gql<{ me: { memberUnit: { id: string } }; tenants: { code: string }[] }>(
      '{ me { memberUnit { id } } tenants { code } }',
      {},
      tokens.secretary,
    );
    expect(res.data?.me.memberUnit.id).toBe(shiziVillageId);
    expect(res.data?.tenants).toEqual([{ code: 'shizi' }]);
    expect(
      (await t.gql<{ tenant: null }>('{ tenant(code: "county-petition-mechanisms") { code } }', {}, tokens.member)).data
        ?.tenant,
    ).toBeNull();
  });

  it('superiors and county leaders read every town below them but no sibling county', async () => {
    for (const key of ['countySuperior', 'countyChief', 'countyOffice']) {
      const res = await t.gql<{ tenants: { code: string }[] }>('{ tenants { code } }', {}, tokens[key]);
      const codes = res.data!.tenants.map((x) => x.code);
      expect(codes).toEqual(
        expect.arrayContaining(['county-petition-mechanisms', 'shizi', 'town-petition-systems', 'xiacang', 'xincheng']),
      );
      expect(codes).not.toContain('other-county');
    }
  });
});
