import { startTestApp, type TestApp } from '@test/support/test-app';

/** Abuse limits, each shown: aliases, batching, introspection and suggestions in production, token expiry and refresh, headers. */
describe('abuse limits', () => {
  let t: TestApp;
  let prod: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ ACCESS_TOKEN_TTL: '2' });
    prod = await startTestApp({ NODE_ENV: 'production', SEED_DEMO: 'false' });
  });
  afterAll(async () => {
    await t.close();
    await prod.close();
  });

  it('refuses a document with too many aliases', async () => {
    const token = await t.login(null, 'admin');
    const many = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: me { username }`).join(' ')} }`;
    const res = await t.gql(many, {}, token);
    expect(res.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/Too many aliases/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const fine = await t.gql(
      `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: me { username }`).join(' ')} }`,
      {},
      token,
    );
    expect(fine.errors).toBeUndefined();
  });

  it('refuses batched operations in one HTTP request', async () => {
    const res = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(res.status).toBe(400);
  });

  it('in production: no introspection, no field suggestions, no GraphQL IDE', async () => {
    const intro = await prod.gql('{ __schema { types { name } } }');
    expect(intro.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(intro.data ?? null).toBeNull();
    const typo = await prod.gql('{ mee { username } }');
    expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
    expect((await prod.http().get('/graphiql')).status).toBe(404);
    const dev = await t.gql('{ mee { username } }');
    expect(dev.errors?.[0]?.message).toBeDefined();
  });

  it('an access token expires; a valid one can be refreshed, re-reading the user', async () => {
    const token = await t.login('shizi', 'office');
    const refreshed = await t.gql<{ refreshAccessToken: { accessToken: string; user: { roles: string[] } } }>(
      'mutation { refreshAccessToken { accessToken user { roles } } }',
      {},
      token,
    );
    expect(refreshed.data?.refreshAccessToken.user.roles).toEqual(['OFFICE_DIRECTOR']);
    await new Promise((r) => setTimeout(r, 2500));
    const expired = await t.gql('{ me { username } }', {}, token);
    expect(expired.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const late = await t.gql('mutation { refreshAccessToken { accessToken } }', {}, token);
    expect(late.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('sends security headers', async () => {
    const res = await t.http().get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
    // Plain HTTP (TLS unset): no HSTS, no upgrade-insecure-requests, or a LAN address breaks.
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });
});
