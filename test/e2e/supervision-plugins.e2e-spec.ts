import { Clock } from '@engine/clock';
import { LadderService, OutboxService, SmsSender } from '@modules/supervision';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * The plugins make the difference: 十字镇's convener interviews its villages (001 art. 15) and the
 * county's ladder, which applies to its townships, follows up a missed report; the county ranks its
 * townships (003 §三) and reminds them by SMS or letter (§四); 示范镇's failed annual assessment is a
 * one-vote veto (004). And the refusals: wrong role FORBIDDEN, another tenant NOT_FOUND, bad input
 * BAD_USER_INPUT naming the field.
 */
describe('supervision per plugin', () => {
  let t: TestApp;
  let clock: Clock;
  const COUNTY = 'county-petition-mechanisms';
  const tok: Record<string, string> = {};
  const tenantId: Record<string, string> = {};
  let village: string;
  let department: string;
  let countyUnits: { id: string; name: string; kind: string }[];

  const ok = <T>(res: GqlResult<T>): T => {
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const code = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
  const field = (res: GqlResult): string | undefined =>
    res.errors?.[0]?.extensions?.field ?? res.errors?.[0]?.extensions?.problems?.[0]?.field;
  const at = (day: string): void => clock.set(`${day}T09:00:00+08:00`);
  const ACTION =
    'id kind status ruleId ruleSource severity channel dueOn unitName letterUrl detail steps { code } evidenceChain { id }';
  type Action = {
    id: string;
    kind: string;
    status: string;
    ruleId: string | null;
    ruleSource: string;
    severity: string | null;
    channel: string | null;
    dueOn: string | null;
    unitName: string;
    letterUrl: string | null;
    detail: Record<string, unknown>;
    steps: { code: string }[];
    evidenceChain: { id: string }[];
  };
  const mutate = (op: string, type: string, input: Record<string, unknown>, token: string) =>
    t.gql<Record<string, Action>>(`mutation($i: ${type}!) { ${op}(input: $i) { ${ACTION} } }`, { i: input }, token);
  const confirm = async (proposalId: string, token: string): Promise<{ actionId: string }> =>
    ok(
      await t.gql<{ confirmSupervisionProposal: { actionId: string } }>(
        'mutation($i: ConfirmSupervisionProposalInput!) { confirmSupervisionProposal(input: $i) { actionId } }',
        { i: { proposalId } },
        token,
      ),
    ).confirmSupervisionProposal;
  const publish = (input: Record<string, unknown>, token = tok.county) =>
    t.gql<{
      publishNotice: {
        id: string;
        kind: string;
        ranking: Record<string, unknown>[];
        entries: {
          unitName: string;
          targetTenantCode: string | null;
          rank: number | null;
          rankedOf: number | null;
          tiedWith: number | null;
          bottom: boolean;
          scoreFacts: Record<string, unknown>[];
          metrics: Record<string, number>;
          criticised: boolean;
          criticism: string | null;
        }[];
      };
    }>(
      'mutation($i: PublishNoticeInput!) { publishNotice(input: $i) { id kind ranking { code units unitsWithFacts minimum minimumIsDefault bottomWidth bottomMarked withheld } entries { unitName targetTenantCode rank rankedOf tiedWith bottom scoreFacts { metric value weight points adverse } metrics criticised criticism } } }',
      { i: { tenantCode: COUNTY, ...input } },
      token,
    );

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    at('2026-02-10');
    const logins: Promise<void>[] = [];
    for (const [key, tenant, user] of [
      ['county', COUNTY, 'office'],
      ['countyConvener', COUNTY, 'convener'],
      ['shizi', 'shizi', 'office'],
      ['shiziConvener', 'shizi', 'convener'],
      ['shiziMember', 'shizi', 'member'],
      ['shiziSecretary', 'shizi', 'secretary'],
      ['xiacang', 'xiacang', 'office'],
      ['xincheng', 'xincheng', 'office'],
      ['demo', 'town-petition-systems', 'office'],
      ['demoConvener', 'town-petition-systems', 'convener'],
    ]) {
      logins.push(t.login(tenant, user).then((token) => void (tok[key] = token)));
    }
    await Promise.all(logins);
    const me = ok(
      await t.gql<{ me: { memberUnit: { id: string } } }>('{ me { memberUnit { id } } }', {}, tok.shiziSecretary),
    ).me;
    village = me.memberUnit.id;
    department = ok(
      await t.gql<{ me: { memberUnit: { id: string } } }>('{ me { memberUnit { id } } }', {}, tok.shiziMember),
    ).me.memberUnit.id;
    for (const code of [COUNTY, 'shizi', 'town-petition-systems'])
      tenantId[code] = ok(
        await t.gql<{ tenant: { id: string } }>(
          `{ tenant(code: "${code}") { id } }`,
          {},
          code === COUNTY ? tok.county : code === 'shizi' ? tok.shizi : tok.demo,
        ),
      ).tenant.id;
    countyUnits = ok(
      await t.gql<{ tenant: { memberUnits: { id: string; name: string; kind: string }[] } }>(
        `{ tenant(code: "${COUNTY}") { memberUnits { id name kind } } }`,
        {},
        tok.county,
      ),
    ).tenant.memberUnits;
    // February's ledger: 新城街道 receives a skip-level petition.
    ok(
      await t.gql(
        'mutation($i: ReceivePetitionInput!) { receivePetition(input: $i) { id } }',
        {
          i: {
            tenantCode: 'xincheng',
            channel: 'LETTER',
            matter: '反映拆迁安置问题，已越级到市里反映。',
            skipLevel: true,
            petitioners: [{ name: '赵六', phone: '13900001111' }],
          },
        },
        tok.xincheng,
      ),
    );
  }, 180_000); // boots the API and signs in ten users (argon2): slow on a loaded machine
  afterAll(async () => {
    await t.close();
  });

  it('十字镇: the convener interviews a village (001 art. 15); the village files its report', async () => {
    at('2026-03-02');
    const plan = {
      tenantCode: 'shizi',
      unitId: village,
      severity: 'GENERAL',
      reasonCode: 'PROMINENT_PETITION_PROBLEMS',
      team: ['镇联席会议召集人 王镇长'],
      targets: ['负责同志'],
      matters: '本村信访问题突出，查摆问题、分析原因、研究对策。',
    };
    expect(
      field(await mutate('openInterview', 'OpenInterviewInput', { ...plan, targets: ['主要领导'] }, tok.shiziConvener)),
    ).toBe('input.targets.0');
    expect(
      field(
        await mutate(
          'openInterview',
          'OpenInterviewInput',
          { ...plan, reasonCode: 'BEIJING_OR_SKIP_LEVEL_VISIT' },
          tok.shiziConvener,
        ),
      ),
    ).toBe('input.reasonCode');
    expect(field(await mutate('openInterview', 'OpenInterviewInput', { ...plan, team: [] }, tok.shiziConvener))).toBe(
      'input.team',
    );
    expect(code(await mutate('openInterview', 'OpenInterviewInput', plan, tok.shiziMember))).toBe('FORBIDDEN');
    expect(code(await mutate('openInterview', 'OpenInterviewInput', plan, tok.xiacang))).toBe('NOT_FOUND');
    // The county's interviews concern townships and departments (003 §六), not a community of its own.
    const community = ok(
      await t.gql<{ addMemberUnit: { id: string } }>(
        'mutation($i: AddMemberUnitInput!) { addMemberUnit(input: $i) { id } }',
        { i: { tenantCode: COUNTY, name: '城关社区', kind: 'COMMUNITY', reason: '县城社区列席联席会议' } },
        tok.county,
      ),
    ).addMemberUnit.id;
    expect(
      field(
        await mutate(
          'openInterview',
          'OpenInterviewInput',
          {
            ...plan,
            tenantCode: COUNTY,
            unitId: community,
            reasonCode: 'BEIJING_OR_SKIP_LEVEL_VISIT',
            targets: ['主要领导'],
          },
          tok.county,
        ),
      ),
    ).toBe('input.unitId');
    const opened = ok(await mutate('openInterview', 'OpenInterviewInput', plan, tok.shiziConvener)).openInterview;
    expect(opened).toMatchObject({
      kind: 'INTERVIEW',
      status: 'PLANNED',
      ruleId: null,
      ruleSource: '001 art. 15',
      unitName: '施吴村',
      severity: 'GENERAL',
    });

    at('2026-03-03');
    const hold = (token: string) =>
      mutate(
        'holdInterview',
        'HoldInterviewInput',
        {
          actionId: opened.id,
          heldOn: '2026-03-03',
          record: '查摆问题三项，研究对策。',
          interviewerSigned: false,
          intervieweeSigned: false,
        },
        token,
      );
    expect(code(await hold(tok.shizi))).toBe('FORBIDDEN'); // the convener interviews (001 art. 15)
    expect(code(await hold(tok.county))).toBe('FORBIDDEN'); // the county reads its towns, never acts in them
    const held = ok(await hold(tok.shiziConvener)).holdInterview; // 001 asks for no signatures
    expect(held).toMatchObject({ status: 'AWAITING_RECTIFICATION', dueOn: '2026-03-24' });
    expect(held.steps.map((s) => s.code)).toEqual(['IDENTIFY_PROBLEMS', 'ANALYSE_CAUSES', 'DEVISE_COUNTERMEASURES']);

    // The village sees what concerns it, and files; a department of the same town cannot.
    const mine = ok(
      await t.gql<{ receivedSupervisionActions: { id: string }[] }>(
        '{ receivedSupervisionActions { id } }',
        {},
        tok.shiziSecretary,
      ),
    ).receivedSupervisionActions;
    expect(mine.map((a) => a.id)).toEqual([opened.id]);
    expect(
      ok(
        await t.gql<{ receivedSupervisionActions: unknown[] }>(
          '{ receivedSupervisionActions { id } }',
          {},
          tok.shiziMember,
        ),
      ).receivedSupervisionActions,
    ).toEqual([]);
    const report = { actionId: opened.id, report: '已召开村两委会议，逐项落实整改措施。' };
    expect(code(await mutate('fileRectificationReport', 'RectificationReportInput', report, tok.shiziMember))).toBe(
      'NOT_FOUND',
    );
    expect(
      field(
        await mutate(
          'fileRectificationReport',
          'RectificationReportInput',
          { ...report, report: '太短' },
          tok.shiziSecretary,
        ),
      ),
    ).toBe('input.report');
    at('2026-03-20');
    const filed = ok(
      await mutate('fileRectificationReport', 'RectificationReportInput', report, tok.shiziSecretary),
    ).fileRectificationReport;
    expect(filed.status).toBe('RECTIFIED');
    expect(filed.detail.rectification).toMatchObject({ late: false });
    expect(code(await mutate('fileRectificationReport', 'RectificationReportInput', report, tok.shiziSecretary))).toBe(
      'CONFLICT',
    );
  });

  it("十字镇: a missed report is followed up by the county's ladder, which applies to its townships (003 appliesToDescendants); the conveners order rectification by their own date (003 §七 “责令限期整改”)", async () => {
    at('2026-03-03');
    const opened = ok(
      await mutate(
        'openInterview',
        'OpenInterviewInput',
        {
          tenantCode: 'shizi',
          unitId: department,
          severity: 'GENERAL',
          reasonCode: 'PROMINENT_PETITION_PROBLEMS',
          team: ['王镇长'],
          targets: ['负责同志'],
          matters: '信访件办理不及时。',
        },
        tok.shizi,
      ),
    ).openInterview;
    ok(
      await mutate(
        'holdInterview',
        'HoldInterviewInput',
        {
          actionId: opened.id,
          heldOn: '2026-03-03',
          record: '指出问题。',
          interviewerSigned: false,
          intervieweeSigned: false,
        },
        tok.shiziConvener,
      ),
    );
    at('2026-03-25');
    const proposed = await t.app.get(LadderService).sweepTenant(tenantId.shizi);
    expect(proposed.map((p) => [p.step, p.ruleId, p.ruleSource, p.status])).toEqual([
      ['ACCOUNTABILITY', 'rectification-overdue', '003 §六, §七 (county-petition-mechanisms)', 'PROPOSED'],
    ]);
    // The ladder proposes, 十字镇's office confirms: only then is accountability opened.
    const taken = [{ id: (await confirm(proposed[0].id, tok.shizi)).actionId }];
    // The county's accountability rules reach the town too: the three recommendation rights.
    const decide = (input: Record<string, unknown>, token = tok.shiziConvener) =>
      mutate(
        'decideAccountability',
        'DecideAccountabilityInput',
        { actionId: taken[0].id, sanctions: [], decision: '提出改进工作建议。', ...input },
        token,
      );
    expect(code(await decide({ recommendations: ['IMPROVE_WORK'] }, tok.countyConvener))).toBe('FORBIDDEN');
    // 003 §七 says 责令限期整改 and sets no figure: the conveners give the date (联席办确定), after today.
    expect(field(await decide({ recommendations: ['IMPROVE_WORK'], orderRectification: true }))).toBe(
      'input.rectifyBy',
    );
    expect(field(await decide({ recommendations: ['IMPROVE_WORK'], rectifyBy: '2026-03-25' }))).toBe('input.rectifyBy');
    const decided = ok(
      await decide({ recommendations: ['IMPROVE_WORK'], rectifyBy: '2026-04-10' }),
    ).decideAccountability;
    expect(decided).toMatchObject({
      status: 'AWAITING_RECTIFICATION',
      dueOn: '2026-04-10',
      evidenceChain: [{ id: opened.id }],
    });
    const decision = async () =>
      ok(
        await t.gql<{
          supervisionAction: {
            status: string;
            rectificationDeadline: unknown;
            accountabilityDecision: {
              recommendations: { code: string; name: string }[];
              source: string;
              rectification: { dueOn: string; setBy: string; basis: unknown; words: string; source: string } | null;
            };
          };
        }>(
          'query($id: ID!) { supervisionAction(id: $id) { status rectificationDeadline { words } accountabilityDecision { recommendations { code name } source rectification { dueOn setBy basis { words } words source } } } }',
          { id: decided.id },
          tok.shizi,
        ),
      ).supervisionAction;
    expect(await decision()).toEqual({
      status: 'AWAITING_RECTIFICATION',
      rectificationDeadline: null, // no figure of the rules: the date is the conveners'
      accountabilityDecision: {
        // The right as 003 §七 words it (三项建议权: 改进工作建议…), not only its code.
        recommendations: [{ code: 'IMPROVE_WORK', name: '改进工作建议' }],
        source: '003 §七 (county-petition-mechanisms)',
        rectification: {
          dueOn: '2026-04-10',
          setBy: 'OFFICE',
          basis: null,
          words: '联席办确定',
          source: '003 §七 (county-petition-mechanisms)',
        },
      },
    });
    // The department ordered to rectify files its written report, as after an interview.
    const report = { actionId: decided.id, report: '已对信访件办理流程逐项整改，建立督办台账。' };
    expect(code(await mutate('fileRectificationReport', 'RectificationReportInput', report, tok.shiziSecretary))).toBe(
      'NOT_FOUND',
    );
    at('2026-04-08');
    const rectified = ok(
      await mutate('fileRectificationReport', 'RectificationReportInput', report, tok.shiziMember),
    ).fileRectificationReport;
    expect(rectified.status).toBe('RECTIFIED');
    expect(rectified.detail.rectification).toMatchObject({ late: false });
    // The county reads its township's ladder (read-only); a sibling reads nothing.
    const seen = ok(
      await t.gql<{ supervisionActions: { kind: string }[] }>(
        '{ supervisionActions(tenantCode: "shizi") { kind } }',
        {},
        tok.county,
      ),
    ).supervisionActions;
    expect(seen.map((a) => a.kind).sort()).toEqual(['ACCOUNTABILITY', 'INTERVIEW', 'INTERVIEW']);
    expect(code(await t.gql('{ supervisionActions(tenantCode: "shizi") { id } }', {}, tok.xiacang))).toBe('NOT_FOUND');
    expect(
      ok(
        await t.gql<{ supervisionAction: unknown }>(
          'query($id: ID!) { supervisionAction(id: $id) { id } }',
          { id: opened.id },
          tok.xiacang,
        ),
      ).supervisionAction,
    ).toBeNull();
  });

  it("the county ranks its townships by the plugin's scoring, from their ledgers", async () => {
    at('2026-03-02');
    expect(field(await publish({ kind: 'REGULAR', period: 'QUARTERLY', periodStart: '2026-01-01' }))).toBe(
      'input.period',
    );
    expect(field(await publish({ kind: 'REGULAR', period: 'MONTHLY', periodStart: '2026-02-02' }))).toBe(
      'input.periodStart',
    );
    expect(field(await publish({ kind: 'REGULAR', periodStart: '2026-02-01' }))).toBe('input.period');
    const weekly = await publish({ kind: 'REGULAR', period: 'WEEKLY', periodStart: '2026-02-01' }); // a wrong enum value, refused by GraphQL itself
    expect([code(weekly), weekly.errors?.[0]?.message]).toEqual(['BAD_USER_INPUT', expect.stringContaining('period')]);
    expect(
      code(await publish({ kind: 'REGULAR', period: 'MONTHLY', periodStart: '2026-02-01' }, tok.countyConvener)),
    ).toBe('FORBIDDEN');
    expect(code(await publish({ kind: 'REGULAR', period: 'MONTHLY', periodStart: '2026-02-01' }, tok.xiacang))).toBe(
      'NOT_FOUND',
    );
    expect(
      field(
        await publish(
          { tenantCode: 'shizi', kind: 'REGULAR', period: 'MONTHLY', periodStart: '2026-02-01' },
          tok.shizi,
        ),
      ),
    ).toBe('input.tenantCode'); // 001 has no notices
    const notice = ok(await publish({ kind: 'REGULAR', period: 'MONTHLY', periodStart: '2026-02-01' })).publishNotice;
    // 003 三: townships are ranked in their own list; tied units (no petitions) share first place (并列),
    // listed in the joint meeting's order; 新城街道's skip-level petition (−2) ranks it last.
    const order = countyUnits.filter((u) => u.kind === 'TOWNSHIP' && u.name !== '新城街道').map((u) => u.name);
    expect(notice.entries.map((e) => [e.unitName, e.rank, e.rankedOf, e.tiedWith])).toEqual([
      ...order.map((name) => [name, 1, 4, 3]),
      ['新城街道', 4, 4, 1],
    ]);
    // One unit with facts is too little data for 003's county (minimumToRank 2): ranked, no bottom band.
    expect(notice.entries.some((e) => e.bottom)).toBe(false);
    expect(notice.ranking.find((l) => l.code === 'townships')).toMatchObject({
      units: 4,
      unitsWithFacts: 1,
      minimum: 2,
      minimumIsDefault: false,
      bottomWidth: 3,
      bottomMarked: false,
      withheld: 'TOO_LITTLE_DATA',
    });
    expect(notice.entries[3].scoreFacts).toEqual(
      expect.arrayContaining([{ metric: 'SKIP_LEVEL_PETITIONS', value: 1, weight: -2, points: -2, adverse: true }]),
    );
    expect(notice.entries[3].targetTenantCode).toBe('xincheng');
    const xincheng = notice.entries[3];
    expect(xincheng.metrics).toMatchObject({ CASES_RECEIVED: 1, SKIP_LEVEL_PETITIONS: 1 });
    // The same numbers, recomputed from the ledger.
    const metrics = ok(
      await t.gql<{ supervisionMetrics: { targetTenantCode: string; metrics: Record<string, number> }[] }>(
        `{ supervisionMetrics(tenantCode: "${COUNTY}", periodStart: "2026-02-01", periodEnd: "2026-02-28") { targetTenantCode metrics } }`,
        {},
        tok.countyConvener,
      ),
    ).supervisionMetrics;
    expect(metrics.find((m) => m.targetTenantCode === 'xincheng')!.metrics).toEqual(xincheng.metrics);
    expect(
      field(
        await t.gql(
          `{ supervisionMetrics(tenantCode: "${COUNTY}", periodStart: "2026-02-31", periodEnd: "2026-02-28") { unitId } }`,
          {},
          tok.county,
        ),
      ),
    ).toBe('periodStart');
  });

  it("the county's special notice names a township, with named criticism (003 §三)", async () => {
    const xincheng = countyUnits.find((u) => u.name === '新城街道')!.id;
    const shizi = countyUnits.find((u) => u.name === '十字镇')!.id;
    const special = { kind: 'SPECIAL', periodStart: '2026-02-16', periodEnd: '2026-02-28', unitIds: [xincheng] };
    expect(field(await publish(special))).toBe('input.title');
    expect(
      field(
        await publish({
          ...special,
          title: '春节期间信访稳定专项通报',
          criticisms: [{ unitId: shizi, text: '工作推进滞后' }],
        }),
      ),
    ).toBe('input.criticisms.0.unitId');
    expect(
      field(
        await publish({
          ...special,
          title: '春节期间信访稳定专项通报',
          unitIds: ['00000000-0000-4000-8000-000000000000'],
        }),
      ),
    ).toBe('input.unitIds.0');
    const notice = ok(
      await publish({
        ...special,
        title: '春节期间信访稳定专项通报',
        criticisms: [{ unitId: xincheng, text: '越级上访问题处置不力，予以点名批评。' }],
      }),
    ).publishNotice;
    expect(notice).toMatchObject({
      kind: 'SPECIAL',
      entries: [
        { unitName: '新城街道', rank: null, criticised: true, criticism: '越级上访问题处置不力，予以点名批评。' },
      ],
    });
  });

  it('the county reminds by SMS for a general matter (003 §四): through the outbox, no letter', async () => {
    const xincheng = countyUnits.find((u) => u.name === '新城街道')!.id;
    const remind = (input: Record<string, unknown>, token = tok.county) =>
      mutate(
        'issueReminder',
        'IssueReminderInput',
        { tenantCode: COUNTY, unitId: xincheng, severity: 'GENERAL', reasonCode: 'RISK_CONTROL_INEFFECTIVE', ...input },
        token,
      );
    expect(field(await remind({ reasonCode: 'NOT_LISTED' }))).toBe('input.reasonCode');
    const urgent = await remind({ severity: 'URGENT' });
    expect([code(urgent), urgent.errors?.[0]?.message]).toEqual([
      'BAD_USER_INPUT',
      expect.stringContaining('severity'),
    ]);
    expect(code(await remind({}, tok.countyConvener))).toBe('FORBIDDEN');
    expect(code(await remind({ tenantCode: 'shizi' }, tok.shizi))).toBe('BAD_USER_INPUT'); // 十字镇's rules inherit reminders from the county, but the unit is not 十字镇's
    const reminder = ok(await remind({ note: '请加强重点人员稳控。' })).issueReminder;
    expect(reminder).toMatchObject({
      kind: 'REMINDER',
      severity: 'GENERAL',
      channel: 'SMS',
      letterUrl: null,
      ruleSource: '003 §四',
    });
    expect(
      (await t.http().get(`/documents/reminders/${reminder.id}.docx`).set('authorization', `Bearer ${tok.county}`))
        .status,
    ).toBe(404);
    await t.queue.whenIdle();
    await t.app.get(OutboxService).deliver(tenantId[COUNTY]);
    const outbox = ok(
      await t.gql<{
        outboxMessages: { channel: string; recipient: string; status: string; receipt: string; refId: string }[];
      }>(`{ outboxMessages(tenantCode: "${COUNTY}") { channel recipient status receipt refId } }`, {}, tok.county),
    ).outboxMessages;
    const sms = outbox.filter((m) => m.refId === reminder.id && m.channel === 'SMS');
    expect(sms.length).toBeGreaterThan(0);
    expect(
      sms.every((m) => m.status === 'SENT' && m.receipt.startsWith('local-sms:') && m.recipient.startsWith('user:')),
    ).toBe(true);
    expect(
      ok(
        await t.gql<{ myNotifications: { title: string }[] }>('{ myNotifications { title } }', {}, tok.xincheng),
      ).myNotifications.map((n) => n.title),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/^提醒：/)]));

    // The SMS gateway fails: the message stays PENDING with its attempt counted and the error's class
    // only (never the text or a number); once the gateway is back, it is sent — once.
    const gateway = t.app.get(SmsSender);
    const send = gateway.send.bind(gateway);
    gateway.send = () => Promise.reject(new TypeError('gateway down for 13900001111'));
    const again = ok(await remind({ reasonCode: 'LOST_CONTROL' })).issueReminder;
    await t.queue.whenIdle();
    const smsOf = async () =>
      ok(
        await t.gql<{
          outboxMessages: {
            id: string;
            channel: string;
            status: string;
            attempts: number;
            lastError: string | null;
            refId: string;
          }[];
        }>(
          `{ outboxMessages(tenantCode: "${COUNTY}") { id channel status attempts lastError refId } }`,
          {},
          tok.county,
        ),
      ).outboxMessages.filter((m) => m.refId === again.id && m.channel === 'SMS');
    // Deliveries were tried after the reminder, and again after the listing the county's ladder opened
    // on this second reminder (003 §五: 连续2次被提醒告知 → 挂牌督办).
    const failed = await smsOf();
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((m) => m.status === 'PENDING' && m.attempts >= 1 && m.lastError === 'TypeError')).toBe(true);
    // 003 五: two reminders about unrelated matters (no key case) list nothing, and propose nothing.
    expect(
      ok(
        await t.gql<{ supervisionActions: { ruleId: string; unitName: string }[] }>(
          `{ supervisionActions(tenantCode: "${COUNTY}", kind: LISTING) { ruleId unitName } }`,
          {},
          tok.county,
        ),
      ).supervisionActions,
    ).toEqual([]);
    expect(
      ok(
        await t.gql<{ supervisionProposals: unknown[] }>(
          `{ supervisionProposals(tenantCode: "${COUNTY}", status: "PROPOSED") { id } }`,
          {},
          tok.county,
        ),
      ).supervisionProposals,
    ).toEqual([]);
    gateway.send = send;
    await t.app.get(OutboxService).deliver(tenantId[COUNTY]);
    await t.app.get(OutboxService).deliver(tenantId[COUNTY]);
    const attempts = new Map(failed.map((m) => [m.id, m.attempts]));
    expect(
      (await smsOf()).every(
        (m) => m.status === 'SENT' && m.attempts === attempts.get(m.id)! + 1 && m.lastError === null,
      ),
    ).toBe(true);
  });

  it('示范镇: no platform formula fails a unit; the leading group records 不合格 → one-vote veto (004 責任追究三) and accountability for 談話/組織處理 (二)', async () => {
    at('2026-04-01');
    const unitId = ok(
      await t.gql<{ addMemberUnit: { id: string } }>(
        'mutation($i: AddMemberUnitInput!) { addMemberUnit(input: $i) { id } }',
        {
          i: { tenantCode: 'town-petition-systems', name: '镇信访办', kind: 'DEPARTMENT', reason: '负责信访事项办理' },
        },
        tok.demo,
      ),
    ).addMemberUnit.id;
    for (let i = 0; i < 5; i += 1) {
      const c = ok(
        await t.gql<{ receivePetition: { id: string } }>(
          'mutation($i: ReceivePetitionInput!) { receivePetition(input: $i) { id } }',
          {
            i: {
              tenantCode: 'town-petition-systems',
              channel: 'PHONE',
              matter: '反映村务公开问题，已越级反映。',
              skipLevel: true,
              petitioners: [{ name: `群众${i}`, phone: `1370000000${i}` }],
            },
          },
          tok.demo,
        ),
      ).receivePetition;
      ok(
        await t.gql(
          'mutation($i: AssignCaseInput!) { assignCase(input: $i) { id } }',
          { i: { caseId: c.id, responsibleUnitId: unitId, responsiblePerson: '李主任', dueOn: '2026-12-31' } },
          tok.demo,
        ),
      );
    }
    type Row = {
      id: string;
      unitName: string;
      score: number | null;
      passed: boolean | null;
      outcome: string;
      judgedBy: string | null;
      vetoed: boolean;
      vetoReason: string | null;
      rule: string;
    };
    const ROW = 'id unitName score passed outcome judgedBy vetoed vetoReason rule';
    const run = (input: Record<string, unknown>, token = tok.demo) =>
      t.gql<{ runAssessment: Row[] }>(
        `mutation($i: RunAssessmentInput!) { runAssessment(input: $i) { ${ROW} } }`,
        { i: { tenantCode: 'town-petition-systems', period: 'ANNUAL', periodStart: '2026-01-01', ...input } },
        token,
      );
    expect(field(await run({ periodStart: '2026-04-01' }))).toBe('input.periodStart');
    expect(field(await run({ periodStart: '2027-01-01' }))).toBe('input.periodStart');
    expect(code(await run({}, tok.demoConvener))).toBe('FORBIDDEN');
    // Five skip-level petitions: the old platform default (100 − 10 per event, pass at 60) would have failed it. 004 states no scoring.
    const [assessment] = ok(await run({})).runAssessment;
    expect(assessment).toMatchObject({
      unitName: '镇信访办',
      score: null,
      passed: null,
      outcome: 'NOT_JUDGED',
      judgedBy: null,
      vetoed: false,
    });
    expect(assessment.rule).toContain('not judged');
    await t.queue.whenIdle();
    const accountabilities = async () =>
      ok(
        await t.gql<{ supervisionActions: Action[] }>(
          `{ supervisionActions(tenantCode: "town-petition-systems", kind: ACCOUNTABILITY) { ${ACTION} } }`,
          {},
          tok.demo,
        ),
      ).supervisionActions;
    expect(await accountabilities()).toEqual([]);

    // The town's own 目標考核 result, recorded by the leading group's convener.
    const record = (input: Record<string, unknown>, token = tok.demoConvener) =>
      t.gql<{ recordAssessmentOutcome: Row }>(
        `mutation($i: RecordAssessmentOutcomeInput!) { recordAssessmentOutcome(input: $i) { ${ROW} } }`,
        {
          i: { assessmentId: assessment.id, passed: false, basis: '镇党委2026年度信访工作目标考核结果通报', ...input },
        },
        token,
      );
    expect(code(await record({}, tok.demo))).toBe('FORBIDDEN'); // the office runs the assessment; the leading group decides
    expect(field(await record({ basis: '' }))).toBe('input.basis');
    const failed = ok(await record({})).recordAssessmentOutcome;
    expect(failed).toMatchObject({ passed: false, outcome: 'FAILED', judgedBy: 'RECORDED', vetoed: true });
    expect(failed.vetoReason).toContain('取消評優資格');
    expect(code(await record({ passed: true }))).toBe('CONFLICT');
    // A re-run refreshes the facts and keeps the recorded result.
    expect(ok(await run({})).runAssessment[0]).toMatchObject({ outcome: 'FAILED', vetoed: true });
    await t.queue.whenIdle();
    expect(await accountabilities()).toEqual([]); // proposed, not opened
    const [proposal] = ok(
      await t.gql<{ supervisionProposals: { id: string; ruleId: string; step: string }[] }>(
        '{ supervisionProposals(tenantCode: "town-petition-systems", status: "PROPOSED") { id ruleId step } }',
        {},
        tok.demo,
      ),
    ).supervisionProposals;
    expect(proposal).toMatchObject({ ruleId: 'assessment-failed-veto', step: 'ACCOUNTABILITY' });
    await confirm(proposal.id, tok.demo);
    const [accountability] = await accountabilities();
    expect(accountability).toMatchObject({
      status: 'OPEN',
      ruleId: 'assessment-failed-veto',
      ruleSource: '004 責任追究制度 二、三',
      unitName: '镇信访办',
    });
    // 004 lists failures and sanctions instead of recommendation rights.
    const decide = (input: Record<string, unknown>) =>
      mutate(
        'decideAccountability',
        'DecideAccountabilityInput',
        {
          actionId: accountability.id,
          recommendations: [],
          sanctions: [],
          decision: '對該部門主要負責人予以調整。',
          ...input,
        },
        tok.demoConvener,
      );
    expect(field(await decide({ recommendations: ['IMPROVE_WORK'] }))).toBe('input.recommendations.0');
    expect(field(await decide({ failureCode: 'NO_SUCH_FAILURE', sanctions: ['談話'] }))).toBe('input.failureCode');
    expect(field(await decide({}))).toBe('input.recommendations');
    const decided = ok(
      await decide({ failureCode: 'FAILED_ANNUAL_ASSESSMENT', sanctions: ['談話', '組織處理'] }),
    ).decideAccountability;
    expect(decided.detail.decision).toMatchObject({
      failure: { code: 'FAILED_ANNUAL_ASSESSMENT', target: 'UNIT', source: '004 責任追究制度 二' },
      sanctions: ['談話', '組織處理'],
    });
  });
});
