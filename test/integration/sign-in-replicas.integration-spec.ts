import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { loadConfig } from '@engine/config';
import { createApp, type CreatedApp } from '../../apps/api/create-app';
import { ADMIN_PASSWORD, DEMO_PASSWORD, REAL_SERVICES, startTestApp, type TestApp } from '@test/support/test-app';

/**
 * Issue 12 item 5, the proof it asked for: two API processes on one PostgreSQL and Redis show the
 * sign-in lockout on both, and a deactivation taking effect on both (issue 12 item 4: refused within
 * TOKEN_VERSION_CACHE_MS on every replica). Each "process" is a complete app (own pool, own Redis clients, own
 * limiter) in this Jest process, as in replicas.integration-spec.ts; the counters live only in Redis.
 * Skipped without PostgreSQL and Redis (the embedded default is one process by design).
 */
const describeShared = REAL_SERVICES && process.env.REDIS_URL ? describe : describe.skip;

describeShared('sign-in lockout and deactivation shared by two APIs on one PostgreSQL and Redis', () => {
  let api1: TestApp;
  let api2: CreatedApp;
  const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }';

  beforeAll(async () => {
    api1 = await startTestApp({ TRUSTED_PROXIES: 'loopback' });
    api2 = await createApp(
      loadConfig({
        ...process.env,
        DATABASE_URL: api1.config.databaseUrl!,
        JWT_SECRET: api1.config.jwtSecret!,
        PII_KEY: api1.config.piiKey!,
        BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'error',
        TRUSTED_PROXIES: 'loopback',
        PASSWORD_HASH_MEMORY_KIB: '1024',
        PASSWORD_HASH_TIME_COST: '1',
        TOKEN_VERSION_CACHE_MS: '2000',
      }),
    );
  }, 240_000);
  afterAll(async () => {
    await api2?.close();
    await api1?.close();
  });

  type Result = {
    data?: { login?: { accessToken: string } } | null;
    errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
  };
  const login = async (app: INestApplication, from: string, username: string, password: string): Promise<Result> =>
    (
      await request(app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('x-forwarded-for', from)
        .send({ query: LOGIN, variables: { input: { tenantCode: 'shizi', username, password } } })
    ).body as Result;
  const reason = (r: Result): string | undefined => r.errors?.[0]?.extensions?.reason;

  it('failures counted on both APIs add up: three on one and two on the other lock the account there on both', async () => {
    const from = '198.51.100.61';
    for (let i = 0; i < 3; i++)
      expect((await login(api1.app, from, 'convener', `wrong-${i}`)).data?.login ?? null).toBeNull();
    for (let i = 3; i < 5; i++)
      expect((await login(api2.app, from, 'convener', `wrong-${i}`)).data?.login ?? null).toBeNull();
    for (const app of [api1.app, api2.app]) {
      const locked = await login(app, from, 'convener', DEMO_PASSWORD);
      expect(locked.data?.login ?? null).toBeNull();
      expect(locked.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_LOCKED' });
    }
    // The lockout is the account + address pair's: from another address the clerk signs in on either API.
    expect((await login(api2.app, '198.51.100.62', 'convener', DEMO_PASSWORD)).data?.login?.accessToken).toEqual(
      expect.any(String),
    );
  });

  it('40 parallel attempts split over both APIs: at most 5 passwords are checked, and the right one is refused', async () => {
    const from = '198.51.100.71';
    const attempts = [...Array.from({ length: 39 }, (_, i) => `wrong-password-${i}`), DEMO_PASSWORD];
    const results = await Promise.all(
      attempts.map((password, i) => login(i % 2 ? api2.app : api1.app, from, 'office', password)),
    );
    expect(
      results.filter((r) => r.errors?.[0]?.extensions?.reason === 'INVALID_CREDENTIALS').length,
    ).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.data?.login)).toHaveLength(0);
    expect(reason(await login(api1.app, from, 'office', DEMO_PASSWORD))).toBe('ACCOUNT_LOCKED');
    expect(reason(await login(api2.app, from, 'office', DEMO_PASSWORD))).toBe('ACCOUNT_LOCKED');
  });

  type Gql = {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
  };
  const gql = async (
    app: INestApplication,
    query: string,
    variables: Record<string, unknown>,
    token?: string,
    from = '198.51.100.80',
  ): Promise<Gql> => {
    const req = request(app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-forwarded-for', from);
    if (token) req.set('authorization', `Bearer ${token}`);
    return (await req.send({ query, variables })).body as Gql;
  };
  const signIn = async (app: INestApplication, username: string): Promise<string> => {
    const r = await login(app, '198.51.100.81', username, DEMO_PASSWORD);
    if (!r.data?.login) throw new Error(`sign-in ${username}: ${JSON.stringify(r.errors)}`);
    return r.data.login.accessToken;
  };
  const ME = '{ me { id } }';
  /** Asks `me` until it is refused (the other replica's cache lapses), at most `rounds` times a second apart. */
  const refusedEventually = async (app: INestApplication, token: string, rounds = 60): Promise<Gql> => {
    let last: Gql = {};
    for (let i = 0; i < rounds; i++) {
      last = await gql(app, ME, {}, token);
      if (last.errors) return last;
      await new Promise((r) => setTimeout(r, 1000));
    }
    return last;
  };

  it('issue 12 item 4: a deactivation on one API is refused on both — at once on the API that made it, on the other once its token-version cache lapses (TOKEN_VERSION_CACHE_MS); sign-in refused on both; reactivation lets the user back in on both', async () => {
    const office = await signIn(api1.app, 'office');
    // The member unit's clerk holds one token per API, each verified (and its token version cached) there.
    const [onApi1, onApi2] = [await signIn(api1.app, 'member'), await signIn(api2.app, 'member')];
    const memberId = ((await gql(api1.app, ME, {}, onApi1)).data!.me as { id: string }).id;
    expect((await gql(api2.app, ME, {}, onApi2)).errors).toBeUndefined();

    const off = await gql(
      api1.app,
      'mutation($i: UserActionInput!) { deactivateUser(input: $i) { active } }',
      { i: { userId: memberId, reason: '调离本单位' } },
      office,
    );
    expect(off.errors).toBeUndefined();
    expect(off.data!.deactivateUser).toEqual({ active: false });

    const here = await gql(api1.app, ME, {}, onApi1);
    expect(here.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const there = await refusedEventually(api2.app, onApi2);
    expect(there.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The token issued by the other API is refused on this one too, and signing in fails on both.
    expect((await gql(api1.app, ME, {}, onApi2)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    for (const app of [api1.app, api2.app])
      expect((await login(app, '198.51.100.82', 'member', DEMO_PASSWORD)).data?.login ?? null).toBeNull();

    const on = await gql(
      api2.app,
      'mutation($i: UserActionInput!) { reactivateUser(input: $i) { active } }',
      { i: { userId: memberId, reason: '返回本单位' } },
      await signIn(api2.app, 'office'),
    );
    expect(on.errors).toBeUndefined();
    for (const app of [api1.app, api2.app])
      expect((await gql(app, ME, {}, await signIn(app, 'member'))).errors).toBeUndefined();
    // The tokens from before the deactivation stay refused (the token version moved on).
    for (const [app, token] of [
      [api1.app, onApi1],
      [api2.app, onApi2],
    ] as const)
      expect((await gql(app, ME, {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  }, 180_000);
});
