import { DEMO_PASSWORD, startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * Issue 12, item 5 — sign-in limits that count: reserved before the password check (no parallel race),
 * one folded spelling per account, per account + address pairs so one NAT does not lock an office out,
 * a per-address limit, client addresses from X-Forwarded-For only through TRUSTED_PROXIES, and an unlock
 * by the office director. Defaults: 5 failures per pair, 50 per account, 100 per address.
 */
describe('sign-in limits that count', () => {
  let t: TestApp;
  const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`;

  beforeAll(async () => {
    // The test client reaches the API over loopback: a trusted proxy, so X-Forwarded-For names the client.
    t = await startTestApp({ TRUSTED_PROXIES: 'loopback' });
    const office = await t.login('shizi', 'office');
    const units = await t.gql<{ tenant: { memberUnits: { id: string; kind: string }[] } }>(
      '{ tenant(code: "shizi") { memberUnits { id kind } } }',
      {},
      office,
    );
    const unit = units.data!.tenant.memberUnits.find((u) => u.kind === 'DEPARTMENT')!;
    for (const username of ['he-victim', 'nat-clerk', 'nat-neighbour']) {
      const created = await t.gql(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        {
          i: {
            tenantCode: 'shizi',
            username,
            password: 'right-password-1',
            displayName: '测试用户',
            roles: ['MEMBER_UNIT'],
            memberUnitId: unit.id,
          },
        },
        office,
      );
      expect(created.errors).toBeUndefined();
    }
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  type LoginResult = GqlResult<{ login: { accessToken: string } }> & {
    errors?: {
      message: string;
      extensions?: { code?: string; reason?: string; retryAfterSeconds?: number; field?: string };
    }[];
  };

  const login = async (
    from: string,
    username: string,
    password: string,
    tenantCode: string | undefined = 'shizi',
  ): Promise<LoginResult> => {
    const res = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-forwarded-for', from)
      .send({ query: LOGIN, variables: { input: { tenantCode, username, password } } });
    return res.body as LoginResult;
  };
  const reason = (r: LoginResult): string | undefined => r.errors?.[0]?.extensions?.reason;
  // A wrong password is UNAUTHENTICATED with the reason INVALID_CREDENTIALS (the identity catalogue).
  const invalid = (r: LoginResult): boolean =>
    r.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED' && reason(r) === 'INVALID_CREDENTIALS';

  it('40 parallel sign-ins, 39 wrong then the right one: at most 5 passwords checked, the right one refused as ACCOUNT_LOCKED', async () => {
    const attempts = [...Array.from({ length: 39 }, (_, i) => `wrong-password-${i}`), DEMO_PASSWORD];
    const results = await Promise.all(attempts.map((password) => login('198.51.100.7', 'convener', password)));
    expect(results.filter(invalid).length).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.data?.login)).toHaveLength(0);
    const last = results[39];
    expect(last.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_LOCKED' });
    expect(last.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // Still locked from that address, even with the right password...
    expect(reason(await login('198.51.100.7', 'convener', DEMO_PASSWORD))).toBe('ACCOUNT_LOCKED');
    // ...but the clerk at another desk is not locked out by it.
    expect((await login('198.51.100.8', 'convener', DEMO_PASSWORD)).data?.login.accessToken).toBeDefined();
  });

  it('he-vİctim (U+0130), full-width and upper-case spellings count as he-victim; other confusables are refused', async () => {
    for (let i = 0; i < 5; i++) expect(invalid(await login('198.51.100.20', 'he-victim', `wrong-${i}`))).toBe(true);
    for (const spelling of ['he-vİctim', 'HE-VICTIM', 'ｈｅ-ｖｉｃｔｉｍ', 'he-victim']) {
      const res = await login('198.51.100.20', spelling, 'right-password-1');
      expect(res.data?.login ?? null).toBeNull();
      expect(reason(res)).toBe('ACCOUNT_LOCKED');
    }
    // Cyrillic е (U+0435) and the dotless ı fold to no possible username: bad input, no password checked.
    for (const spelling of ['hе-victim', 'he-vıctim']) {
      const res = await login('198.51.100.20', spelling, 'right-password-1');
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.username' });
    }
    // The folded spelling is the account: from another address it signs in.
    expect((await login('198.51.100.21', 'He-Vİctim', 'right-password-1')).data?.login.accessToken).toBeDefined();
  });

  it('50 failures from one NAT address lock that account there only: neighbours behind the NAT and the clerk elsewhere still sign in; the office director unlocks', async () => {
    const nat = '203.0.113.9';
    const failures = await Promise.all(Array.from({ length: 50 }, (_, i) => login(nat, 'nat-clerk', `guess-${i}`)));
    expect(failures.filter(invalid).length).toBeLessThanOrEqual(5);
    expect(failures.filter((r) => reason(r) === 'ACCOUNT_LOCKED').length).toBeGreaterThanOrEqual(45);
    expect(reason(await login(nat, 'nat-clerk', 'right-password-1'))).toBe('ACCOUNT_LOCKED');
    expect((await login(nat, 'nat-neighbour', 'right-password-1')).data?.login.accessToken).toBeDefined();
    expect((await login('192.0.2.44', 'nat-clerk', 'right-password-1')).data?.login.accessToken).toBeDefined();

    const UNLOCK = 'mutation($i: UnlockSignInInput!) { unlockSignIn(input: $i) }';
    const input = { i: { tenantCode: 'shizi', username: 'nat-clerk' } };
    const convener = await login('192.0.2.45', 'convener', DEMO_PASSWORD);
    expect((await t.gql(UNLOCK, input, convener.data!.login.accessToken)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const otherOffice = await t.login('xiacang', 'office');
    // Another county's office cannot even see the tenant (row-level security): NOT_FOUND, nothing unlocked.
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(
      (await t.gql(UNLOCK, input, otherOffice)).errors?.[0]?.extensions?.code,
    );
    expect(reason(await login(nat, 'nat-clerk', 'right-password-1'))).toBe('ACCOUNT_LOCKED');

    const office = await t.login('shizi', 'office');
    expect((await t.gql<{ unlockSignIn: boolean }>(UNLOCK, input, office)).data?.unlockSignIn).toBe(true);
    expect((await login(nat, 'nat-clerk', 'right-password-1')).data?.login.accessToken).toBeDefined();
    // The platform admin may unlock too.
    const admin = await t.login(null, 'admin');
    expect((await t.gql<{ unlockSignIn: boolean }>(UNLOCK, input, admin)).data?.unlockSignIn).toBe(true);
  });

  it('110 parallel failures from one address over many accounts: at most 100 passwords checked, then TOO_MANY_ATTEMPTS for any account there', async () => {
    const from = '203.0.113.77';
    const results = await Promise.all(
      Array.from({ length: 110 }, (_, i) => login(from, `nobody-${i}`, 'wrong-password')),
    );
    expect(results.filter(invalid).length).toBeLessThanOrEqual(100);
    expect(results.filter((r) => reason(r) === 'TOO_MANY_ATTEMPTS').length).toBeGreaterThanOrEqual(10);
    const refused = await login(from, 'secretary', DEMO_PASSWORD);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOO_MANY_ATTEMPTS' });
    expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect((await login('203.0.113.78', 'secretary', DEMO_PASSWORD)).data?.login.accessToken).toBeDefined();
  });

  it('X-Forwarded-For is believed only from a trusted proxy', async () => {
    const untrusting = await startTestApp({ LOGIN_ADDRESS_MAX_FAILURES: '3' });
    try {
      const attempt = (from: string) =>
        untrusting
          .http()
          .post('/graphql')
          .set('content-type', 'application/json')
          .set('x-forwarded-for', from)
          .send({
            query: LOGIN,
            variables: { input: { tenantCode: 'shizi', username: `x-${from}`, password: 'wrong' } },
          });
      // Without TRUSTED_PROXIES a client cannot pick a fresh address per attempt: all count on the socket's.
      for (const from of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) await attempt(from);
      const fourth = (await attempt('10.0.0.4')).body as LoginResult;
      expect(reason(fourth)).toBe('TOO_MANY_ATTEMPTS');
    } finally {
      await untrusting.close();
    }
  }, 180_000);
});
