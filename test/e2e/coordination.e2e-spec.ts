import { prcCalendar, type Duration } from '@engine/calendar';
import { Clock } from '@engine/clock';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * 下仓镇 (000) over GraphQL: important sensitive information (art. 11) from a member unit through the
 * office to the responsible unit's on-site verification, and the office's issue list to the convener
 * (art. 12); tenants whose plugin lacks a rule answer BAD_USER_INPUT.
 */
describe('coordination in 下仓镇: sensitive information and issue lists', () => {
  let t: TestApp;
  let clock: Clock;
  let office: string;
  let convener: string;
  let member: string;
  let responsible: string;
  let bystander: string;
  let unitA: string;
  let unitB: string;
  let verifyWithin: Duration;

  const REPORT_FIELDS =
    'id status rule verifyDueOn verifyDueProvisional returnComment reportingUnit { id } responsibleUnit { id } history { action note }';

  const ok = <T>(res: GqlResult<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const code = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
  const field = (res: GqlResult): string | undefined =>
    res.errors?.[0]?.extensions?.field ?? res.errors?.[0]?.extensions?.problems?.[0]?.field;
  const kinds = async (token: string): Promise<string[]> =>
    ok(
      await t.gql<{ myNotifications: { kind: string }[] }>('{ myNotifications { kind } }', {}, token),
    ).myNotifications.map((n) => n.kind);

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    clock.set('2026-09-29T09:00:00+08:00');
    [office, convener, member] = await Promise.all([
      t.login('xiacang', 'office'),
      t.login('xiacang', 'convener'),
      t.login('xiacang', 'member'),
    ]);
    const me = await t.gql<{
      me: { memberUnit: { id: string } };
      tenant: {
        memberUnits: { id: string }[];
        effectiveConfiguration: { operations: { sensitiveInformation: { verifyWithin: Duration } } };
      };
    }>(
      '{ me { memberUnit { id } } tenant(code: "xiacang") { memberUnits { id } effectiveConfiguration } }',
      {},
      member,
    );
    unitA = ok(me).me.memberUnit.id;
    const units = me.data!.tenant.memberUnits.map((u) => u.id).filter((id) => id !== unitA);
    unitB = units[0];
    verifyWithin = me.data!.tenant.effectiveConfiguration.operations.sensitiveInformation.verifyWithin;
    for (const [username, unit] of [
      ['responsible', unitB],
      ['bystander', units[1]],
    ] as const) {
      ok(
        await t.gql(
          'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
          {
            i: {
              tenantCode: 'xiacang',
              username,
              password: `${username}-password-1`,
              displayName: `下仓镇${username}`,
              roles: ['MEMBER_UNIT'],
              memberUnitId: unit,
            },
          },
          office,
        ),
      );
    }
    [responsible, bystander] = await Promise.all([
      t.login('xiacang', 'responsible', 'responsible-password-1'),
      t.login('xiacang', 'bystander', 'bystander-password-1'),
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  type Report = {
    id: string;
    status: string;
    rule: string;
    verifyDueOn: string | null;
    verifyDueProvisional: boolean;
    returnComment: string | null;
    reportingUnit: { id: string } | null;
    responsibleUnit: { id: string } | null;
    history: { action: string; note: string | null }[];
  };
  const report = (input: Record<string, unknown>, token: string) =>
    t.gql<{ reportSensitiveInformation: Report }>(
      `mutation($i: ReportSensitiveInformationInput!) { reportSensitiveInformation(input: $i) { ${REPORT_FIELDS} } }`,
      { i: input },
      token,
    );
  const act = (op: string, type: string, input: Record<string, unknown>, token: string) =>
    t.gql<Record<string, Report>>(
      `mutation($i: ${type}!) { ${op}(input: $i) { ${REPORT_FIELDS} } }`,
      { i: input },
      token,
    );
  const list = async (token: string, tenantCode = 'xiacang') =>
    ok(
      await t.gql<{ sensitiveReports: { id: string }[] }>(
        'query($c: String!) { sensitiveReports(tenantCode: $c) { id } }',
        { c: tenantCode },
        token,
      ),
    ).sensitiveReports.map((r) => r.id);

  it('walks sensitive information from a member unit through the office to the responsible unit and back', async () => {
    const info = {
      tenantCode: 'xiacang',
      content: '某村拟于国庆期间组织多人赴区上访，反映土地补偿问题。',
      occurredAt: '2026-09-28T20:00:00+08:00',
      location: '下仓镇某村',
      severity: 'SERIOUS',
    };
    expect(field(await report({ ...info, content: 'x' }, member))).toBe('input.content');
    expect(field(await report({ ...info, occurredAt: '2026-10-30T09:00:00+08:00' }, member))).toBe('input.occurredAt');
    expect(code(await report(info, convener))).toBe('FORBIDDEN');
    const reported = ok(await report(info, member)).reportSensitiveInformation;
    expect(reported).toMatchObject({
      status: 'REPORTED',
      rule: '000 art. 11',
      reportingUnit: { id: unitA },
      responsibleUnit: null,
      verifyDueOn: null,
    });
    expect(await kinds(office)).toContain('SENSITIVE_INFORMATION_REPORTED');

    // Only the office notifies; nobody verifies before the notification.
    const notify = { reportId: reported.id, responsibleUnitId: unitB, instructions: '请立即落地核查，做好稳控。' };
    expect(code(await act('notifySensitiveInformation', 'NotifySensitiveInformationInput', notify, member))).toBe(
      'FORBIDDEN',
    );
    const verify = {
      reportId: reported.id,
      verifiedOnSite: true,
      verification: '经现场核查，情况属实，涉及12户。',
      handling: '已约见群众代表，解释补偿政策并登记诉求。',
    };
    expect(code(await act('verifySensitiveInformation', 'VerifySensitiveInformationInput', verify, responsible))).toBe(
      'NOT_FOUND',
    );
    expect(code(await act('verifySensitiveInformation', 'VerifySensitiveInformationInput', verify, office))).toBe(
      'FORBIDDEN',
    );
    expect(
      field(
        await act(
          'notifySensitiveInformation',
          'NotifySensitiveInformationInput',
          { ...notify, responsibleUnitId: reported.id },
          office,
        ),
      ),
    ).toBe('input.responsibleUnitId');

    const notified = ok(
      await act('notifySensitiveInformation', 'NotifySensitiveInformationInput', notify, office),
    ).notifySensitiveInformation;
    // The plugin's verifyWithin, counted from the notification date on the PRC calendar (National Day skipped).
    const due = prcCalendar().due('2026-09-29', verifyWithin);
    expect(notified).toMatchObject({
      status: 'NOTIFIED',
      responsibleUnit: { id: unitB },
      verifyDueOn: due.date,
      verifyDueProvisional: due.provisional,
    });
    expect(notified.verifyDueOn! > '2026-10-07').toBe(true);
    expect(code(await act('notifySensitiveInformation', 'NotifySensitiveInformationInput', notify, office))).toBe(
      'CONFLICT',
    );
    expect(await kinds(responsible)).toContain('SENSITIVE_INFORMATION_NOTIFIED');

    // A unit not involved sees nothing of it; the reporter and the responsible unit do.
    expect(await list(bystander)).toEqual([]);
    expect(
      ok(
        await t.gql<{ sensitiveReport: null }>(
          'query($id: ID!) { sensitiveReport(id: $id) { id } }',
          { id: reported.id },
          bystander,
        ),
      ).sensitiveReport,
    ).toBeNull();
    expect(code(await act('verifySensitiveInformation', 'VerifySensitiveInformationInput', verify, bystander))).toBe(
      'NOT_FOUND',
    );
    expect(await list(member)).toEqual([reported.id]);
    expect(await list(responsible)).toEqual([reported.id]);
    expect(code(await act('verifySensitiveInformation', 'VerifySensitiveInformationInput', verify, member))).toBe(
      'FORBIDDEN',
    );

    // The plugin asks for on-site verification (落地核查).
    expect(
      field(
        await act(
          'verifySensitiveInformation',
          'VerifySensitiveInformationInput',
          { ...verify, verifiedOnSite: false },
          responsible,
        ),
      ),
    ).toBe('input.verifiedOnSite');
    expect(
      ok(await act('verifySensitiveInformation', 'VerifySensitiveInformationInput', verify, responsible))
        .verifySensitiveInformation.status,
    ).toBe('VERIFIED');
    expect(code(await act('verifySensitiveInformation', 'VerifySensitiveInformationInput', verify, responsible))).toBe(
      'CONFLICT',
    );
    expect(await kinds(office)).toContain('SENSITIVE_INFORMATION_VERIFIED');

    // Sent back: notified again, a new due date from the day it was sent back.
    clock.set('2026-10-09T10:00:00+08:00');
    expect(
      field(await act('returnSensitiveInformation', 'SensitiveDecisionInput', { reportId: reported.id }, office)),
    ).toBe('input.comment');
    expect(
      code(
        await act(
          'returnSensitiveInformation',
          'SensitiveDecisionInput',
          { reportId: reported.id, comment: '请补充稳控责任人' },
          responsible,
        ),
      ),
    ).toBe('FORBIDDEN');
    const returned = ok(
      await act(
        'returnSensitiveInformation',
        'SensitiveDecisionInput',
        { reportId: reported.id, comment: '请补充稳控责任人' },
        office,
      ),
    ).returnSensitiveInformation;
    expect(returned).toMatchObject({
      status: 'NOTIFIED',
      returnComment: '请补充稳控责任人',
      verifyDueOn: prcCalendar().due('2026-10-09', verifyWithin).date,
    });
    expect((await kinds(responsible)).filter((k) => k.startsWith('SENSITIVE_INFORMATION'))).toEqual([
      'SENSITIVE_INFORMATION_RETURNED',
      'SENSITIVE_INFORMATION_NOTIFIED',
    ]);
    expect(
      code(await act('closeSensitiveInformation', 'SensitiveDecisionInput', { reportId: reported.id }, office)),
    ).toBe('CONFLICT');
    ok(
      await act(
        'verifySensitiveInformation',
        'VerifySensitiveInformationInput',
        { ...verify, handling: '已落实村干部包户稳控，责任人：村支书。' },
        responsible,
      ),
    );
    const closed = ok(
      await act(
        'closeSensitiveInformation',
        'SensitiveDecisionInput',
        { reportId: reported.id, comment: '核查处置到位' },
        office,
      ),
    ).closeSensitiveInformation;
    expect(closed.status).toBe('CLOSED');
    expect(closed.history.map((h) => h.action)).toEqual([
      'REPORTED',
      'NOTIFIED',
      'VERIFIED',
      'RETURNED',
      'VERIFIED',
      'CLOSED',
    ]);
    expect(
      code(await act('closeSensitiveInformation', 'SensitiveDecisionInput', { reportId: reported.id }, office)),
    ).toBe('CONFLICT');

    // The convener sees every report; filtering by status.
    const closedIds = ok(
      await t.gql<{ sensitiveReports: { id: string }[] }>(
        '{ sensitiveReports(tenantCode: "xiacang", status: CLOSED) { id } }',
        {},
        convener,
      ),
    ).sensitiveReports;
    expect(closedIds).toEqual([{ id: reported.id }]);
  });

  it('000 art. 11 (D5): the article is cited for 督促落地核查 only; its 5 working days are a platform default, shown as such in the API and the notice', async () => {
    clock.set('2026-10-12T10:00:00+08:00');
    const own = ok(
      await report(
        {
          tenantCode: 'xiacang',
          content: '某村群众拟集体反映饮水工程问题，需核实。',
          occurredAt: '2026-10-12T08:00:00+08:00',
        },
        office,
      ),
    ).reportSensitiveInformation;
    const basisOf = async () =>
      ok(
        await t.gql<{
          sensitiveReport: {
            rule: string;
            verificationDeadline: {
              amount: number;
              unit: string;
              source: string | null;
              platformDefault: boolean;
              words: string;
            } | null;
          };
        }>(
          'query($id: ID!) { sensitiveReport(id: $id) { rule verificationDeadline { amount unit source platformDefault words } } }',
          { id: own.id },
          office,
        ),
      ).sensitiveReport;
    expect(await basisOf()).toEqual({ rule: '000 art. 11', verificationDeadline: null }); // not notified yet
    ok(
      await act(
        'notifySensitiveInformation',
        'NotifySensitiveInformationInput',
        { reportId: own.id, responsibleUnitId: unitB },
        office,
      ),
    );
    expect(await basisOf()).toEqual({
      rule: '000 art. 11',
      verificationDeadline: {
        amount: 5,
        unit: 'WORKING_DAYS',
        source: null,
        platformDefault: true,
        words: '5个工作日内（平台默认期限，来源未作规定）',
      },
    });
    const notices = ok(
      await t.gql<{ myNotifications: { kind: string; body: string }[] }>(
        '{ myNotifications(limit: 200) { kind body } }',
        {},
        responsible,
      ),
    ).myNotifications.filter((n) => n.kind === 'SENSITIVE_INFORMATION_NOTIFIED');
    const body = notices[0].body;
    expect(body).toContain('落地核查并报告处理情况（000 art. 11）');
    expect(body).toContain('5个工作日内（平台默认期限，来源未作规定）');
    expect(body).not.toMatch(/工作日内（000 art\. 11）/);
  });

  it("flags an office report past its verification due date, and hides other tenants' reports", async () => {
    const own = ok(
      await report(
        {
          tenantCode: 'xiacang',
          content: '网络出现涉我镇信访敏感舆情，需核实。',
          occurredAt: '2026-10-09T08:00:00+08:00',
        },
        office,
      ),
    ).reportSensitiveInformation;
    expect(own.reportingUnit).toBeNull();
    const notified = ok(
      await act(
        'notifySensitiveInformation',
        'NotifySensitiveInformationInput',
        { reportId: own.id, responsibleUnitId: unitB },
        office,
      ),
    ).notifySensitiveInformation;
    const overdue = async () =>
      ok(
        await t.gql<{ sensitiveReport: { verificationOverdue: boolean } }>(
          'query($id: ID!) { sensitiveReport(id: $id) { verificationOverdue } }',
          { id: own.id },
          office,
        ),
      ).sensitiveReport.verificationOverdue;
    expect(await overdue()).toBe(false);
    clock.set(`${notified.verifyDueOn}T23:00:00+08:00`);
    expect(await overdue()).toBe(false);
    clock.set(`${prcCalendar().addCalendarDays(notified.verifyDueOn!, 1).date}T09:00:00+08:00`);
    expect(await overdue()).toBe(true);

    const shizi = await t.login('shizi', 'member');
    const theirs = ok(
      await report(
        { tenantCode: 'shizi', content: '十字镇某村反映拆迁安置问题。', occurredAt: '2026-10-09T08:00:00+08:00' },
        shizi,
      ),
    ).reportSensitiveInformation;
    expect(
      code(
        await act(
          'notifySensitiveInformation',
          'NotifySensitiveInformationInput',
          { reportId: theirs.id, responsibleUnitId: unitB },
          office,
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(
      ok(
        await t.gql<{ sensitiveReport: null }>(
          'query($id: ID!) { sensitiveReport(id: $id) { id } }',
          { id: theirs.id },
          office,
        ),
      ).sensitiveReport,
    ).toBeNull();
    // Another tenant looks exactly like a missing one.
    expect(
      code(
        await report(
          { tenantCode: 'shizi', content: '越权报送的敏感信息内容。', occurredAt: '2026-10-09T08:00:00+08:00' },
          member,
        ),
      ),
    ).toBe('NOT_FOUND');
  });

  type List = {
    id: string;
    status: string;
    rule: string;
    recipientRole: string | null;
    instructions: string | null;
    items: { issue: string; relatedUnits: { id: string }[] }[];
  };
  const LIST_FIELDS = 'id status rule recipientRole instructions items { issue relatedUnits { id } }';
  const lists = async (token: string) =>
    ok(
      await t.gql<{ issueLists: { id: string; status: string }[] }>(
        '{ issueLists(tenantCode: "xiacang") { id status } }',
        {},
        token,
      ),
    ).issueLists;

  it('takes an issue list from the office to the convener the plugin names', async () => {
    const draft = (input: Record<string, unknown>, token = office) =>
      t.gql<{ draftIssueList: List }>(
        `mutation($i: DraftIssueListInput!) { draftIssueList(input: $i) { ${LIST_FIELDS} } }`,
        { i: input },
        token,
      );
    const base = {
      tenantCode: 'xiacang',
      title: '2026年第三季度重大信访问题清单',
      periodStart: '2026-07-01',
      periodEnd: '2026-09-30',
      items: [
        {
          issue: '土地补偿标准争议引发集体访',
          recommendation: '由村镇建设办公室牵头，会同司法所开展政策解释',
          relatedUnitIds: [unitB],
        },
      ],
    };
    expect(field(await draft({ ...base, items: [] }))).toBe('input.items');
    expect(field(await draft({ ...base, periodEnd: '2026-06-30' }))).toBe('input.periodEnd');
    expect(
      field(
        await draft({
          ...base,
          items: [{ ...base.items[0], relatedUnitIds: ['00000000-0000-4000-8000-000000000001'] }],
        }),
      ),
    ).toBe('input.items.0.relatedUnitIds.0');
    expect(code(await draft(base, convener))).toBe('FORBIDDEN');
    const first = ok(await draft(base)).draftIssueList;
    expect(first).toMatchObject({
      status: 'DRAFT',
      rule: '000 art. 12',
      recipientRole: null,
      items: [{ relatedUnits: [{ id: unitB }] }],
    });
    expect(await lists(convener)).toEqual([]);
    const edited = ok(
      await draft({
        ...base,
        issueListId: first.id,
        items: [...base.items, { issue: '退役军人待遇诉求反复', recommendation: '退役军人服务站建立专人联系制度' }],
      }),
    ).draftIssueList;
    expect(edited.items).toHaveLength(2);

    const submit = (token: string) =>
      t.gql<{ submitIssueList: List }>(
        `mutation($id: ID!) { submitIssueList(issueListId: $id) { ${LIST_FIELDS} } }`,
        { id: first.id },
        token,
      );
    expect(code(await submit(convener))).toBe('FORBIDDEN');
    expect(ok(await submit(office)).submitIssueList).toMatchObject({ status: 'SUBMITTED', recipientRole: 'CONVENER' });
    expect(code(await submit(office))).toBe('CONFLICT');
    expect(code(await draft({ ...base, issueListId: first.id }))).toBe('CONFLICT');
    expect(await kinds(convener)).toContain('ISSUE_LIST_SUBMITTED');

    // Related units read it (参阅); others do not; only the recipient reviews.
    expect(await lists(responsible)).toEqual([{ id: first.id, status: 'SUBMITTED' }]);
    expect(await lists(bystander)).toEqual([]);
    const review = (input: Record<string, unknown>, token: string) =>
      t.gql<{ reviewIssueList: List }>(
        `mutation($i: ReviewIssueListInput!) { reviewIssueList(input: $i) { ${LIST_FIELDS} } }`,
        { i: input },
        token,
      );
    expect(code(await review({ issueListId: first.id }, office))).toBe('FORBIDDEN');
    expect(code(await review({ issueListId: first.id }, responsible))).toBe('FORBIDDEN');
    expect(code(await review({ issueListId: first.id }, bystander))).toBe('NOT_FOUND');
    const reviewed = ok(
      await review({ issueListId: first.id, instructions: '请相关单位于十月底前拿出化解方案。' }, convener),
    ).reviewIssueList;
    expect(reviewed).toMatchObject({ status: 'REVIEWED', instructions: '请相关单位于十月底前拿出化解方案。' });
    expect(code(await review({ issueListId: first.id }, convener))).toBe('CONFLICT');
    expect(await kinds(office)).toContain('ISSUE_LIST_REVIEWED');
  });

  it("answers BAD_USER_INPUT where the tenant's plugin has no such rule", async () => {
    const shiziOffice = await t.login('shizi', 'office');
    const res = await t.gql(
      'mutation($i: DraftIssueListInput!) { draftIssueList(input: $i) { id } }',
      {
        i: {
          tenantCode: 'shizi',
          title: '问题清单',
          periodStart: '2026-07-01',
          periodEnd: '2026-09-30',
          items: [{ issue: '某问题', recommendation: '某建议' }],
        },
      },
      shiziOffice,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.tenantCode' });
    expect(res.errors?.[0]?.message).toMatch(/no rule for issue lists/);
    expect(code(await t.gql('{ issueLists(tenantCode: "shizi") { id } }', {}, shiziOffice))).toBe('BAD_USER_INPUT');

    const xincheng = await t.login('xincheng', 'office');
    const sensitive = await report(
      { tenantCode: 'xincheng', content: '某社区反映物业纠纷。', occurredAt: '2026-10-09T08:00:00+08:00' },
      xincheng,
    );
    expect(sensitive.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.tenantCode' });
    expect(sensitive.errors?.[0]?.message).toMatch(/no rule for sensitive information/);
    expect(code(await t.gql('{ sensitiveReports(tenantCode: "xincheng") { id } }', {}, xincheng))).toBe(
      'BAD_USER_INPUT',
    );
  });
});
