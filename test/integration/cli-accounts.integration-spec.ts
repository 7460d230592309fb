import { accountCommand } from '../../apps/cli/accounts';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '@test/support/test-app';

/**
 * The operator's account commands (issue 12 item 1, "in the CLI where an operator needs it"): list a
 * tenant's users, deactivate and reactivate, issue a one-time password reset shown once. They run the
 * account services in the name of a real account, so the grant matrix and the filing (备案) apply as in
 * the console. Each command runs against the test's app (the CLI's own opening of the configured
 * deployment is the only part not exercised).
 */
describe('CLI account commands', () => {
  let t: TestApp;
  const run = async (...argv: string[]): Promise<{ code: number; out: string; err: string }> => {
    let out = '';
    let err = '';
    const [stdout, stderr] = [process.stdout.write.bind(process.stdout), process.stderr.write.bind(process.stderr)];
    process.stdout.write = ((chunk: string | Uint8Array) => (
      (out += String(chunk)),
      true
    )) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string | Uint8Array) => (
      (err += String(chunk)),
      true
    )) as typeof process.stderr.write;
    try {
      const code = await accountCommand(argv[0], argv.slice(1), 'usage\n', async () => ({
        app: t.app,
        close: async () => undefined,
      }));
      return { code, out, err };
    } finally {
      process.stdout.write = stdout;
      process.stderr.write = stderr;
    }
  };
  const me = async (token: string): Promise<string | undefined> =>
    (await t.gql('{ me { id } }', {}, token)).errors?.[0]?.extensions?.code as string | undefined;

  beforeAll(async () => {
    t = await startTestApp();
  }, 180_000);
  afterAll(async () => t?.close());

  it("user:list lists a tenant's users with roles, unit, state and last sign-in, as the platform admin by default", async () => {
    await t.login('shizi', 'member');
    const { code, out } = await run('user:list', 'shizi');
    expect(code).toBe(0);
    const member = out.split('\n').find((l) => l.startsWith('member\t'))!;
    expect(member.split('\t')).toEqual([
      'member',
      expect.any(String),
      'MEMBER_UNIT',
      expect.stringMatching(/^[0-9a-f-]{36}$/),
      'active',
      expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      expect.stringMatching(/^[0-9a-f-]{36}$/),
    ]);
    expect(out).toMatch(/\d+ user\(s\) in shizi\n$/);
    const offices = await run('user:list', 'shizi', '--role', 'OFFICE_DIRECTOR');
    expect(
      offices.out
        .split('\n')
        .filter((l) => /\t[0-9a-f-]{36}$/.test(l))
        .map((l) => l.split('\t')[2]),
    ).toEqual(expect.arrayContaining(['OFFICE_DIRECTOR']));
    expect(offices.out).not.toContain('\nmember\t');
  });

  it('user:deactivate takes effect on the next request and is filed; user:reactivate lets the user sign in again', async () => {
    const token = await t.login('shizi', 'member');
    expect(await me(token)).toBeUndefined();
    const noReason = await run('user:deactivate', 'shizi/member');
    expect(noReason.code).toBe(2);
    const off = await run('user:deactivate', 'shizi/member', '--reason', '调离本单位');
    expect(off).toMatchObject({ code: 0, out: expect.stringContaining('shizi/member deactivated') });
    expect(await me(token)).toBe('UNAUTHENTICATED');
    await expect(t.login('shizi', 'member')).rejects.toThrow();
    const again = await run('user:deactivate', 'shizi/member', '--reason', '调离本单位');
    expect(again).toMatchObject({ code: 1, err: expect.stringContaining('CONFLICT') });
    const on = await run('user:reactivate', 'shizi/member', '--reason', '返回本单位');
    expect(on.code).toBe(0);
    expect(await me(await t.login('shizi', 'member'))).toBeUndefined();
    // Both changes filed (备案) like any other, in the platform admin's name.
    const office = await t.login('shizi', 'office');
    const filed = await t.gql<{ accountChanges: { items: { kind: string; reason: string }[] } }>(
      '{ accountChanges(tenantCode: "shizi", limit: 10) { items { kind reason } } }',
      {},
      office,
    );
    expect(filed.errors).toBeUndefined();
    expect(filed.data!.accountChanges.items.slice(0, 2)).toEqual([
      { kind: 'REACTIVATED', reason: '返回本单位' },
      { kind: 'DEACTIVATED', reason: '调离本单位' },
    ]);
  });

  it("user:reset-password: refused to the platform admin (grant matrix); the tenant's office issues a one-time password, shown once, that only allows choosing a new one", async () => {
    const refused = await run('user:reset-password', 'shizi/member', '--reason', '忘记密码');
    expect(refused).toMatchObject({ code: 1, err: expect.stringContaining('FORBIDDEN') });
    const { code, out } = await run(
      'user:reset-password',
      'shizi/member',
      '--reason',
      '忘记密码',
      '--as',
      'shizi/office',
    );
    expect(code).toBe(0);
    const temporary = out.trim().split('\n').pop()!;
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    await expect(t.login('shizi', 'member')).rejects.toThrow(); // the old password no longer works
    const signed = await t.gql<{ login: { accessToken: string; mustChangePassword: boolean } }>(
      'mutation($i: LoginInput!) { login(input: $i) { accessToken mustChangePassword } }',
      { i: { tenantCode: 'shizi', username: 'member', password: temporary } },
    );
    expect(signed.data!.login.mustChangePassword).toBe(true);
    const changed = await t.gql(
      'mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken } }',
      { i: { currentPassword: temporary, newPassword: 'a-new-member-password-1' } },
      signed.data!.login.accessToken,
    );
    expect(changed.errors).toBeUndefined();
    expect(await me(await t.login('shizi', 'member', 'a-new-member-password-1'))).toBeUndefined();
    // One time: the temporary password is spent.
    const reused = await t.gql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', {
      i: { tenantCode: 'shizi', username: 'member', password: temporary },
    });
    expect(reused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(DEMO_PASSWORD).not.toBe(temporary);
  });

  it('an unknown account to act as, or an account the actor cannot see, fails without changing anything', async () => {
    expect(await run('user:deactivate', 'shizi/member', '--reason', '测试', '--as', 'nobody')).toMatchObject({
      code: 1,
      err: expect.stringContaining('no active account nobody'),
    });
    expect(await run('user:deactivate', 'shizi/office', '--reason', '测试', '--as', 'xiacang/office')).toMatchObject({
      code: 1,
      err: expect.stringContaining('no account shizi/office visible'),
    });
    expect(await me(await t.login('shizi', 'office'))).toBeUndefined();
  });
});
