import { Clock } from '@engine/clock';
import { LadderService, OutboxService } from '@modules/supervision';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * Issue 6's scenario in the demo county (003): 下仓镇 ranks in the bottom 3 of two consecutive monthly
 * notices → a reminder (a numbered letter); two more → a second reminder → listed supervision, walked
 * through its five steps with the acceptance check before delisting; a flagged Beijing visit → an
 * interview, its rectification report due 15 working days later across National Day, missed →
 * accountability, decided by the conveners; all counted in the annual assessment. Every step is read
 * back over GraphQL with its rule and evidence; notifications go through the outbox, once.
 */
describe('the supervision ladder in the demo county', () => {
  let t: TestApp;
  let clock: Clock;
  let ladder: LadderService;
  const COUNTY = 'county-petition-mechanisms';
  const tok: Record<string, string> = {};
  let countyId: string;
  const unit: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const caseId: Record<string, string> = {};

  const ok = <T>(res: GqlResult<T>): T => {
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const code = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
  const field = (res: GqlResult): string | undefined =>
    res.errors?.[0]?.extensions?.field ?? res.errors?.[0]?.extensions?.problems?.[0]?.field;
  const at = (iso: string): void => clock.set(`${iso}T09:00:00+08:00`);

  const ACTION = `id number kind status caseId ruleId ruleSource facts severity channel currentStep dueOn dueProvisional causedById unitName unitKind targetTenantCode letterUrl detail
    steps { code name passed note } evidenceChain { id kind ruleId number }`;
  type Action = {
    id: string;
    number: string;
    kind: string;
    status: string;
    ruleId: string | null;
    ruleSource: string;
    facts: {
      summary?: string;
      evidence?: { kind: string; id: string; number?: string; rank?: number; rankedOf?: number }[];
    };
    severity: string | null;
    channel: string | null;
    currentStep: string | null;
    dueOn: string | null;
    causedById: string | null;
    unitName: string;
    targetTenantCode: string | null;
    letterUrl: string | null;
    detail: Record<string, unknown>;
    steps: { code: string; passed: boolean | null }[];
    evidenceChain: { id: string; kind: string; ruleId: string | null }[];
  };
  const actions = async (token: string, kind?: string): Promise<Action[]> =>
    ok(
      await t.gql<{ supervisionActions: Action[] }>(
        `query($k: SupervisionActionKind) { supervisionActions(tenantCode: "${COUNTY}", kind: $k) { ${ACTION} } }`,
        { k: kind },
        token,
      ),
    ).supervisionActions;
  const mutate = (op: string, type: string, input: Record<string, unknown>, token: string) =>
    t.gql<Record<string, Action>>(`mutation($i: ${type}!) { ${op}(input: $i) { ${ACTION} } }`, { i: input }, token);

  let petitioner = 0;
  /** A letter petition in a tenant; in the county, assigned to a department. */
  async function petition(
    tenantCode: string,
    over: Record<string, unknown>,
    responsibleUnitId?: string,
  ): Promise<string> {
    petitioner += 1;
    const token = tenantCode === COUNTY ? tok.office : tok[tenantCode];
    const received = ok(
      await t.gql<{ receivePetition: { id: string } }>(
        'mutation($i: ReceivePetitionInput!) { receivePetition(input: $i) { id } }',
        {
          i: {
            tenantCode,
            channel: 'LETTER',
            matter: '反映征地补偿问题，要求尽快解决。',
            petitioners: [{ name: `信访人${petitioner}`, phone: `1380000${String(petitioner).padStart(4, '0')}` }],
            ...over,
          },
        },
        token,
      ),
    ).receivePetition;
    if (responsibleUnitId) {
      ok(
        await t.gql(
          'mutation($i: AssignCaseInput!) { assignCase(input: $i) { id } }',
          { i: { caseId: received.id, responsibleUnitId, responsiblePerson: '王科长', dueOn: '2026-12-31' } },
          token,
        ),
      );
    }
    return received.id;
  }

  const PROPOSAL =
    'id ruleId ruleSource step options status unitName caseId causedById automatic severity facts decision actionId';
  type Proposal = {
    id: string;
    ruleId: string;
    ruleSource: string;
    step: string;
    options: string[];
    status: string;
    unitName: string;
    caseId: string | null;
    causedById: string | null;
    automatic: boolean;
    facts: {
      summary?: string;
      evidence?: { kind: string; id: string; rank?: number; rankedOf?: number; caseId?: string }[];
    };
    decision: Record<string, unknown> | null;
    actionId: string | null;
  };
  const proposals = async (status?: string, token = tok.office): Promise<Proposal[]> =>
    ok(
      await t.gql<{ supervisionProposals: Proposal[] }>(
        `query($s: String) { supervisionProposals(tenantCode: "${COUNTY}", status: $s) { ${PROPOSAL} } }`,
        { s: status },
        token,
      ),
    ).supervisionProposals;
  const decide = (
    op: 'confirmSupervisionProposal' | 'dismissSupervisionProposal',
    input: Record<string, unknown>,
    token = tok.office,
  ) =>
    t.gql<Record<string, Proposal>>(
      `mutation($i: ${op === 'confirmSupervisionProposal' ? 'ConfirmSupervisionProposalInput' : 'DismissSupervisionProposalInput'}!) { ${op}(input: $i) { ${PROPOSAL} } }`,
      { i: input },
      token,
    );
  type Status = {
    tenantCode: string;
    listedCases: number;
    interviewsAwaitingRectification: number;
    proposedSteps: number;
    confirmedSteps: number;
    dismissedSteps: number;
    stepsByKind: { step: string; proposed: number; confirmed: number; dismissed: number }[];
  };
  /** The superiors' view (issue 13 item 9) of one town, as the county's superior reads it over HTTP. */
  const statusOf = async (town: string): Promise<Status> =>
    ok(
      await t.gql<{ supervisionStatus: { items: Status[] } }>(
        `{ supervisionStatus(tenantCode: "${COUNTY}", limit: 200) { items { tenantCode listedCases interviewsAwaitingRectification proposedSteps confirmedSteps dismissedSteps stepsByKind { step proposed confirmed dismissed } } } }`,
        {},
        tok.superior,
      ),
    ).supervisionStatus.items.find((s) => s.tenantCode === town)!;
  type EvidenceItem = {
    kind: string;
    reference: string | null;
    status: string;
    unitName: string | null;
    label: string | null;
    rule: string | null;
    scope?: string[] | null;
    keyCase?: boolean | null;
    caseNumber?: string | null;
  };
  const evidenceOf = async (town: string, metric: string): Promise<{ count: number; items: EvidenceItem[] }> =>
    ok(
      await t.gql<{ supervisionEvidence: { count: number; items: EvidenceItem[] } }>(
        `query($m: SupervisionMetric!) { supervisionEvidence(tenantCode: "${town}", metric: $m) { count items { kind reference status unitName label rule scope keyCase caseNumber } } }`,
        { m: metric },
        tok.superior,
      ),
    ).supervisionEvidence;
  /** The sweep drafts the regular notices that are due; the office publishes the monthly one. */
  async function publishDraftedMonth(periodStart: string): Promise<string> {
    const drafts = ok(
      await t.gql<{ supervisionNotices: { id: string; status: string; period: string; periodStart: string }[] }>(
        `{ supervisionNotices(tenantCode: "${COUNTY}") { id status period periodStart } }`,
        {},
        tok.office,
      ),
    ).supervisionNotices;
    const draft = drafts.find((n) => n.status === 'DRAFT' && n.period === 'MONTHLY' && n.periodStart === periodStart)!;
    expect(draft).toBeDefined();
    return ok(
      await t.gql<{ publishSupervisionNotice: { id: string } }>(
        'mutation($i: PublishSupervisionNoticeInput!) { publishSupervisionNotice(input: $i) { id } }',
        { i: { noticeId: draft.id } },
        tok.office,
      ),
    ).publishSupervisionNotice.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    ladder = t.app.get(LadderService);
    at('2026-05-04');
    const logins: [string, string, string][] = [
      ...['office', 'convener', 'chief', 'superior'].map((u): [string, string, string] => [u, COUNTY, u]),
      ...['xiacang', 'shizi', 'xincheng', 'town-petition-systems'].map((town): [string, string, string] => [
        town,
        town,
        'office',
      ]),
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
    expect(Object.keys(unit).sort()).toEqual(['shizi', 'town-petition-systems', 'xiacang', 'xincheng']);
    for (const [key, name] of [
      ['deptA', '县公安局'],
      ['deptB', '县人社局'],
      ['deptC', '县住建局'],
    ]) {
      unit[key] = ok(
        await t.gql<{ addMemberUnit: { id: string } }>(
          'mutation($i: AddMemberUnitInput!) { addMemberUnit(input: $i) { id } }',
          { i: { tenantCode: COUNTY, name, kind: 'DEPARTMENT', reason: '纳入县信访工作联席会议成员单位' } },
          tok.office,
        ),
      ).addMemberUnit.id;
    }
  }, 180_000); // boots the API and signs in eight users (argon2): slow on a loaded machine
  afterAll(async () => {
    await t.close();
  });

  /**
   * A month of ledger data: 下仓镇 a Beijing petition (weight −3), two other units a skip-level petition
   * each (−2), the rest nothing (0). Bottom 3 of 7: the pair and 下仓镇; the pair changes every month.
   */
  async function month(first: string, pair: [string, string]): Promise<void> {
    at(first.replace(/-01$/, '-05'));
    await petition('xiacang', { source: 'BEIJING_PETITION' });
    for (const p of pair) {
      if (p.startsWith('dept')) await petition(COUNTY, { skipLevel: true }, unit[p]);
      else await petition(p, { skipLevel: true });
    }
  }

  it('003 三: two published monthly notices with 下仓镇 in the bottom 3 → a proposed reminder-or-interview; the office confirms a reminder letter, with the notices and ranks as evidence', async () => {
    await month('2026-05-01', ['shizi', 'xincheng']);
    await month('2026-06-01', ['town-petition-systems', 'deptA']);
    // 1 June: the sweep drafts the notices that are due (May; the half-year and year before) — sent to nobody.
    at('2026-06-01');
    await ladder.sweepTenant(countyId);
    await t.queue.whenIdle();
    const drafted = ok(
      await t.gql<{
        supervisionNotices: { status: string; period: string; periodStart: string; publishedAt: string | null }[];
      }>(`{ supervisionNotices(tenantCode: "${COUNTY}") { status period periodStart publishedAt } }`, {}, tok.office),
    ).supervisionNotices;
    expect(drafted.map((n) => [n.status, n.period, n.periodStart]).sort()).toEqual([
      ['DRAFT', 'ANNUAL', '2025-01-01'],
      ['DRAFT', 'HALF_YEARLY', '2025-07-01'],
      ['DRAFT', 'MONTHLY', '2026-05-01'],
    ]);
    expect(
      ok(
        await t.gql<{ supervisionNotices: unknown[] }>(
          `{ supervisionNotices(tenantCode: "${COUNTY}") { id } }`,
          {},
          tok.superior,
        ),
      ).supervisionNotices,
    ).toEqual([]); // drafts are the office's
    expect(
      ok(
        await t.gql<{ receivedSupervisionNotices: unknown[] }>(
          '{ receivedSupervisionNotices { id } }',
          {},
          tok.xiacang,
        ),
      ).receivedSupervisionNotices,
    ).toEqual([]);
    const mayDraftId = await publishDraftedMonth('2026-05-01');
    expect(
      code(
        await t.gql(
          'mutation($i: PublishSupervisionNoticeInput!) { publishSupervisionNotice(input: $i) { id } }',
          { i: { noticeId: mayDraftId } },
          tok.office,
        ),
      ),
    ).toBe('CONFLICT');
    await t.queue.whenIdle();
    type Entry = {
      unitName: string;
      listCode: string;
      rank: number;
      rankedOf: number;
      tiedWith: number;
      bottom: boolean;
      score: number;
      metrics: Record<string, number>;
    };
    const may = ok(
      await t.gql<{
        supervisionNotices: {
          number: string;
          period: string;
          periodStart: string;
          rule: string;
          ranking: { code: string; bottomMarked: boolean; withheld: string | null }[];
          entries: Entry[];
        }[];
      }>(
        `{ supervisionNotices(tenantCode: "${COUNTY}") { number period periodStart rule ranking { code bottomMarked withheld } entries { unitName listCode rank rankedOf tiedWith bottom score metrics } } }`,
        {},
        tok.superior,
      ),
    ).supervisionNotices;
    expect(may).toHaveLength(1);
    expect(may[0]).toMatchObject({ period: 'MONTHLY', periodStart: '2026-05-01' });
    expect(may[0].rule).toContain('003 §三');
    // 003 三: 乡镇 and 部门 ranked in separate lists; 十字镇 and 新城街道 (−2 each) share second place (并列).
    const townships = may[0].entries.filter((e) => e.listCode === 'townships');
    expect(townships.map((e) => [e.rank, e.rankedOf])).toEqual([
      [1, 4],
      [2, 4],
      [2, 4],
      [4, 4],
    ]);
    const xiacangMay = townships.find((e) => e.unitName === '下仓镇')!;
    expect(xiacangMay).toMatchObject({ rank: 4, rankedOf: 4, tiedWith: 1, bottom: true });
    expect(
      townships
        .filter((e) => e.bottom)
        .map((e) => e.unitName)
        .sort(),
    ).toEqual(['下仓镇', '十字镇', '新城街道'].sort());
    // No department had a fact on record in May: they share first place and none is in a bottom band.
    const departments = may[0].entries.filter((e) => e.listCode === 'departments');
    expect(departments.map((e) => [e.rank, e.rankedOf, e.bottom])).toEqual([
      [1, 3, false],
      [1, 3, false],
      [1, 3, false],
    ]);
    expect(may[0].ranking).toEqual([
      { code: 'townships', bottomMarked: true, withheld: null },
      { code: 'departments', bottomMarked: false, withheld: 'TOO_LITTLE_DATA' },
    ]);
    expect(xiacangMay.metrics).toMatchObject({ BEIJING_PETITIONS: 1, CASES_RECEIVED: 1, SKIP_LEVEL_PETITIONS: 0 });
    expect(xiacangMay.score).toBe(-3);
    expect(await actions(tok.office)).toEqual([]); // one notice is not two

    // 1 July: the office publishes June's notice on demand; the ladder runs after it.
    at('2026-07-01');
    expect(
      field(
        await t.gql(
          'mutation($i: PublishNoticeInput!) { publishNotice(input: $i) { id } }',
          { i: { tenantCode: COUNTY, kind: 'REGULAR', period: 'MONTHLY', periodStart: '2026-07-01' } },
          tok.office,
        ),
      ),
    ).toBe('input.periodStart');
    expect(
      code(
        await t.gql(
          'mutation($i: PublishNoticeInput!) { publishNotice(input: $i) { id } }',
          { i: { tenantCode: COUNTY, kind: 'REGULAR', period: 'MONTHLY', periodStart: '2026-05-01' } },
          tok.office,
        ),
      ),
    ).toBe('CONFLICT');
    const june = ok(
      await t.gql<{
        publishNotice: {
          id: string;
          number: string;
          entries: { unitName: string; rank: number; metrics: Record<string, number> }[];
        };
      }>(
        'mutation($i: PublishNoticeInput!) { publishNotice(input: $i) { id number entries { unitName rank metrics } } }',
        { i: { tenantCode: COUNTY, kind: 'REGULAR', period: 'MONTHLY', periodStart: '2026-06-01' } },
        tok.office,
      ),
    ).publishNotice;
    ids.june = june.id;
    // The notice's numbers are the ledger's: recomputed for June they are the same.
    const metrics = ok(
      await t.gql<{ supervisionMetrics: { unitName: string; metrics: Record<string, number> }[] }>(
        `{ supervisionMetrics(tenantCode: "${COUNTY}", periodStart: "2026-06-01", periodEnd: "2026-06-30") { unitName metrics } }`,
        {},
        tok.office,
      ),
    ).supervisionMetrics;
    for (const e of june.entries) expect(metrics.find((m) => m.unitName === e.unitName)!.metrics).toEqual(e.metrics);
    expect(june.entries.find((e) => e.unitName === '县公安局')!.metrics).toMatchObject({
      SKIP_LEVEL_PETITIONS: 1,
      CASES_RECEIVED: 1,
    });
    await t.queue.whenIdle();

    // Nothing is sent on the ladder's say-so: a proposal, with the rule, the article and the evidence.
    expect(await actions(tok.office, 'REMINDER')).toEqual([]);
    const proposed = await proposals('PROPOSED');
    expect(proposed).toHaveLength(1); // the pairs changed: only 下仓镇 was in the bottom 3 twice
    const [p1] = proposed;
    expect(p1).toMatchObject({
      ruleId: 'bottom-three-twice',
      ruleSource: '003 §三',
      step: 'REMINDER_OR_INTERVIEW',
      options: ['REMINDER', 'INTERVIEW'],
      unitName: '下仓镇',
      automatic: false,
      actionId: null,
    });
    expect(p1.facts.evidence!.map((e) => [e.kind, e.rank, e.rankedOf])).toEqual([
      ['NOTICE', 4, 4],
      ['NOTICE', 4, 4],
    ]);
    expect(await proposals('PROPOSED', tok.superior)).toHaveLength(1);
    expect(code(await t.gql(`{ supervisionProposals(tenantCode: "${COUNTY}") { id } }`, {}, tok.xiacang))).toBe(
      'NOT_FOUND',
    );
    // 提醒或约谈 is the office's choice; a reminder's severity too (一般 by SMS, 重点 by letter).
    expect(field(await decide('confirmSupervisionProposal', { proposalId: p1.id }))).toBe('input.kind');
    expect(field(await decide('confirmSupervisionProposal', { proposalId: p1.id, kind: 'REMINDER' }))).toBe(
      'input.severity',
    );
    expect(field(await decide('confirmSupervisionProposal', { proposalId: p1.id, kind: 'LISTING' }))).toBe(
      'input.kind',
    );
    expect(
      code(
        await decide(
          'confirmSupervisionProposal',
          { proposalId: p1.id, kind: 'REMINDER', severity: 'KEY' },
          tok.convener,
        ),
      ),
    ).toBe('FORBIDDEN');
    const confirmed = ok(
      await decide('confirmSupervisionProposal', {
        proposalId: p1.id,
        kind: 'REMINDER',
        severity: 'KEY',
        note: '连续两月排名末位，发提醒函',
      }),
    ).confirmSupervisionProposal;
    expect(confirmed).toMatchObject({
      status: 'CONFIRMED',
      decision: { kind: 'REMINDER', severity: 'KEY', channel: 'LETTER' },
    });
    expect(
      code(await decide('confirmSupervisionProposal', { proposalId: p1.id, kind: 'REMINDER', severity: 'KEY' })),
    ).toBe('CONFLICT');
    expect(code(await decide('dismissSupervisionProposal', { proposalId: p1.id, reason: '已确认' }))).toBe('CONFLICT');
    await t.queue.whenIdle();

    const reminders = await actions(tok.office, 'REMINDER');
    expect(reminders).toHaveLength(1);
    const [r1] = reminders;
    ids.r1 = r1.id;
    expect(confirmed.actionId).toBe(r1.id);
    expect(r1).toMatchObject({
      status: 'ISSUED',
      ruleId: 'bottom-three-twice',
      ruleSource: '003 §三',
      severity: 'KEY',
      channel: 'LETTER',
      unitName: '下仓镇',
      targetTenantCode: 'xiacang',
      letterUrl: `/documents/reminders/${r1.id}.docx`,
    });
    expect(r1.number).toMatch(/^示范信访提醒〔2026〕1号$/);
    expect(r1.facts.summary).toBe('连续2次定期通报排名后3位');
    expect(r1.facts.evidence!.map((e) => [e.kind, e.rank, e.rankedOf])).toEqual([
      ['NOTICE', 4, 4],
      ['NOTICE', 4, 4],
    ]);
    expect(r1.facts.evidence![1].id).toBe(june.id);
  });

  it('the reminder reaches 下仓镇: in-app and by letter through the outbox, once; the letter downloads; read receipts', async () => {
    await t.app.get(OutboxService).deliver(countyId);
    const outbox = ok(
      await t.gql<{
        outboxMessages: { channel: string; recipient: string; status: string; receipt: string; refId: string }[];
      }>(`{ outboxMessages(tenantCode: "${COUNTY}") { channel recipient status receipt refId } }`, {}, tok.office),
    ).outboxMessages;
    const forReminder = outbox.filter((m) => m.refId === ids.r1);
    expect(forReminder.map((m) => m.channel).sort()).toEqual(expect.arrayContaining(['EMAIL', 'IN_APP', 'LETTER']));
    // Filed with the departments 003 §三 names (报送县目标绩效、组织人事、纪检监察部门备案).
    expect(
      forReminder
        .filter((m) => m.channel === 'EMAIL')
        .map((m) => m.recipient)
        .sort(),
    ).toEqual(['department:县目标绩效', 'department:纪检监察', 'department:组织人事'].sort());
    expect(outbox.every((m) => m.status === 'SENT' && m.receipt)).toBe(true);
    expect(forReminder.find((m) => m.channel === 'LETTER')!.receipt).toMatch(/^local-letter:/);
    const before = JSON.stringify(outbox);
    expect(await t.app.get(OutboxService).deliver(countyId)).toBe(0); // nothing sent twice
    expect(
      JSON.stringify(
        ok(
          await t.gql<{ outboxMessages: unknown[] }>(
            `{ outboxMessages(tenantCode: "${COUNTY}") { channel recipient status receipt refId } }`,
            {},
            tok.office,
          ),
        ).outboxMessages,
      ),
    ).toBe(before);
    expect(code(await t.gql(`{ outboxMessages(tenantCode: "${COUNTY}") { id } }`, {}, tok.convener))).toBe('FORBIDDEN');

    const inbox = ok(
      await t.gql<{ myNotifications: { kind: string; title: string }[] }>(
        '{ myNotifications { kind title } }',
        {},
        tok.xiacang,
      ),
    ).myNotifications;
    expect(inbox.map((n) => n.title)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^提醒：示范信访提醒〔2026〕1号$/),
        expect.stringMatching(/^通报：/),
      ]),
    );
    expect(inbox.filter((n) => n.title.startsWith('提醒：'))).toHaveLength(1);

    for (const token of [tok.office, tok.xiacang]) {
      const res = await t
        .http()
        .get(`/documents/reminders/${ids.r1}.docx`)
        .set('authorization', `Bearer ${token}`)
        .buffer(true);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
    }
    expect(
      (await t.http().get(`/documents/reminders/${ids.r1}.docx`).set('authorization', `Bearer ${tok.shizi}`)).status,
    ).toBe(404);

    // 下仓镇 sees what concerns it, and gives its read receipt; the county sees the receipt.
    const received = ok(
      await t.gql<{
        receivedSupervisionNotices: {
          id: string;
          issuerName: string;
          entries: { unitName: string; rank: number; readAt: string | null }[];
        }[];
      }>('{ receivedSupervisionNotices { id issuerName entries { unitName rank readAt } } }', {}, tok.xiacang),
    ).receivedSupervisionNotices;
    expect(received).toHaveLength(2);
    expect(received[0]).toMatchObject({
      id: ids.june,
      issuerName: '示范县',
      entries: [{ unitName: '下仓镇', rank: 4, readAt: null }],
    });
    expect(
      code(
        await t.gql(
          'mutation($id: ID!) { markNoticeRead(noticeId: $id) { id } }',
          { id: ids.june },
          tok.shizi.replace(/.$/, 'x'),
        ),
      ),
    ).toBe('UNAUTHENTICATED');
    const readAt = ok(
      await t.gql<{ markNoticeRead: { readAt: string; unitName: string } }>(
        'mutation($id: ID!) { markNoticeRead(noticeId: $id) { readAt unitName } }',
        { id: ids.june },
        tok.xiacang,
      ),
    ).markNoticeRead;
    expect(readAt.unitName).toBe('下仓镇');
    const seen = ok(
      await t.gql<{ supervisionNotice: { entries: { unitName: string; readAt: string | null }[] } }>(
        'query($id: ID!) { supervisionNotice(id: $id) { entries { unitName readAt } } }',
        { id: ids.june },
        tok.office,
      ),
    ).supervisionNotice;
    expect(seen.entries.find((e) => e.unitName === '下仓镇')!.readAt).toBeTruthy();
    expect(seen.entries.find((e) => e.unitName === '十字镇')!.readAt).toBeNull();
    const mine = ok(
      await t.gql<{ receivedSupervisionActions: { id: string; kind: string }[] }>(
        '{ receivedSupervisionActions { id kind } }',
        {},
        tok.xiacang,
      ),
    ).receivedSupervisionActions;
    expect(mine).toEqual([{ id: ids.r1, kind: 'REMINDER' }]);
    expect(
      ok(await t.gql<{ receivedSupervisionActions: unknown[] }>('{ receivedSupervisionActions { id } }', {}, tok.shizi))
        .receivedSupervisionActions,
    ).toEqual([]);
  });

  it('003 三/五: a second pair of bottom places → a second reminder, which does not list 下仓镇 (no key case); the office chooses an interview for 十字镇', async () => {
    caseId.key = await petition('xiacang', { source: 'BEIJING_PETITION' }); // the key case, received in July
    await month('2026-07-01', ['deptB', 'shizi']);
    await month('2026-08-01', ['shizi', 'xincheng']);
    at('2026-08-01');
    expect(await ladder.sweepTenant(countyId)).toEqual([]); // drafts count for nothing
    await publishDraftedMonth('2026-07-01');
    await t.queue.whenIdle();
    expect(await proposals('PROPOSED')).toEqual([]); // July's notice alone starts a new pair
    at('2026-09-01');
    await ladder.sweepTenant(countyId);
    await publishDraftedMonth('2026-08-01');
    await t.queue.whenIdle();
    // 十字镇 was in the bottom 3 in July and August too (sharing second place in August).
    const proposed = await proposals('PROPOSED');
    expect(proposed.map((p) => [p.step, p.ruleId, p.unitName]).sort()).toEqual([
      ['REMINDER_OR_INTERVIEW', 'bottom-three-twice', '下仓镇'],
      ['REMINDER_OR_INTERVIEW', 'bottom-three-twice', '十字镇'],
    ]);
    const xiacang = proposed.find((p) => p.unitName === '下仓镇')!;
    const shizi = proposed.find((p) => p.unitName === '十字镇')!;
    ok(await decide('confirmSupervisionProposal', { proposalId: xiacang.id, kind: 'REMINDER', severity: 'GENERAL' })); // by SMS this time
    const interview = ok(
      await decide('confirmSupervisionProposal', { proposalId: shizi.id, kind: 'INTERVIEW', severity: 'SERIOUS' }),
    ).confirmSupervisionProposal;
    await t.queue.whenIdle();
    expect(await ladder.run(countyId)).toEqual([]); // idempotent
    const [r2] = (await actions(tok.office, 'REMINDER')).filter((r) => r.id !== ids.r1);
    expect(r2).toMatchObject({ unitName: '下仓镇', severity: 'GENERAL', channel: 'SMS' });
    expect(r2.facts.evidence!.map((e) => e.kind)).toEqual(['NOTICE', 'NOTICE']);
    // Two reminders of 下仓镇, neither about a case: 003 五 lists a key case reminded twice, not a unit.
    expect(await actions(tok.office, 'LISTING')).toEqual([]);
    expect(await proposals('PROPOSED')).toEqual([]);
    const [planned] = (await actions(tok.office, 'INTERVIEW')).filter((a) => a.id === interview.actionId);
    expect(planned).toMatchObject({
      status: 'PLANNED',
      severity: 'SERIOUS',
      unitName: '十字镇',
      ruleId: 'bottom-three-twice',
    });
  });

  type KeyCaseView = {
    keyCase: boolean;
    keyCaseBasis: string | null;
    keyCaseRule: string | null;
    keyCaseSince: string | null;
    history: { kind: string; note: string | null; rule: string | null; by: { username: string } | null }[];
  };
  const caseView = async (id: string, token: string): Promise<KeyCaseView> =>
    ok(
      await t.gql<{ petitionCase: KeyCaseView }>(
        'query($id: ID!) { petitionCase(id: $id) { keyCase keyCaseBasis keyCaseRule keyCaseSince history { kind note rule by { username } } } }',
        { id },
        token,
      ),
    ).petitionCase;
  const setKeyCase = (input: Record<string, unknown>, token: string) =>
    t.gql<{ setKeyCase: { keyCase: boolean; keyCaseBasis: string; keyCaseRule: string } }>(
      'mutation($i: SetKeyCaseInput!) { setKeyCase(input: $i) { keyCase keyCaseBasis keyCaseRule } }',
      { i: input },
      token,
    );

  it("003 二/五: a key case (重点案件) is an explicit flag on the case — by the plugin's rule at reception, or set by the office with a reason, in the history", async () => {
    // A Beijing petition in 下仓镇 needs principal-leader ownership (003 §二, inherited from the county): a key case by rule.
    const key = await caseView(caseId.key, tok.xiacang);
    expect(key).toMatchObject({
      keyCase: true,
      keyCaseBasis: 'RULE',
      keyCaseRule: '003 §二, §五 (keyCases: principal, county-petition-mechanisms)',
    });
    expect(
      key.history.filter((h) => h.kind.startsWith('KEY_CASE')).map((h) => [h.kind, h.rule, h.by?.username]),
    ).toEqual([['KEY_CASE_MARKED', key.keyCaseRule, 'office']]);
    // An ordinary petition is not; the town's office marks it, and unmarks it, with a reason (both in the history).
    const plain = await petition('xiacang', {});
    expect(await caseView(plain, tok.xiacang)).toMatchObject({ keyCase: false, keyCaseBasis: null });
    expect(field(await setKeyCase({ caseId: plain, keyCase: true, reason: ' ' }, tok.xiacang))).toBe('input.reason');
    expect(
      code(await setKeyCase({ caseId: plain, keyCase: true, reason: '涉及多户群众，列为重点案件' }, tok.office)),
    ).toBe('NOT_FOUND'); // the county does not write a town's ledger
    expect(
      ok(await setKeyCase({ caseId: plain, keyCase: true, reason: '涉及多户群众，列为重点案件' }, tok.xiacang))
        .setKeyCase,
    ).toEqual({ keyCase: true, keyCaseBasis: 'OFFICE', keyCaseRule: '涉及多户群众，列为重点案件' });
    expect(code(await setKeyCase({ caseId: plain, keyCase: true, reason: '再次标记' }, tok.xiacang))).toBe('CONFLICT');
    ok(await setKeyCase({ caseId: plain, keyCase: false, reason: '经核实为一般信访事项' }, tok.xiacang));
    const after = await caseView(plain, tok.xiacang);
    expect(after).toMatchObject({ keyCase: false, keyCaseBasis: 'OFFICE', keyCaseRule: '经核实为一般信访事项' });
    expect(
      after.history.filter((h) => h.kind.startsWith('KEY_CASE')).map((h) => [h.kind, h.note, h.by?.username]),
    ).toEqual([
      ['KEY_CASE_MARKED', '涉及多户群众，列为重点案件', 'office'],
      ['KEY_CASE_UNMARKED', '经核实为一般信访事项', 'office'],
    ]);
    // The county's superiors see the flag on the town's cases.
    expect((await caseView(caseId.key, tok.superior)).keyCase).toBe(true);
  });

  it('003 五: two reminders about the same key case → a proposed listing of that case; reminders about unrelated matters add up to nothing', async () => {
    at('2026-09-01');
    const remind = (unitId: string, reasonCode: string, caseRef?: string) =>
      mutate(
        'issueReminder',
        'IssueReminderInput',
        {
          tenantCode: COUNTY,
          unitId,
          severity: 'KEY',
          reasonCode,
          note: '进京访案件化解不到位',
          ...(caseRef ? { caseId: caseRef } : {}),
        },
        tok.office,
      );
    ok(await remind(unit.xiacang, 'RESOLUTION_DRAGGING', caseId.key));
    await t.queue.whenIdle();
    expect(await proposals('PROPOSED')).toEqual([]); // once is not twice
    // 十字镇: two general reminders on unrelated matters (no case; another case) — nothing to list.
    caseId.other = await petition('shizi', {});
    ok(
      await mutate(
        'issueReminder',
        'IssueReminderInput',
        {
          tenantCode: COUNTY,
          unitId: unit.shizi,
          severity: 'GENERAL',
          reasonCode: 'WARNING_VERIFICATION_LATE',
          note: '预警信息核查反馈不及时',
        },
        tok.office,
      ),
    );
    ok(
      await mutate(
        'issueReminder',
        'IssueReminderInput',
        {
          tenantCode: COUNTY,
          unitId: unit.shizi,
          severity: 'GENERAL',
          reasonCode: 'BUCK_PASSING',
          note: '推诿扯皮',
          caseId: caseId.other,
        },
        tok.office,
      ),
    );
    await t.queue.whenIdle();
    expect(await proposals('PROPOSED')).toEqual([]);
    // A second reminder about that case: two about one case, but it is not a key case (003 五 lists 重点案件) — nothing.
    ok(
      await mutate(
        'issueReminder',
        'IssueReminderInput',
        {
          tenantCode: COUNTY,
          unitId: unit.shizi,
          severity: 'GENERAL',
          reasonCode: 'BUCK_PASSING',
          note: '仍推诿扯皮',
          caseId: caseId.other,
        },
        tok.office,
      ),
    );
    await t.queue.whenIdle();
    expect(await proposals('PROPOSED')).toEqual([]);
    const second = ok(await remind(unit.xiacang, 'RESOLUTION_DRAGGING', caseId.key)).issueReminder;
    await t.queue.whenIdle();
    const [listingProposal] = await proposals('PROPOSED');
    expect(listingProposal).toMatchObject({
      ruleId: 'reminded-twice',
      ruleSource: '003 §五',
      step: 'LISTED_SUPERVISION',
      options: ['LISTING'],
      unitName: '下仓镇',
      caseId: caseId.key,
      causedById: second.id,
    });
    expect(listingProposal.facts.summary).toBe('重点案件连续2次被提醒告知');
    expect(listingProposal.facts.evidence!.map((e) => [e.kind, e.caseId])).toEqual([
      ['REMINDER', caseId.key],
      ['REMINDER', caseId.key],
    ]);
    expect(await actions(tok.office, 'LISTING')).toEqual([]); // proposed, not listed
    expect(field(await decide('confirmSupervisionProposal', { proposalId: listingProposal.id, severity: 'KEY' }))).toBe(
      'input.severity',
    );
    ok(
      await decide('confirmSupervisionProposal', {
        proposalId: listingProposal.id,
        note: '挂牌督办：下仓镇进京访案件',
      }),
    );
    await t.queue.whenIdle();
    const [listing] = await actions(tok.office, 'LISTING');
    ids.listing = listing.id;
    expect(listing).toMatchObject({
      status: 'ACTIVE',
      ruleId: 'reminded-twice',
      ruleSource: '003 §五',
      unitName: '下仓镇',
      causedById: second.id,
      currentStep: 'FILE',
      dueOn: null,
    });
    expect((listing as Action & { caseId: string }).caseId).toBe(caseId.key);
    expect(listing.evidenceChain.map((a) => a.id)).toEqual([second.id]);
    expect(listing.steps.map((s) => s.code)).toEqual(['FILE']);
    // 003 五: 挂牌督办事项纳入重点调度、专项督导和实地督查范围 — the scope is the plugin's, on the listing.
    expect(listing.detail.scope).toEqual(['重点调度', '专项督导', '实地督查']);

    // 十字镇's office makes its case a key case: the two reminders about it now count — proposed, and the
    // office dismisses it with a reason (a person decides).
    ok(await setKeyCase({ caseId: caseId.other, keyCase: true, reason: '群众反映强烈，列为重点案件' }, tok.shizi));
    await ladder.run(countyId);
    const [otherListing] = await proposals('PROPOSED');
    expect(otherListing).toMatchObject({
      ruleId: 'reminded-twice',
      step: 'LISTED_SUPERVISION',
      unitName: '十字镇',
      caseId: caseId.other,
    });
    ok(await decide('dismissSupervisionProposal', { proposalId: otherListing.id, reason: '已于本周化解，暂不挂牌' }));
    expect(await proposals('PROPOSED')).toEqual([]);
  });

  it("issue 13 item 9: the superiors' view shows per town the confirmed steps by kind, the listed case, and lists them", async () => {
    const xiacang = await statusOf('xiacang');
    // Confirmed: two 提醒或约谈 (both as reminders) and the listing of the key case; nothing awaits the office.
    expect(xiacang).toMatchObject({ listedCases: 1, proposedSteps: 0, confirmedSteps: 3, dismissedSteps: 0 });
    expect(xiacang.stepsByKind).toEqual([
      { step: 'LISTED_SUPERVISION', proposed: 0, confirmed: 1, dismissed: 0 },
      { step: 'REMINDER_OR_INTERVIEW', proposed: 0, confirmed: 2, dismissed: 0 },
    ]);
    const shizi = await statusOf('shizi');
    expect(shizi).toMatchObject({ listedCases: 0, confirmedSteps: 1, dismissedSteps: 1 });
    expect(shizi.stepsByKind).toEqual([
      { step: 'LISTED_SUPERVISION', proposed: 0, confirmed: 0, dismissed: 1 },
      { step: 'REMINDER_OR_INTERVIEW', proposed: 0, confirmed: 1, dismissed: 0 },
    ]);
    expect((await evidenceOf('shizi', 'DISMISSED_STEPS')).items.map((i) => [i.label, i.rule])).toEqual([
      ['挂牌督办', '重点案件连续2次被提醒告知（003 §五）'],
    ]);
    // The rows behind the numbers: each confirmed step with what the office made of it and its article.
    const confirmed = await evidenceOf('xiacang', 'CONFIRMED_STEPS');
    expect(confirmed.count).toBe(3);
    expect(confirmed.items.map((i) => [i.kind, i.status, i.label, i.rule, i.unitName]).sort()).toEqual([
      // In words (issue 13): the step, what the office made of it, the rule as the source puts it and its article.
      ['PROPOSAL', 'CONFIRMED', '挂牌督办，确认为挂牌督办', '重点案件连续2次被提醒告知（003 §五）', '下仓镇'],
      ['PROPOSAL', 'CONFIRMED', '提醒或约谈，确认为提醒', '连续2次定期通报排名后3位（003 §三）', '下仓镇'],
      ['PROPOSAL', 'CONFIRMED', '提醒或约谈，确认为提醒', '连续2次定期通报排名后3位（003 §三）', '下仓镇'],
    ]);
    expect(confirmed.items.every((i) => i.reference)).toBe(true); // the action each confirmation created
    expect((await evidenceOf('shizi', 'CONFIRMED_STEPS')).items.map((i) => i.label)).toEqual([
      '提醒或约谈，确认为约谈',
    ]);
    // 003 五 (003-23): the listed key case, in 重点调度、专项督导和实地督查 scope, as the superiors see it.
    const listed = await evidenceOf('xiacang', 'LISTED_CASES');
    const keyNumber = ok(
      await t.gql<{ petitionCase: { number: string } }>(
        'query($id: ID!) { petitionCase(id: $id) { number } }',
        { id: caseId.key },
        tok.superior,
      ),
    ).petitionCase.number;
    expect(listed).toMatchObject({
      count: 1,
      items: [
        {
          kind: 'LISTING',
          status: 'ACTIVE',
          unitName: '下仓镇',
          rule: '003 §五',
          scope: ['重点调度', '专项督导', '实地督查'],
          keyCase: true,
          caseNumber: keyNumber,
        },
      ],
    });
    // A town reads its own row, with the county's steps about it; a sibling's is not its to read.
    const own = ok(
      await t.gql<{ supervisionStatus: { items: Status[] } }>(
        '{ supervisionStatus(tenantCode: "xiacang") { items { tenantCode confirmedSteps } } }',
        {},
        tok.xiacang,
      ),
    ).supervisionStatus.items;
    expect(own).toEqual([{ tenantCode: 'xiacang', confirmedSteps: 3 }]);
    expect(
      (await t.gql('{ supervisionEvidence(tenantCode: "shizi", metric: CONFIRMED_STEPS) { count } }', {}, tok.xiacang))
        .errors,
    ).toBeDefined();
    const withProposals = ok(
      await t.gql<{ supervisionStatus: { totalCount: number } }>(
        `{ supervisionStatus(tenantCode: "${COUNTY}", filter: { hasProposed: true }) { totalCount } }`,
        {},
        tok.superior,
      ),
    ).supervisionStatus;
    expect(withProposals.totalCount).toBe(0);
  });

  it('the listing goes through its five steps; the acceptance check must pass before delisting', async () => {
    at('2026-09-02');
    const advance = (input: Record<string, unknown>, token = tok.office) =>
      mutate('advanceListing', 'AdvanceListingInput', { actionId: ids.listing, ...input }, token);
    expect(field(await advance({ note: '下发督办通知' }))).toBe('input.dueOn'); // 003 sets no limit: 责令限期 at this step
    expect(code(await advance({ note: '下发督办通知', dueOn: '2026-09-30' }, tok.convener))).toBe('FORBIDDEN');
    expect(code(await advance({ note: '下发督办通知', dueOn: '2026-09-30' }, tok.xiacang))).toBe('NOT_FOUND');
    expect(
      ok(await advance({ note: '下发督办通知，限9月30日前化解', dueOn: '2026-09-30' })).advanceListing,
    ).toMatchObject({ currentStep: 'ISSUE_NOTICE', dueOn: '2026-09-30' });
    // D5: the time limit is the office's (003 §五 says 责令限期 and sets no figure), and the notice says so.
    const bodies = ok(
      await t.gql<{ outboxMessages: { body: string }[] }>(
        `{ outboxMessages(tenantCode: "${COUNTY}") { body } }`,
        {},
        tok.office,
      ),
    ).outboxMessages.map((m) => m.body);
    expect(bodies.filter((b) => b.includes('时限2026-09-30'))).not.toEqual([]);
    expect(
      bodies.filter((b) => b.includes('时限2026-09-30')).every((b) => b.includes('时限2026-09-30（联席办确定）')),
    ).toBe(true);
    expect(field(await advance({ note: '化解', passed: true }))).toBe('input.passed');
    expect(ok(await advance({ note: '镇里包案领导入户化解' })).advanceListing.currentStep).toBe('RESOLVE');
    expect(field(await advance({ note: '验收' }))).toBe('input.passed');
    const failed = ok(await advance({ note: '验收未通过：信访人仍有异议', passed: false })).advanceListing;
    expect(failed).toMatchObject({ currentStep: 'RESOLVE', status: 'ACTIVE' });
    // After a failed acceptance the next step is the acceptance again, never the delisting.
    expect(field(await advance({ note: '摘牌' }))).toBe('input.passed');
    expect(ok(await advance({ note: '复验通过', passed: true })).advanceListing.currentStep).toBe('ACCEPTANCE');
    const delisted = ok(await advance({ note: '摘牌销号' })).advanceListing;
    expect(delisted.status).toBe('DELISTED');
    expect(delisted.steps.map((s) => [s.code, s.passed])).toEqual([
      ['FILE', null],
      ['ISSUE_NOTICE', null],
      ['RESOLVE', null],
      ['ACCEPTANCE', false],
      ['ACCEPTANCE', true],
      ['DELIST', null],
    ]);
    expect(code(await advance({ note: '再次推进' }))).toBe('CONFLICT');
  });

  it('a flagged Beijing visit → an interview; the rectification report, due 15 working days later across National Day, is missed → accountability', async () => {
    at('2026-09-21');
    const flag = (input: Record<string, unknown>, token = tok.office) =>
      t.gql<{ flagSupervisionConcern: { id: string } }>(
        'mutation($i: FlagConcernInput!) { flagSupervisionConcern(input: $i) { id } }',
        { i: { tenantCode: COUNTY, unitId: unit.xiacang, note: '9月18日发生进京走访', ...input } },
        token,
      );
    expect(field(await flag({ reasonCode: 'NOT_A_REASON' }))).toBe('input.reasonCode');
    expect(code(await flag({ reasonCode: 'BEIJING_OR_SKIP_LEVEL_VISIT' }, tok.convener))).toBe('FORBIDDEN');
    ok(await flag({ reasonCode: 'BEIJING_OR_SKIP_LEVEL_VISIT' }));
    await t.queue.whenIdle();
    expect((await actions(tok.office, 'INTERVIEW')).filter((a) => a.unitName === '下仓镇')).toEqual([]); // proposed, not planned
    const [flagged] = await proposals('PROPOSED');
    expect(flagged).toMatchObject({
      ruleId: 'interview-grounds',
      step: 'INTERVIEW',
      options: ['INTERVIEW'],
      unitName: '下仓镇',
    });
    // The reason as 003 §六 words it, for the console and the notification, never the code (issue 13).
    expect(flagged.facts.summary).toBe('经办公室认定：发生进京走访越级访');
    expect(flagged.facts.evidence).toEqual([
      expect.objectContaining({
        kind: 'FLAG',
        reason: 'BEIJING_OR_SKIP_LEVEL_VISIT',
        reasonName: '发生进京走访越级访',
      }),
    ]);
    expect(
      ok(
        await t.gql<{ supervisionProposals: { ruleName: string }[] }>(
          `{ supervisionProposals(tenantCode: "${COUNTY}", status: "PROPOSED") { ruleName } }`,
          {},
          tok.office,
        ),
      ).supervisionProposals,
    ).toEqual([{ ruleName: '经办公室认定：发生进京走访越级访' }]);
    // The superiors see the step awaiting the office (issue 13 item 9), before anything is sent.
    expect(await statusOf('xiacang')).toMatchObject({ proposedSteps: 1, confirmedSteps: 3 });
    expect((await statusOf('xiacang')).stepsByKind).toContainEqual({
      step: 'INTERVIEW',
      proposed: 1,
      confirmed: 0,
      dismissed: 0,
    });
    expect((await evidenceOf('xiacang', 'PROPOSED_STEPS')).items).toEqual([
      {
        kind: 'PROPOSAL',
        reference: null,
        status: 'PROPOSED',
        unitName: '下仓镇',
        label: '约谈',
        rule: '经办公室认定：发生进京走访越级访（003 §六）', // the rule's words and article, not its id (issue 13)
        scope: null,
        keyCase: null,
        caseNumber: null,
      },
    ]);
    const pending = ok(
      await t.gql<{ supervisionStatus: { items: { tenantCode: string }[] } }>(
        `{ supervisionStatus(tenantCode: "${COUNTY}", filter: { hasProposed: true }, orderBy: { field: PROPOSED_STEPS, direction: DESC }) { items { tenantCode } } }`,
        {},
        tok.superior,
      ),
    ).supervisionStatus;
    expect(pending.items).toEqual([{ tenantCode: 'xiacang' }]);
    ok(await decide('confirmSupervisionProposal', { proposalId: flagged.id }));
    const [interview] = (await actions(tok.office, 'INTERVIEW')).filter((a) => a.unitName === '下仓镇');
    ids.interview = interview.id;
    expect(interview).toMatchObject({
      status: 'PLANNED',
      ruleId: 'interview-grounds',
      ruleSource: '003 §六',
      unitName: '下仓镇',
    });
    expect(interview.facts.evidence!.map((e) => e.kind)).toEqual(['FLAG']);

    const plan = {
      actionId: ids.interview,
      severity: 'SERIOUS',
      team: ['县联席办主任 张三', '县信访局 李四'],
      targets: ['主要领导', '包案领导'],
      matters: '进京走访问题排查化解不到位',
    };
    expect(
      field(
        await mutate(
          'prepareInterview',
          'PrepareInterviewInput',
          { ...plan, targets: ['主要领导', '村支书'] },
          tok.office,
        ),
      ),
    ).toBe('input.targets.1');
    ok(await mutate('prepareInterview', 'PrepareInterviewInput', plan, tok.office));

    at('2026-09-28');
    const hold = (input: Record<string, unknown>, token: string) =>
      mutate(
        'holdInterview',
        'HoldInterviewInput',
        {
          actionId: ids.interview,
          heldOn: '2026-09-28',
          record: '指出问题三项，提出整改要求。',
          interviewerSigned: true,
          intervieweeSigned: true,
          ...input,
        },
        token,
      );
    expect(code(await hold({}, tok.convener))).toBe('FORBIDDEN'); // SERIOUS: the chief convener (003 §六)
    expect(code(await hold({}, tok.office))).toBe('FORBIDDEN');
    expect(field(await hold({ intervieweeSigned: false }, tok.chief))).toBe('input.intervieweeSigned');
    expect(field(await hold({ heldOn: '2026-09-29' }, tok.chief))).toBe('input.heldOn');
    const held = ok(await hold({}, tok.chief)).holdInterview;
    expect(held).toMatchObject({ status: 'AWAITING_RECTIFICATION', dueOn: '2026-10-23', dueProvisional: false }); // 国庆 10-01..08 skipped, 10-10 worked
    // The superiors see the interview awaiting its rectification report, and the confirmed step.
    expect(await statusOf('xiacang')).toMatchObject({
      interviewsAwaitingRectification: 1,
      proposedSteps: 0,
      confirmedSteps: 4,
    });
    expect((await evidenceOf('xiacang', 'INTERVIEWS_AWAITING_RECTIFICATION')).items).toMatchObject([
      { kind: 'INTERVIEW', status: 'AWAITING_RECTIFICATION', unitName: '下仓镇', rule: '003 §六' },
    ]);
    expect(held.steps.map((s) => s.code)).toEqual([
      'FORM_TEAM',
      'IDENTIFY_TARGETS',
      'NOTIFY_MATTERS',
      'CONDUCT',
      'SIGN',
    ]);
    expect(held.detail).toMatchObject({
      team: plan.team,
      targets: plan.targets,
      matters: plan.matters,
      signatures: { interviewer: true, interviewee: true },
      conductedBy: 'CHIEF_CONVENER',
    });

    at('2026-10-23');
    expect((await ladder.sweepTenant(countyId)).filter((p) => p.ruleId === 'rectification-overdue')).toEqual([]); // due today, not yet late
    at('2026-10-26');
    const taken = (await ladder.sweepTenant(countyId)).filter((p) => p.causedById === ids.interview);
    expect(taken.map((p) => [p.step, p.ruleId, p.status])).toEqual([
      ['ACCOUNTABILITY', 'rectification-overdue', 'PROPOSED'],
    ]);
    expect(await actions(tok.superior, 'ACCOUNTABILITY')).toEqual([]);
    ok(await decide('confirmSupervisionProposal', { proposalId: taken[0].id }));
    const [accountability] = await actions(tok.superior, 'ACCOUNTABILITY');
    ids.accountability = accountability.id;
    expect(accountability).toMatchObject({
      status: 'OPEN',
      ruleSource: '003 §六, §七',
      causedById: ids.interview,
      unitName: '下仓镇',
    });
    expect(accountability.evidenceChain).toEqual([
      { id: ids.interview, kind: 'INTERVIEW', ruleId: 'interview-grounds', number: expect.any(String) },
    ]);
    expect((await actions(tok.office, 'INTERVIEW'))[0].status).toBe('OVERDUE');
  });

  it('the conveners decide accountability with the three recommendation rights; the late report is recorded late', async () => {
    const decide = (input: Record<string, unknown>, token: string) =>
      mutate(
        'decideAccountability',
        'DecideAccountabilityInput',
        {
          actionId: ids.accountability,
          recommendations: ['IMPROVE_WORK'],
          sanctions: [],
          decision: '责令限期整改，约谈后仍未报告。',
          ...input,
        },
        token,
      );
    expect(code(await decide({}, tok.office))).toBe('FORBIDDEN');
    expect(code(await decide({}, tok.superior))).toBe('FORBIDDEN');
    expect(field(await decide({ recommendations: ['FIRE_EVERYONE'] }, tok.convener))).toBe('input.recommendations.0');
    expect(field(await decide({ sanctions: ['罚款'] }, tok.convener))).toBe('input.sanctions.0');
    const decided = ok(
      await decide(
        { recommendations: ['IMPROVE_WORK', 'ADMINISTRATIVE_SANCTION'], sanctions: ['责令限期整改'] },
        tok.convener,
      ),
    ).decideAccountability;
    expect(decided.status).toBe('DECIDED');
    expect(
      (decided.detail.decision as { recommendations: { name: string }[] }).recommendations.map((r) => r.name),
    ).toEqual(['改进工作建议', '给予行政处分建议']);

    at('2026-10-27');
    const report = (token: string) =>
      mutate(
        'fileRectificationReport',
        'RectificationReportInput',
        { actionId: ids.interview, report: '已逐项整改：一是……二是……三是……' },
        token,
      );
    expect(code(await report(tok.shizi))).toBe('NOT_FOUND');
    const filed = ok(await report(tok.xiacang)).fileRectificationReport;
    expect(filed).toMatchObject({ status: 'RECTIFIED' });
    expect(filed.detail.rectification).toMatchObject({ late: true, filedOn: '2026-10-27' });
  });

  it('all of it counts in the annual assessment (003 §七)', async () => {
    const run = ok(
      await t.gql<{
        runAssessment: {
          unitName: string;
          score: number | null;
          passed: boolean | null;
          outcome: string;
          vetoed: boolean;
          counts: Record<string, number>;
          rule: string;
        }[];
      }>(
        'mutation($i: RunAssessmentInput!) { runAssessment(input: $i) { unitName score passed outcome vetoed counts rule } }',
        { i: { tenantCode: COUNTY, period: 'ANNUAL', periodStart: '2026-01-01' } },
        tok.office,
      ),
    ).runAssessment;
    const xiacang = run.find((a) => a.unitName === '下仓镇')!;
    expect(xiacang.counts).toMatchObject({ notices: 4, listings: 1, interviews: 1, accountability: 1 });
    // 003 §七 states no scoring: the facts, with no pass or fail (issue 13 item 6).
    expect(xiacang).toMatchObject({ score: null, passed: null, outcome: 'NOT_JUDGED', vetoed: false });
    expect(xiacang.rule).toContain('003 §七');
    expect(run.find((a) => a.unitName === '县公安局')!.outcome).toBe('NOT_JUDGED');
    expect(
      field(
        await t.gql(
          'mutation($i: RunAssessmentInput!) { runAssessment(input: $i) { id } }',
          { i: { tenantCode: COUNTY, period: 'HALF_YEARLY', periodStart: '2026-01-01' } },
          tok.office,
        ),
      ),
    ).toBe('input.period');
    // The whole ladder, as a superior reads it.
    const all = await actions(tok.superior);
    expect(all.map((a) => [a.kind, a.ruleId, a.status]).sort()).toEqual([
      ['ACCOUNTABILITY', 'rectification-overdue', 'DECIDED'],
      ['INTERVIEW', 'bottom-three-twice', 'PLANNED'],
      ['INTERVIEW', 'interview-grounds', 'RECTIFIED'],
      ['LISTING', 'reminded-twice', 'DELISTED'],
      ['REMINDER', null, 'ISSUED'],
      ['REMINDER', null, 'ISSUED'],
      ['REMINDER', null, 'ISSUED'],
      ['REMINDER', null, 'ISSUED'],
      ['REMINDER', null, 'ISSUED'],
      ['REMINDER', 'bottom-three-twice', 'ISSUED'],
      ['REMINDER', 'bottom-three-twice', 'ISSUED'],
    ]);
  });
});
