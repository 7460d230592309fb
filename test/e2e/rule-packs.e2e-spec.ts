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

interface Problem {
  path: string;
  message: string;
  line: number | null;
  column: number | null;
}
interface Validation {
  valid: boolean;
  id: string | null;
  version: string | null;
  problems: Problem[];
  bases: string[];
  effectiveConfiguration: Record<string, Loose> | null;
}
interface Plugin {
  id: string;
  version: string;
  origin: string;
  ownerTenantCode: string | null;
  sourceText: string | null;
  contentHash: string | null;
  bases: string[] | null;
  effectiveConfiguration: Record<string, Loose> | null;
}

const PLUGIN_FIELDS = 'id version origin ownerTenantCode sourceText contentHash bases effectiveConfiguration';

describe("rule packs at runtime: a county publishes its township's rules as YAML and onboards it", () => {
  let t: TestApp;
  let admin: string;
  let jxOffice: string;
  let nxOffice: string;

  const validate = async (source: string, token: string, format = 'YAML'): Promise<Validation> =>
    (
      await t.gql<{ validateJurisdictionPlugin: Validation }>(
        'mutation($i: PluginSourceInput!) { validateJurisdictionPlugin(input: $i) { valid id version problems { path message line column } bases effectiveConfiguration } }',
        { i: { source, format } },
        token,
      )
    ).data!.validateJurisdictionPlugin;
  const publish = (source: string, token: string) =>
    t.gql<{ publishJurisdictionPlugin: Plugin }>(
      `mutation($i: PluginSourceInput!) { publishJurisdictionPlugin(input: $i) { ${PLUGIN_FIELDS} } }`,
      { i: { source, format: 'YAML' } },
      token,
    );
  const onboard = (input: Record<string, unknown>, token: string) =>
    t.gql<{ onboardTenant: { code: string; plugin: { id: string; version: string } } }>(
      'mutation($i: OnboardTenantInput!) { onboardTenant(input: $i) { code plugin { id version } } }',
      { i: input },
      token,
    );
  const createUser = async (input: Record<string, unknown>): Promise<void> => {
    const res = await t.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: input }, admin);
    expect(res.errors).toBeUndefined();
  };

  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO: 'false' });
    t.app.get(Clock).set('2026-12-02T10:00:00+08:00');
    admin = await t.login(null, 'admin');
    for (const [code, name] of [
      ['jx', '示范县'],
      ['nx', '南县'],
    ]) {
      expect((await onboard({ code, name, pluginId: 'county-petition-mechanisms' }, admin)).errors).toBeUndefined();
      await createUser({
        tenantCode: code,
        username: 'office',
        password: `${code}-office-password`,
        displayName: '县联席办主任',
        roles: ['OFFICE_DIRECTOR'],
      });
    }
    jxOffice = await t.login('jx', 'office', 'jx-office-password');
    nxOffice = await t.login('nx', 'office', 'nx-office-password');
  }, 600_000);
  afterAll(async () => {
    await t?.close();
  });

  it('previews the pack (validate-only): the effective configuration with extends resolved, nothing written', async () => {
    const v = await validate(HEXI, jxOffice);
    expect(v).toMatchObject({
      valid: true,
      id: 'hexi-town',
      version: '1.0.0',
      problems: [],
      bases: ['town-petition-systems@1.0.0'],
    });
    expect(v.effectiveConfiguration!.structure.jointMeetingName).toBe('河西镇信访工作联席会议');
    expect(v.effectiveConfiguration!.meetingTypes.map((m: { code: string }) => m.code)).toEqual([
      'MONTHLY_WORK',
      'TOPICAL',
    ]);
    // Inherited from 004 untouched: the reception rotation.
    expect(v.effectiveConfiguration!.cases.reception.rotation.rrule).toBe('FREQ=DAILY');
    expect(
      (
        await t.gql<{ jurisdictionPlugin: Plugin | null }>(
          '{ jurisdictionPlugin(id: "hexi-town") { id } }',
          {},
          jxOffice,
        )
      ).data!.jurisdictionPlugin,
    ).toBeNull();
  });

  it('publishes an immutable version: the same text again is the same version, other text under 1.0.0 is CONFLICT', async () => {
    const first = await publish(HEXI, jxOffice);
    expect(first.errors).toBeUndefined();
    expect(first.data!.publishJurisdictionPlugin).toMatchObject({
      id: 'hexi-town',
      version: '1.0.0',
      origin: 'PUBLISHED',
      ownerTenantCode: 'jx',
      sourceText: HEXI,
      bases: ['town-petition-systems@1.0.0'],
    });
    expect((await publish(HEXI, jxOffice)).data!.publishJurisdictionPlugin.contentHash).toBe(
      first.data!.publishJurisdictionPlugin.contentHash,
    );
    const changed = await publish(HEXI.replace('FREQ=MONTHLY, minimum', 'FREQ=WEEKLY, minimum'), jxOffice);
    expect(changed.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PLUGIN_VERSION_EXISTS' });
    const versions = await t.gql<{ jurisdictionPluginVersions: Plugin[] }>(
      '{ jurisdictionPluginVersions(id: "hexi-town") { version sourceText } }',
      {},
      jxOffice,
    );
    expect(versions.data!.jurisdictionPluginVersions).toEqual([{ version: '1.0.0', sourceText: HEXI }]);
  });

  it('onboards the township from the published version, with no file under plugins/ and no restart; it runs on its rules', async () => {
    const res = await onboard({ code: 'hexi', name: '河西镇', pluginId: 'hexi-town', parentCode: 'jx' }, jxOffice);
    expect(res.errors).toBeUndefined();
    expect(res.data!.onboardTenant.plugin).toEqual({ id: 'hexi-town', version: '1.0.0' });
    expect(existsSync(join(PLUGINS_DIR, 'hexi-town'))).toBe(false);
    const installed = (
      await t.gql<{ jurisdictionPlugins: { id: string }[] }>('{ jurisdictionPlugins { id } }', {}, admin)
    ).data!.jurisdictionPlugins.map((p) => p.id);
    expect(installed).not.toContain('hexi-town');

    const view = await t.gql<{
      tenant: {
        jointMeeting: {
          name: string;
          conveners: { title: string; role: string }[];
          officeHost: { name: string };
          meetingTypes: { code: string; cadence: { rrule: string } | null }[];
        };
        memberUnits: { name: string }[];
        effectiveConfiguration: Record<string, Loose>;
      };
    }>(
      '{ tenant(code: "hexi") { jointMeeting { name conveners { title role } officeHost { name } meetingTypes { code cadence { rrule } } } memberUnits { name } effectiveConfiguration } }',
      {},
      jxOffice,
    );
    const tenant = view.data!.tenant;
    expect(tenant.jointMeeting.name).toBe('河西镇信访工作联席会议');
    expect(tenant.jointMeeting.conveners).toEqual([
      { title: '镇党委书记', role: 'CHIEF_CONVENER' },
      { title: '镇长', role: 'CONVENER' },
    ]);
    expect(tenant.jointMeeting.officeHost.name).toBe('镇综治中心');
    expect(tenant.jointMeeting.meetingTypes).toEqual([
      { code: 'MONTHLY_WORK', cadence: { rrule: 'FREQ=MONTHLY' } },
      { code: 'TOPICAL', cadence: null },
    ]);
    expect(tenant.memberUnits.map((u) => u.name)).toEqual(
      expect.arrayContaining(['镇综治中心', '派出所', '司法所', '信访办', '河西村', '东湾村']),
    );
    expect(tenant.effectiveConfiguration.cases.ledgers).toEqual({
      levels: ['TOWN'],
      lists: ['PROBLEM', 'RESPONSIBILITY', 'TASK'],
      source: '河西 第七条',
    });

    // Its cadence (河西 第五条: monthly working meeting) is what the engine sweeps.
    const id = (await t.gql<{ tenant: { id: string } }>('{ tenant(code: "hexi") { id } }', {}, jxOffice)).data!.tenant
      .id;
    // Monthly periods from the first whole month after onboarding (2 December): January 2027.
    t.app.get(Clock).set('2027-01-05T10:00:00+08:00');
    await t.app.get(CadenceService).sweepTenant(id);
    const obligations = await t.gql<{ cadenceObligations: { typeCode: string; rrule: string; status: string }[] }>(
      '{ cadenceObligations(tenantCode: "hexi") { typeCode rrule status } }',
      {},
      jxOffice,
    );
    expect(obligations.errors).toBeUndefined();
    expect(obligations.data!.cadenceObligations.map((o) => o.typeCode)).toEqual(
      expect.arrayContaining(['MONTHLY_WORK']),
    );
    expect(
      obligations.data!.cadenceObligations.every((o) => o.typeCode === 'MONTHLY_WORK' && o.rrule === 'FREQ=MONTHLY'),
    ).toBe(true);
  });

  it("河西镇 registers a petition under a category its pack lists, and the case shows the category's name", async () => {
    const created = await t.gql(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      {
        i: {
          tenantCode: 'hexi',
          username: 'office',
          password: 'hexi-office-pw',
          displayName: '河西镇联席办',
          roles: ['OFFICE_DIRECTOR'],
        },
      },
      jxOffice,
    );
    expect(created.errors).toBeUndefined();
    const hexi = await t.login('hexi', 'office', 'hexi-office-pw');
    const receive = (category: string) =>
      t.gql<{ receivePetition: { id: string } }>(
        'mutation($i: ReceivePetitionInput!) { receivePetition(input: $i) { id } }',
        {
          i: {
            tenantCode: 'hexi',
            channel: 'PHONE',
            matter: '反映承包地被占用，补偿未到位。',
            category,
            petitioners: [{ name: '李某', phone: '13800000001' }],
          },
        },
        hexi,
      );
    expect((await receive('ROADS')).errors?.[0]?.extensions?.field).toBe('input.category');
    const id = (await receive('LAND')).data!.receivePetition.id;
    const read = await t.gql<{ petitionCase: { category: string; categoryName: string | null } }>(
      'query($id: ID!) { petitionCase(id: $id) { category categoryName } }',
      { id },
      hexi,
    );
    expect(read.data!.petitionCase).toEqual({ category: 'LAND', categoryName: '土地征收' });
  });

  it('another county can neither see nor use it, nor take its id, nor extend it', async () => {
    expect(
      (
        await t.gql<{ jurisdictionPlugin: Plugin | null }>(
          '{ jurisdictionPlugin(id: "hexi-town") { id } }',
          {},
          nxOffice,
        )
      ).data!.jurisdictionPlugin,
    ).toBeNull();
    expect(
      (
        await t.gql<{ jurisdictionPluginVersions: Plugin[] }>(
          '{ jurisdictionPluginVersions(id: "hexi-town") { id } }',
          {},
          nxOffice,
        )
      ).data!.jurisdictionPluginVersions,
    ).toEqual([]);
    const use = await onboard({ code: 'hexi2', name: '河西二镇', pluginId: 'hexi-town', parentCode: 'nx' }, nxOffice);
    expect(use.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.pluginId' });
    expect(use.errors?.[0].message).toContain('no plugin "hexi-town" is installed or published');
    const take = await publish(HEXI.replace('version: 1.0.0', 'version: 9.0.0'), nxOffice);
    expect(take.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PLUGIN_ID_NOT_YOURS' });
    const extend = await validate(
      HEXI.replace('id: hexi-town', 'id: nx-town').replace('extends: [town-petition-systems]', 'extends: [hexi-town]'),
      nxOffice,
    );
    expect(extend.valid).toBe(false);
    expect(extend.problems[0]).toMatchObject({ path: 'extends.0', message: 'unknown plugin "hexi-town"' });
  });

  it('a county publishes only for its townships, on shared plugins or its own; the platform publishes shared ones', async () => {
    const county = await publish(
      HEXI.replace('level: TOWN', 'level: COUNTY').replace('id: hexi-town', 'id: jx-county'),
      jxOffice,
    );
    expect(county.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'LEVEL_NOT_ALLOWED' });
    const seedId = await publish(
      HEXI.replace('id: hexi-town', 'id: shizi-town').replace('version: 1.0.0', 'version: 2.0.0'),
      jxOffice,
    );
    expect(seedId.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PLUGIN_ID_NOT_YOURS' });
    const shared = await publish(HEXI.replace('id: hexi-town', 'id: shared-town'), admin);
    expect(shared.data!.publishJurisdictionPlugin).toMatchObject({ id: 'shared-town', ownerTenantCode: null });
    expect(
      (
        await t.gql<{ jurisdictionPlugin: Plugin | null }>(
          '{ jurisdictionPlugin(id: "shared-town") { id } }',
          {},
          nxOffice,
        )
      ).data!.jurisdictionPlugin,
    ).toEqual({ id: 'shared-town' });
  });

  describe('broken or malicious packs are refused with a clear problem, and nothing executes', () => {
    it('an unknown field, with its path, line and column', async () => {
      const v = await validate(HEXI.replace('tenantName: 河西镇', 'tenantName: 河西镇\ncolour: red'), jxOffice);
      expect(v.valid).toBe(false);
      expect(v.problems).toEqual([{ path: '(root)', message: 'Unrecognized key: "colour"', line: 8, column: 1 }]);
      const nested = await validate(
        HEXI.replace(
          '  jointMeetingName: 河西镇信访工作联席会议',
          '  jointMeetingName: 河西镇信访工作联席会议\n  colour: red',
        ),
        jxOffice,
      );
      expect(nested.problems).toEqual([
        { path: 'structure', message: 'Unrecognized key: "colour"', line: 19, column: 1 },
      ]);
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
      const huge = await t
        .http()
        .post('/graphql')
        .set('authorization', `Bearer ${jxOffice}`)
        .set('content-type', 'application/json')
        .send({
          query: 'mutation($i: PluginSourceInput!) { validateJurisdictionPlugin(input: $i) { valid } }',
          variables: { i: { source: `${HEXI}\n# ${'x'.repeat(300 * 1024)}\n`, format: 'YAML' } },
        });
      expect(huge.status).toBe(413);
      const deep = await validate(`${HEXI}\noperations: ${'['.repeat(40)}${']'.repeat(40)}\n`, jxOffice);
      expect(deep.problems[0].message).toMatch(/nested more than 16 levels deep/);
      const tag = await validate(
        HEXI.replace('name: 河西镇信访工作联席会议', 'name: !!js/function "function () { process.exit(1) }"'),
        jxOffice,
      );
      expect(tag.valid).toBe(false);
      expect(tag.problems[0].message).toMatch(/tags \(!!js\/function\) are not allowed/);
      const json = await validate('{ "id": ', jxOffice, 'JSON');
      expect(json.problems[0].message).toMatch(/is not valid JSON/);
    });

    it("every RRULE of a pack is held to at most daily, not only the meetings' (004 接访 rotation every second)", async () => {
      const rotation = HEXI.replace(
        '    source: 河西 第七条\n',
        '    source: 河西 第七条\n  reception:\n    rotation: { rrule: "FREQ=SECONDLY", source: 河西 第八条 }\n    recusal: true\n    confidentiality: true\n    source: 河西 第八条\n',
      );
      const v = await validate(rotation, jxOffice);
      expect(v.valid).toBe(false);
      expect(v.problems[0]).toMatchObject({ path: 'cases.reception.rotation.rrule' });
      expect(v.problems[0]).toMatchObject({ line: 83 });
    });

    it('a wide pack: within the HTTP body limit but more than 20,000 values, refused with the limit named', async () => {
      const wide = `${HEXI}\noperations: { x: [${Array.from({ length: 20_100 }, () => '0').join(',')}] }\n`;
      expect(Buffer.byteLength(wide)).toBeLessThan(200 * 1024);
      const v = await validate(wide, jxOffice);
      expect(v).toMatchObject({ valid: false, effectiveConfiguration: null });
      expect(v.problems[0].message).toBe('has more than 20000 values');
      const published = await publish(wide.replace('version: 1.0.0', 'version: 7.0.0'), jxOffice);
      expect(published.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PLUGIN_INVALID' });
    });

    it('a cycle in extends, and hooks in a data pack', async () => {
      const b = await publish(
        HEXI.replace('id: hexi-town', 'id: hexi-b')
          .replace('extends: [town-petition-systems]', 'extends: [hexi-town]')
          .replace("remove: ['meetingTypes:WORKING']\n", ''),
        jxOffice,
      );
      expect(b.errors).toBeUndefined();
      const cycle = await validate(
        HEXI.replace('version: 1.0.0', 'version: 1.1.0').replace(
          'extends: [town-petition-systems]',
          'extends: [hexi-b]',
        ),
        jxOffice,
      );
      expect(cycle.problems[0]).toMatchObject({
        path: 'extends.0',
        message: 'cycle: hexi-town → hexi-b → … → hexi-town',
      });
      const self = await validate(HEXI.replace('extends: [town-petition-systems]', 'extends: [hexi-town]'), jxOffice);
      expect(self.problems[0]).toMatchObject({ path: 'extends.0', message: 'cycle: hexi-town → hexi-town', line: 13 });
      const hooks = await validate(`${HEXI}\nhooks: { rankScore: x }\n`, jxOffice);
      expect(hooks.problems[0]).toMatchObject({
        path: 'hooks',
        message: expect.stringContaining('cannot declare hooks'),
      });
    });
  });

  describe("changing the township's rules: a new version diffed, approved by the superior, applied and rolled back (河西 第九条)", () => {
    const WEEKLY = HEXI.replace('version: 1.0.0', 'version: 1.1.0').replace(
      'FREQ=MONTHLY, minimum',
      'FREQ=WEEKLY, minimum',
    );
    interface Change {
      id: string;
      kind: string;
      status: string;
      fromVersion: string;
      toVersion: string;
      reason: string;
      approvalRequired: boolean;
      decisionNote: string | null;
      reverts: string | null;
    }
    const CHANGE = 'id kind status fromVersion toVersion reason approvalRequired decisionNote reverts';
    const upgrade = (token: string, toVersion = '1.1.0') =>
      t.gql<{ upgradeTenantRules: Change }>(
        `mutation($i: UpgradeTenantRulesInput!) { upgradeTenantRules(input: $i) { ${CHANGE} } }`,
        { i: { tenantCode: 'hexi', toVersion, reason: '河西镇党委会议修订第五条：工作例会改为每周一次' } },
        token,
      );
    const decide = (token: string, approve: boolean, note?: string) =>
      t.gql<{ decideTenantRulesChange: Change }>(
        `mutation($i: DecideTenantRulesChangeInput!) { decideTenantRulesChange(input: $i) { ${CHANGE} } }`,
        { i: { tenantCode: 'hexi', approve, note } },
        token,
      );
    const rollback = (token: string) =>
      t.gql<{ rollbackTenantRules: Change }>(
        `mutation($i: RollbackTenantRulesInput!) { rollbackTenantRules(input: $i) { ${CHANGE} } }`,
        { i: { tenantCode: 'hexi', reason: '每周例会负担过重，恢复每月一次' } },
        token,
      );
    const obligations = async (): Promise<
      { typeCode: string; periodStart: string; periodEnd: string; rrule: string; status: string }[]
    > =>
      (
        await t.gql<{
          cadenceObligations: {
            typeCode: string;
            periodStart: string;
            periodEnd: string;
            rrule: string;
            status: string;
          }[];
        }>('{ cadenceObligations(tenantCode: "hexi") { typeCode periodStart periodEnd rrule status } }', {}, jxOffice)
      ).data!.cadenceObligations;
    const sweep = async (at: string): Promise<void> => {
      t.app.get(Clock).set(at);
      const id = (await t.gql<{ tenant: { id: string } }>('{ tenant(code: "hexi") { id } }', {}, jxOffice)).data!.tenant
        .id;
      await t.app.get(CadenceService).sweepTenant(id);
    };
    let jxOffice2: string;
    let chief: string;

    beforeAll(async () => {
      // A second person in the county office (the superior's decision is never the requester's), and the
      // township's chief convener (whom 河西 第九条 has the change reported to).
      expect(
        (
          await t.gql(
            'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
            {
              i: {
                tenantCode: 'jx',
                username: 'office2',
                password: 'jx-office2-password',
                displayName: '县联席办副主任',
                roles: ['OFFICE_DIRECTOR'],
              },
            },
            jxOffice,
          )
        ).errors,
      ).toBeUndefined();
      expect(
        (
          await t.gql(
            'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
            {
              i: {
                tenantCode: 'hexi',
                username: 'chief',
                password: 'hexi-chief-password',
                displayName: '镇党委书记',
                roles: ['CHIEF_CONVENER'],
              },
            },
            jxOffice,
          )
        ).errors,
      ).toBeUndefined();
      jxOffice2 = await t.login('jx', 'office2', 'jx-office2-password');
      chief = await t.login('hexi', 'chief', 'hexi-chief-password');
      expect((await publish(WEEKLY, jxOffice)).errors).toBeUndefined();
    }, 600_000);

    it('河西 第五条 amended: the diff names the changed cadence field by field and the open obligation it would supersede; writes nothing', async () => {
      await sweep('2027-01-05T10:00:00+08:00');
      const res = await t.gql<{ tenantRulesDiff: Loose }>(
        '{ tenantRulesDiff(tenantCode: "hexi", toVersion: "1.1.0") { tenantCode pluginId fromVersion toVersion approvalRequired rulesChangesSource reportTo changes { path kind before after } affected { kind label paths effect } } }',
        {},
        jxOffice,
      );
      expect(res.errors).toBeUndefined();
      const diff = res.data!.tenantRulesDiff;
      expect(diff).toMatchObject({
        tenantCode: 'hexi',
        pluginId: 'hexi-town',
        fromVersion: '1.0.0',
        toVersion: '1.1.0',
        approvalRequired: true,
        rulesChangesSource: '河西 第九条',
        reportTo: ['CHIEF_CONVENER', 'CONVENER'],
      });
      expect(diff.changes).toEqual([
        {
          path: 'meetingTypes[MONTHLY_WORK].cadence.rrule',
          kind: 'CHANGED',
          before: 'FREQ=MONTHLY',
          after: 'FREQ=WEEKLY',
        },
      ]);
      expect(diff.affected).toEqual([
        {
          kind: 'CADENCE_OBLIGATION',
          label: 'MONTHLY_WORK 2027-01-01–2027-01-31 (FREQ=MONTHLY)',
          paths: ['meetingTypes[MONTHLY_WORK].cadence.rrule'],
          effect: expect.stringMatching(/^SUPERSEDED: the new cadence is FREQ=WEEKLY/),
        },
      ]);
      expect(
        (
          await t.gql<{ tenant: { plugin: { version: string } } }>(
            '{ tenant(code: "hexi") { plugin { version } } }',
            {},
            jxOffice,
          )
        ).data!.tenant.plugin.version,
      ).toBe('1.0.0');
      // Another county sees no such tenant; the township's own convener may not change its rules.
      expect(
        (await t.gql('{ tenantRulesDiff(tenantCode: "hexi", toVersion: "1.1.0") { toVersion } }', {}, nxOffice))
          .errors?.[0].extensions,
      ).toMatchObject({ code: 'NOT_FOUND' });
      expect(
        (await t.gql('{ tenantRulesDiff(tenantCode: "hexi", toVersion: "1.1.0") { toVersion } }', {}, chief))
          .errors?.[0].extensions,
      ).toMatchObject({ code: 'FORBIDDEN' });
      expect(
        (await t.gql('{ tenantRulesDiff(tenantCode: "hexi", toVersion: "9.9.9") { toVersion } }', {}, jxOffice))
          .errors?.[0].extensions,
      ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_PLUGIN_VERSION' });
    });

    it('two upgrades at once: one is filed and waits for the superior, the other is CONFLICT; the rules in force do not change yet', async () => {
      const [a, b] = await Promise.all([upgrade(jxOffice), upgrade(jxOffice)]);
      const results = [a, b];
      const won = results.filter((r) => !r.errors);
      const lost = results.filter((r) => r.errors);
      expect(won).toHaveLength(1);
      expect(won[0].data!.upgradeTenantRules).toMatchObject({
        kind: 'UPGRADE',
        status: 'AWAITING_APPROVAL',
        fromVersion: '1.0.0',
        toVersion: '1.1.0',
        approvalRequired: true,
      });
      expect(lost[0].errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'RULES_CHANGE_PENDING' });
      expect(
        (
          await t.gql<{ tenant: { plugin: { version: string } } }>(
            '{ tenant(code: "hexi") { plugin { version } } }',
            {},
            jxOffice,
          )
        ).data!.tenant.plugin.version,
      ).toBe('1.0.0');
      // The superior (the county office) is told a change waits for it.
      const inbox = await t.gql<{ myNotifications: { kind: string; title: string }[] }>(
        '{ myNotifications { kind title } }',
        {},
        jxOffice2,
      );
      expect(
        inbox.data!.myNotifications.filter((n) => n.kind === 'RULES_CHANGE_AWAITING_APPROVAL').map((n) => n.title),
      ).toEqual(['河西镇规则变更待审批：hexi-town 1.0.0 → 1.1.0']);
    });

    it('the superior approves (never the requester, never another county): the new snapshot applies and the next obligation follows the weekly cadence', async () => {
      expect((await decide(jxOffice, true)).errors?.[0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'SEPARATION_OF_DUTIES',
      });
      expect((await decide(nxOffice, true)).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect((await decide(chief, true)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
      const approved = await decide(jxOffice2, true, '同意，报县联席办备案');
      expect(approved.errors).toBeUndefined();
      expect(approved.data!.decideTenantRulesChange).toMatchObject({
        status: 'APPLIED',
        decisionNote: '同意，报县联席办备案',
      });
      expect((await decide(jxOffice2, true)).errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'NO_RULES_CHANGE_WAITING',
      });

      const view = await t.gql<{
        tenant: {
          plugin: { version: string };
          jointMeeting: { meetingTypes: { code: string; cadence: { rrule: string } | null }[] };
        };
      }>(
        '{ tenant(code: "hexi") { plugin { version } jointMeeting { meetingTypes { code cadence { rrule } } } } }',
        {},
        jxOffice,
      );
      expect(view.data!.tenant.plugin.version).toBe('1.1.0');
      expect(view.data!.tenant.jointMeeting.meetingTypes).toEqual([
        { code: 'MONTHLY_WORK', cadence: { rrule: 'FREQ=WEEKLY' } },
        { code: 'TOPICAL', cadence: null },
      ]);

      await sweep('2027-01-06T10:00:00+08:00');
      const open = (await obligations()).filter((o) => o.status === 'OPEN');
      expect(open.length).toBeGreaterThan(0);
      expect(
        open.every((o) => o.rrule === 'FREQ=WEEKLY' && o.periodEnd >= '2027-01-06' && o.periodStart <= '2027-01-06'),
      ).toBe(true);
      // The monthly obligation of January is superseded, neither met nor missed; December was missed before the change.
      const monthly = (await obligations())
        .filter((o) => o.rrule === 'FREQ=MONTHLY')
        .map((o) => [o.periodStart, o.status]);
      expect(monthly).toEqual([
        ['2027-01-01', 'SUPERSEDED'],
        ['2026-12-01', 'MISSED'],
      ]);

      // Filed and reported to the township's conveners (河西 第九条).
      await t.queue.whenIdle();
      const inbox = await t.gql<{ myNotifications: { kind: string; title: string }[] }>(
        '{ myNotifications { kind title } }',
        {},
        chief,
      );
      expect(inbox.data!.myNotifications.filter((n) => n.kind === 'RULES_CHANGE_FILED').map((n) => n.title)).toEqual(
        expect.arrayContaining(['规则变更备案：hexi-town 1.0.0 → 1.1.0（已施行）']),
      );
    });

    it('the rollback restores the snapshot kept before the upgrade (filed too), and the monthly obligation is open again', async () => {
      t.app.get(Clock).set('2027-01-12T10:00:00+08:00');
      const back = await rollback(jxOffice);
      expect(back.errors).toBeUndefined();
      expect(back.data!.rollbackTenantRules).toMatchObject({
        kind: 'ROLLBACK',
        status: 'APPLIED',
        fromVersion: '1.1.0',
        toVersion: '1.0.0',
        approvalRequired: false,
      });
      const tenant = await t.gql<{
        tenant: { plugin: { version: string }; effectiveConfiguration: Loose; rulesChanges: Change[] };
      }>(
        `{ tenant(code: "hexi") { plugin { version } effectiveConfiguration rulesChanges { ${CHANGE} } } }`,
        {},
        chief,
      );
      expect(tenant.errors).toBeUndefined();
      expect(tenant.data!.tenant.plugin.version).toBe('1.0.0');
      expect(tenant.data!.tenant.effectiveConfiguration.meetingTypes[0].cadence.rrule).toBe('FREQ=MONTHLY');
      const record = tenant.data!.tenant.rulesChanges;
      expect(record.map((c) => [c.kind, c.status, c.fromVersion, c.toVersion])).toEqual([
        ['ROLLBACK', 'APPLIED', '1.1.0', '1.0.0'],
        ['UPGRADE', 'ROLLED_BACK', '1.0.0', '1.1.0'],
      ]);
      expect(record[0].reverts).toBe(record[1].id);

      await sweep('2027-01-12T11:00:00+08:00');
      const all = await obligations();
      expect(all.filter((o) => o.status === 'OPEN').map((o) => [o.rrule, o.periodStart])).toEqual([
        ['FREQ=MONTHLY', '2027-01-01'],
      ]);
      expect(all.filter((o) => o.rrule === 'FREQ=WEEKLY').every((o) => o.status !== 'OPEN')).toBe(true);
      expect((await rollback(jxOffice)).errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'NOTHING_TO_ROLL_BACK',
      });
      expect((await rollback(nxOffice)).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });

      await t.queue.whenIdle();
      const inbox = await t.gql<{ myNotifications: { kind: string; title: string }[] }>(
        '{ myNotifications { kind title } }',
        {},
        chief,
      );
      expect(inbox.data!.myNotifications.filter((n) => n.kind === 'RULES_CHANGE_FILED').map((n) => n.title)).toEqual(
        expect.arrayContaining(['规则回退备案：hexi-town 1.1.0 → 1.0.0（已施行）']),
      );
    });

    it('the superior may reject: the change is filed REJECTED with the note, the rules stay, the conveners are told', async () => {
      const asked = await upgrade(jxOffice);
      expect(asked.data!.upgradeTenantRules).toMatchObject({
        status: 'AWAITING_APPROVAL',
        fromVersion: '1.0.0',
        toVersion: '1.1.0',
      });
      const rejected = await decide(jxOffice2, false, '每周例会依据不足，不予批准');
      expect(rejected.data!.decideTenantRulesChange).toMatchObject({
        status: 'REJECTED',
        decisionNote: '每周例会依据不足，不予批准',
      });
      const tenant = await t.gql<{ tenant: { plugin: { version: string }; rulesChanges: Change[] } }>(
        `{ tenant(code: "hexi") { plugin { version } rulesChanges { ${CHANGE} } } }`,
        {},
        chief,
      );
      expect(tenant.data!.tenant.plugin.version).toBe('1.0.0');
      expect(tenant.data!.tenant.rulesChanges[0]).toMatchObject({ kind: 'UPGRADE', status: 'REJECTED' });
      await t.queue.whenIdle();
      const inbox = await t.gql<{ myNotifications: { kind: string; title: string }[] }>(
        '{ myNotifications { kind title } }',
        {},
        chief,
      );
      expect(inbox.data!.myNotifications.filter((n) => n.kind === 'RULES_CHANGE_FILED').map((n) => n.title)).toEqual(
        expect.arrayContaining(['规则变更备案：hexi-town 1.0.0 → 1.1.0（上级未批准）']),
      );
      // Nothing waits any more: the next request is filed again.
      expect((await decide(jxOffice2, true)).errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'NO_RULES_CHANGE_WAITING',
      });
    });

    it('rules without a rulesChanges section: the platform default (no approval, the conveners told) — applied at once; two at once, one wins, the other CONFLICT', async () => {
      const FREE = HEXI.replace('id: hexi-town', 'id: beiwan-town')
        .replace('tenantName: 河西镇', 'tenantName: 北湾镇')
        .replace(/# 第九条[\s\S]*$/, '');
      expect(FREE).not.toContain('rulesChanges');
      expect((await publish(FREE, jxOffice)).errors).toBeUndefined();
      expect(
        (
          await publish(
            FREE.replace('version: 1.0.0', 'version: 1.1.0').replace('FREQ=MONTHLY, minimum', 'FREQ=WEEKLY, minimum'),
            jxOffice,
          )
        ).errors,
      ).toBeUndefined();
      expect(
        (
          await onboard(
            { code: 'beiwan', name: '北湾镇', pluginId: 'beiwan-town', pluginVersion: '1.0.0', parentCode: 'jx' },
            jxOffice,
          )
        ).errors,
      ).toBeUndefined();
      const diff = await t.gql<{ tenantRulesDiff: Loose }>(
        '{ tenantRulesDiff(tenantCode: "beiwan", toVersion: "1.1.0") { approvalRequired rulesChangesSource reportTo changes { path } } }',
        {},
        admin,
      );
      expect(diff.data!.tenantRulesDiff).toEqual({
        approvalRequired: false,
        rulesChangesSource: null,
        reportTo: ['CHIEF_CONVENER', 'CONVENER'],
        changes: [{ path: 'meetingTypes[MONTHLY_WORK].cadence.rrule' }],
      });
      const go = (token: string) =>
        t.gql<{ upgradeTenantRules: Change }>(
          `mutation($i: UpgradeTenantRulesInput!) { upgradeTenantRules(input: $i) { ${CHANGE} } }`,
          { i: { tenantCode: 'beiwan', toVersion: '1.1.0', reason: '第五条修订' } },
          token,
        );
      const results = await Promise.all([go(admin), go(jxOffice)]);
      const won = results.filter((r) => !r.errors);
      expect(won).toHaveLength(1);
      expect(won[0].data!.upgradeTenantRules).toMatchObject({
        status: 'APPLIED',
        approvalRequired: false,
        fromVersion: '1.0.0',
        toVersion: '1.1.0',
      });
      const lost = results.find((r) => r.errors)!;
      expect(lost.errors![0].extensions!.code).toBe('CONFLICT');
      expect(['RULES_VERSION_IN_FORCE', 'RULES_CHANGED_MEANWHILE']).toContain(lost.errors![0].extensions!.reason);
      const record = await t.gql<{ tenant: { plugin: { version: string }; rulesChanges: Change[] } }>(
        `{ tenant(code: "beiwan") { plugin { version } rulesChanges { ${CHANGE} } } }`,
        {},
        jxOffice,
      );
      expect(record.data!.tenant.plugin.version).toBe('1.1.0');
      expect(record.data!.tenant.rulesChanges.map((c) => c.status)).toEqual(['APPLIED']);
    });
  });
});
