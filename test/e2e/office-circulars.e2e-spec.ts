import { Clock } from '@engine/clock';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * The office collects, summarises and circulates (issue 14, rows 000-11, 001-19, 002-12, 002-24): a circular
 * (工作情况通报) drawn from the work reports member units sent to the joint meeting, numbered in a series of its
 * own and issued to the member units with receipts (000 art. 6 收集、综合、通报有关工作情况; 001 art. 9; 002 §三
 * 信息收集、分析研判、工作通报); and a circular of the agreed items' progress to the member units, drafted from the
 * items' own state (002 §六(二) 督促落实联席会议议定的事项并定期通报进展情况).
 */
describe("the office's circulars: the work situation and the agreed items' progress", () => {
  let t: TestApp;
  let clock: Clock;
  const tokens: Record<string, string> = {};
  const ok = <T>(res: GqlResult<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const code = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
  const reason = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.reason;
  const field = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.field;

  const PAPER =
    'id kind series source status number title body drawnFromReportIds recipients { memberUnitId acknowledgedAt }';
  interface Paper {
    id: string;
    kind: string;
    series: string;
    source: string;
    status: string;
    number: string | null;
    title: string;
    body: string;
    drawnFromReportIds: string[];
    recipients: { memberUnitId: string; acknowledgedAt: string | null }[];
  }
  const draft = (who: string, i: Record<string, unknown>) =>
    t.gql<{ draftBriefing: Paper }>(
      `mutation($i: DraftBriefingInput!) { draftBriefing(input: $i) { ${PAPER} } }`,
      { i: { title: '一季度信访工作情况', body: '一季度全镇信访形势总体平稳。', ...i } },
      tokens[who],
    );
  const issue = (who: string, briefingId: string) =>
    t.gql<{ issueBriefing: Paper }>(
      `mutation($i: IssueBriefingInput!) { issueBriefing(input: $i) { ${PAPER} } }`,
      { i: { briefingId } },
      tokens[who],
    );
  const notifications = async (who: string) =>
    ok(
      await t.gql<{ myNotifications: { kind: string; title: string; body: string }[] }>(
        '{ myNotifications(limit: 100) { kind title body } }',
        {},
        tokens[who],
      ),
    ).myNotifications;
  const report = async (who: string, tenantCode: string, channel: string, send: boolean): Promise<string> => {
    const id = ok(
      await t.gql<{ draftReport: { id: string } }>(
        'mutation($i: DraftReportInput!) { draftReport(input: $i) { id } }',
        { i: { tenantCode, channel, title: '本领域信访工作情况', body: '本季度受理信访事项5件，均已办结。' } },
        tokens[who],
      ),
    ).draftReport.id;
    if (send) ok(await t.gql('mutation($id: ID!) { sendReport(reportId: $id) { id } }', { id }, tokens[who]));
    return id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    clock.set('2026-03-02T10:00:00+08:00');
    const logins: [string, string, string][] = [
      ['xiacang', 'office', 'xOffice'],
      ['xiacang', 'member', 'xMember'],
      ['shizi', 'office', 'sOffice'],
      ['xincheng', 'office', 'nOffice'],
      ['xincheng', 'chief', 'nChief'],
      ['xincheng', 'convener', 'nConvener'],
      ['xincheng', 'member', 'nMember'],
      ['xincheng', 'secretary', 'nSecretary'],
    ];
    for (const [tenant, user, key] of logins) tokens[key] = await t.login(tenant, user);
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it('000 art. 6, 14 (收集、综合、通报有关工作情况; 各成员单位应当及时向镇联席会议报告): a circular drawn from the units’ work reports, numbered and issued to the member units', async () => {
    const sent = await report('xMember', 'xiacang', 'OWN_JOINT_MEETING', true);
    const unsent = await report('xMember', 'xiacang', 'OWN_JOINT_MEETING', false);
    const own = await report('xOffice', 'xiacang', 'PARTY_COMMITTEE', true);
    // 000 gives the office no 简报: the default kind is refused; a circular is what art. 6 gives it.
    expect([
      reason(await draft('xOffice', { tenantCode: 'xiacang' })),
      field(await draft('xOffice', { tenantCode: 'xiacang' })),
    ]).toEqual(['NO_BRIEFINGS_RULE', 'input.tenantCode']);
    expect(code(await draft('xMember', { tenantCode: 'xiacang', kind: 'CIRCULAR' }))).toBe('FORBIDDEN');
    // Only reports member units sent to this joint meeting are collected: not a draft, not the office's own.
    for (const notReceived of [unsent, own]) {
      const refused = await draft('xOffice', {
        tenantCode: 'xiacang',
        kind: 'CIRCULAR',
        drawnFromReportIds: [sent, notReceived],
      });
      expect([code(refused), reason(refused), field(refused)]).toEqual([
        'BAD_USER_INPUT',
        'NOT_A_RECEIVED_WORK_REPORT',
        'input.drawnFromReportIds.1',
      ]);
    }
    const drafted = ok(
      await draft('xOffice', { tenantCode: 'xiacang', kind: 'CIRCULAR', drawnFromReportIds: [sent] }),
    ).draftBriefing;
    expect(drafted).toMatchObject({
      kind: 'CIRCULAR',
      series: '工作情况通报',
      source: '000 art. 6',
      status: 'DRAFT',
      drawnFromReportIds: [sent],
    });
    // A draft keeps its kind.
    expect(reason(await draft('xOffice', { tenantCode: 'xiacang', briefingId: drafted.id, kind: 'BRIEFING' }))).toBe(
      'KIND_OF_DRAFT',
    );
    const issued = ok(await issue('xOffice', drafted.id)).issueBriefing;
    expect(issued.number).toBe('下仓联席工作情况通报〔2026〕第1期');
    expect(issued.recipients).toHaveLength(18); // 000 art. 4: the 18 member units
    await t.queue.whenIdle();
    expect((await notifications('xMember')).filter((n) => n.kind === 'BRIEFING_ISSUED').map((n) => n.title)).toContain(
      '工作情况通报：下仓联席工作情况通报〔2026〕第1期 一季度信访工作情况',
    );
    const acknowledged = ok(
      await t.gql<{ acknowledgeBriefing: Paper }>(
        `mutation($id: ID!) { acknowledgeBriefing(briefingId: $id) { ${PAPER} } }`,
        { id: drafted.id },
        tokens.xMember,
      ),
    ).acknowledgeBriefing;
    expect(acknowledged.recipients.filter((r) => r.acknowledgedAt)).toHaveLength(1);
  });

  it('001 art. 9 (简报编印 … 收集、综合、通报有关情况): the 情况通报 is a series of its own beside the 简报, each numbered from 1; only a circular lists reports', async () => {
    const briefing = ok(await draft('sOffice', { tenantCode: 'shizi', title: '信访工作简报' })).draftBriefing;
    expect(briefing).toMatchObject({ kind: 'BRIEFING', series: '简报', source: '001 art. 9' });
    const circular = ok(await draft('sOffice', { tenantCode: 'shizi', kind: 'CIRCULAR' })).draftBriefing;
    expect(circular).toMatchObject({ kind: 'CIRCULAR', series: '情况通报', source: '001 art. 9' });
    expect(ok(await issue('sOffice', briefing.id)).issueBriefing.number).toBe('十字联席简报〔2026〕第1期');
    expect(ok(await issue('sOffice', circular.id)).issueBriefing.number).toBe('十字联席情况通报〔2026〕第1期');
    const listing = await draft('sOffice', { tenantCode: 'shizi', drawnFromReportIds: [circular.id] });
    expect([reason(listing), field(listing)]).toEqual(['DRAWN_FROM_CIRCULARS_ONLY', 'input.drawnFromReportIds']);
  });

  it("002 §六(二) (督促落实联席会议议定的事项并定期通报进展情况): the office drafts the agreed items' progress from their state and circulates it to every member unit", async () => {
    const unit = ok(
      await t.gql<{ me: { memberUnit: { id: string; name: string } } }>(
        '{ me { memberUnit { id name } } }',
        {},
        tokens.nMember,
      ),
    ).me.memberUnit;
    const m = ok(
      await t.gql<{ scheduleMeeting: { id: string } }>(
        'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }',
        {
          i: {
            tenantCode: 'xincheng',
            typeCode: 'JOINT_MEETING',
            title: '三月联席会议',
            scheduledAt: '2026-03-02T09:00:00+08:00',
            adHoc: true,
          },
        },
        tokens.nConvener,
      ),
    ).scheduleMeeting;
    ok(
      await t.gql(
        'mutation($i: HoldMeetingInput!) { holdMeeting(input: $i) { status } }',
        { i: { meetingId: m.id, heldAt: '2026-03-02T09:00:00+08:00', attendance: [] } },
        tokens.nOffice,
      ),
    );
    const minutesId = ok(
      await t.gql<{ draftMinutes: { id: string } }>(
        'mutation($i: DraftMinutesInput!) { draftMinutes(input: $i) { id } }',
        {
          i: {
            meetingId: m.id,
            body: '会议研究了辖区重点信访事项。',
            agreedItems: [
              { content: '排查辖区矛盾纠纷', due: { date: '2026-03-10' }, ownerUnitIds: [unit.id] },
              { content: '完善两级信访台账', due: { date: '2026-04-30' }, ownerUnitIds: [unit.id] },
            ],
          },
        },
        tokens.nOffice,
      ),
    ).draftMinutes.id;
    ok(
      await t.gql('mutation($id: ID!) { submitMinutes(minutesId: $id) { status } }', { id: minutesId }, tokens.nOffice),
    );
    ok(
      await t.gql(
        'mutation($i: MinutesDecisionInput!) { approveMinutes(input: $i) { status } }',
        { i: { minutesId } },
        tokens.nChief,
      ),
    );
    ok(
      await t.gql('mutation($id: ID!) { issueMinutes(minutesId: $id) { number } }', { id: minutesId }, tokens.nOffice),
    );

    clock.set('2026-03-15T10:00:00+08:00');
    const progress = (who: string, tenantCode: string) =>
      t.gql<{ draftAgreedItemsProgress: Paper }>(
        `mutation($i: DraftAgreedItemsProgressInput!) { draftAgreedItemsProgress(input: $i) { ${PAPER} } }`,
        { i: { tenantCode } },
        tokens[who],
      );
    expect(code(await progress('nMember', 'xincheng'))).toBe('FORBIDDEN');
    // 000 states no such circular.
    expect(reason(await progress('xOffice', 'xiacang'))).toBe('NO_AGREED_ITEMS_PROGRESS_RULE');
    const drafted = ok(await progress('nOffice', 'xincheng')).draftAgreedItemsProgress;
    expect(drafted).toMatchObject({
      kind: 'AGREED_ITEMS_PROGRESS',
      series: '议定事项进展通报',
      source: '002 §六(二)',
      status: 'DRAFT',
      title: '议定事项进展通报（截至2026年3月15日）',
    });
    expect(drafted.body.split('\n\n')).toEqual([
      '截至2026年3月15日，新城街道信访工作联席会议议定事项共2项：已办结0项，正在办理2项（其中超过完成时限1项）。',
      `1. 排查辖区矛盾纠纷。责任单位：${unit.name}；完成时限：2026年3月10日；进展：已超期，正在督办。`,
      `2. 完善两级信访台账。责任单位：${unit.name}；完成时限：2026年4月30日；进展：正在办理。`,
    ]);
    // The office may edit the draft before issuing it; issued, it goes to every member unit, numbered in its series.
    ok(
      await draft('nOffice', {
        tenantCode: 'xincheng',
        briefingId: drafted.id,
        title: drafted.title,
        body: `${drafted.body}\n\n请各责任单位抓紧落实。`,
      }),
    );
    const issued = ok(await issue('nOffice', drafted.id)).issueBriefing;
    expect(issued.number).toBe('新城联席议定事项进展通报〔2026〕第1期');
    expect(issued.body.endsWith('请各责任单位抓紧落实。')).toBe(true);
    expect(issued.recipients.length).toBeGreaterThanOrEqual(13); // 三办一中心, 派出所, 司法所, 11 社区
    await t.queue.whenIdle();
    for (const who of ['nMember', 'nSecretary'])
      expect((await notifications(who)).map((n) => n.title)).toContain(
        '议定事项进展通报：新城联席议定事项进展通报〔2026〕第1期 议定事项进展通报（截至2026年3月15日）',
      );
    // 002 §三 (信息收集、分析研判、工作通报): the street's work circulars are a series of their own.
    const circular = ok(await draft('nOffice', { tenantCode: 'xincheng', kind: 'CIRCULAR' })).draftBriefing;
    expect(circular).toMatchObject({ series: '工作通报', source: '002 §三' });
    expect(ok(await issue('nOffice', circular.id)).issueBriefing.number).toBe('新城联席工作通报〔2026〕第1期');
  });
});
