import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '@engine/config';
import { ADMIN_PASSWORD, startTestApp } from '@test/support/test-app';

/**
 * Production refuses what it should (issue 15 item 3): the configuration is validated once, at start,
 * by one schema; every bad variable is named; production never runs the demo by accident.
 */
const PROD = { NODE_ENV: 'production' };
const SECRETS = { JWT_SECRET: 'j'.repeat(40), PII_KEY: 'p'.repeat(40) };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems.map((p) => p.variable);
    throw err;
  }
  return [];
}

describe('configuration schema', () => {
  it('production without DATABASE_URL (or with it mistyped) is refused unless the embedded database is chosen explicitly', () => {
    expect(problems({ ...PROD })).toEqual(['DATABASE_URL']);
    expect(problems({ ...PROD, DATABSE_URL: 'postgres://db/jm', ...SECRETS })).toEqual(['DATABASE_URL']);
    expect(() => loadConfig({ ...PROD })).toThrow(/DATABASE_URL: is required in production.*EMBEDDED_DATABASE=on/);
    const embedded = loadConfig({ ...PROD, EMBEDDED_DATABASE: 'on' });
    expect(embedded.databaseUrl).toBeUndefined();
    expect(embedded.seedDemo).toBe(false);
  });

  it('production never seeds demo accounts', () => {
    expect(problems({ ...PROD, EMBEDDED_DATABASE: 'on', SEED_DEMO: 'true' })).toEqual(['SEED_DEMO']);
    expect(loadConfig({ ...PROD, DATABASE_URL: 'postgres://db/jm', ...SECRETS }).seedDemo).toBe(false);
  });

  it('names every bad variable at once', () => {
    const err = (() => {
      try {
        loadConfig({
          ...PROD,
          PORT: 'eighty',
          DATABASE_URL: 'mysql://db/jm',
          REDIS_URL: 'localhost:6379',
          JWT_SECRET: 'short',
          LOG_LEVEL: 'verbose',
          TLS: 'maybe',
        });
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(err.problems.map((p) => p.variable).sort()).toEqual([
      'DATABASE_URL',
      'JWT_SECRET',
      'LOG_LEVEL',
      'PORT',
      'REDIS_URL',
      'TLS',
    ]);
    expect(err.message).toMatch(/^invalid configuration \(6 problems\):/);
    expect(err.message).toMatch(/PORT: must be a non-negative integer/);
    expect(err.message).toMatch(/TLS: expected true or false/);
  });

  it('production with a real database needs both secrets', () => {
    expect(problems({ ...PROD, DATABASE_URL: 'postgres://db/jm' }).sort()).toEqual(['JWT_SECRET', 'PII_KEY']);
    expect(problems({ ...PROD, DATABASE_URL: 'postgres://db/jm', ...SECRETS })).toEqual([]);
  });

  it('development without configuration is the embedded demo, as before', () => {
    const dev = loadConfig({});
    expect(dev).toMatchObject({
      production: false,
      databaseUrl: undefined,
      seedDemo: true,
      graphiql: true,
      runWorkers: true,
      port: 3000,
      logFormat: 'text',
    });
    expect(loadConfig({ ...PROD, EMBEDDED_DATABASE: 'on' }).logFormat).toBe('json');
  });
});

describe('the production process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jm-config-'));
  beforeAll(() => execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' }), 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['dist/apps/api/main.js'], {
      env: { PATH: process.env.PATH, DATA_DIR: join(dir, 'data'), ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('refuses to start with a mistyped DATABASE_URL, says why, and opens no database', () => {
    const run = start({ NODE_ENV: 'production', DATABSE_URL: 'postgres://db/jm', ...SECRETS });
    expect(run.status).toBe(1);
    const output = run.stdout + run.stderr;
    expect(output).toMatch(/DATABASE_URL: is required in production/);
    expect(output).not.toMatch(/demo/);
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });

  it('refuses a bad variable and names it', () => {
    const run = start({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/jm',
      ...SECRETS,
      PASSWORD_HASH_TIME_COST: '1',
    });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/PASSWORD_HASH_TIME_COST: must be at least 2 in production/);
  });
});

describe('production on the embedded database (explicit opt-in)', () => {
  it('starts with the platform admin only: no demo tenants, no demo accounts', async () => {
    const t = await startTestApp({ NODE_ENV: 'production' });
    try {
      // In production the bootstrap admin changes its password at first sign-in (docs/accounts.md).
      const first = await t.login(null, 'admin', ADMIN_PASSWORD);
      const refused = await t.gql(`{ tenants { code } }`, undefined, first);
      expect(refused.errors?.[0]?.extensions?.reason).toBe('PASSWORD_CHANGE_REQUIRED');
      const changed = await t.gql<{ changePassword: { accessToken: string } }>(
        `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { accessToken } }`,
        { i: { currentPassword: ADMIN_PASSWORD, newPassword: 'a-new-admin-password-for-production-0123' } },
        first,
      );
      expect(changed.errors).toBeUndefined();
      const token = changed.data!.changePassword.accessToken;
      const res = await t.gql<{ tenants: unknown[] }>(`{ tenants { code } }`, undefined, token);
      expect(res.data?.tenants).toEqual([]);
      const demo = await t.gql(
        `mutation { login(input: { tenantCode: "shizi", username: "office", password: "demo-password" }) { accessToken } }`,
      );
      expect(demo.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await t.close();
    }
  }, 180_000);
});
