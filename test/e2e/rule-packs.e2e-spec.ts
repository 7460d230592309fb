import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Clock } from '@engine/clock';
import { PLUGINS_DIR, REPO_ROOT } from '@engine/plugins';
import { CadenceService } from '@modules/meetings/cadence.service';
import { startTestApp, type TestApp } from '@test/support/test-app';

/**
 * Rule packs at runtime (issue 17): a county office previews and publishes a YAML plugin for a new
 * township extending town-petition-systems (the sixth jurisdiction, 河西镇, from
 * test/fixtures/plugins/hexi-town.yaml), onboards the township from it and the township runs on its
 * rules — no file added under plugins/, no restart; another county can neither see nor use it; broken
 * and malicious packs are refused with clear problems.
 */
const HEXI = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'plugins', 'hexi-town.yaml'), 'utf8');

// The effective configuration is free-form JSON: read it loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

interface Problem { path: string; message: string; line: number | null; column: number | null }
interface Validation { valid: boolean; id: string | null; version: string | null; problems: Problem[]; bases: string[]; effectiveConfiguration: Record<string, Loose> | null }
interface Plugin { id: string; version: string; origin: string; ownerTenantCode: string | null; sourceText: string | null; contentHash: string | null; bases: string[] | null; effectiveConfiguration: Record<string, Loose> | null }

const PLUGIN_FIELDS = 'id version origin ownerTenantCode sourceText contentHash bases effectiveConfiguration';

