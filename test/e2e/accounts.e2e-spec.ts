import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

type Errs = { errors?: { extensions?: Record<string, unknown> }[] };
const code = (r: Errs): unknown => r.errors?.[0]?.extensions?.code ?? 'OK';
const reason = (r: Errs): unknown => r.errors?.[0]?.extensions?.reason;
const ok = <T>(res: GqlResult<T>): T => {
  expect(res.errors).toBeUndefined();
  return res.data!;
};

/**
 * User administration and who may grant what (issue 12 items 1 and 2), with the reproductions:
 * a county office minting a CHIEF_CONVENER in 下仓镇 to read its petitioners unmasked, and the platform
 * admin minting a CONVENER in a town. Every change is filed (备案) and reported to the conveners.
 */
describe('accounts: administration, the grant matrix, filing', () => {
  let t: TestApp;
  let prod: TestApp;
  const tok: Record<string, string> = {};
  let departmentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    prod = await startTestApp({ NODE_ENV: 'production', SEED_DEMO: 'false' });
    tok.admin = await t.login(null, 'admin');
    tok.countyOffice = await t.login('county-petition-mechanisms', 'office');
    tok.office = await t.login('shizi', 'office');
    tok.convener = await t.login('shizi', 'convener');
    tok.member = await t.login('shizi', 'member');
    const units = ok(
      await t.gql<{ tenant: { memberUnits: { id: string; kind: string }[] } }>(
        '{ tenant(code: "shizi") { memberUnits { id kind } } }',
        {},
        tok.office,
      ),
    );
    departmentId = units.tenant.memberUnits.filter((u) => u.kind === 'DEPARTMENT')[1].id;
  }, 600_000);
  afterAll(async () => {
    await t.close();
    await prod.close();
  });

  const createUser = (token: string, i: Record<string, unknown>) =>
    t.gql<{ createUser: { id: string } }>(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      { i: { password: 'a-good-password-1', displayName: '测试用户', ...i } },
      token,
    );
  const users = (token: string, args = 'tenantCode: "shizi"') =>
    t.gql<{
      users: {
        items: {
          id: string;
          username: string;
          roles: string[];
          active: boolean;
          lastSignInAt: string | null;
          memberUnit: { id: string } | null;
        }[];
        nextCursor: string | null;
      };
    }>(
      `{ users(${args}) { items { id username roles active lastSignInAt mustChangePassword memberUnit { id } } nextCursor } }`,
      {},
      token,
    );
  const idOf = async (username: string, tenant = 'shizi'): Promise<string> =>
    ok(await users(tok.admin, `tenantCode: "${tenant}", search: "${username}"`)).users.items.find(
      (u) => u.username === username,
    )!.id;
  const act = (name: string, token: string, input: Record<string, unknown>, fields = 'id active roles') =>
    t.gql<Record<string, Record<string, unknown>>>(
      `mutation($i: ${inputOf[name]}!) { ${name}(input: $i) { ${fields} } }`,
      { i: input },
      token,
    );
  const inputOf: Record<string, string> = {
    deactivateUser: 'UserActionInput',
    reactivateUser: 'UserActionInput',
    requirePasswordChange: 'UserActionInput',
    resetUserPassword: 'UserActionInput',
    changeUserRoles: 'ChangeUserRolesInput',
    changeUserUnit: 'ChangeUserUnitInput',
  };

  it('issue: a county office cannot createUser(tenantCode: "xiacang", roles: [CHIEF_CONVENER]) to read that town\'s petitioners unmasked', async () => {
    const res = await createUser(tok.countyOffice, {
      tenantCode: 'xiacang',
      username: 'county-made-chief',
      roles: ['CHIEF_CONVENER'],
    });
    expect([code(res), reason(res)]).toEqual(['FORBIDDEN', 'GRANT_EXCEEDS_OWN_ACCESS']);
    const login = await t.gql(
      'mutation { login(input: { tenantCode: "xiacang", username: "county-made-chief", password: "a-good-password-1" }) { accessToken } }',
    );
    expect(code(login)).toBe('UNAUTHENTICATED');
    // Nor a CONVENER or an OFFICE_DIRECTOR (both read personal fields in full) once the town has its own.
    for (const roles of [['CONVENER'], ['OFFICE_DIRECTOR'], ['MEMBER_UNIT']]) {
      expect(
        code(
          await createUser(tok.countyOffice, {
            tenantCode: 'xiacang',
            username: 'county-made',
            roles,
            memberUnitId: roles[0] === 'MEMBER_UNIT' ? departmentId : undefined,
          }),
        ),
      ).not.toBe('OK');
    }
    // What it may grant there: a masked reader for the county's supervision.
    expect(
      code(
        await createUser(tok.countyOffice, { tenantCode: 'xiacang', username: 'county-liaison', roles: ['SUPERIOR'] }),
      ),
    ).toBe('OK');
  });

  it("issue: the platform admin cannot create a CONVENER in a town that has its conveners; it creates a new tenant's first office director and first convener only", async () => {
    expect(
      reason(await createUser(tok.admin, { tenantCode: 'xiacang', username: 'admin-made', roles: ['CONVENER'] })),
    ).toBe('GRANT_EXCEEDS_OWN_ACCESS');
    ok(
      await t.gql(
        'mutation { onboardTenant(input: { code: "newtown", name: "新镇", pluginId: "town-petition-systems" }) { code } }',
        {},
        tok.admin,
      ),
    );
    expect(
      code(
        await createUser(tok.admin, {
          tenantCode: 'newtown',
          username: 'office',
          roles: ['OFFICE_DIRECTOR', 'CONVENER'],
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      code(await createUser(tok.admin, { tenantCode: 'newtown', username: 'office', roles: ['OFFICE_DIRECTOR'] })),
    ).toBe('OK');
    expect(
      code(await createUser(tok.admin, { tenantCode: 'newtown', username: 'office2', roles: ['OFFICE_DIRECTOR'] })),
    ).toBe('FORBIDDEN');
    expect(
      code(await createUser(tok.admin, { tenantCode: 'newtown', username: 'convener', roles: ['CONVENER'] })),
    ).toBe('OK');
    expect(
      code(await createUser(tok.admin, { tenantCode: 'newtown', username: 'convener2', roles: ['CONVENER'] })),
    ).toBe('FORBIDDEN');
    // The town's own office then administers the rest.
    const office = await t.login('newtown', 'office', 'a-good-password-1');
    expect(code(await createUser(office, { tenantCode: 'newtown', username: 'liaison', roles: ['SUPERIOR'] }))).toBe(
      'OK',
    );
  });

  it("lists and searches a tenant's users with roles, unit, active and last sign-in; keyset pages", async () => {
    const all = ok(await users(tok.office)).users;
    expect(all.items.map((u) => u.username)).toEqual(
      expect.arrayContaining(['convener', 'member', 'office', 'secretary']),
    );
    const office = all.items.find((u) => u.username === 'office')!;
    expect(office).toMatchObject({ roles: ['OFFICE_DIRECTOR'], active: true });
    expect(Date.parse(office.lastSignInAt!)).toBeGreaterThan(Date.now() - 3600_000);
    expect(all.items.find((u) => u.username === 'member')!.memberUnit).not.toBeNull();
    expect(
      ok(await users(tok.office, 'tenantCode: "shizi", search: "MEMB"')).users.items.map((u) => u.username),
    ).toEqual(['member']);
    expect(
      ok(await users(tok.office, 'tenantCode: "shizi", role: CONVENER')).users.items.map((u) => u.username),
    ).toEqual(['convener']);
    // An explicit null filter is no filter (a client sends its empty filters as null).
    expect(
      ok(await users(tok.office, 'tenantCode: "shizi", search: null, role: null, active: null')).users.items.map(
        (u) => u.username,
      ),
    ).toEqual(all.items.map((u) => u.username));
    const page1 = ok(await users(tok.office, 'tenantCode: "shizi", limit: 2')).users;
    expect(page1.items).toHaveLength(2);
    const page2 = ok(await users(tok.office, `tenantCode: "shizi", limit: 2, after: "${page1.nextCursor}"`)).users;
    expect(page2.items.map((u) => u.username)).toEqual(all.items.slice(2, 4).map((u) => u.username));
    // Colleagues read the directory (a petition is transferred by user id) but not who signed in when.
    expect(ok(await users(tok.member)).users.items.find((u) => u.username === 'office')!.lastSignInAt).toBeNull();
    // Another town's users are not visible (nor is the town).
    expect(code(await users(await t.login('xiacang', 'office'), 'tenantCode: "shizi"'))).toBe('NOT_FOUND');
    expect(code(await users(tok.office, 'tenantCode: "shizi", after: "garbage"'))).toBe('BAD_USER_INPUT');
  });

  it('deactivation takes effect on the next request and at sign-in; reactivation restores the account; both filed and reported to the conveners', async () => {
    const memberId = await idOf('member');
    expect(code(await t.gql('{ me { id } }', {}, tok.member))).toBe('OK');
    const noReason = await act('deactivateUser', tok.office, { userId: memberId, reason: '' });
    expect(code(noReason)).toBe('BAD_USER_INPUT');
    expect(
      ok(await act('deactivateUser', tok.office, { userId: memberId, reason: '调离本单位' })).deactivateUser.active,
    ).toBe(false);
    const next = await t.gql('{ me { id } }', {}, tok.member);
    expect([code(next), reason(next)]).toEqual(['UNAUTHENTICATED', 'ACCOUNT_INACTIVE']);
    expect(
      code(
        await t.gql(
          'mutation { login(input: { tenantCode: "shizi", username: "member", password: "demo-password" }) { accessToken } }',
        ),
      ),
    ).toBe('UNAUTHENTICATED');
    expect(reason(await act('deactivateUser', tok.office, { userId: memberId, reason: '再次停用' }))).toBe(
      'ACCOUNT_ALREADY_INACTIVE',
    );
    expect(
      ok(await act('reactivateUser', tok.office, { userId: memberId, reason: '返岗' })).reactivateUser.active,
    ).toBe(true);
    tok.member = await t.login('shizi', 'member');
    await t.queue.whenIdle();
    const filed = ok(
      await t.gql<{ accountChanges: { items: { kind: string; reason: string; rolesAfter: string[] }[] } }>(
        '{ accountChanges(tenantCode: "shizi") { items { kind reason rolesAfter filedAt } } }',
        {},
        tok.convener,
      ),
    );
    expect(filed.accountChanges.items.slice(0, 2)).toEqual([
      { kind: 'REACTIVATED', reason: '返岗', rolesAfter: ['MEMBER_UNIT'], filedAt: expect.any(String) },
      { kind: 'DEACTIVATED', reason: '调离本单位', rolesAfter: ['MEMBER_UNIT'], filedAt: expect.any(String) },
    ]);
    const inbox = ok(
      await t.gql<{ myNotifications: { kind: string; title: string }[] }>(
        '{ myNotifications { kind title } }',
        {},
        tok.convener,
      ),
    );
    expect(inbox.myNotifications.filter((n) => n.kind === 'ACCOUNT_CHANGE_FILED').map((n) => n.title)).toEqual(
      expect.arrayContaining([expect.stringContaining('停用账号'), expect.stringContaining('恢复账号')]),
    );
    // Member units do not read the filing record; nobody administers their own account.
    expect(code(await t.gql('{ accountChanges(tenantCode: "shizi") { items { id } } }', {}, tok.member))).toBe(
      'FORBIDDEN',
    );
    const first = ok(
      await t.gql<{ accountChanges: { items: { kind: string }[]; nextCursor: string } }>(
        '{ accountChanges(tenantCode: "shizi", limit: 1) { items { kind } nextCursor } }',
        {},
        tok.office,
      ),
    ).accountChanges;
    expect(first.items).toEqual([{ kind: 'REACTIVATED' }]);
    const second = ok(
      await t.gql<{ accountChanges: { items: { kind: string }[] } }>(
        `{ accountChanges(tenantCode: "shizi", limit: 1, after: "${first.nextCursor}") { items { kind } } }`,
        {},
        tok.office,
      ),
    ).accountChanges;
    expect(second.items).toEqual([{ kind: 'DEACTIVATED' }]);
    expect(
      code(await t.gql('{ accountChanges(tenantCode: "shizi", limit: 201) { items { id } } }', {}, tok.office)),
    ).toBe('BAD_USER_INPUT');
    expect(
      reason(await act('deactivateUser', tok.office, { userId: await idOf('office'), reason: '自己停用自己' })),
    ).toBe('CANNOT_ADMINISTER_SELF');
  });

  it('changing roles and unit: within the matrix, the old token goes stale, refreshSession carries the new roles', async () => {
    const memberId = await idOf('member');
    const login = ok(
      await t.gql<{ login: { refreshToken: string } }>(
        'mutation { login(input: { tenantCode: "shizi", username: "member", password: "demo-password" }) { refreshToken } }',
      ),
    );
    expect(
      reason(await act('changeUserRoles', tok.office, { userId: memberId, roles: ['CONVENER'], reason: '升任' })),
    ).toBe('GRANT_EXCEEDS_OWN_ACCESS');
    expect(
      reason(
        await act('changeUserRoles', tok.admin, {
          userId: memberId,
          roles: ['MEMBER_UNIT', 'SUPERIOR'],
          reason: '平台改角色',
        }),
      ),
    ).toBe('GRANT_EXCEEDS_OWN_ACCESS');
    expect(
      ok(
        await act(
          'changeUserUnit',
          tok.office,
          { userId: memberId, memberUnitId: departmentId, reason: '单位调整' },
          'memberUnit { id }',
        ),
      ).changeUserUnit,
    ).toEqual({ memberUnit: { id: departmentId } });
    expect(reason(await t.gql('{ me { id } }', {}, tok.member))).toBe('TOKEN_REVOKED');
    const changed = ok(
      await act('changeUserRoles', tok.office, {
        userId: memberId,
        roles: ['MEMBER_UNIT', 'SUPERIOR'],
        reason: '兼任联络',
      }),
    ).changeUserRoles;
    expect(changed.roles).toEqual(['MEMBER_UNIT', 'SUPERIOR']);
    const refreshed = ok(
      await t.gql<{ refreshSession: { accessToken: string; user: { roles: string[] } } }>(
        'mutation($i: RefreshSessionInput!) { refreshSession(input: $i) { accessToken user { roles } } }',
        {
          i: { refreshToken: login.login.refreshToken },
        },
      ),
    );
    expect(refreshed.refreshSession.user.roles).toEqual(['MEMBER_UNIT', 'SUPERIOR']);
    const now = ok(
      await t.gql<{ me: { roles: string[]; memberUnit: { id: string } } }>(
        '{ me { roles memberUnit { id } } }',
        {},
        refreshed.refreshSession.accessToken,
      ),
    );
    expect(now.me).toEqual({ roles: ['MEMBER_UNIT', 'SUPERIOR'], memberUnit: { id: departmentId } });
    expect(
      code(
        await act('changeUserRoles', tok.office, { userId: memberId, roles: ['VILLAGE_SECRETARY'], reason: '改任' }),
      ),
    ).toBe('BAD_USER_INPUT');
    ok(await act('changeUserRoles', tok.office, { userId: memberId, roles: ['MEMBER_UNIT'], reason: '不再兼任' }));
    const filed = ok(
      await t.gql<{ accountChanges: { items: { kind: string; rolesBefore: string[]; rolesAfter: string[] }[] } }>(
        '{ accountChanges(tenantCode: "shizi", limit: 3) { items { kind rolesBefore rolesAfter } } }',
        {},
        tok.office,
      ),
    );
    expect(filed.accountChanges.items).toEqual([
      { kind: 'ROLES_CHANGED', rolesBefore: ['MEMBER_UNIT', 'SUPERIOR'], rolesAfter: ['MEMBER_UNIT'] },
      { kind: 'ROLES_CHANGED', rolesBefore: ['MEMBER_UNIT'], rolesAfter: ['MEMBER_UNIT', 'SUPERIOR'] },
      { kind: 'UNIT_CHANGED', rolesBefore: ['MEMBER_UNIT'], rolesAfter: ['MEMBER_UNIT'] },
    ]);
  });

  it('a password reset: shown once, one sign-in that may only change the password; the platform admin resets no tenant account', async () => {
    const secretaryId = await idOf('secretary');
    expect(
      reason(
        await act('resetUserPassword', tok.admin, { userId: secretaryId, reason: '忘记密码' }, 'temporaryPassword'),
      ),
    ).toBe('GRANT_EXCEEDS_OWN_ACCESS');
    const reset = ok(
      await act(
        'resetUserPassword',
        tok.office,
        { userId: secretaryId, reason: '忘记密码' },
        'temporaryPassword expiresAt user { mustChangePassword }',
      ),
    ).resetUserPassword as {
      temporaryPassword: string;
      expiresAt: string;
      user: { mustChangePassword: boolean };
    };
    expect(reset.user.mustChangePassword).toBe(true);
    expect(reset.temporaryPassword).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(
      code(
        await t.gql(
          'mutation { login(input: { tenantCode: "shizi", username: "secretary", password: "demo-password" }) { accessToken } }',
        ),
      ),
    ).toBe('UNAUTHENTICATED');
    const temp = ok(
      await t.gql<{ login: { accessToken: string; refreshToken: string | null; mustChangePassword: boolean } }>(
        'mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken mustChangePassword } }',
        { i: { tenantCode: 'shizi', username: 'secretary', password: reset.temporaryPassword } },
      ),
    ).login;
    expect(temp).toMatchObject({ mustChangePassword: true, refreshToken: null });
    expect(code(await t.gql('{ me { username } }', {}, temp.accessToken))).toBe('OK');
    const blocked = await t.gql('{ tenants { code } }', {}, temp.accessToken);
    expect([code(blocked), reason(blocked)]).toEqual(['FORBIDDEN', 'PASSWORD_CHANGE_REQUIRED']);
    // Spent at its first sign-in.
    const second = await t.gql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', {
      i: { tenantCode: 'shizi', username: 'secretary', password: reset.temporaryPassword },
    });
    expect(reason(second)).toBe('PASSWORD_RESET_EXPIRED');
    const changed = ok(
      await t.gql<{ changePassword: { accessToken: string; refreshToken: string; mustChangePassword: boolean } }>(
        'mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken refreshToken mustChangePassword } }',
        { i: { currentPassword: reset.temporaryPassword, newPassword: 'my-own-new-password' } },
        temp.accessToken,
      ),
    ).changePassword;
    expect(changed.mustChangePassword).toBe(false);
    expect(code(await t.gql('{ tenants { code } }', {}, changed.accessToken))).toBe('OK');
    expect(code(await t.gql('{ me { id } }', {}, temp.accessToken))).toBe('UNAUTHENTICATED');
    await t.login('shizi', 'secretary', 'my-own-new-password');
    await t.queue.whenIdle();
    const filed = ok(
      await t.gql<{ accountChanges: { items: { kind: string }[] } }>(
        '{ accountChanges(tenantCode: "shizi", limit: 1) { items { kind } } }',
        {},
        tok.office,
      ),
    );
    expect(filed.accountChanges.items).toEqual([{ kind: 'PASSWORD_RESET' }]);
  });

  it('changing the own password needs the current one and ends the other sessions', async () => {
    const other = await t.login('shizi', 'convener');
    const wrong = await t.gql(
      'mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken } }',
      { i: { currentPassword: 'wrong-password', newPassword: 'a-new-convener-password' } },
      tok.convener,
    );
    expect([code(wrong), reason(wrong)]).toEqual(['FORBIDDEN', 'WRONG_PASSWORD']);
    const weak = await t.gql(
      'mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken } }',
      { i: { currentPassword: 'demo-password', newPassword: 'short' } },
      tok.convener,
    );
    expect(code(weak)).toBe('BAD_USER_INPUT');
    const done = ok(
      await t.gql<{ changePassword: { accessToken: string } }>(
        'mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken } }',
        { i: { currentPassword: 'demo-password', newPassword: 'a-new-convener-password' } },
        tok.convener,
      ),
    );
    expect(code(await t.gql('{ me { id } }', {}, other))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql('{ me { id } }', {}, done.changePassword.accessToken))).toBe('OK');
    tok.convener = done.changePassword.accessToken;
  });

  it('the platform admin deactivates and requires a password change anywhere (it only takes access away)', async () => {
    const id = await idOf('office', 'xincheng');
    expect(
      ok(await act('requirePasswordChange', tok.admin, { userId: id, reason: '疑似泄露' }, 'mustChangePassword'))
        .requirePasswordChange,
    ).toEqual({ mustChangePassword: true });
    const signIn = ok(
      await t.gql<{ login: { mustChangePassword: boolean } }>(
        'mutation { login(input: { tenantCode: "xincheng", username: "office", password: "demo-password" }) { mustChangePassword } }',
      ),
    );
    expect(signIn.login.mustChangePassword).toBe(true);
    expect(ok(await act('deactivateUser', tok.admin, { userId: id, reason: '平台停用' })).deactivateUser.active).toBe(
      false,
    );
  });

  it('in production the bootstrap admin must change its password at its first sign-in', async () => {
    const first = ok(
      await prod.gql<{ login: { accessToken: string; mustChangePassword: boolean } }>(
        'mutation { login(input: { username: "admin", password: "admin-password-for-tests" }) { accessToken mustChangePassword } }',
      ),
    ).login;
    expect(first.mustChangePassword).toBe(true);
    expect(reason(await prod.gql('{ tenants { code } }', {}, first.accessToken))).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = ok(
      await prod.gql<{ changePassword: { accessToken: string } }>(
        'mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken } }',
        { i: { currentPassword: 'admin-password-for-tests', newPassword: 'the-admins-own-password' } },
        first.accessToken,
      ),
    );
    expect(code(await prod.gql('{ tenants { code } }', {}, changed.changePassword.accessToken))).toBe('OK');
    // Demo sign-in outside production is not forced (npm start): the demo users above signed in directly.
    expect(
      ok(
        await t.gql<{ login: { mustChangePassword: boolean } }>(
          'mutation { login(input: { tenantCode: "shizi", username: "office", password: "demo-password" }) { mustChangePassword } }',
        ),
      ).login.mustChangePassword,
    ).toBe(false);
  });
});
