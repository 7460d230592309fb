import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { Tenant } from '@core/tenancy';
import { startTestApp, type TestApp } from '@test/support/test-app';

/** Broken plugins are reported precisely and never stop the others, nor tenants already on them. */
describe('broken plugins beside the seed plugins', () => {
  let t: TestApp;
  let dir: string;
  let admin: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jm-plugins-'));
    const link = (root: string): void => {
      for (const name of readdirSync(root)) symlinkSync(join(root, name), join(dir, name));
    };
    link(join(process.cwd(), 'plugins'));
    link(join(process.cwd(), 'test/fixtures/plugins/broken'));
    t = await startTestApp({ PLUGINS_DIR: dir });
    admin = await t.login(null, 'admin');
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists each broken plugin as unavailable with its id, field path and reason; the seeds stay available', async () => {
    const res = await t.gql<{
      jurisdictionPlugins: {
        id: string;
        available: boolean;
        problems: { pluginId: string; path: string; message: string }[];
      }[];
    }>('{ jurisdictionPlugins { id available problems { pluginId path message } } }', {}, admin);
    const byId = Object.fromEntries(res.data!.jurisdictionPlugins.map((p) => [p.id, p]));
    for (const seed of [
      'xiacang-town',
      'shizi-town',
      'xincheng-street',
      'county-petition-mechanisms',
      'town-petition-systems',
    ]) {
      expect({ seed, available: byId[seed].available }).toEqual({ seed, available: true });
    }
    expect(byId['broken-bad-field']).toMatchObject({
      available: false,
      problems: [{ pluginId: 'broken-bad-field', path: 'meetingTypes.0.cadence.rrule' }],
    });
    expect(byId['broken-unknown-extends'].problems[0]).toMatchObject({
      path: 'extends.0',
      message: expect.stringContaining('no-such-plugin'),
    });
    expect(byId['cycle-a'].problems[0].message).toMatch(/^cycle: /);
    expect(byId['broken-incompatible'].problems[0]).toMatchObject({ path: 'sdk' });
  });

  it('the demo tenants on the good plugins were onboarded and serve', async () => {
    const res = await t.gql<{ tenants: { code: string }[] }>('{ tenants { code } }', {}, admin);
    expect(res.data!.tenants.map((x) => x.code).sort()).toEqual([
      'county-petition-mechanisms',
      'shizi',
      'town-petition-systems',
      'xiacang',
      'xincheng',
    ]);
  });

  it("onboarding on a broken plugin is refused with the plugin's first problem", async () => {
    const res = await t.gql(
      'mutation($i: OnboardTenantInput!) { onboardTenant(input: $i) { code } }',
      { i: { code: 'nope', name: '坏镇', pluginId: 'broken-bad-field', parentCode: 'county-petition-mechanisms' } },
      admin,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.pluginId' });
    expect(res.errors?.[0]?.message).toContain('meetingTypes.0.cadence.rrule');
  });

  it('a tenant whose plugin has since broken keeps serving from its snapshot', async () => {
    const db = t.app.get(Db);
    await db.run(RequestContext.platform(), async ({ em }) => {
      const xiacang = await em.findOneOrFail(Tenant, { where: { code: 'xiacang' } });
      await em.update(Tenant, { id: xiacang.id }, { pluginId: 'broken-bad-field' });
    });
    const res = await t.gql<{
      tenant: { plugin: { id: string; available: boolean }; jointMeeting: { name: string }; memberUnits: unknown[] };
    }>('{ tenant(code: "xiacang") { plugin { id available } jointMeeting { name } memberUnits { name } } }', {}, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data!.tenant.plugin).toEqual({ id: 'broken-bad-field', available: false });
    expect(res.data!.tenant.jointMeeting.name).toBe('下仓镇信访工作联席会议');
    expect(res.data!.tenant.memberUnits).toHaveLength(18);
  });
});