describe('rule packs at runtime: a county publishes its township\'s rules as YAML and onboards it', () => {
  let t: TestApp;
  let admin: string;
  let jxOffice: string;
  let nxOffice: string;

  const validate = async (source: string, token: string, format = 'YAML'): Promise<Validation> =>
    (await t.gql<{ validateJurisdictionPlugin: Validation }>('mutation($i: PluginSourceInput!) { validateJurisdictionPlugin(input: $i) { valid id version problems { path message line column } bases effectiveConfiguration } }', { i: { source, format } }, token)).data!.validateJurisdictionPlugin;
  const publish = (source: string, token: string) =>
    t.gql<{ publishJurisdictionPlugin: Plugin }>(`mutation($i: PluginSourceInput!) { publishJurisdictionPlugin(input: $i) { ${PLUGIN_FIELDS} } }`, { i: { source, format: 'YAML' } }, token);
  const onboard = (input: Record<string, unknown>, token: string) =>
    t.gql<{ onboardTenant: { code: string; plugin: { id: string; version: string } } }>('mutation($i: OnboardTenantInput!) { onboardTenant(input: $i) { code plugin { id version } } }', { i: input }, token);
  const createUser = async (input: Record<string, unknown>): Promise<void> => {
    const res = await t.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: input }, admin);
    expect(res.errors).toBeUndefined();
  };

  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO: 'false' });
    t.app.get(Clock).set('2026-12-02T10:00:00+08:00');
    admin = await t.login(null, 'admin');
    for (const [code, name] of [['jx', '示范县'], ['nx', '南县']]) {
      expect((await onboard({ code, name, pluginId: 'county-petition-mechanisms' }, admin)).errors).toBeUndefined();
      await createUser({ tenantCode: code, username: 'office', password: `${code}-office-password`, displayName: '县联席办主任', roles: ['OFFICE_DIRECTOR'] });
    }
    jxOffice = await t.login('jx', 'office', 'jx-office-password');
    nxOffice = await t.login('nx', 'office', 'nx-office-password');
  }, 600_000);
  afterAll(async () => {
    await t?.close();
  });

  it('previews the pack (validate-only): the effective configuration with extends resolved, nothing written', async () => {
    const v = await validate(HEXI, jxOffice);
    expect(v).toMatchObject({ valid: true, id: 'hexi-town', version: '1.0.0', problems: [], bases: ['town-petition-systems@1.0.0'] });
    expect(v.effectiveConfiguration!.structure.jointMeetingName).toBe('河西镇信访工作联席会议');
    expect(v.effectiveConfiguration!.meetingTypes.map((m: { code: string }) => m.code)).toEqual(['MONTHLY_WORK', 'TOPICAL']);
    // Inherited from 004 untouched: the reception rotation.
    expect(v.effectiveConfiguration!.cases.reception.rotation.rrule).toBe('FREQ=DAILY');
    expect((await t.gql<{ jurisdictionPlugin: Plugin | null }>('{ jurisdictionPlugin(id: "hexi-town") { id } }', {}, jxOffice)).data!.jurisdictionPlugin).toBeNull();
  });

  it('publishes an immutable version: the same text again is the same version, other text under 1.0.0 is CONFLICT', async () => {
    const first = await publish(HEXI, jxOffice);
    expect(first.errors).toBeUndefined();
    expect(first.data!.publishJurisdictionPlugin).toMatchObject({ id: 'hexi-town', version: '1.0.0', origin: 'PUBLISHED', ownerTenantCode: 'jx', sourceText: HEXI, bases: ['town-petition-systems@1.0.0'] });
    expect((await publish(HEXI, jxOffice)).data!.publishJurisdictionPlugin.contentHash).toBe(first.data!.publishJurisdictionPlugin.contentHash);
    const changed = await publish(HEXI.replace('FREQ=MONTHLY, minimum', 'FREQ=WEEKLY, minimum'), jxOffice);
    expect(changed.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PLUGIN_VERSION_EXISTS' });
    const versions = await t.gql<{ jurisdictionPluginVersions: Plugin[] }>('{ jurisdictionPluginVersions(id: "hexi-town") { version sourceText } }', {}, jxOffice);
    expect(versions.data!.jurisdictionPluginVersions).toEqual([{ version: '1.0.0', sourceText: HEXI }]);
  });

  it('onboards the township from the published version, with no file under plugins/ and no restart; it runs on its rules', async () => {
    const res = await onboard({ code: 'hexi', name: '河西镇', pluginId: 'hexi-town', parentCode: 'jx' }, jxOffice);
    expect(res.errors).toBeUndefined();
    expect(res.data!.onboardTenant.plugin).toEqual({ id: 'hexi-town', version: '1.0.0' });
    expect(existsSync(join(PLUGINS_DIR, 'hexi-town'))).toBe(false);
    const installed = (await t.gql<{ jurisdictionPlugins: { id: string }[] }>('{ jurisdictionPlugins { id } }', {}, admin)).data!.jurisdictionPlugins.map((p) => p.id);
    expect(installed).not.toContain('hexi-town');

    const view = await t.gql<{ tenant: { jointMeeting: { name: string; conveners: { title: string; role: string }[]; officeHost: { name: string }; meetingTypes: { code: string; cadence: { rrule: string } | null }[] }; memberUnits: { name: string }[]; effectiveConfiguration: Record<string, Loose> } }>(
      '{ tenant(code: "hexi") { jointMeeting { name conveners { title role } officeHost { name } meetingTypes { code cadence { rrule } } } memberUnits { name } effectiveConfiguration } }', {}, jxOffice);
    const tenant = view.data!.tenant;
    expect(tenant.jointMeeting.name).toBe('河西镇信访工作联席会议');
    expect(tenant.jointMeeting.conveners).toEqual([{ title: '镇党委书记', role: 'CHIEF_CONVENER' }, { title: '镇长', role: 'CONVENER' }]);
    expect(tenant.jointMeeting.officeHost.name).toBe('镇综治中心');
    expect(tenant.jointMeeting.meetingTypes).toEqual([{ code: 'MONTHLY_WORK', cadence: { rrule: 'FREQ=MONTHLY' } }, { code: 'TOPICAL', cadence: null }]);
    expect(tenant.memberUnits.map((u) => u.name)).toEqual(expect.arrayContaining(['镇综治中心', '派出所', '司法所', '信访办', '河西村', '东湾村']));
    expect(tenant.effectiveConfiguration.cases.ledgers).toEqual({ levels: ['TOWN'], lists: ['PROBLEM', 'RESPONSIBILITY', 'TASK'], source: '河西 第七条' });

    // Its cadence (河西 第五条: monthly working meeting) is what the engine sweeps.
    const id = (await t.gql<{ tenant: { id: string } }>('{ tenant(code: "hexi") { id } }', {}, jxOffice)).data!.tenant.id;
    // Monthly periods from the first whole month after onboarding (2 December): January 2027.
    t.app.get(Clock).set('2027-01-05T10:00:00+08:00');
    await t.app.get(CadenceService).sweepTenant(id);
    const obligations = await t.gql<{ cadenceObligations: { typeCode: string; rrule: string; status: string }[] }>('{ cadenceObligations(tenantCode: "hexi") { typeCode rrule status } }', {}, jxOffice);
    expect(obligations.errors).toBeUndefined();
    expect(obligations.data!.cadenceObligations.map((o) => o.typeCode)).toEqual(expect.arrayContaining(['MONTHLY_WORK']));
    expect(obligations.data!.cadenceObligations.every((o) => o.typeCode === 'MONTHLY_WORK' && o.rrule === 'FREQ=MONTHLY')).toBe(true);
  });

  it('another county can neither see nor use it, nor take its id, nor extend it', async () => {
    expect((await t.gql<{ jurisdictionPlugin: Plugin | null }>('{ jurisdictionPlugin(id: "hexi-town") { id } }', {}, nxOffice)).data!.jurisdictionPlugin).toBeNull();
    expect((await t.gql<{ jurisdictionPluginVersions: Plugin[] }>('{ jurisdictionPluginVersions(id: "hexi-town") { id } }', {}, nxOffice)).data!.jurisdictionPluginVersions).toEqual([]);
    const use = await onboard({ code: 'hexi2', name: '河西二镇', pluginId: 'hexi-town', parentCode: 'nx' }, nxOffice);
    expect(use.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.pluginId' });
    expect(use.errors?.[0].message).toContain('no plugin "hexi-town" is installed or published');
    const take = await publish(HEXI.replace('version: 1.0.0', 'version: 9.0.0'), nxOffice);
    expect(take.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PLUGIN_ID_NOT_YOURS' });
    const extend = await validate(HEXI.replace('id: hexi-town', 'id: nx-town').replace('extends: [town-petition-systems]', 'extends: [hexi-town]'), nxOffice);
    expect(extend.valid).toBe(false);
    expect(extend.problems[0]).toMatchObject({ path: 'extends.0', message: 'unknown plugin "hexi-town"' });
  });

  it('a county publishes only for its townships, on shared plugins or its own; the platform publishes shared ones', async () => {
    const county = await publish(HEXI.replace('level: TOWN', 'level: COUNTY').replace('id: hexi-town', 'id: jx-county'), jxOffice);
    expect(county.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'LEVEL_NOT_ALLOWED' });
    const seedId = await publish(HEXI.replace('id: hexi-town', 'id: shizi-town').replace('version: 1.0.0', 'version: 2.0.0'), jxOffice);
    expect(seedId.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PLUGIN_ID_NOT_YOURS' });
    const shared = await publish(HEXI.replace('id: hexi-town', 'id: shared-town'), admin);
    expect(shared.data!.publishJurisdictionPlugin).toMatchObject({ id: 'shared-town', ownerTenantCode: null });
    expect((await t.gql<{ jurisdictionPlugin: Plugin | null }>('{ jurisdictionPlugin(id: "shared-town") { id } }', {}, nxOffice)).data!.jurisdictionPlugin).toEqual({ id: 'shared-town' });
  });

  describe('broken or malicious packs are refused with a clear problem, and nothing executes', () => {
    it('an unknown field, with its path, line and column', async () => {
      const v = await validate(HEXI.replace('tenantName: 河西镇', 'tenantName: 河西镇\ncolour: red'), jxOffice);
      expect(v.valid).toBe(false);
      expect(v.problems).toEqual([{ path: '(root)', message: 'Unrecognized key: "colour"', line: 8, column: 1 }]);
      const nested = await validate(HEXI.replace('  jointMeetingName: 河西镇信访工作联席会议', '  jointMeetingName: 河西镇信访工作联席会议\n  colour: red'), jxOffice);
      expect(nested.problems).toEqual([{ path: 'structure', message: 'Unrecognized key: "colour"', line: 19, column: 1 }]);
    });

    it('an RRULE that fires every second', async () => {
      for (const rrule of ['FREQ=SECONDLY', 'FREQ=DAILY;BYHOUR=0,1,2;BYMINUTE=0;BYSECOND=0,1,2']) {
        const v = await validate(HEXI.replace('rrule: FREQ=MONTHLY', `rrule: "${rrule}"`), jxOffice);
        expect(v.valid).toBe(false);
        expect(v.problems[0]).toMatchObject({ path: 'meetingTypes.0.cadence.rrule' });
      }
    });

    it('a huge pack, a deep one, a tag that would construct code, a JSON that is not JSON', async () => {
      // Past the HTTP body limit (256 kb, the same as the reader's 256 KiB): refused before anything reads it.
      const huge = await t.http().post('/graphql').set('authorization', `Bearer ${jxOffice}`).set('content-type', 'application/json')
        .send({ query: 'mutation($i: PluginSourceInput!) { validateJurisdictionPlugin(input: $i) { valid } }', variables: { i: { source: `${HEXI}\n# ${'x'.repeat(300 * 1024)}\n`, format: 'YAML' } } });
      expect(huge.status).toBe(413);
      const deep = await validate(`${HEXI}\noperations: ${'['.repeat(40)}${']'.repeat(40)}\n`, jxOffice);
      expect(deep.problems[0].message).toMatch(/nested more than 16 levels deep/);
      const tag = await validate(HEXI.replace('name: 河西镇信访工作联席会议', 'name: !!js/function "function () { process.exit(1) }"'), jxOffice);
      expect(tag.valid).toBe(false);
      expect(tag.problems[0].message).toMatch(/tags \(!!js\/function\) are not allowed/);
      const json = await validate('{ "id": ', jxOffice, 'JSON');
      expect(json.problems[0].message).toMatch(/is not valid JSON/);
    });

    it('a cycle in extends, and hooks in a data pack', async () => {
      const b = await publish(HEXI.replace('id: hexi-town', 'id: hexi-b').replace('extends: [town-petition-systems]', 'extends: [hexi-town]').replace("remove: ['meetingTypes:WORKING']\n", ''), jxOffice);
      expect(b.errors).toBeUndefined();
      const cycle = await validate(HEXI.replace('version: 1.0.0', 'version: 1.1.0').replace('extends: [town-petition-systems]', 'extends: [hexi-b]'), jxOffice);
      expect(cycle.problems[0]).toMatchObject({ path: 'extends.0', message: 'cycle: hexi-town → hexi-b → … → hexi-town' });
      const hooks = await validate(`${HEXI}\nhooks: { rankScore: x }\n`, jxOffice);
      expect(hooks.problems[0]).toMatchObject({ path: 'hooks', message: expect.stringContaining('cannot declare hooks') });
    });
  });
});
