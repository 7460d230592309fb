import { Clock } from '@engine/clock';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * Assessment owned by the jurisdiction (issue 13 item 6): no platform formula passes or fails a unit.
 * 003 §七 “将通报、挂牌、约谈、问责等情况作为年度目标绩效考核的重要内容，考核结果向县目标绩效部门通报”;
 * 002 §四(四) “各社区信访工作运行情况将纳入平安社区、年度绩效考评等范畴”;
 * 004 責任追究制度 二 “對年度信訪工作目標考核不合格和出現重大集體越級上訪事件,并造成嚴重后果的單位…談話…組織處理”.
 */
describe('assessment owned by the jurisdiction (003 §七, 002 §四(四), 004 責任追究二)', () => {
  let t: TestApp;
  let clock: Clock;
  const COUNTY = 'county-petition-mechanisms';
  const TOWN = 'town-petition-systems';
  const tok: Record<string, string> = {};

  const ok = <T>(res: GqlResult<T>): T => {
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const code = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
  const at = (iso: string): void => clock.set(`${iso}T09:00:00+08:00`);
  type Row = {
    id: string;
    unitName: string;
    unitKind: string;
    score: number | null;
    passed: boolean | null;
    outcome: string;
    feedsInto: string[];
    vetoed: boolean;
    reportedAt: string | null;
    rule: string;
  };
  const ROW = 'id unitName unitKind score passed outcome feedsInto vetoed reportedAt rule';
  const run = (tenantCode: string, token: string) =>
    t.gql<{ runAssessment: Row[] }>(
      `mutation($i: RunAssessmentInput!) { runAssessment(input: $i) { ${ROW} } }`,
      { i: { tenantCode, period: 'ANNUAL', periodStart: '2026-01-01' } },
      token,
    );
  const record = (assessmentId: string, passed: boolean, token: string) =>
    t.gql<{ recordAssessmentOutcome: Row }>(
      `mutation($i: RecordAssessmentOutcomeInput!) { recordAssessmentOutcome(input: $i) { ${ROW} } }`,
      { i: { assessmentId, passed, basis: '2026年度信访工作目标考核结果' } },
      token,
    );
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
    at('2026-12-20');
    const logins: [string, string, string][] = [
      ['county', COUNTY, 'office'],
      ['countyConvener', COUNTY, 'convener'],
      ['xincheng', 'xincheng', 'office'],
      ['xinchengChief', 'xincheng', 'chief'],
      ['town', TOWN, 'office'],
      ['townConvener', TOWN, 'convener'],
    ];
    await Promise.all(logins.map(async ([key, tenant, user]) => (tok[key] = await t.login(tenant, user))));
  }, 180_000); // boots the API and signs in six users (argon2): slow on a loaded machine
  afterAll(async () => {
    await t.close();
  });

  it('003 七: the annual assessment reports the facts without pass or fail (no scoring stated); the office records the result and reports it to 县目标绩效 once', async () => {
    const rows = ok(await run(COUNTY, tok.county)).runAssessment;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toMatchObject({ score: null, passed: null, outcome: 'NOT_JUDGED', vetoed: false });
    expect(code(await record(rows[0].id, true, tok.countyConvener))).toBe('FORBIDDEN'); // 003: the 联席办 assesses
    expect(ok(await record(rows[0].id, true, tok.county)).recordAssessmentOutcome).toMatchObject({
      outcome: 'PASSED',
      passed: true,
    });

    const report = () =>
      t.gql<{ reportAssessmentResults: Row[] }>(
        `mutation($i: RunAssessmentInput!) { reportAssessmentResults(input: $i) { ${ROW} } }`,
        { i: { tenantCode: COUNTY, period: 'ANNUAL', periodStart: '2026-01-01' } },
        tok.county,
      );
    const reported = ok(await report()).reportAssessmentResults;
    expect(reported.every((r) => r.reportedAt !== null)).toBe(true);
    ok(await report());
    const sent = (await outbox(COUNTY, tok.county)).filter((m) => m.subject.startsWith('考核结果通报'));
    expect(sent.map((m) => [m.channel, m.recipient])).toEqual([['EMAIL', 'department:县目标绩效']]);
    expect(sent[0].body).toContain('003 §七');
    expect(sent[0].body).toContain(`${rows[0].unitName}：合格`);
    expect(sent[0].body).toContain('未评定（来源未规定评分办法）');
  });

  it("002 四(四): the communities' petition work is assessed as an input to 平安社区 and 年度绩效考评, not a pass/fail of every unit", async () => {
    const rows = ok(await run('xincheng', tok.xincheng)).runAssessment;
    expect(rows).toHaveLength(11); // 11个社区居委会; the departments are not assessed here
    for (const r of rows)
      expect(r).toMatchObject({
        unitKind: 'COMMUNITY',
        outcome: 'NOT_JUDGED',
        passed: null,
        feedsInto: ['平安社区', '年度绩效考评'],
      });
    expect(rows[0].rule).toContain('an input to 平安社区、年度绩效考评');
    // 002 names nobody who passes or fails a community.
    expect(code(await record(rows[0].id, false, tok.xinchengChief))).toBe('CONFLICT');
    expect(code(await record(rows[0].id, false, tok.xincheng))).toBe('CONFLICT');
  });

  it('004 責任追究二: a major group skip-level petition with serious results alone — the assessment passed — is enough for 談話 and 組織處理', async () => {
    const unitId = ok(
      await t.gql<{ addMemberUnit: { id: string } }>(
        'mutation($i: AddMemberUnitInput!) { addMemberUnit(input: $i) { id } }',
        { i: { tenantCode: TOWN, name: '镇综治办', kind: 'DEPARTMENT', reason: '负责矛盾纠纷排查' } },
        tok.town,
      ),
    ).addMemberUnit.id;
    const rows = ok(await run(TOWN, tok.town)).runAssessment;
    const row = rows.find((r) => r.unitName === '镇综治办')!;
    expect(row.outcome).toBe('NOT_JUDGED');
    expect(ok(await record(row.id, true, tok.townConvener)).recordAssessmentOutcome).toMatchObject({
      outcome: 'PASSED',
      vetoed: false,
    });
    await t.queue.whenIdle();
    type Action = { id: string; kind: string; status: string; ruleId: string; ruleSource: string; unitName: string };
    const accountability = async (): Promise<Action[]> =>
      ok(
        await t.gql<{ supervisionActions: Action[] }>(
          `{ supervisionActions(tenantCode: "${TOWN}", kind: ACCOUNTABILITY) { id kind status ruleId ruleSource unitName } }`,
          {},
          tok.town,
        ),
      ).supervisionActions;
    expect(await accountability()).toEqual([]); // passed: nothing follows from the assessment

    ok(
      await t.gql(
        'mutation($i: FlagConcernInput!) { flagSupervisionConcern(input: $i) { id } }',
        {
          i: {
            tenantCode: TOWN,
            unitId,
            reasonCode: 'MAJOR_GROUP_SKIP_LEVEL_VISIT',
            note: '12月18日30余人集体越级到市上访，造成严重后果',
          },
        },
        tok.town,
      ),
    );
    await t.queue.whenIdle();
    // Accountability is proposed (rule, article, evidence); the office confirms it before anything follows.
    type Proposal = { id: string; step: string; status: string; ruleId: string; ruleSource: string; unitName: string };
    const proposals = ok(
      await t.gql<{ supervisionProposals: Proposal[] }>(
        `{ supervisionProposals(tenantCode: "${TOWN}", status: "PROPOSED") { id step status ruleId ruleSource unitName } }`,
        {},
        tok.town,
      ),
    ).supervisionProposals;
    const proposal = proposals.find((p) => p.step === 'ACCOUNTABILITY');
    expect(proposal).toMatchObject({
      ruleId: 'talk-and-organisational-handling',
      ruleSource: '004 責任追究制度 二',
      unitName: '镇综治办',
    });
    expect(await accountability()).toEqual([]); // nothing until a person confirms
    ok(
      await t.gql(
        'mutation($i: ConfirmSupervisionProposalInput!) { confirmSupervisionProposal(input: $i) { id status } }',
        { i: { proposalId: proposal!.id } },
        tok.town,
      ),
    );
    const [taken] = await accountability();
    expect(taken).toMatchObject({
      ruleId: 'talk-and-organisational-handling',
      ruleSource: '004 責任追究制度 二',
      unitName: '镇综治办',
    });
    expect(taken.status).toBe('OPEN');
    const decided = ok(
      await t.gql<{ decideAccountability: { status: string; detail: { decision: Record<string, unknown> } } }>(
        'mutation($i: DecideAccountabilityInput!) { decideAccountability(input: $i) { status detail } }',
        {
          i: {
            actionId: taken.id,
            recommendations: [],
            failureCode: 'MAJOR_GROUP_SKIP_LEVEL_VISIT',
            sanctions: ['談話', '組織處理'],
            decision: '由鎮信訪工作領導小組對相關負責人進行談話。',
          },
        },
        tok.townConvener,
      ),
    ).decideAccountability;
    expect(decided.status).toBe('DECIDED');
    expect(decided.detail.decision).toMatchObject({
      failure: { code: 'MAJOR_GROUP_SKIP_LEVEL_VISIT', source: '004 責任追究制度 二' },
      sanctions: ['談話', '組織處理'],
    });
  });
});
