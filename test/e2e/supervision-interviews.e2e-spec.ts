import { Clock } from '@engine/clock';
import { LadderService } from '@modules/supervision';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * Interviews as 003 §六 words them, and honest deadlines (D5) and metrics (D6):
 * “进行集中约谈或个别约谈 … 约谈情况报告县委、县政府主要领导，并向县目标绩效、组织人事、纪检监察部门通报。
 * 被约谈对象须在15个工作日内书面报告约谈指出问题整改落实情况。” Every step is read back over GraphQL.
 */
describe('interviews (003 §六) and honest rules', () => {
  let t: TestApp;
  let clock: Clock;
  let ladder: LadderService;
  const COUNTY = 'county-petition-mechanisms';
  const tok: Record<string, string> = {};
  let countyId: string;
  const unit: Record<string, string> = {};

  const ok = <T>(res: GqlResult<T>): T => {
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const field = (res: GqlResult): string | undefined =>
    res.errors?.[0]?.extensions?.field ?? res.errors?.[0]?.extensions?.problems?.[0]?.field;
  const at = (iso: string): void => clock.set(`${iso}T09:00:00+08:00`);
  const ACTION =
    'id number kind status ruleId ruleSource unitName dueOn detail interviewForm interviewGroupActionIds rectificationDeadline { amount unit source platformDefault words }';
  type Action = {
    id: string;
    number: string;
    kind: string;
    status: string;
    ruleId: string | null;
    ruleSource: string;
    unitName: string;
    dueOn: string | null;
    detail: Record<string, unknown>;
    interviewForm: string | null;
    interviewGroupActionIds: string[];
    rectificationDeadline: {
      amount: number;
      unit: string;
      source: string | null;
      platformDefault: boolean;
      words: string;
    } | null;
  };
  const mutate = (op: string, type: string, input: Record<string, unknown>, token: string) =>
    t.gql<Record<string, Action>>(`mutation($i: ${type}!) { ${op}(input: $i) { ${ACTION} } }`, { i: input }, token);
  const action = async (id: string, token = tok.office): Promise<Action> =>
    ok(
      await t.gql<{ supervisionAction: Action }>(
        `query($id: ID!) { supervisionAction(id: $id) { ${ACTION} } }`,
        { id },
        token,
      ),
    ).supervisionAction;
  type Message = { channel: string; recipient: string; subject: string; body: string };
  const outbox = async (tenantCode: string, token: string): Promise<Message[]> =>
    ok(
      await t.gql<{ outboxMessages: Message[] }>(
        `{ outboxMessages(tenantCode: "${tenantCode}", limit: 500) { channel recipient subject body } }`,
        {},
        token,
      ),
    ).outboxMessages;

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    ladder = t.app.get(LadderService);
    at('2026-09-21');
    const logins: [string, string, string][] = [
      ...['office', 'convener', 'chief'].map((u): [string, string, string] => [u, COUNTY, u]),
      ['xiacang', 'xiacang', 'office'],
      ['xincheng', 'xincheng', 'office'],
      ['shizi', 'shizi', 'office'],
      ['shiziConvener', 'shizi', 'convener'],
      ['shiziSecretary', 'shizi', 'secretary'],
    ];
    await Promise.all(logins.map(async ([key, tenant, user]) => (tok[key] = await t.login(tenant, user))));
    const county = ok(
      await t.gql<{
        tenant: { id: string; memberUnits: { id: string; name: string; kind: string }[] };
        tenants: { code: string; name: string }[];
      }>(
        `{ tenant(code: "${COUNTY}") { id memberUnits { id name kind } } tenants(parentCode: "${COUNTY}") { code name } }`,
        {},
        tok.office,
      ),
    );
    countyId = county.tenant.id;
    for (const child of county.tenants)
      unit[child.code] = county.tenant.memberUnits.find((u) => u.name === child.name && u.kind === 'TOWNSHIP')!.id;
    unit.community = ok(
      await t.gql<{ addMemberUnit: { id: string } }>(
        'mutation($i: AddMemberUnitInput!) { addMemberUnit(input: $i) { id } }',
        { i: { tenantCode: COUNTY, name: '城关社区', kind: 'COMMUNITY', reason: '纳入县信访工作联席会议成员单位' } },
        tok.office,
      ),
    ).addMemberUnit.id;
  }, 180_000); // boots the API and signs in eight users (argon2): slow on a loaded machine
  afterAll(async () => {
    await t.close();
  });

  const plan = {
    severity: 'GENERAL',
    team: ['县联席办主任 张三'],
    targets: ['主要领导', '分管领导'],
    matters: '进京走访问题排查化解不到位',
  };

  it("003 六 group interview (集中约谈) of two townships' leaders → one interview per unit, held together; reported to the county's principal leaders and notified to 目标绩效, 组织人事, 纪检监察 once", async () => {
    const open = (input: Record<string, unknown>) =>
      mutate(
        'openInterview',
        'OpenInterviewInput',
        { tenantCode: COUNTY, unitId: unit.xiacang, reasonCode: 'BEIJING_OR_SKIP_LEVEL_VISIT', ...plan, ...input },
        tok.office,
      );
    expect(field(await open({ form: 'INDIVIDUAL', otherUnitIds: [unit.xincheng] }))).toBe('input.otherUnitIds');
    expect(field(await open({ form: 'GROUP' }))).toBe('input.otherUnitIds');
    expect(field(await open({ form: 'GROUP', otherUnitIds: [unit.community] }))).toBe('input.otherUnitIds.0'); // 003 §六 interviews 乡镇或部门
    const opened = ok(await open({ form: 'GROUP', otherUnitIds: [unit.xincheng] })).openInterview;
    expect(opened).toMatchObject({
      status: 'PLANNED',
      interviewForm: 'GROUP',
      unitName: '下仓镇',
      ruleSource: '003 §六',
    });
    expect(opened.interviewGroupActionIds).toHaveLength(2);
    const otherId = opened.interviewGroupActionIds.find((id) => id !== opened.id)!;
    expect(await action(otherId)).toMatchObject({ unitName: '新城街道', status: 'PLANNED', interviewForm: 'GROUP' });

    // Prepared and held once, for both units.
    ok(
      await mutate(
        'prepareInterview',
        'PrepareInterviewInput',
        { actionId: otherId, ...plan, team: ['县联席办主任 张三', '县信访局 李四'] },
        tok.office,
      ),
    );
    expect((await action(opened.id)).detail.team).toEqual(['县联席办主任 张三', '县信访局 李四']);
    at('2026-09-28');
    const held = ok(
      await mutate(
        'holdInterview',
        'HoldInterviewInput',
        {
          actionId: opened.id,
          heldOn: '2026-09-28',
          record: '集中约谈，指出问题，提出整改要求。',
          interviewerSigned: true,
          intervieweeSigned: true,
        },
        tok.convener,
      ),
    ).holdInterview;
    expect(held).toMatchObject({ status: 'AWAITING_RECTIFICATION', dueOn: '2026-10-23' });
    expect(await action(otherId)).toMatchObject({ status: 'AWAITING_RECTIFICATION', dueOn: '2026-10-23' });
    expect(held.detail.afterInterview).toEqual({
      reportedTo: ['县委主要领导', '县政府主要领导'],
      notified: ['县目标绩效', '组织人事', '纪检监察'],
      source: '003 §六',
    });

    const sent = (await outbox(COUNTY, tok.office)).filter((m) => m.subject.startsWith('约谈情况'));
    expect(sent.map((m) => [m.channel, m.recipient]).sort()).toEqual(
      [
        ['EMAIL', 'department:县目标绩效'],
        ['EMAIL', 'department:组织人事'],
        ['EMAIL', 'department:纪检监察'],
        ['EMAIL', 'leader:县委主要领导'],
        ['EMAIL', 'leader:县政府主要领导'],
      ].sort(),
    );
    for (const m of sent) {
      expect(m.body).toContain('集中约谈');
      expect(m.body).toContain('下仓镇');
      expect(m.body).toContain('新城街道');
      expect(m.body).toContain('15个工作日内（003 §六）');
    }

    // Each unit files its own report.
    ok(
      await mutate(
        'fileRectificationReport',
        'RectificationReportInput',
        { actionId: otherId, report: '已逐项整改：一是……二是……' },
        tok.xincheng,
      ),
    );
    expect((await action(otherId)).status).toBe('RECTIFIED');
    expect((await action(opened.id)).status).toBe('AWAITING_RECTIFICATION');
  });

  it('003 六 individual interview → rectification report due in 15 working days (003 §六, across National Day), late → proposed accountability for the conveners to decide', async () => {
    at('2026-09-28');
    const opened = ok(
      await mutate(
        'openInterview',
        'OpenInterviewInput',
        { tenantCode: COUNTY, unitId: unit.shizi, reasonCode: 'NON_RECEPTION_SITE_VISIT', ...plan },
        tok.office,
      ),
    ).openInterview;
    expect(opened.interviewForm).toBe('INDIVIDUAL');
    expect(opened.interviewGroupActionIds).toEqual([]);
    const held = ok(
      await mutate(
        'holdInterview',
        'HoldInterviewInput',
        {
          actionId: opened.id,
          heldOn: '2026-09-28',
          record: '个别约谈，指出问题。',
          interviewerSigned: true,
          intervieweeSigned: true,
        },
        tok.convener,
      ),
    ).holdInterview;
    expect(held.dueOn).toBe('2026-10-23');
    expect(held.rectificationDeadline).toEqual({
      amount: 15,
      unit: 'WORKING_DAYS',
      source: '003 §六',
      platformDefault: false,
      words: '15个工作日内（003 §六）',
    });
    const toTown = (await outbox(COUNTY, tok.office)).filter((m) => m.subject === `约谈整改：${held.number}`);
    expect(toTown.length).toBeGreaterThan(0);
    expect(toTown[0].body).toContain('请于2026-10-23前（15个工作日内（003 §六））书面报告整改落实情况');

    at('2026-10-23');
    expect((await ladder.sweepTenant(countyId)).filter((a) => a.causedById === opened.id)).toEqual([]); // due today: not late
    at('2026-10-26');
    const taken = (await ladder.sweepTenant(countyId)).filter((a) => a.causedById === opened.id);
    expect(taken.map((a) => [a.step, a.ruleId, a.status])).toEqual([
      ['ACCOUNTABILITY', 'rectification-overdue', 'PROPOSED'],
    ]);
    // A proposal: nothing is opened until the office confirms, nothing decided until the conveners decide.
    const { actionId } = ok(
      await t.gql<{ confirmSupervisionProposal: { actionId: string } }>(
        'mutation($i: ConfirmSupervisionProposalInput!) { confirmSupervisionProposal(input: $i) { actionId } }',
        { i: { proposalId: taken[0].id } },
        tok.office,
      ),
    ).confirmSupervisionProposal;
    const accountability = await action(actionId);
    expect(accountability.status).toBe('OPEN');
    expect(accountability.detail.decision).toBeUndefined();
    expect((await action(opened.id)).status).toBe('OVERDUE');
  });

  it('001 art. 15 interview: the 15-working-day report is cited as the county rule 003 §六, never as art. 15 (D5)', async () => {
    at('2026-03-02');
    const village = ok(
      await t.gql<{ me: { memberUnit: { id: string } } }>('{ me { memberUnit { id } } }', {}, tok.shiziSecretary),
    ).me.memberUnit.id;
    const open = (input: Record<string, unknown>) =>
      mutate(
        'openInterview',
        'OpenInterviewInput',
        {
          tenantCode: 'shizi',
          unitId: village,
          severity: 'GENERAL',
          reasonCode: 'PROMINENT_PETITION_PROBLEMS',
          team: ['王镇长'],
          targets: ['负责同志'],
          matters: '信访问题突出',
          ...input,
        },
        tok.shiziConvener,
      );
    expect(field(await open({ form: 'GROUP', otherUnitIds: [village] }))).toBe('input.form'); // 001 provides individual interviews only
    const opened = ok(await open({})).openInterview;
    at('2026-03-03');
    const held = ok(
      await mutate(
        'holdInterview',
        'HoldInterviewInput',
        {
          actionId: opened.id,
          heldOn: '2026-03-03',
          record: '查摆问题，研究对策。',
          interviewerSigned: false,
          intervieweeSigned: false,
        },
        tok.shiziConvener,
      ),
    ).holdInterview;
    expect(held.rectificationDeadline).toMatchObject({
      source: '003 §六 (county-petition-mechanisms)',
      platformDefault: false,
    });
    expect(held.ruleSource).toBe('001 art. 15');
    const notice = (await outbox('shizi', tok.shizi)).find((m) => m.subject === `约谈整改：${held.number}`)!;
    expect(notice.body).toContain('15个工作日内（003 §六 (county-petition-mechanisms)）');
    expect(notice.body).not.toContain('001 art. 15');
    // No afterInterview in 001: nothing is reported to leaders or departments.
    expect((await outbox('shizi', tok.shizi)).filter((m) => m.subject.startsWith('约谈情况'))).toEqual([]);
  });

  it("D6: a Beijing petition the county registers and assigns to 下仓镇 counts in 下仓镇's metrics", async () => {
    at('2026-11-03');
    const metrics = async (): Promise<Record<string, number>> =>
      ok(
        await t.gql<{ supervisionMetrics: { unitId: string; metrics: Record<string, number> }[] }>(
          `{ supervisionMetrics(tenantCode: "${COUNTY}", periodStart: "2026-11-01", periodEnd: "2026-11-30") { unitId metrics } }`,
          {},
          tok.office,
        ),
      ).supervisionMetrics.find((m) => m.unitId === unit.xiacang)!.metrics;
    const before = await metrics();
    const c = ok(
      await t.gql<{ receivePetition: { id: string } }>(
        'mutation($i: ReceivePetitionInput!) { receivePetition(input: $i) { id } }',
        {
          i: {
            tenantCode: COUNTY,
            channel: 'LETTER',
            source: 'BEIJING_PETITION',
            matter: '反映征地补偿问题，已进京上访。',
            petitioners: [{ name: '钱七', phone: '13800009999' }],
          },
        },
        tok.office,
      ),
    ).receivePetition;
    ok(
      await t.gql(
        'mutation($i: AssignCaseInput!) { assignCase(input: $i) { id } }',
        {
          i: { caseId: c.id, responsibleUnitId: unit.xiacang, responsiblePerson: '下仓镇 王镇长', dueOn: '2026-12-31' },
        },
        tok.office,
      ),
    );
    const after = await metrics();
    expect(after.BEIJING_PETITIONS).toBe(before.BEIJING_PETITIONS + 1);
    expect(after.CASES_RECEIVED).toBe(before.CASES_RECEIVED + 1);
  });
});
