import { Clock } from '@engine/clock';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * 004 首問責任制度 3, walked over HTTP on the demo 示范镇: “對反映本轄區範圍內的問題，要及時送交分管領導審批，迅速組織調查、答復”.
 * The first receiver (or the office) sends a matter within the remit to the leader in charge — by default the
 * leader whose line it is in (分線報案) — and the approval is recorded with who and when.
 */
describe('first inquiry: the leader in charge approves (004 首問責任制度 3)', () => {
  let t: TestApp;
  const TOWN = 'town-petition-systems';
  const tok: Record<string, string> = {};

  const ok = <T>(res: GqlResult<T>): T => {
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const code = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
  const reason = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.reason as string | undefined;
  const field = (res: GqlResult): string | undefined =>
    (res.errors?.[0]?.extensions?.problems as { field: string }[] | undefined)?.[0]?.field;
  type Approval = {
    status: string;
    leader: string;
    rule: string;
    leaderUser: { username: string } | null;
    requestedBy: { username: string } | null;
    instruction: string | null;
    approvedAt: string | null;
    recordedBy: { username: string } | null;
  };
  type Case = {
    id: string;
    number: string;
    lineLeader: string | null;
    inChargeApproval: Approval | null;
    history: { kind: string; rule: string | null; note: string | null; by: { username: string } | null }[];
  };
  const CASE =
    'id number lineLeader inChargeApproval { status leader rule leaderUser { username } requestedBy { username } instruction approvedAt recordedBy { username } } history { kind rule note by { username } }';
  const receive = async (input: Record<string, unknown> = {}): Promise<Case> =>
    ok(
      await t.gql<{ receivePetition: Case }>(
        `mutation($i: ReceivePetitionInput!) { receivePetition(input: $i) { ${CASE} } }`,
        {
          i: {
            tenantCode: TOWN,
            channel: 'PHONE',
            matter: '反映村集体土地被违规流转，要求调查。',
            petitioners: [{ name: '钱多', phone: '13600000031' }],
            ...input,
          },
        },
        tok.office,
      ),
    ).receivePetition;
  const send = (input: Record<string, unknown>, token: string) =>
    t.gql<{ sendCaseForInChargeApproval: Case }>(
      `mutation($i: SendCaseForInChargeApprovalInput!) { sendCaseForInChargeApproval(input: $i) { ${CASE} } }`,
      { i: input },
      token,
    );
  const approve = (caseId: string, token: string, instruction = '同意，请鎮國土所三日內調查核實並答復。') =>
    t.gql<{ recordInChargeApproval: Case }>(
      `mutation($i: RecordInChargeApprovalInput!) { recordInChargeApproval(input: $i) { ${CASE} } }`,
      { i: { caseId, instruction } },
      token,
    );

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).set('2026-11-16T09:00:00+08:00');
    const logins: [string, string, string][] = [
      ['office', TOWN, 'office'],
      ['convener', TOWN, 'convener'],
      ['xincheng', 'xincheng', 'office'],
    ];
    await Promise.all(logins.map(async ([key, tenant, user]) => (tok[key] = await t.login(tenant, user))));
    // A leader in charge with an account (the office grants no more than it holds), in charge of land matters.
    const leaderId = ok(
      await t.gql<{ createUser: { id: string } }>(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        {
          i: {
            tenantCode: TOWN,
            username: 'zhaogang',
            password: 'zhaogang-password-1',
            displayName: '赵刚',
            roles: ['OFFICE_DIRECTOR'],
          },
        },
        tok.office,
      ),
    ).createUser.id;
    tok.leader = await t.login(TOWN, 'zhaogang', 'zhaogang-password-1');
    ok(
      await t.gql(
        'mutation($i: SetLeaderLinesInput!) { setLeaderLines(input: $i) { rule } }',
        {
          i: {
            tenantCode: TOWN,
            lines: [{ leader: '赵刚', post: '分管領導', userId: leaderId, categories: ['LAND'] }],
          },
        },
        tok.office,
      ),
    );
  }, 180_000); // boots the API and signs in four users (argon2): slow on a loaded machine
  afterAll(async () => {
    await t.close();
  });

  it('004 首問責任制度 3, 7: a matter within the remit goes to the leader whose line it is in; the leader approves, with who and when; the party committee checks the first-inquiry work', async () => {
    const c = await receive({ category: 'LAND' });
    expect(c.lineLeader).toBe('赵刚');
    expect(c.inChargeApproval).toBeNull();

    // Neither the first receiver nor the office: refused.
    const notMine = await send({ caseId: c.id }, tok.convener);
    expect(code(notMine)).toBe('FORBIDDEN');
    expect(reason(notMine)).toBe('FIRST_INQUIRY_SENDS_FOR_APPROVAL');

    const sent = ok(await send({ caseId: c.id }, tok.office)).sendCaseForInChargeApproval;
    expect(sent.inChargeApproval).toMatchObject({
      status: 'PENDING',
      leader: '赵刚',
      rule: '004 首問責任制度 3',
      leaderUser: { username: 'zhaogang' },
      requestedBy: { username: 'office' },
      instruction: null,
      recordedBy: null,
    });
    expect(sent.history.find((h) => h.kind === 'IN_CHARGE_APPROVAL_REQUESTED')).toMatchObject({
      rule: '004 首問責任制度 3',
      by: { username: 'office' },
    });
    const told = ok(
      await t.gql<{ myNotifications: { kind: string; title: string }[] }>(
        '{ myNotifications(limit: 100) { kind title } }',
        {},
        tok.leader,
      ),
    ).myNotifications.filter((n) => n.kind === 'CASE_FOR_APPROVAL');
    expect(told.map((n) => n.title)).toEqual([`送审：${c.number}`]);
    expect(reason(await send({ caseId: c.id }, tok.office))).toBe('ALREADY_SENT_FOR_APPROVAL');

    const refused = await approve(c.id, tok.convener);
    expect(code(refused)).toBe('FORBIDDEN');
    expect(reason(refused)).toBe('IN_CHARGE_LEADER_APPROVES');

    const approved = ok(await approve(c.id, tok.leader)).recordInChargeApproval;
    expect(approved.inChargeApproval).toMatchObject({
      status: 'DONE',
      instruction: '同意，请鎮國土所三日內調查核實並答復。',
      recordedBy: { username: 'zhaogang' },
    });
    expect(approved.inChargeApproval!.approvedAt).toBe('2026-11-16T01:00:00.000Z');
    expect(approved.history.find((h) => h.kind === 'IN_CHARGE_APPROVED')).toMatchObject({
      rule: '004 首問責任制度 3',
      by: { username: 'zhaogang' },
    });
    expect(reason(await approve(c.id, tok.leader))).toBe('ALREADY_APPROVED');

    // 首問責任制度 7 (首問責任人的工作應接受鎮黨委的檢查和監督): the party committee's secretary (the convener) reads who
    // is first-inquiry responsible and every step with who made it.
    const seen = ok(
      await t.gql<{ petitionCase: { firstInquiryUser: { username: string }; history: Case['history'] } }>(
        'query($id: ID!) { petitionCase(id: $id) { firstInquiryUser { username } history { kind rule note by { username } } } }',
        { id: c.id },
        tok.convener,
      ),
    ).petitionCase;
    expect(seen.firstInquiryUser.username).toBe('office');
    expect(seen.history.map((h) => [h.kind, h.by?.username ?? null])).toEqual(
      expect.arrayContaining([
        ['IN_CHARGE_APPROVAL_REQUESTED', 'office'],
        ['IN_CHARGE_APPROVED', 'zhaogang'],
      ]),
    );
  });

  it('004 首問責任制度 3: outside any line the leader must be named; a leader without an account approves on paper and the office records it', async () => {
    const c = await receive({ category: 'WAGES' });
    expect(c.lineLeader).toBeNull();
    const missing = await send({ caseId: c.id }, tok.office);
    expect(code(missing)).toBe('BAD_USER_INPUT');
    expect(field(missing)).toBe('input.leader');
    expect(code(await approve(c.id, tok.office))).toBe('CONFLICT'); // not sent yet

    ok(await send({ caseId: c.id, leader: '钱明' }, tok.office));
    const done = ok(await approve(c.id, tok.office, '同意，由勞動保障所牽頭調查。')).recordInChargeApproval;
    expect(done.inChargeApproval).toMatchObject({
      status: 'DONE',
      leader: '钱明',
      leaderUser: null,
      recordedBy: { username: 'office' },
    });
    expect(done.history.find((h) => h.kind === 'IN_CHARGE_APPROVED')!.note).toContain('联席办据书面审批记录');
  });

  it('004 首問責任制度 3 (本轄區範圍內): a matter guided elsewhere is not sent; a plugin without the rule (002) refuses it', async () => {
    const c = await receive();
    ok(
      await t.gql(
        'mutation($i: ReferCaseOutOfRemitInput!) { referCaseOutOfRemit(input: $i) { id } }',
        { i: { caseId: c.id, disposition: 'GUIDED', to: '县自然资源局', reason: '属县级职权' } },
        tok.office,
      ),
    );
    const out = await send({ caseId: c.id, leader: '赵刚' }, tok.office);
    expect(code(out)).toBe('CONFLICT');
    expect(reason(out)).toBe('CASE_WRONG_STATUS');

    const x = ok(
      await t.gql<{ receivePetition: { id: string } }>(
        'mutation($i: ReceivePetitionInput!) { receivePetition(input: $i) { id } }',
        {
          i: {
            tenantCode: 'xincheng',
            channel: 'PHONE',
            matter: '反映噪音扰民。',
            petitioners: [{ name: '吴静', phone: '13600000032' }],
          },
        },
        tok.xincheng,
      ),
    ).receivePetition;
    const none = await send({ caseId: x.id, leader: '某某' }, tok.xincheng);
    expect(code(none)).toBe('BAD_USER_INPUT');
    expect(none.errors![0].message).toContain('cases.firstInquiry.inChargeApproval');
  });
});
