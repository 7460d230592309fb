import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '@test/support/test-app';

type Payload = {
  accessToken: string;
  refreshToken: string | null;
  sessionExpiresAt: string;
  mustChangePassword: boolean;
};
const PAYLOAD = 'accessToken refreshToken sessionExpiresAt mustChangePassword';

/**
 * Sessions that end (issue 12 item 4): short access tokens carrying a session and the account's token
 * version, checked per request; rotating refresh tokens stored server-side (as hashes) with reuse
 * detection; an absolute session lifetime; logout and sign out everywhere. TOKEN_VERSION_CACHE_MS=0 here,
 * so a change made straight in the database is refused on the very next request (the replicas test
 * shows the default cache across two processes).
 */
describe('sessions: refresh rotation, reuse detection, logout, absolute lifetime, deactivation', () => {
  let t: TestApp;
  let short: TestApp;
  const reason = (r: { errors?: { extensions?: Record<string, unknown> }[] }): unknown =>
    r.errors?.[0]?.extensions?.reason;
  const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }): unknown =>
    r.errors?.[0]?.extensions?.code ?? 'OK';

  beforeAll(async () => {
    t = await startTestApp({ TOKEN_VERSION_CACHE_MS: '0' });
    short = await startTestApp({ SEED_DEMO: 'false', SESSION_MAX_AGE: '3', ACCESS_TOKEN_TTL: '60' });
  }, 600_000);
  afterAll(async () => {
    await t.close();
    await short.close();
  });

  const signIn = async (
    app: TestApp,
    tenantCode: string | null,
    username: string,
    password?: string,
  ): Promise<Payload> => {
    const res = await app.gql<{ login: Payload }>(`mutation($i: LoginInput!) { login(input: $i) { ${PAYLOAD} } }`, {
      i: {
        ...(tenantCode ? { tenantCode } : {}),
        username,
        password: password ?? (tenantCode ? 'demo-password' : 'admin-password-for-tests'),
      },
    });
    expect(res.errors).toBeUndefined();
    return res.data!.login;
  };
  const refresh = (app: TestApp, refreshToken: string) =>
    app.gql<{ refreshSession: Payload }>(
      `mutation($i: RefreshSessionInput!) { refreshSession(input: $i) { ${PAYLOAD} } }`,
      { i: { refreshToken } },
    );
  const me = (app: TestApp, token: string) => app.gql<{ me: { username: string } }>('{ me { username } }', {}, token);

  it('a sign-in opens a session: a short access token, a refresh token, an absolute end', async () => {
    const s = await signIn(t, 'shizi', 'office');
    expect(s.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.mustChangePassword).toBe(false);
    const end = Date.parse(s.sessionExpiresAt) - Date.now();
    expect(end).toBeGreaterThan(11 * 3600_000);
    expect(end).toBeLessThanOrEqual(12 * 3600_000);
    expect(code(await me(t, s.accessToken))).toBe('OK');
    // Stored as a hash only.
    const rows: { token_hash: string }[] = await t.app.get(DataSource).query('SELECT token_hash FROM refresh_token');
    expect(rows.map((r) => r.token_hash)).not.toContain(s.refreshToken);
  });

  it('refreshSession rotates: the next refresh token works once; a spent one presented again ends the whole session (reuse detection)', async () => {
    const s = await signIn(t, 'shizi', 'convener');
    const first = await refresh(t, s.refreshToken!);
    expect(first.errors).toBeUndefined();
    const next = first.data!.refreshSession;
    expect(next.refreshToken).not.toBe(s.refreshToken);
    expect(next.sessionExpiresAt).toBe(s.sessionExpiresAt);
    expect(code(await me(t, next.accessToken))).toBe('OK');
    // The first refresh token again: someone holds a copy. The session ends for both holders.
    const replay = await refresh(t, s.refreshToken!);
    expect([code(replay), reason(replay)]).toEqual(['UNAUTHENTICATED', 'REFRESH_TOKEN_REUSED']);
    expect(reason(await refresh(t, next.refreshToken!))).toBe('SESSION_REVOKED');
    const after = await me(t, next.accessToken);
    expect([code(after), reason(after)]).toEqual(['UNAUTHENTICATED', 'SESSION_REVOKED']);
    expect(code(await me(t, s.accessToken))).toBe('UNAUTHENTICATED');
    expect(reason(await refresh(t, 'not-a-refresh-token'))).toBe('SESSION_EXPIRED');
  });

  it('two parallel refreshes with one token: one succeeds, the other is reuse and ends the session', async () => {
    const s = await signIn(t, 'shizi', 'member');
    const results = await Promise.all([refresh(t, s.refreshToken!), refresh(t, s.refreshToken!)]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.map(reason).filter(Boolean)).toEqual(['REFRESH_TOKEN_REUSED']);
    const winner = results.find((r) => !r.errors)!.data!.refreshSession;
    expect(code(await me(t, winner.accessToken))).toBe('UNAUTHENTICATED');
  });

  it('logout ends this session only: its access and refresh tokens are refused, another session goes on', async () => {
    const a = await signIn(t, 'xiacang', 'office');
    const b = await signIn(t, 'xiacang', 'office');
    expect(await t.gql('mutation { logout }', {}, a.accessToken)).toEqual({ data: { logout: true } });
    expect(reason(await me(t, a.accessToken))).toBe('SESSION_REVOKED');
    expect(code(await refresh(t, a.refreshToken!))).toBe('UNAUTHENTICATED');
    expect(code(await me(t, b.accessToken))).toBe('OK');
    expect(code(await refresh(t, b.refreshToken!))).toBe('OK');
  });

  it('logoutEverywhere ends every session and every access token of the account', async () => {
    const a = await signIn(t, 'xiacang', 'convener');
    const b = await signIn(t, 'xiacang', 'convener');
    expect((await t.gql('mutation { logoutEverywhere }', {}, b.accessToken)).data).toEqual({ logoutEverywhere: true });
    for (const s of [a, b]) {
      expect(code(await me(t, s.accessToken))).toBe('UNAUTHENTICATED');
      expect(code(await refresh(t, s.refreshToken!))).toBe('UNAUTHENTICATED');
    }
    expect(code(await me(t, (await signIn(t, 'xiacang', 'convener')).accessToken))).toBe('OK');
  });

  it('a user deactivated in the database is refused on the next request, and cannot refresh or sign in', async () => {
    const s = await signIn(t, 'xincheng', 'office');
    expect(code(await me(t, s.accessToken))).toBe('OK');
    await t.app
      .get(DataSource)
      .query(
        `UPDATE app_user SET active = false WHERE username = 'office' AND tenant_id = (SELECT id FROM tenant WHERE code = 'xincheng')`,
      );
    const refused = await me(t, s.accessToken);
    expect([code(refused), reason(refused)]).toEqual(['UNAUTHENTICATED', 'ACCOUNT_INACTIVE']);
    expect(reason(await refresh(t, s.refreshToken!))).toBe('ACCOUNT_INACTIVE');
    const again = await t.gql(
      'mutation { login(input: { tenantCode: "xincheng", username: "office", password: "demo-password" }) { accessToken } }',
    );
    expect(code(again)).toBe('UNAUTHENTICATED');
  });

  it('a role changed in the database with its token version raised: the old token is refused, refreshSession carries the new roles', async () => {
    const s = await signIn(t, 'xincheng', 'convener');
    await t.app
      .get(DataSource)
      .query(
        `UPDATE app_user SET roles = '{CHIEF_CONVENER}', token_version = token_version + 1 WHERE username = 'convener' AND tenant_id = (SELECT id FROM tenant WHERE code = 'xincheng')`,
      );
    expect(reason(await me(t, s.accessToken))).toBe('TOKEN_REVOKED');
    const next = await t.gql<{ refreshSession: { accessToken: string; user: { roles: string[] } } }>(
      'mutation($i: RefreshSessionInput!) { refreshSession(input: $i) { accessToken user { roles } } }',
      { i: { refreshToken: s.refreshToken } },
    );
    expect(next.data!.refreshSession.user.roles).toEqual(['CHIEF_CONVENER']);
    expect(code(await me(t, next.data!.refreshSession.accessToken))).toBe('OK');
  });

  it('an access token without a session (signed before sessions existed) is refused', async () => {
    const { JwtService } = await import('@nestjs/jwt');
    const { createSecretKey } = await import('node:crypto');
    const jwt = new JwtService({
      secret: createSecretKey(Buffer.from(t.config.jwtSecret!, 'utf8')),
      signOptions: { algorithm: 'HS256', expiresIn: 600 },
    });
    const me0 = await t.gql<{ me: { id: string } }>('{ me { id } }', {}, (await signIn(t, null, 'admin')).accessToken);
    const legacy = jwt.sign({ sub: me0.data!.me.id, usr: 'admin', tid: null, roles: ['PLATFORM_ADMIN'], unit: null });
    expect(code(await me(t, legacy))).toBe('UNAUTHENTICATED');
  });

  it('the absolute lifetime: no refresh passes SESSION_MAX_AGE', async () => {
    const s = await signIn(short, null, 'admin');
    expect(Date.parse(s.sessionExpiresAt) - Date.now()).toBeLessThanOrEqual(3000);
    const first = await refresh(short, s.refreshToken!);
    expect(first.errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, 3500));
    const late = await refresh(short, first.data!.refreshSession.refreshToken!);
    expect([code(late), reason(late)]).toEqual(['UNAUTHENTICATED', 'SESSION_EXPIRED']);
    // The access token was capped at the session's end too (it was signed for at most 3 s).
    expect(code(await me(short, first.data!.refreshSession.accessToken))).toBe('UNAUTHENTICATED');
  });
});
