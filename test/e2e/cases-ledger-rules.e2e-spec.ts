import { Clock } from '@engine/clock';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * The ledger's open rules (issue 14 item 6), walked over HTTP from the sources' wording on the demo
 * tenants: 示范镇 (004: letters to the leader on duty, 主要领导批转, 分线报案, 牵头单位和参与单位), the
 * county's ownership tiers inherited by the town (003 二: 县级领导包案 beside the township leader;
 * 中央、省、市交办督办 → 县级领导), and 新城街道 (002 四(三) 专项工作小组).
 */
describe("the ledger's open rules", () => {
  let t: TestApp;
  let clock: Clock;
  let office: string;
  let convener: string;
  let leaderA: string; // 副镇长 王强: on duty first, in charge of land matters
  let leaderAId: string;
  let county: string;
  let xOffice: string;
  let justice: string; // the lead unit's user
  let justiceUnit: string;
  let landUnit: string;
  let landUser: string; // a participating unit's user
  let otherUnitUser: string;

  const TOWN = 'town-petition-systems';
  const ok = <T>(res: GqlResult<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const code = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
  const field = (res: GqlResult): string | undefined =>
    res.errors?.[0]?.extensions?.field ?? res.errors?.[0]?.extensions?.problems?.[0]?.field;
  type Case = {
    id: string;
    number: string;
    receptionLeader: string | null;
    lineLeader: string | null;
    lineRule: string | null;
    ownerTier: string | null;
    countyOwnerTier: string | null;
    countyOwnerLeader: string | null;
    countyOwnerRule: string | null;
    principalAssignment: {
      status: string;
      rule: string;
      instruction: string | null;
      by: { username: string } | null;
    } | null;
    participatingUnits: { id: string }[];
    participationBasis: string | null;
    workingGroups: { name: string }[];
    history: { kind: string; rule: string | null; by: { username: string } | null }[];
  };
  const CASE =
    'id number receptionLeader lineLeader lineRule ownerTier countyOwnerTier countyOwnerLeader countyOwnerRule principalAssignment { status rule instruction by { username } } participatingUnits { id } participationBasis workingGroups { name } history { kind rule by { username } }';
  const mutate = <T = Case>(op: string, type: string, input: Record<string, unknown>, token: string, fields = CASE) =>
    t.gql<Record<string, T>>(`mutation($i: ${type}!) { ${op}(input: $i) { ${fields} } }`, { i: input }, token);
  const receive = async (input: Record<string, unknown>, token = office, tenantCode = TOWN): Promise<Case> =>
    ok(
      await mutate(
        'receivePetition',
        'ReceivePetitionInput',
        {
          tenantCode,
          channel: 'VISIT',
          matter: '反映承包地被占用，要求恢复耕种。',
          petitioners: [{ name: '刘春生', phone: '13700000001' }],
          ...input,
        },
        token,
      ),
    ).receivePetition;
  const petitionCase = async (id: string, token = office): Promise<Case | null> =>
    ok(
      await t.gql<{ petitionCase: Case | null }>(
        `query($id: ID!) { petitionCase(id: $id) { ${CASE} } }`,
        { id },
        token,
      ),
    ).petitionCase;
  const notices = async (token: string) =>
    ok(
      await t.gql<{ myNotifications: { kind: string; body: string }[] }>(
        '{ myNotifications(limit: 200) { kind body } }',
        {},
        token,
      ),
    ).myNotifications;
  const user = async (username: string, roles: string[], memberUnitId?: string): Promise<string> =>
    ok(
      await t.gql<{ createUser: { id: string } }>(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        {
          i: {
            tenantCode: TOWN,
            username,
            password: `${username}-password-1`,
            displayName: username,
            roles,
            memberUnitId,
          },
        },
        office,
      ),
    ).createUser.id;
  const unit = async (name: string): Promise<string> =>
    ok(
      await t.gql<{ addMemberUnit: { id: string } }>(
        'mutation($i: AddMemberUnitInput!) { addMemberUnit(input: $i) { id } }',
        { i: { tenantCode: TOWN, name, kind: 'DEPARTMENT', reason: '参与信访工作' } },
        office,
      ),
    ).addMemberUnit.id;

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    clock.set('2026-10-12T09:00:00+08:00');
    [office, convener, county, xOffice] = await Promise.all([
      t.login(TOWN, 'office'),
      t.login(TOWN, 'convener'),
      t.login('county-petition-mechanisms', 'office'),
      t.login('xincheng', 'office'),
    ]);
    leaderAId = await user('wangqiang', ['OFFICE_DIRECTOR']); // a 班子成员 with an account; the office grants no more than it holds
    leaderA = await t.login(TOWN, 'wangqiang', 'wangqiang-password-1');
    justiceUnit = await unit('镇司法所');
    landUnit = await unit('自然资源所');
    const otherUnit = await unit('镇财政所');
    await user('justice', ['MEMBER_UNIT'], justiceUnit);
    await user('land', ['MEMBER_UNIT'], landUnit);
    await user('finance', ['MEMBER_UNIT'], otherUnit);
    [justice, landUser, otherUnitUser] = await Promise.all([
      t.login(TOWN, 'justice', 'justice-password-1'),
      t.login(TOWN, 'land', 'land-password-1'),
      t.login(TOWN, 'finance', 'finance-password-1'),
    ]);
    ok(
      await t.gql(
        'mutation($i: SetReceptionRosterInput!) { setReceptionRoster(input: $i) { startsOn } }',
        {
          i: {
            tenantCode: TOWN,
            startsOn: '2026-10-12',
            leaders: [{ name: '王强', userId: leaderAId }, { name: '李红' }],
          },
        },
        office,
      ),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('004 領導接待日制度 2 (負責當天的來信來訪): a letter received on a duty day goes to the leader on duty, as a visit does; a phone call does not', async () => {
    const letter = await receive({ channel: 'LETTER' });
    expect(letter.receptionLeader).toBe('王强');
    const visit = await receive({ channel: 'VISIT' });
    expect(visit.receptionLeader).toBe('王强');
    expect((await receive({ channel: 'PHONE' })).receptionLeader).toBeNull();
    const told = (await notices(leaderA)).filter((n) => n.kind === 'CASE_ON_DUTY').map((n) => n.body);
    expect(told).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`${letter.number}（来信）`),
        expect.stringContaining(`${visit.number}（来访）`),
      ]),
    );
    // Recusal holds for a letter as well: the next leader on the rota receives it.
    const recused = await receive({ channel: 'LETTER', dutyLeaderConflict: '信访人系其亲属' });
    expect(recused.receptionLeader).toBe('李红');
    expect(
      field(
        await mutate(
          'receivePetition',
          'ReceivePetitionInput',
          {
            tenantCode: TOWN,
            channel: 'PHONE',
            matter: '反映承包地被占用，要求恢复耕种。',
            petitioners: [{ name: '刘春生' }],
            dutyLeaderConflict: '亲属',
          },
          office,
        ),
      ),
    ).toBe('input.dutyLeaderConflict');
  });

  it("004 領導接待日制度 5 (由辦公室負責做好登記并報主要領導批轉): a registered visit, letter or assigned case awaits the principal leader's 批转, which only the principal leader records", async () => {
    const visit = await receive({ channel: 'VISIT' });
    expect(visit.principalAssignment).toEqual({
      status: 'PENDING',
      rule: '鎮委書記批转 — 004 領導接待日制度 5',
      instruction: null,
      by: null,
    });
    expect(visit.history.map((h) => h.kind)).toContain('PRINCIPAL_ASSIGNMENT_REQUESTED');
    expect((await receive({ channel: 'ASSIGNED', assignedByLevel: 'COUNTY' })).principalAssignment?.status).toBe(
      'PENDING',
    );
    const phone = await receive({ channel: 'PHONE' });
    expect(phone.principalAssignment).toBeNull();
    expect(
      (await notices(convener)).some((n) => n.kind === 'CASE_PRINCIPAL_ASSIGNMENT' && n.body.includes(visit.number)),
    ).toBe(true);
    const assign = (caseId: string, token: string) =>
      mutate(
        'recordPrincipalAssignment',
        'RecordPrincipalAssignmentInput',
        { caseId, instruction: '请司法所牵头调处，三日内反馈。' },
        token,
      );
    expect(code(await assign(visit.id, office))).toBe('FORBIDDEN'); // the office registers; it does not 批转
    expect(field(await assign(phone.id, convener))).toBe('input.caseId');
    const done = ok(await assign(visit.id, convener)).recordPrincipalAssignment;
    expect(done.principalAssignment).toEqual({
      status: 'DONE',
      rule: '鎮委書記批转 — 004 領導接待日制度 5',
      instruction: '请司法所牵头调处，三日内反馈。',
      by: { username: 'convener' },
    });
    expect(done.history.find((h) => h.kind === 'PRINCIPAL_ASSIGNED')).toMatchObject({
      rule: '004 領導接待日制度 5',
      by: { username: 'convener' },
    });
    expect(
      (await notices(office)).some((n) => n.kind === 'CASE_PRINCIPAL_ASSIGNED' && n.body.includes('请司法所牵头调处')),
    ).toBe(true);
  });

  it("004 分線報案制度 1 (由分管領導負責落實分管職責內的信訪工作): petitions in a leader's line — its categories or units — are routed to that leader", async () => {
    const set = (lines: Record<string, unknown>[], token = office) =>
      t.gql<{
        setLeaderLines: {
          rule: string;
          lines: { leader: string; post: string; categories: string[]; units: { id: string }[] }[];
        };
      }>(
        'mutation($i: SetLeaderLinesInput!) { setLeaderLines(input: $i) { rule lines { leader post categories units { id } } } }',
        { i: { tenantCode: TOWN, lines } },
        token,
      );
    expect(field(await set([{ leader: '王强', post: '鎮委書記', categories: ['LAND'] }]))).toBe('input.lines[0].post'); // not a leader in charge
    expect(field(await set([{ leader: '王强', post: '分管領導' }]))).toBe('input.lines[0].categories');
    expect(
      field(
        await set([
          { leader: '王强', post: '分管領導', categories: ['LAND'] },
          { leader: '李红', post: '分管領導', categories: ['LAND'] },
        ]),
      ),
    ).toBe('input.lines[1].categories');
    expect(code(await set([{ leader: '王强', post: '分管領導', categories: ['LAND'] }], justice))).toBe('FORBIDDEN');
    const lines = ok(
      await set([
        { leader: '王强', post: '分管領導', userId: leaderAId, categories: ['LAND'] },
        { leader: '李红', post: '分管領導', unitIds: [justiceUnit] },
      ]),
    ).setLeaderLines;
    expect(lines).toEqual({
      rule: '004 分線報案制度 1',
      lines: [
        { leader: '王强', post: '分管領導', categories: ['LAND'], units: [] },
        { leader: '李红', post: '分管領導', categories: [], units: [{ id: justiceUnit }] },
      ],
    });
    expect(
      ok(
        await t.gql<{ leaderLines: { lines: { leader: string }[] } }>(
          `{ leaderLines(tenantCode: "${TOWN}") { lines { leader } } }`,
          {},
          convener,
        ),
      ).leaderLines.lines.map((l) => l.leader),
    ).toEqual(['王强', '李红']);

    const land = await receive({ channel: 'PHONE', category: 'LAND' });
    expect(land).toMatchObject({ lineLeader: '王强', lineRule: '分管領導 王强: category LAND — 004 分線報案制度 1' });
    expect((await notices(leaderA)).some((n) => n.kind === 'CASE_IN_LINE' && n.body.includes(land.number))).toBe(true);
    const other = await receive({ channel: 'PHONE', category: 'WAGES' });
    expect(other.lineLeader).toBeNull();
    // Assigned to a unit in 李红's line: routed then.
    const assigned = ok(
      await mutate(
        'assignCase',
        'AssignCaseInput',
        { caseId: other.id, responsibleUnitId: justiceUnit, responsiblePerson: '张明' },
        office,
      ),
    ).assignCase;
    expect(assigned).toMatchObject({
      lineLeader: '李红',
      lineRule: '分管領導 李红: responsible unit — 004 分線報案制度 1',
    });
    expect(
      code(await t.gql(`{ leaderLines(tenantCode: "shizi") { rule } }`, {}, await t.login('shizi', 'office'))),
    ).toBe('BAD_USER_INPUT'); // 001 states no by-line rule
  });

  it('004 預測排查制度 5 (確定的牽頭單位和參與單位，共同處理解決): participating units beside the lead unit see the case and report on it; they do not resolve it', async () => {
    const c = await receive({ channel: 'PHONE', matter: '反映土地流转款未兑现，涉及多个部门。' });
    const setParts = (input: Record<string, unknown>, token = office) =>
      mutate(
        'setCaseParticipants',
        'SetCaseParticipantsInput',
        { caseId: c.id, participatingUnitIds: [landUnit], basis: '镇党委会议 2026-10-12 确定', ...input },
        token,
      );
    expect(code(await setParts({}))).toBe('CONFLICT'); // no lead unit yet
    ok(
      await mutate(
        'assignCase',
        'AssignCaseInput',
        { caseId: c.id, responsibleUnitId: justiceUnit, responsiblePerson: '张明' },
        office,
      ),
    );
    expect(field(await setParts({ participatingUnitIds: [justiceUnit] }))).toBe('input.participatingUnitIds');
    expect(field(await setParts({ participatingUnitIds: [c.id] }))).toBe('input.participatingUnitIds');
    expect(code(await setParts({}, justice))).toBe('FORBIDDEN');
    expect(await petitionCase(c.id, landUser)).toBeNull(); // not yet a participant
    const set = ok(await setParts({})).setCaseParticipants;
    expect(set).toMatchObject({
      participatingUnits: [{ id: landUnit }],
      participationBasis: '镇党委会议 2026-10-12 确定',
    });
    expect(set.history.find((h) => h.kind === 'PARTICIPANTS_SET')).toMatchObject({
      rule: '黨委、政府确定 — 004 預測排查制度 5',
      by: { username: 'office' },
    });
    expect((await petitionCase(c.id, landUser))?.id).toBe(c.id);
    expect(await petitionCase(c.id, otherUnitUser)).toBeNull();
    const listed = ok(
      await t.gql<{ cases: { items: { id: string }[] } }>(
        `{ cases(tenantCode: "${TOWN}") { items { id } } }`,
        {},
        landUser,
      ),
    ).cases.items.map((i) => i.id);
    expect(listed).toEqual([c.id]);
    expect((await notices(landUser)).some((n) => n.kind === 'CASE_PARTICIPATION')).toBe(true);
    // Progress on an owned case: the participating unit reports its part; resolving stays with the lead unit.
    ok(
      await mutate(
        'assignCaseOwner',
        'AssignCaseOwnerInput',
        {
          caseId: c.id,
          leader: '王强',
          tier: 'IN_CHARGE',
          team: ['张明'],
          plan: '司法所牵头，自然资源所核实流转合同。',
        },
        office,
        'id',
      ),
    );
    ok(
      await t.gql(
        'mutation($i: ReportCaseProgressInput!) { reportCaseProgress(input: $i) { id } }',
        { i: { caseId: c.id, content: '已核实流转合同三份，资金去向待查。' } },
        landUser,
      ),
    );
    expect(
      code(
        await mutate(
          'resolveCase',
          'ResolveCaseInput',
          { caseId: c.id, resolution: '已调解，流转款已兑现到户。' },
          landUser,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      code(
        await t.gql(
          'mutation($i: ReportCaseProgressInput!) { reportCaseProgress(input: $i) { id } }',
          { i: { caseId: c.id, content: '与本单位无关的报告内容。' } },
          otherUnitUser,
        ),
      ),
    ).toBe('NOT_FOUND');
  });

  it("003 二 (落實縣級領導包案 … 各鄉鎮或部門要落實主要領導包案): a county leader co-owns the township's case beside the township leader; cases assigned from above need a county leader; the county reads, never writes", async () => {
    const beijing = await receive({ channel: 'VISIT', source: 'BEIJING_PETITION' });
    expect(beijing).toMatchObject({
      ownerTier: 'PRINCIPAL',
      countyOwnerTier: 'PRINCIPAL',
      countyOwnerRule: '003 §二 (principal, county-petition-mechanisms)',
    });
    expect(beijing.history.map((h) => h.kind)).toEqual(
      expect.arrayContaining(['OWNERSHIP_REQUIRED', 'COUNTY_OWNERSHIP_REQUIRED']),
    );
    const fromAbove = await receive({ channel: 'ASSIGNED', assignedByLevel: 'CITY' });
    expect(fromAbove).toMatchObject({
      ownerTier: null,
      countyOwnerTier: 'IN_CHARGE',
      countyOwnerRule: '003 §二 (assigned-from-above, county-petition-mechanisms)',
    });
    const coOwn = (caseId: string, tier: string, token = office) =>
      mutate('assignCaseCountyOwner', 'AssignCaseCountyOwnerInput', { caseId, leader: '县委书记 周建', tier }, token);
    expect(field(await coOwn(beijing.id, 'IN_CHARGE'))).toBe('input.tier');
    // The county does not write the town's ledger: row-level security gives it no row to lock for writing.
    expect(code(await coOwn(beijing.id, 'PRINCIPAL', county))).toBe('NOT_FOUND');
    expect((await petitionCase(beijing.id))?.countyOwnerLeader).toBeNull();
    const owned = ok(await coOwn(beijing.id, 'PRINCIPAL')).assignCaseCountyOwner;
    expect(owned).toMatchObject({ countyOwnerLeader: '县委书记 周建', countyOwnerTier: 'PRINCIPAL' });
    expect(owned.history.find((h) => h.kind === 'COUNTY_OWNER_ASSIGNED')).toMatchObject({ by: { username: 'office' } });
    ok(
      await mutate(
        'assignCaseOwner',
        'AssignCaseOwnerInput',
        {
          caseId: beijing.id,
          leader: '镇委书记 赵刚',
          tier: 'PRINCIPAL',
          team: ['张明'],
          plan: '县镇两级领导共同包案，一案一策。',
        },
        office,
        'id',
      ),
    );
    // A principal county leader also meets the 县级领导 of a case assigned from above.
    expect(ok(await coOwn(fromAbove.id, 'PRINCIPAL')).assignCaseCountyOwner.countyOwnerLeader).toBe('县委书记 周建');
    // The county sees both owners through its tree.
    const seen = await petitionCase(beijing.id, county);
    expect(seen).toMatchObject({ countyOwnerLeader: '县委书记 周建' });
    expect(
      ok(
        await t.gql<{ petitionCase: { ownerLeader: string } }>(
          `query($id: ID!) { petitionCase(id: $id) { ownerLeader } }`,
          { id: beijing.id },
          county,
        ),
      ).petitionCase.ownerLeader,
    ).toBe('镇委书记 赵刚');
    // A county's own case has no county co-owner: it is the county's leader that owns it.
    const countyCase = await receive(
      { channel: 'VISIT', source: 'BEIJING_PETITION' },
      county,
      'county-petition-mechanisms',
    );
    expect(countyCase).toMatchObject({ ownerTier: 'PRINCIPAL', countyOwnerTier: null });
    expect(field(await coOwn(countyCase.id, 'PRINCIPAL', county))).toBe('input.caseId');
  });

  it('002 四(三) (按照群眾反映較為集中強烈的領域適時成立專項工作小組): a special working group spans the cases of one field', async () => {
    const XIN = 'xincheng';
    const inField = await receive(
      { channel: 'VISIT', category: 'DEMOLITION', matter: '反映拆迁补偿标准不一致。' },
      xOffice,
      XIN,
    );
    const alsoInField = await receive(
      { channel: 'LETTER', category: 'DEMOLITION', matter: '反映拆迁安置房交付延期。' },
      xOffice,
      XIN,
    );
    const otherField = await receive(
      { channel: 'VISIT', category: 'HEATING', matter: '反映小区供暖不达标。' },
      xOffice,
      XIN,
    );
    type Group = {
      id: string;
      name: string;
      field: string;
      category: string | null;
      leader: string;
      rule: string;
      dissolvedAt: string | null;
      cases: { id: string }[];
    };
    const GROUP = 'id name field category leader rule dissolvedAt cases { id }';
    const group = ok(
      await mutate<Group>(
        'setUpWorkingGroup',
        'SetUpWorkingGroupInput',
        {
          tenantCode: XIN,
          name: '征地拆迁信访专项工作小组',
          field: '征地拆迁',
          category: 'DEMOLITION',
          leader: '副主任 陈亮',
          members: ['刘洋', '王芳'],
        },
        xOffice,
        GROUP,
      ),
    ).setUpWorkingGroup;
    expect(group).toMatchObject({
      field: '征地拆迁',
      category: 'DEMOLITION',
      rule: '002 四(三)',
      dissolvedAt: null,
      cases: [],
    });
    expect(
      code(
        await mutate<Group>(
          'setUpWorkingGroup',
          'SetUpWorkingGroupInput',
          { tenantCode: XIN, name: '征地拆迁信访专项工作小组', field: '征地拆迁', leader: '陈亮' },
          xOffice,
          GROUP,
        ),
      ),
    ).toBe('CONFLICT');
    expect(
      field(
        await mutate<Group>(
          'setUpWorkingGroup',
          'SetUpWorkingGroupInput',
          { tenantCode: TOWN, name: '土地信访专项工作小组', field: '土地', leader: '王强' },
          office,
          GROUP,
        ),
      ),
    ).toBe('input.tenantCode'); // 004 states no such groups
    const add = (caseIds: string[]) =>
      mutate<Group>('addCasesToWorkingGroup', 'WorkingGroupCasesInput', { groupId: group.id, caseIds }, xOffice, GROUP);
    expect(field(await add([inField.id, otherField.id]))).toBe('input.caseIds[1]'); // another field
    expect(ok(await add([inField.id, alsoInField.id])).addCasesToWorkingGroup.cases.map((c) => c.id)).toEqual([
      inField.id,
      alsoInField.id,
    ]);
    expect(
      code(
        await mutate<Group>(
          'addCasesToWorkingGroup',
          'WorkingGroupCasesInput',
          { groupId: group.id, caseIds: [inField.id] },
          office,
          GROUP,
        ),
      ),
    ).toBe('NOT_FOUND');
    const c = await petitionCase(inField.id, xOffice);
    expect(c?.workingGroups).toEqual([{ name: '征地拆迁信访专项工作小组' }]);
    expect(c?.history.find((h) => h.kind === 'JOINED_WORKING_GROUP')).toMatchObject({
      rule: '002 四(三)',
      by: { username: 'office' },
    });
    const page = ok(
      await t.gql<{ caseWorkingGroups: { items: { name: string }[]; nextCursor: string | null } }>(
        `{ caseWorkingGroups(tenantCode: "${XIN}", limit: 1) { items { name } nextCursor } }`,
        {},
        xOffice,
      ),
    ).caseWorkingGroups;
    expect(page).toEqual({ items: [{ name: '征地拆迁信访专项工作小组' }], nextCursor: null });
    expect(
      field(await t.gql(`{ caseWorkingGroups(tenantCode: "${XIN}", limit: 0) { nextCursor } }`, {}, xOffice)),
    ).toBe('limit');
    ok(
      await mutate<Group>(
        'removeCasesFromWorkingGroup',
        'WorkingGroupCasesInput',
        { groupId: group.id, caseIds: [alsoInField.id] },
        xOffice,
        GROUP,
      ),
    );
    const dissolved = ok(
      await t.gql<{ dissolveWorkingGroup: Group }>(
        `mutation($id: ID!) { dissolveWorkingGroup(id: $id) { ${GROUP} } }`,
        { id: group.id },
        xOffice,
      ),
    ).dissolveWorkingGroup;
    expect(dissolved.dissolvedAt).not.toBeNull();
    expect(dissolved.cases.map((x) => x.id)).toEqual([inField.id]);
    expect(code(await add([alsoInField.id]))).toBe('CONFLICT');
  });
});
