import { startTestApp, type TestApp } from '@test/support/test-app';

interface Unit {
  id: string;
  name: string;
  kind: string;
}
interface TenantView {
  code: string;
  name: string;
  level: string;
  plugin: { id: string; version: string };
  jointMeeting: {
    name: string;
    conveners: { title: string; role: string }[];
    officeHost: { name: string } | null;
    officeDirector: { title: string; role: string };
    meetingTypes: {
      code: string;
      chairRole: string;
      cadence: { rrule: string } | null;
      keyPeriodCadence: { rrule: string } | null;
      minutesApprovedBy: string | null;
    }[];
  };
  memberUnits: Unit[];
}

const STRUCTURE = `query($code: String!) { tenant(code: $code) {
  code name level plugin { id version }
  jointMeeting { name conveners { title role } officeHost { name } officeDirector { title role }
    meetingTypes { code chairRole cadence { rrule } keyPeriodCadence { rrule } minutesApprovedBy } }
  memberUnits { id name kind } } }`;

const count = (units: Unit[], kind: string): number => units.filter((u) => u.kind === kind).length;

describe('onboarding from the seed plugins, and configuring member units', () => {
  let t: TestApp;
  let admin: string;
  const read = async (code: string, token: string): Promise<TenantView | null> =>
    (await t.gql<{ tenant: TenantView | null }>(STRUCTURE, { code }, token)).data?.tenant ?? null;

  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO: 'false' });
    admin = await t.login(null, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  const onboard = (input: Record<string, unknown>, token: string) =>
    t.gql<{ onboardTenant: { code: string } }>(
      'mutation($i: OnboardTenantInput!) { onboardTenant(input: $i) { code } }',
      { i: input },
      token,
    );
  const createUser = (input: Record<string, unknown>, token: string) =>
    t.gql<{ createUser: { id: string } }>(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      { i: input },
      token,
    );

  it('a platform admin onboards a county; its office director onboards the townships and the subdistrict', async () => {
    expect(
      (await onboard({ code: 'jx', name: '示范县', pluginId: 'county-petition-mechanisms' }, admin)).errors,
    ).toBeUndefined();
    expect(
      (
        await createUser(
          {
            tenantCode: 'jx',
            username: 'office',
            password: 'county-office-pw',
            displayName: '县联席办主任',
            roles: ['OFFICE_DIRECTOR'],
          },
          admin,
        )
      ).errors,
    ).toBeUndefined();
    const county = await t.login('jx', 'office', 'county-office-pw');
    for (const [code, name, pluginId] of [
      ['xiacang', '下仓镇', 'xiacang-town'],
      ['shizi', '十字镇', 'shizi-town'],
      ['xincheng', '新城街道', 'xincheng-street'],
    ]) {
      const res = await onboard(
        {
          code,
          name,
          pluginId,
          parentCode: 'jx',
          ...(code === 'xincheng'
            ? {
                countedUnitNames: [
                  { kind: 'COMMUNITY', names: ['文化社区', '新华社区'] },
                  { kind: 'DEPARTMENT', names: ['党政办公室', '经济发展办公室', '社区服务中心'] },
                ],
              }
            : {}),
        },
        county,
      );
      expect(res.errors).toBeUndefined();
    }
    const countyView = await read('jx', county);
    expect(countyView?.memberUnits.filter((u) => u.kind === 'TOWNSHIP').map((u) => u.name)).toEqual([
      '下仓镇',
      '十字镇',
      '新城街道',
    ]);
  });

  it('下仓镇 (000): 18 departments, the 政法委员 convenes and directs the office, hosted by 公共安全办公室', async () => {
    const v = (await read('xiacang', admin))!;
    expect(v.plugin).toEqual({ id: 'xiacang-town', version: '1.0.0' });
    expect(v.memberUnits).toHaveLength(18);
    expect(count(v.memberUnits, 'DEPARTMENT')).toBe(18);
    expect(v.memberUnits.map((u) => u.name)).toEqual(
      expect.arrayContaining(['派出所', '司法所', '综合执法大队', '公共安全办公室']),
    );
    expect(v.jointMeeting.conveners).toEqual([{ title: expect.stringContaining('政法委员'), role: 'CONVENER' }]);
    expect(v.jointMeeting.officeDirector.title).toContain('政法委员');
    expect(v.jointMeeting.officeHost).toEqual({ name: '公共安全办公室' });
    const types = Object.fromEntries(v.jointMeeting.meetingTypes.map((m) => [m.code, m]));
    expect(types.PLENARY.chairRole).toBe('CONVENER');
    expect(types.WORKING.chairRole).toBe('CONVENER');
    expect(types.PLENARY.minutesApprovedBy).toBe('CONVENER');
    expect(types.LIAISON.chairRole).toBe('OFFICE_DIRECTOR');
  });

  it('十字镇 (001): 22 units (13 departments, 9 villages and communities), three conveners, monthly and key-period weekly working meetings', async () => {
    const v = (await read('shizi', admin))!;
    expect(v.memberUnits).toHaveLength(22);
    expect(count(v.memberUnits, 'DEPARTMENT')).toBe(13);
    expect(count(v.memberUnits, 'VILLAGE') + count(v.memberUnits, 'COMMUNITY')).toBe(9);
    expect(v.jointMeeting.conveners).toHaveLength(3);
    expect(v.jointMeeting.officeHost).toEqual({ name: '综合治理办公室' });
    const types = Object.fromEntries(v.jointMeeting.meetingTypes.map((m) => [m.code, m]));
    expect(types.WORKING.cadence).toEqual({ rrule: 'FREQ=MONTHLY' });
    expect(types.WORKING.keyPeriodCadence).toEqual({ rrule: 'FREQ=WEEKLY' });
    expect(types.SOCIAL_SITUATION_ANALYSIS.cadence).toEqual({ rrule: 'FREQ=MONTHLY' });
  });

  it('新城街道 (002): a chief convener and conveners; the 11 communities named at onboarding or numbered', async () => {
    const v = (await read('xincheng', admin))!;
    expect(v.level).toBe('STREET');
    expect(v.jointMeeting.conveners.filter((c) => c.role === 'CHIEF_CONVENER')).toHaveLength(1);
    expect(v.jointMeeting.conveners.filter((c) => c.role === 'CONVENER').length).toBeGreaterThanOrEqual(1);
    const communities = v.memberUnits.filter((u) => u.kind === 'COMMUNITY').map((u) => u.name);
    expect(communities).toHaveLength(11);
    expect(communities.slice(0, 2)).toEqual(['文化社区', '新华社区']);
    expect(communities[2]).toMatch(/3$/);
  });

  it('新城街道 (002 §三 “街道三办一中心”): the two offices and the centre are named at onboarding (D2)', async () => {
    const v = (await read('xincheng', admin))!;
    // 平安建设办公室 is named by the plugin; the other two 办 and the 中心 by the onboarding office, in order.
    expect(v.memberUnits.filter((u) => u.kind === 'DEPARTMENT').map((u) => u.name)).toEqual(
      expect.arrayContaining(['平安建设办公室', '党政办公室', '经济发展办公室', '社区服务中心']),
    );
    expect(v.memberUnits.some((u) => /（三办）|（一中心）/.test(u.name))).toBe(false);
  });

  it('新城街道 (002 §三 “设在平安建设办公室综合信访维稳股”): the office shows its host, its section and the article; 下仓镇 (000 art. 6) has no section', async () => {
    const office = async (code: string) =>
      (
        await t.gql<{
          tenant: {
            jointMeeting: {
              officeHost: { name: string } | null;
              officeSection: string | null;
              officeSource: string;
              membershipFiling: { reportTo: string[]; source: string };
            };
          };
        }>(
          'query($code: String!) { tenant(code: $code) { jointMeeting { officeHost { name } officeSection officeSource membershipFiling { reportTo source } } } }',
          { code },
          admin,
        )
      ).data!.tenant.jointMeeting;
    expect(await office('xincheng')).toEqual({
      officeHost: { name: '平安建设办公室' },
      officeSection: '综合信访维稳股',
      officeSource: '002 §三',
      membershipFiling: { reportTo: ['CHIEF_CONVENER'], source: '002 §三' },
    });
    expect(await office('xiacang')).toEqual({
      officeHost: { name: '公共安全办公室' },
      officeSection: null,
      officeSource: '000 art. 6',
      // 000 art. 7: 成员单位要及时向镇联席会议召集人报告，并报镇联席会议办公室备案
      membershipFiling: { reportTo: ['CONVENER'], source: '000 art. 7' },
    });
  });

  it("下仓镇 (000 art. 15 “根据工作需要形成会议文件”): the liaison meeting's document is drawn up as needed; after a plenary or working meeting (000 art. 9) it always is", async () => {
    const types = (
      await t.gql<{ tenant: { jointMeeting: { meetingTypes: { code: string; minutesAsNeeded: boolean }[] } } }>(
        'query($code: String!) { tenant(code: $code) { jointMeeting { meetingTypes { code minutesAsNeeded } } } }',
        { code: 'xiacang' },
        admin,
      )
    ).data!.tenant.jointMeeting.meetingTypes;
    const asNeeded = Object.fromEntries(types.map((m) => [m.code, m.minutesAsNeeded]));
    expect(asNeeded).toMatchObject({ LIAISON: true, PLENARY: false, WORKING: false });
  });

  it('a county user reads a township; a sibling town reads nothing of it', async () => {
    const county = await t.login('jx', 'office', 'county-office-pw');
    expect((await read('shizi', county))?.memberUnits).toHaveLength(22);
    await createUser(
      {
        tenantCode: 'xiacang',
        username: 'office',
        password: 'xiacang-office-pw',
        displayName: '下仓镇联席办',
        roles: ['OFFICE_DIRECTOR'],
      },
      county,
    );
    const xiacang = await t.login('xiacang', 'office', 'xiacang-office-pw');
    expect(await read('shizi', xiacang)).toBeNull();
    expect(await read('jx', xiacang)).toBeNull();
    const list = await t.gql<{ tenants: { code: string }[] }>('{ tenants { code } }', {}, xiacang);
    expect(list.data?.tenants).toEqual([{ code: 'xiacang' }]);
    const children = await t.gql<{ tenants: { code: string }[] }>('{ tenants(parentCode: "jx") { code } }', {}, county);
    expect(children.data?.tenants.map((x) => x.code)).toEqual(['shizi', 'xiacang', 'xincheng']);
    const intrude = await onboard(
      { code: 'rogue', name: '越权镇', pluginId: 'xiacang-town', parentCode: 'shizi' },
      xiacang,
    );
    expect(intrude.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('the office files membership changes; a member unit cannot change units or create users; conveners see every filing', async () => {
    const county = await t.login('jx', 'office', 'county-office-pw');
    const units = (await read('shizi', county))!.memberUnits;
    const village = units.find((u) => u.kind === 'VILLAGE')!;
    const department = units.find((u) => u.kind === 'DEPARTMENT')!;
    // The county office opens the township's first office director and first convener (onboarding);
    // the township's office opens the rest (grant matrix: the county office grants no unit roles there).
    for (const [username, roles] of [
      ['office', ['OFFICE_DIRECTOR']],
      ['convener', ['CONVENER']],
    ] as const) {
      const res = await createUser(
        { tenantCode: 'shizi', username, password: `${username}-password-1`, displayName: `十字镇${username}`, roles },
        county,
      );
      expect(res.errors).toBeUndefined();
    }
    const office = await t.login('shizi', 'office', 'office-password-1');
    const byCounty = await createUser(
      {
        tenantCode: 'shizi',
        username: 'member',
        password: 'member-password-1',
        displayName: '十字镇member',
        roles: ['MEMBER_UNIT'],
        memberUnitId: department.id,
      },
      county,
    );
    expect(byCounty.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'GRANT_EXCEEDS_OWN_ACCESS' });
    for (const [username, roles, memberUnitId] of [
      ['member', ['MEMBER_UNIT'], department.id],
      ['secretary', ['VILLAGE_SECRETARY'], village.id],
    ] as const) {
      const res = await createUser(
        {
          tenantCode: 'shizi',
          username,
          password: `${username}-password-1`,
          displayName: `十字镇${username}`,
          roles,
          memberUnitId,
        },
        office,
      );
      expect(res.errors).toBeUndefined();
    }
    const member = await t.login('shizi', 'member', 'member-password-1');
    const add = (token: string, name: string) =>
      t.gql<{ addMemberUnit: Unit }>(
        'mutation($i: AddMemberUnitInput!) { addMemberUnit(input: $i) { id name kind } }',
        { i: { tenantCode: 'shizi', name, kind: 'DEPARTMENT', reason: '镇机构改革新设' } },
        token,
      );
    expect((await add(member, '退役军人服务站')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      (
        await createUser(
          {
            tenantCode: 'shizi',
            username: 'x1',
            password: 'member-password-2',
            displayName: '某人',
            roles: ['CONVENER'],
          },
          member,
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    const added = (await add(office, '退役军人服务站')).data!.addMemberUnit;
    expect((await add(office, '退役军人服务站')).errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.name',
    });
    const renamed = await t.gql(
      'mutation($i: RenameMemberUnitInput!) { renameMemberUnit(input: $i) { name } }',
      { i: { memberUnitId: added.id, name: '退役军人服务所', reason: '更正名称' } },
      office,
    );
    expect(renamed.errors).toBeUndefined();
    const gone = await t.gql(
      'mutation($i: DeactivateMemberUnitInput!) { deactivateMemberUnit(input: $i) { active } }',
      { i: { memberUnitId: added.id, reason: '职能并入综合治理办公室' } },
      office,
    );
    expect(gone.data).toEqual({ deactivateMemberUnit: { active: false } });

    await t.queue.whenIdle();
    const convener = await t.login('shizi', 'convener', 'convener-password-1');
    const record = await t.gql<{
      tenant: {
        membershipChanges: {
          kind: string;
          reason: string;
          filedBy: { username: string };
          memberUnit: { name: string };
        }[];
      };
    }>(
      '{ tenant(code: "shizi") { membershipChanges { kind reason filedAt filedBy { username } memberUnit { name } } } }',
      {},
      convener,
    );
    expect(record.data?.tenant.membershipChanges.map((c) => [c.kind, c.filedBy.username, c.memberUnit.name])).toEqual([
      ['DEACTIVATED', 'office', '退役军人服务所'],
      ['RENAMED', 'office', '退役军人服务所'],
      ['ADDED', 'office', '退役军人服务所'],
    ]);
    const inbox = await t.gql<{ myNotifications: { id: string; kind: string; title: string }[] }>(
      '{ myNotifications { id kind title } }',
      {},
      convener,
    );
    const filed = inbox.data!.myNotifications.filter((n) => n.kind === 'MEMBERSHIP_CHANGE_FILED');
    expect(filed).toHaveLength(3);
    // Marking read: only the caller's own notifications change, and only once.
    const officeInbox = await t.gql<{ myNotifications: { id: string }[] }>('{ myNotifications { id } }', {}, office);
    const mark = (ids: string[], token: string) =>
      t.gql<{ markNotificationsRead: number }>(
        'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }',
        { ids },
        token,
      );
    expect(
      (await mark([...filed.map((n) => n.id), ...officeInbox.data!.myNotifications.map((n) => n.id)], convener)).data,
    ).toEqual({ markNotificationsRead: 3 });
    expect(
      (
        await mark(
          filed.map((n) => n.id),
          convener,
        )
      ).data,
    ).toEqual({ markNotificationsRead: 0 });
    const unread = await t.gql<{ myNotifications: { kind: string }[] }>(
      '{ myNotifications(unreadOnly: true) { kind } }',
      {},
      convener,
    );
    expect(unread.data!.myNotifications.filter((n) => n.kind === 'MEMBERSHIP_CHANGE_FILED')).toHaveLength(0);
    expect(
      (
        await t.gql<{ myNotifications: { readAt: string | null }[] }>('{ myNotifications { readAt } }', {}, office)
      ).data!.myNotifications.every((n) => n.readAt === null),
    ).toBe(true);
    const memberView = await t.gql('{ tenant(code: "shizi") { membershipChanges { kind } } }', {}, member);
    expect(memberView.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('002 §三: one counted group named by its label; a name already in use is refused and nothing is created (D2)', async () => {
    const county = await t.login('jx', 'office', 'county-office-pw');
    const byLabel = await onboard(
      {
        code: 'xincheng-b',
        name: '新城二街道',
        pluginId: 'xincheng-street',
        parentCode: 'jx',
        countedUnitNames: [{ kind: 'DEPARTMENT', label: '街道中心（一中心）', names: ['便民服务中心'] }],
      },
      county,
    );
    expect(byLabel.errors).toBeUndefined();
    const b = (await read('xincheng-b', admin))!;
    expect(b.memberUnits.filter((u) => u.kind === 'DEPARTMENT').map((u) => u.name)).toEqual(
      expect.arrayContaining(['街道办公室（三办）1', '街道办公室（三办）2', '便民服务中心']),
    );
    const clash = await onboard(
      {
        code: 'xincheng-c',
        name: '新城三街道',
        pluginId: 'xincheng-street',
        parentCode: 'jx',
        countedUnitNames: [{ kind: 'DEPARTMENT', names: ['司法所'] }],
      },
      county,
    );
    expect(clash.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'COUNTED_NAME_TAKEN',
      field: 'input.countedUnitNames.0.names.0',
    });
    expect(await read('xincheng-c', admin)).toBeNull();
  });
});
