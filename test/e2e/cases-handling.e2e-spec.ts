import { Clock } from '@engine/clock';
import { keepsThePageShape, walkPage } from '@test/support/page-walk';
import { readZip } from '@test/support/read-zip';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * First inquiry, referral outside the remit, tiered and grid handling and the two-level ledger, end to
 * end on the demo tenants: 新城街道 (002: grid 网格 → 社区 → 街道, 社区书记 / 街道业务分管领导 first
 * responsible, problem/responsibility/task lists with every item stated) and 示范镇 (004: 首問責任制度 —
 * transfer with a reason, follow-up, transfer or guidance outside the remit). Each refusal is walked:
 * a wrong role (FORBIDDEN), a plugin without the rule (BAD_USER_INPUT naming the field), another
 * tenant (NOT_FOUND).
 */
describe('first inquiry, referral, tiered and grid handling, ledger lists', () => {
  let t: TestApp;
  let clock: Clock;
  const x: Record<'office' | 'convener' | 'chief' | 'member' | 'secretary', string> = {
    office: '',
    convener: '',
    chief: '',
    member: '',
    secretary: '',
  };
  const town: Record<'office' | 'convener', string> = { office: '', convener: '' };
  let xiacang: string;
  let community: string; // the secretary's community (社区居委会1)
  let otherCommunity: string;
  let department: string; // the member's unit (平安建设办公室)
  let xiacangUnit: string;
  let xiacangUserId: string;
  let xiacangOfficeId: string;
  let townConvenerId: string;
  let townOfficeId: string;
  let xChiefId: string;
  let gridCase: string;
  let letterCase: string;

  const XINCHENG = 'xincheng';
  const TOWN = 'town-petition-systems';
  const PETITIONER = {
    name: '赵桂兰',
    phone: '13900001111',
    idNumber: '11010519491231002X',
    address: '新城街道幸福路8号',
  };

  const ok = <T>(res: GqlResult<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const code = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
  const field = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.field;
  const message = (res: GqlResult): string => res.errors?.[0]?.message ?? '';
  type Case = {
    id: string;
    status: string;
    handlingLevel: string | null;
    firstResponsible: string | null;
    referral: string | null;
    firstInquiryUser: { username: string } | null;
    locationUnit: { id: string } | null;
    history: { kind: string; rule: string | null; note: string | null; data: Record<string, unknown> }[];
  };
  const CASE =
    'id status handlingLevel firstResponsible referral firstInquiryUser { username } locationUnit { id } history { kind rule note data }';
  const mutate = <T = Case>(op: string, type: string, input: Record<string, unknown>, token: string, fields = CASE) =>
    t.gql<Record<string, T>>(`mutation($i: ${type}!) { ${op}(input: $i) { ${fields} } }`, { i: input }, token);
  const receive = async (tenantCode: string, input: Record<string, unknown>, token: string): Promise<Case> =>
    ok(
      await mutate(
        'receivePetition',
        'ReceivePetitionInput',
        { tenantCode, matter: '反映小区供暖温度长期不达标，多次反映未果。', petitioners: [PETITIONER], ...input },
        token,
      ),
    ).receivePetition;
  const escalate = (caseId: string, token: string) =>
    mutate('escalateCase', 'EscalateCaseInput', { caseId, reason: '涉及供热公司管网改造，网格内无法协调' }, token);
  const setLevel = (input: Record<string, unknown>, token: string) =>
    mutate('setCaseHandlingLevel', 'SetCaseHandlingLevelInput', input, token);
  const transfer = (input: Record<string, unknown>, token: string) =>
    mutate('transferFirstInquiry', 'TransferFirstInquiryInput', input, token);
  const refer = (input: Record<string, unknown>, token: string) =>
    mutate('referCaseOutOfRemit', 'ReferCaseOutOfRemitInput', input, token);
  const followUp = (caseId: string, token: string) =>
    mutate(
      'recordCaseFollowUp',
      'RecordCaseFollowUpInput',
      { caseId, note: '已电话回访信访人，告知办理进展。' },
      token,
    );
  const ENTRY =
    'id level list content classification measures owningLeader responsiblePerson dueOn done overdue communityUnit { id } responsibleUnit { id } petitionCase { id }';
  type Entry = {
    id: string;
    level: string;
    list: string;
    content: string;
    done: boolean;
    overdue: boolean;
    communityUnit: { id: string } | null;
    responsibleUnit: { id: string } | null;
  };
  const addEntry = (input: Record<string, unknown>, token: string) =>
    mutate<Entry>('addCaseLedgerEntry', 'AddCaseLedgerEntryInput', input, token, ENTRY);
  const markDone = (id: string, token: string) =>
    t.gql<{ markLedgerEntryDone: Entry }>(
      `mutation($id: ID!) { markLedgerEntryDone(id: $id) { ${ENTRY} } }`,
      { id },
      token,
    );
  const ledger = async (token: string, args = '') =>
    ok(await t.gql<{ caseLedger: Entry[] }>(`{ caseLedger(tenantCode: "${XINCHENG}"${args}) { ${ENTRY} } }`, {}, token))
      .caseLedger;
  const notifications = async (token: string) =>
    ok(
      await t.gql<{ myNotifications: { kind: string; body: string }[] }>(
        '{ myNotifications(limit: 200) { kind body } }',
        {},
        token,
      ),
    ).myNotifications;
  const download = (path: string, token?: string) => {
    const req = t.http().get(path);
    if (token) req.set('authorization', `Bearer ${token}`);
    return req.buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  };
  const full = (over: Record<string, unknown> = {}) => ({
    caseId: gridCase,
    level: 'TOWN',
    list: 'PROBLEM',
    content: '小区供暖温度长期不达标',
    classification: '民生诉求·供热',
    measures: '约谈供热公司，限期检修二次管网',
    owningLeader: '街道业务分管领导 王伟',
    responsibleUnitId: department,
    responsiblePerson: '李娜',
    dueOn: '2026-11-30',
    ...over,
  });

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    clock.set('2026-11-02T09:00:00+08:00'); // a Monday
    for (const user of Object.keys(x) as (keyof typeof x)[]) x[user] = await t.login(XINCHENG, user);
    for (const user of Object.keys(town) as (keyof typeof town)[]) town[user] = await t.login(TOWN, user);
    xiacang = await t.login('xiacang', 'office');
    const me = async (token: string) =>
      ok(
        await t.gql<{ me: { id: string; memberUnit: { id: string } | null } }>(
          '{ me { id memberUnit { id } } }',
          {},
          token,
        ),
      ).me;
    community = (await me(x.secretary)).memberUnit!.id;
    department = (await me(x.member)).memberUnit!.id;
    xChiefId = (await me(x.chief)).id;
    townConvenerId = (await me(town.convener)).id;
    townOfficeId = (await me(town.office)).id;
    const b = await me(await t.login('xiacang', 'member'));
    xiacangOfficeId = (await me(xiacang)).id;
    xiacangUnit = b.memberUnit!.id;
    xiacangUserId = b.id;
    const units = ok(
      await t.gql<{ tenant: { memberUnits: { id: string; kind: string }[] } }>(
        `{ tenant(code: "${XINCHENG}") { memberUnits { id kind } } }`,
        {},
        x.office,
      ),
    ).tenant.memberUnits;
    otherCommunity = units.find((u) => u.kind === 'COMMUNITY' && u.id !== community)!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('新城街道 (002): grid and tiered handling', () => {
    it('a grid worker files a grid report: handled in the grid, the worker is its first-inquiry user', async () => {
      const c = await receive(
        XINCHENG,
        { channel: 'GRID_REPORT', locationUnitId: community, grid: '第三网格' },
        x.secretary,
      );
      gridCase = c.id;
      expect(c).toMatchObject({
        status: 'RECEIVED',
        handlingLevel: 'GRID',
        firstResponsible: null,
        firstInquiryUser: { username: 'secretary' },
        locationUnit: { id: community },
      });
    });

    it('escalates one level up with the rule, first responsible from the plugin, the office notified; wrong role and tenant refused', async () => {
      expect(code(await escalate(gridCase, x.convener))).toBe('FORBIDDEN');
      expect(code(await escalate(gridCase, xiacang))).toBe('NOT_FOUND');
      expect(code(await escalate(gridCase, x.member))).toBe('NOT_FOUND'); // not its case: it does not see it
      const up = ok(await escalate(gridCase, x.secretary)).escalateCase;
      expect(up).toMatchObject({ handlingLevel: 'COMMUNITY', firstResponsible: '社区书记' });
      expect(up.history.at(-1)).toMatchObject({
        kind: 'ESCALATED',
        rule: 'ONE_LEVEL_UP — 002 §五(二)',
        note: '涉及供热公司管网改造，网格内无法协调',
        data: {
          from: 'GRID',
          to: 'COMMUNITY',
          fromName: '网格',
          toName: '社区',
          firstResponsible: '社区书记',
          firstResponsibleRule: '002 §五(三)',
        },
      });
      const notices = await notifications(x.office);
      expect(notices.filter((n) => n.kind === 'CASE_ESCALATED')).toHaveLength(1);
      expect(notices.find((n) => n.kind === 'CASE_ESCALATED')!.body).toContain('由网格上报社区');
      // The community (社区书记, role VILLAGE_SECRETARY in the plugin) hears it is first responsible.
      expect((await notifications(x.secretary)).map((n) => n.kind)).toContain('CASE_FIRST_RESPONSIBLE');
    });

    it('the responsible department is no grid worker; the community escalates to the street, and no further', async () => {
      ok(
        await mutate(
          'assignCase',
          'AssignCaseInput',
          { caseId: gridCase, responsibleUnitId: department, responsiblePerson: '李娜', dueOn: '2026-12-31' },
          x.office,
        ),
      );
      expect(code(await escalate(gridCase, x.member))).toBe('FORBIDDEN');
      const top = ok(await escalate(gridCase, x.secretary)).escalateCase;
      expect(top).toMatchObject({ status: 'ASSIGNED', handlingLevel: 'TOWN', firstResponsible: '街道业务分管领导' });
      expect(top.history.at(-1)?.data).toMatchObject({ from: 'COMMUNITY', to: 'TOWN', toName: '街道' });
      const again = await escalate(gridCase, x.secretary);
      expect(code(again)).toBe('CONFLICT');
      expect(message(again)).toContain('top level');
      expect(top.history.map((h) => h.kind)).toEqual(['RECEIVED', 'ESCALATED', 'ASSIGNED', 'ESCALATED']);
    });

    it("the office sets a case's level; the first responsible follows the plugin; a community case names its community", async () => {
      letterCase = (await receive(XINCHENG, { channel: 'LETTER' }, x.office)).id;
      expect(field(await setLevel({ caseId: letterCase, level: 'COMMUNITY' }, x.office))).toBe('input.locationUnitId');
      expect(
        field(await setLevel({ caseId: letterCase, level: 'COMMUNITY', locationUnitId: department }, x.office)),
      ).toBe('input.locationUnitId');
      expect(
        field(await setLevel({ caseId: letterCase, level: 'COMMUNITY', locationUnitId: xiacangUnit }, x.office)),
      ).toBe('input.locationUnitId');
      expect(code(await setLevel({ caseId: letterCase, level: 'TOWN' }, x.convener))).toBe('FORBIDDEN');
      expect(code(await setLevel({ caseId: letterCase, level: 'TOWN' }, xiacang))).toBe('NOT_FOUND');
      const atCommunity = ok(
        await setLevel({ caseId: letterCase, level: 'COMMUNITY', locationUnitId: otherCommunity }, x.office),
      ).setCaseHandlingLevel;
      expect(atCommunity).toMatchObject({
        handlingLevel: 'COMMUNITY',
        firstResponsible: '社区书记',
        locationUnit: { id: otherCommunity },
      });
      expect(atCommunity.history.at(-1)).toMatchObject({
        kind: 'HANDLING_LEVEL_SET',
        rule: '002 §五(三)',
        note: '社区 / 社区书记',
        data: { from: null, to: 'COMMUNITY' },
      });
      const atStreet = ok(await setLevel({ caseId: letterCase, level: 'TOWN' }, x.office)).setCaseHandlingLevel;
      expect(atStreet).toMatchObject({ handlingLevel: 'TOWN', firstResponsible: '街道业务分管领导' });
      const inGrid = ok(await setLevel({ caseId: letterCase, level: 'GRID' }, x.office)).setCaseHandlingLevel;
      expect(inGrid).toMatchObject({ handlingLevel: 'GRID', firstResponsible: null });
      expect(inGrid.history.at(-1)?.rule).toBe('002 §五(二)');
      // The office may escalate too; the secretary of another community may not see the case at all.
      expect(code(await escalate(letterCase, x.secretary))).toBe('NOT_FOUND');
      expect(ok(await escalate(letterCase, x.office)).escalateCase.handlingLevel).toBe('COMMUNITY');
    });

    it('no reason is needed to hand first inquiry on where the plugin asks none', async () => {
      const moved = ok(await transfer({ caseId: letterCase, toUserId: xChiefId }, x.office)).transferFirstInquiry;
      expect(moved.firstInquiryUser?.username).toBe('chief');
      expect(moved.history.at(-1)).toMatchObject({ kind: 'FIRST_INQUIRY_TRANSFERRED', rule: null, note: null });
      // A follow-up is a 004 rule: 002's plugin does not ask for one.
      const noRule = await followUp(letterCase, x.chief);
      expect(code(noRule)).toBe('BAD_USER_INPUT');
      expect(field(noRule)).toBe('input.caseId');
      expect(message(noRule)).toContain('cases.firstInquiry.followUp');
    });

    it('002 §四(二) (化解、稳控、打击): the owning leader takes a roadmap the street offers; the case history cites the article', async () => {
      const c = await receive(
        XINCHENG,
        { channel: 'PHONE', matter: '反映小区违建占用消防通道，多次协调未果。' },
        x.office,
      );
      const owned = ok(
        await mutate<{ roadmap: string; history: { kind: string; data: Record<string, unknown> }[] }>(
          'assignCaseOwner',
          'AssignCaseOwnerInput',
          {
            caseId: c.id,
            leader: '街道业务分管领导 王伟',
            tier: 'IN_CHARGE',
            team: ['李娜'],
            plan: '联合执法拆除违建，恢复消防通道。',
            roadmap: 'STABILISE',
          },
          x.office,
          'roadmap history { kind data }',
        ),
      ).assignCaseOwner;
      expect(owned.roadmap).toBe('STABILISE');
      expect(owned.history.find((h) => h.kind === 'OWNER_ASSIGNED')?.data).toMatchObject({
        roadmap: 'STABILISE',
        roadmapSource: '002 §四(二)',
      });
    });
  });

  describe('新城街道 (002): ledger lists', () => {
    it('refuses an entry missing an item the plugin requires, naming the field and the source', async () => {
      const cases: [Record<string, unknown>, string, string][] = [
        [{ measures: undefined }, 'input.measures', '具体工作措施'],
        [{ content: undefined }, 'input.content', '诉求内容'],
        [{ owningLeader: undefined }, 'input.owningLeader', '包案领导'],
        [{ responsibleUnitId: undefined }, 'input.responsibleUnitId', '具体责任单位'],
        [{ dueOn: undefined }, 'input.dueOn', '问题处理时限'],
      ];
      for (const [over, name, term] of cases) {
        const res = await addEntry(full(over), x.office);
        expect({ name, code: code(res), field: field(res) }).toEqual({ name, code: 'BAD_USER_INPUT', field: name });
        expect(message(res)).toContain(term);
        expect(message(res)).toContain('002 §五(四)');
      }
      expect(field(await addEntry(full({ responsibleUnitId: xiacangUnit }), x.office))).toBe('input.responsibleUnitId');
      expect(field(await addEntry(full({ dueOn: '2026-10-01' }), x.office))).toBe('input.dueOn');
      expect(field(await addEntry(full({ communityUnitId: community }), x.office))).toBe('input.communityUnitId');
      expect(field(await addEntry(full({ level: 'COMMUNITY', communityUnitId: department }), x.office))).toBe(
        'input.communityUnitId',
      );
      expect(await ledger(x.office)).toEqual([]);
    });

    it("the office keeps the street ledger; a community secretary only its own community's", async () => {
      const problem = ok(await addEntry(full(), x.office)).addCaseLedgerEntry;
      expect(problem).toMatchObject({
        level: 'TOWN',
        list: 'PROBLEM',
        done: false,
        overdue: false,
        communityUnit: null,
        responsibleUnit: { id: department },
        petitionCase: { id: gridCase },
      });
      ok(await addEntry(full({ list: 'RESPONSIBILITY', content: '供热公司对二次管网负主体责任' }), x.office));
      ok(await addEntry(full({ list: 'TASK', content: '十一月底前完成管网检修', dueOn: '2026-11-20' }), x.office));
      const own = ok(
        await addEntry(full({ level: 'COMMUNITY', list: 'TASK', content: '社区每周入户测温并反馈' }), x.secretary),
      ).addCaseLedgerEntry;
      expect(own.communityUnit?.id).toBe(community); // the case's community by default
      expect(code(await addEntry(full(), x.secretary))).toBe('FORBIDDEN'); // the street ledger is the office's
      expect(code(await addEntry(full({ level: 'COMMUNITY', communityUnitId: otherCommunity }), x.secretary))).toBe(
        'FORBIDDEN',
      );
      expect(code(await addEntry(full(), x.member))).toBe('FORBIDDEN');
      expect(code(await addEntry(full(), x.convener))).toBe('FORBIDDEN');
      expect(code(await addEntry(full(), xiacang))).toBe('NOT_FOUND');
      ok(
        await addEntry(
          full({
            caseId: letterCase,
            level: 'COMMUNITY',
            list: 'PROBLEM',
            communityUnitId: otherCommunity,
            content: '另一社区的噪声扰民问题',
          }),
          x.office,
        ),
      );
      const history = ok(
        await t.gql<{ petitionCase: { ledgerEntries: Entry[]; history: { kind: string; rule: string }[] } }>(
          `query($id: ID!) { petitionCase(id: $id) { ledgerEntries { ${ENTRY} } history { kind rule } } }`,
          { id: gridCase },
          x.office,
        ),
      ).petitionCase;
      expect(history.ledgerEntries.map((e) => `${e.level} ${e.list}`)).toEqual([
        'TOWN PROBLEM',
        'TOWN RESPONSIBILITY',
        'TOWN TASK',
        'COMMUNITY TASK',
      ]);
      expect(history.history.filter((h) => h.kind === 'LEDGER_ENTRY_ADDED').map((h) => h.rule)).toEqual(
        Array(4).fill('002 §五(四)'),
      );
      // The department is told of the entries of the case it handles, not of a case it cannot open.
      expect(
        (await notifications(x.member)).filter((n) => n.kind === 'CASE_LEDGER_ENTRY').map((n) => n.body.slice(0, 9)),
      ).toEqual(Array(4).fill('2026-0001'));
    });

    it('lists the ledger by level, list and community; a unit sees only the entries of cases it can see', async () => {
      expect(await ledger(x.office)).toHaveLength(5);
      expect((await ledger(x.office, ', level: TOWN')).map((e) => e.list)).toEqual([
        'PROBLEM',
        'RESPONSIBILITY',
        'TASK',
      ]);
      expect(await ledger(x.office, ', list: TASK')).toHaveLength(2);
      expect((await ledger(x.office, `, communityUnitId: "${otherCommunity}"`)).map((e) => e.content)).toEqual([
        '另一社区的噪声扰民问题',
      ]);
      expect(await ledger(x.secretary)).toHaveLength(4); // not the other community's case
      expect(await ledger(x.member)).toHaveLength(4); // the grid case is assigned to its unit
      expect(code(await t.gql(`{ caseLedger(tenantCode: "${XINCHENG}") { id } }`, {}, xiacang))).toBe('NOT_FOUND');
      expect(await ledger(await t.login('county-petition-mechanisms', 'office'))).toHaveLength(5); // the district reads its subdistrict
    });

    it('caseLedgerPage: the ledger a page at a time, as caseLedger lists it (the office; a secretary its community)', async () => {
      for (const [token, atLeast] of [
        [x.office, 5],
        [x.secretary, 4],
      ] as const)
        keepsThePageShape(
          await walkPage(t, {
            page: 'caseLedgerPage',
            args: `tenantCode: "${XINCHENG}"`,
            old: `caseLedger(tenantCode: "${XINCHENG}")`,
            token,
          }),
          atLeast,
        );
    });

    it("marks entries done: the office, the entry's community or its responsible unit; overdue shows on open entries only", async () => {
      const entries = await ledger(x.office);
      const townProblem = entries.find((e) => e.level === 'TOWN' && e.list === 'PROBLEM')!;
      const communityTask = entries.find((e) => e.level === 'COMMUNITY' && e.list === 'TASK')!;
      const otherCase = entries.find((e) => e.communityUnit?.id === otherCommunity)!;
      expect(code(await markDone(townProblem.id, x.secretary))).toBe('FORBIDDEN');
      expect(code(await markDone(townProblem.id, x.convener))).toBe('FORBIDDEN');
      expect(code(await markDone(otherCase.id, x.secretary))).toBe('NOT_FOUND');
      expect(code(await markDone(townProblem.id, xiacang))).toBe('NOT_FOUND');
      expect(ok(await markDone(townProblem.id, x.member)).markLedgerEntryDone.done).toBe(true);
      expect(ok(await markDone(communityTask.id, x.secretary)).markLedgerEntryDone.done).toBe(true);
      expect(code(await markDone(communityTask.id, x.office))).toBe('CONFLICT');
      expect(await ledger(x.office, ', openOnly: true')).toHaveLength(3);
      clock.set('2026-11-23T09:00:00+08:00'); // the TASK (due 11-20) is late; the done PROBLEM is not
      const late = (await ledger(x.office)).filter((e) => e.overdue).map((e) => `${e.level} ${e.list}`);
      expect(late).toEqual(['TOWN TASK']);
    });

    it("exports the ledger as XLSX by level, without petitioners' personal data", async () => {
      const res = await download(`/documents/case-ledger/${XINCHENG}.xlsx?level=TOWN`, x.office);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const zip = readZip(res.body as Buffer);
      const strings = zip.get('xl/sharedStrings.xml')!.toString('utf8');
      expect(strings).toContain('小区供暖温度长期不达标');
      expect(strings).toContain('供热公司对二次管网负主体责任');
      expect(strings).toContain('新城街道信访问题解决工作台账（街道级）问题清单');
      expect(strings).not.toContain('社区每周入户测温并反馈'); // the community ledger is another download
      const everything = [...zip.values()].map((b) => b.toString('utf8')).join('\n');
      for (const value of Object.values(PETITIONER)) expect(everything).not.toContain(value);
      const communityLevel = readZip(
        (await download(`/documents/case-ledger/${XINCHENG}.xlsx?level=COMMUNITY`, x.secretary)).body as Buffer,
      )
        .get('xl/sharedStrings.xml')!
        .toString('utf8');
      expect(communityLevel).toContain('社区每周入户测温并反馈');
      expect(communityLevel).not.toContain('另一社区的噪声扰民问题'); // the secretary sees its community's cases only
      expect((await download(`/documents/case-ledger/${XINCHENG}.xlsx?level=VILLAGE`, x.office)).status).toBe(400);
      expect((await download(`/documents/case-ledger/${XINCHENG}.xlsx`)).status).toBe(401);
      expect((await download(`/documents/case-ledger/${XINCHENG}.xlsx`, xiacang)).status).toBe(404);
      expect((await download(`/documents/case-ledger/${TOWN}.xlsx`, town.office)).status).toBe(400); // 004 keeps no such ledger
    });
  });

  describe('示范镇 (004): first inquiry and matters outside the remit', () => {
    let visit: string;

    it('records the first receiver; a transfer needs a reason and an active handling user of the tenant', async () => {
      const c = await receive(TOWN, { channel: 'VISIT' }, town.office);
      visit = c.id;
      expect(c.firstInquiryUser?.username).toBe('office');
      const noReason = await transfer({ caseId: visit, toUserId: townConvenerId }, town.office);
      expect(field(noReason)).toBe('input.reason');
      expect(message(noReason)).toContain('004 首問責任制度');
      expect(
        field(await transfer({ caseId: visit, toUserId: xiacangUserId, reason: '分管领导接手' }, town.office)),
      ).toBe('input.toUserId');
      expect(
        field(await transfer({ caseId: visit, toUserId: townOfficeId, reason: '分管领导接手' }, town.office)),
      ).toBe('input.toUserId');
      // The county reads its towns' users, but first inquiry stays within the case's own tenant.
      const county = await t.login('county-petition-mechanisms', 'office');
      const countyCase = await receive('county-petition-mechanisms', { channel: 'LETTER' }, county);
      expect(
        field(await transfer({ caseId: countyCase.id, toUserId: xiacangOfficeId, reason: '分管领导接手' }, county)),
      ).toBe('input.toUserId');
      expect(code(await transfer({ caseId: visit, toUserId: townConvenerId, reason: '分管领导接手' }, xiacang))).toBe(
        'NOT_FOUND',
      );
      const moved = ok(
        await transfer(
          { caseId: visit, toUserId: townConvenerId, reason: '涉及劳动保障，由分管领导接手' },
          town.office,
        ),
      ).transferFirstInquiry;
      expect(moved.firstInquiryUser?.username).toBe('convener');
      expect(moved.history.at(-1)).toMatchObject({
        kind: 'FIRST_INQUIRY_TRANSFERRED',
        note: '涉及劳动保障，由分管领导接手',
        rule: '004 首問責任制度 1, 2, 3, 4, 5',
        data: { fromUserId: townOfficeId, toUserId: townConvenerId },
      });
      expect((await notifications(town.convener)).map((n) => n.kind)).toContain('FIRST_INQUIRY_TRANSFERRED');
    });

    it('the first-inquiry user follows the case up; nobody else records it as theirs', async () => {
      expect(code(await followUp(visit, town.office))).toBe('FORBIDDEN');
      expect(code(await followUp(visit, xiacang))).toBe('NOT_FOUND');
      const followed = ok(await followUp(visit, town.convener)).recordCaseFollowUp;
      expect(followed.history.at(-1)).toMatchObject({
        kind: 'FOLLOWED_UP',
        note: '已电话回访信访人，告知办理进展。',
        rule: '004 首問責任制度 1, 2, 3, 4, 5',
      });
    });

    it('outside the remit: the first-inquiry user guides the petitioner to the competent department, once', async () => {
      const guided = ok(
        await refer(
          {
            caseId: visit,
            disposition: 'GUIDED',
            to: '区人力资源和社会保障局',
            reason: '劳动争议仲裁不属本镇职责权限',
          },
          town.convener,
        ),
      ).referCaseOutOfRemit;
      expect(guided).toMatchObject({
        status: 'GUIDED',
        referral: '区人力资源和社会保障局：劳动争议仲裁不属本镇职责权限',
      });
      expect(guided.history.at(-1)).toMatchObject({
        kind: 'GUIDED',
        rule: '004 首問責任制度 1, 2, 3, 4, 5',
        data: { to: '区人力资源和社会保障局' },
      });
      expect(
        code(await refer({ caseId: visit, disposition: 'TRANSFERRED', to: '区信访局', reason: '重复' }, town.office)),
      ).toBe('CONFLICT');
      // Still followed up after guidance (跟踪服务, 反馈).
      ok(await followUp(visit, town.convener));
    });

    it('an assigned case is referred by the office only', async () => {
      const unit = ok(
        await t.gql<{ addMemberUnit: { id: string } }>(
          'mutation($i: AddMemberUnitInput!) { addMemberUnit(input: $i) { id } }',
          { i: { tenantCode: TOWN, name: '镇综治中心', kind: 'DEPARTMENT', reason: '负责矛盾纠纷调处' } },
          town.office,
        ),
      ).addMemberUnit.id;
      const second = await receive(TOWN, { channel: 'LETTER' }, town.convener);
      ok(
        await mutate(
          'assignCase',
          'AssignCaseInput',
          { caseId: second.id, responsibleUnitId: unit, responsiblePerson: '周强' },
          town.office,
        ),
      );
      expect(
        code(
          await refer(
            { caseId: second.id, disposition: 'TRANSFERRED', to: '区自然资源局', reason: '土地确权不属本镇职责' },
            town.convener,
          ),
        ),
      ).toBe('FORBIDDEN');
      const transferred = ok(
        await refer(
          { caseId: second.id, disposition: 'TRANSFERRED', to: '区自然资源局', reason: '土地确权不属本镇职责' },
          town.office,
        ),
      ).referCaseOutOfRemit;
      expect(transferred).toMatchObject({ status: 'TRANSFERRED', referral: '区自然资源局：土地确权不属本镇职责' });
    });

    it("refuses 002's rules in 004: no tiered levels, no grid, no ledgers (BAD_USER_INPUT naming the field)", async () => {
      const c = await receive(TOWN, { channel: 'LETTER' }, town.office);
      for (const level of ['COMMUNITY', 'TOWN', 'GRID']) {
        const res = await setLevel({ caseId: c.id, level }, town.office);
        expect({ level, code: code(res), field: field(res) }).toEqual({
          level,
          code: 'BAD_USER_INPUT',
          field: 'input.level',
        });
      }
      const noGrid = await escalate(c.id, town.office);
      expect([code(noGrid), field(noGrid)]).toEqual(['BAD_USER_INPUT', 'input.caseId']);
      expect(message(noGrid)).toContain('cases.grid');
      const noLedger = await addEntry(full({ caseId: c.id }), town.office);
      expect([code(noLedger), field(noLedger)]).toEqual(['BAD_USER_INPUT', 'input.caseId']);
      const noList = await t.gql(`{ caseLedger(tenantCode: "${TOWN}") { id } }`, {}, town.office);
      expect([code(noList), field(noList)]).toEqual(['BAD_USER_INPUT', 'tenantCode']);
    });
  });
});
