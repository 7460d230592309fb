import { startTestApp, type TestApp } from '@test/support/test-app';

/** Bad input answers BAD_USER_INPUT naming the field, and writes nothing. */
describe('bad input', () => {
  let t: TestApp;
  let office: string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('shizi', 'office');
    admin = await t.login(null, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  const snapshot = async (): Promise<string> => {
    const res = await t.gql(
      '{ tenants { code memberUnits { name kind active } membershipChanges { id } } }',
      {},
      admin,
    );
    return JSON.stringify(res.data);
  };

  const cases: [string, Record<string, unknown>, string][] = [
    ['empty name', { name: '' }, 'input.name'],
    ['over-long name', { name: '单'.repeat(101) }, 'input.name'],
    ['SQL-looking name', { name: "x'); DROP TABLE member_unit; --" }, 'input.name'],
    ['zero-width and bidi characters', { name: '综合\u200B\u202E办公室' }, 'input.name'],
    ['control characters in the reason', { reason: '理由\u0000' }, 'input.reason'],
    ['a reason of spaces', { reason: '   ' }, 'input.reason'],
    ['a bad tenant code', { tenantCode: 'SHIZI; --' }, 'input.tenantCode'],
    ['an unknown extra field', { extra: 1 }, 'extra'],
  ];

  it.each(cases)('addMemberUnit with %s', async (_label, override, field) => {
    const before = await snapshot();
    const res = await t.gql(
      'mutation($i: AddMemberUnitInput!) { addMemberUnit(input: $i) { id } }',
      { i: { tenantCode: 'shizi', name: '新设单位', kind: 'DEPARTMENT', reason: '机构调整', ...override } },
      office,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain(field);
    expect(await snapshot()).toBe(before);
  });

  it('a wrong enum value is BAD_USER_INPUT naming the field', async () => {
    const res = await t.gql(
      'mutation($i: AddMemberUnitInput!) { addMemberUnit(input: $i) { id } }',
      { i: { tenantCode: 'shizi', name: '新设单位', kind: 'CASTLE', reason: '机构调整' } },
      office,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('kind');
  });

  it('createUser: weak password, PLATFORM_ADMIN in a tenant, a unit role without its unit, a unit of another tenant', async () => {
    const before = await snapshot();
    const base = {
      tenantCode: 'shizi',
      username: 'newbie',
      password: 'long-enough-pw',
      displayName: '新同事',
      roles: ['CONVENER'],
    };
    const attempt = (over: Record<string, unknown>) =>
      t.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: { ...base, ...over } }, office);
    const expectations: [Record<string, unknown>, string][] = [
      [{ password: 'short' }, 'input.password'],
      [{ roles: [] }, 'input.roles'],
      [{ roles: ['PLATFORM_ADMIN'] }, 'input.roles'],
      [{ roles: ['MEMBER_UNIT'] }, 'input.memberUnitId'],
      [{ roles: ['MEMBER_UNIT'], memberUnitId: '00000000-0000-4000-8000-000000000000' }, 'input.memberUnitId'],
      [{ username: '坏 名字' }, 'input.username'],
    ];
    for (const [over, field] of expectations) {
      const res = await attempt(over);
      expect({ over, code: res.errors?.[0]?.extensions?.code }).toEqual({ over, code: 'BAD_USER_INPUT' });
      expect(res.errors?.[0]?.message).toContain(field);
    }
    expect(await snapshot()).toBe(before);
  });

  it('onboardTenant: an unknown plugin, a counted-unit kind the plugin lacks, too many names', async () => {
    const before = await snapshot();
    const attempt = (over: Record<string, unknown>) =>
      t.gql(
        'mutation($i: OnboardTenantInput!) { onboardTenant(input: $i) { code } }',
        {
          i: {
            code: 'newtown',
            name: '新镇',
            pluginId: 'xincheng-street',
            parentCode: 'county-petition-mechanisms',
            ...over,
          },
        },
        admin,
      );
    const unknown = await attempt({ pluginId: 'no-such-plugin' });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.pluginId' });
    const kind = await attempt({ countedUnitNames: [{ kind: 'VILLAGE', names: ['某村'] }] });
    expect(kind.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.countedUnitNames.0.kind',
    });
    const many = await attempt({
      countedUnitNames: [{ kind: 'COMMUNITY', names: Array.from({ length: 12 }, (_, i) => `社区${i}`) }],
    });
    expect(many.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.countedUnitNames.0.names',
    });
    const duplicate = await attempt({ code: 'shizi', pluginId: 'xiacang-town' });
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.code' });
    expect(await snapshot()).toBe(before);
  });
});
