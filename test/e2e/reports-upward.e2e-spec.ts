import { Clock } from '@engine/clock';
import { copyUser } from '@test/support/extra-user';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/** 004 復查制度 三.1: the opinion states a finding on every check the plugin lists (here: all found sound). */
const SOUND = ['FACTS', 'CHARACTERISATION', 'EVIDENCE', 'LAW', 'DISPOSITION', 'PROCEDURE'].map((check) => ({
  check,
  sound: true,
}));

/**
 * Reports upward (请示报告, issue 14 item 4), walked through the API from the sources' wording: the office
 * drafts a report on a channel its plugin declares, approval first where the source requires it, the
 * recipient acknowledges and answers with instructions (批示) that become tracked items of the reporting
 * tenant; a report to the parent joint meeting is visible to the parent's office and to nobody else above.
 */
describe('reports upward: drafted, approved where the source says, sent, acknowledged, answered', () => {
  let t: TestApp;
  let clock: Clock;
  const tokens: Record<string, string> = {};
  const ok = <T>(res: GqlResult<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const code = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
  const reason = (res: GqlResult): unknown => {
    const ext = res.errors?.[0]?.extensions as { reason?: string; problems?: { reason: string }[] } | undefined;
    return ext?.problems?.[0]?.reason ?? ext?.reason;
  };
  const REPORT =
    'id channel status recipientName rule needsApproval sentAt reply repliedByName repliedOn approvedById instructions { id content dueOn status result overdue }';
  type R = {
    id: string;
    channel: string;
    status: string;
    recipientName: string;
    rule: string;
    needsApproval: boolean;
    sentAt: string | null;
    reply: string | null;
    repliedByName: string | null;
    repliedOn: string | null;
    approvedById: string | null;
    instructions: {
      id: string;
      content: string;
      dueOn: string | null;
      status: string;
      result: string | null;
      overdue: boolean;
    }[];
  };

  const draft = (who: string, tenantCode: string, channel: string, title = '关于近期信访形势的报告') =>
    t.gql<{ draftReport: R }>(
      `mutation($i: DraftReportInput!) { draftReport(input: $i) { ${REPORT} } }`,
      { i: { tenantCode, channel, title, body: '本月共受理信访事项12件，重点矛盾纠纷2起，均已落实包案领导。' } },
      tokens[who],
    );
  const send = (who: string, id: string) =>
    t.gql<{ sendReport: R }>(`mutation($id: ID!) { sendReport(reportId: $id) { ${REPORT} } }`, { id }, tokens[who]);
  const acknowledge = (who: string, id: string) =>
    t.gql<{ acknowledgeReport: R }>(
      `mutation($id: ID!) { acknowledgeReport(reportId: $id) { ${REPORT} } }`,
      { id },
      tokens[who],
    );
  const answer = (who: string, i: Record<string, unknown>) =>
    t.gql<{ answerReport: R }>(
      `mutation($i: AnswerReportInput!) { answerReport(input: $i) { ${REPORT} } }`,
      { i },
      tokens[who],
    );
  const one = async (who: string, id: string): Promise<R | null> =>
    ok(await t.gql<{ report: R | null }>(`query($id: ID!) { report(id: $id) { ${REPORT} } }`, { id }, tokens[who]))
      .report;
  const received = async (who: string): Promise<string[]> =>
    ok(
      await t.gql<{ receivedReports: { items: { id: string }[] } }>(
        '{ receivedReports(limit: 200) { items { id } nextCursor } }',
        {},
        tokens[who],
      ),
    ).receivedReports.items.map((r) => r.id);
  const listed = async (who: string, tenantCode: string): Promise<string[]> =>
    ok(
      await t.gql<{ reports: { items: { id: string }[] } }>(
        'query($c: String!) { reports(tenantCode: $c, limit: 200) { items { id } nextCursor } }',
        { c: tenantCode },
        tokens[who],
      ),
    ).reports.items.map((r) => r.id);
  const notifications = async (who: string) =>
    ok(
      await t.gql<{ myNotifications: { kind: string; body: string }[] }>(
        '{ myNotifications(limit: 100) { kind body } }',
        {},
        tokens[who],
      ),
    ).myNotifications;

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    clock.set('2026-10-12T09:00:00+08:00');
    // A second office director in the county: the parent's office is a role, not one person.
    await copyUser(t, 'county-petition-mechanisms', 'office', 'office2', ['OFFICE_DIRECTOR']);
    const logins: [string, string, string][] = [
      ['shizi', 'office', 'sOffice'],
      ['shizi', 'member', 'sMember'],
      ['shizi', 'convener', 'sConvener'],
      ['xiacang', 'office', 'xOffice'],
      ['xiacang', 'member', 'xMember'],
      ['xincheng', 'office', 'nOffice'],
      ['town-petition-systems', 'office', 'tOffice'],
      ['town-petition-systems', 'convener', 'tConvener'],
      ['county-petition-mechanisms', 'office', 'cOffice'],
      ['county-petition-mechanisms', 'office2', 'cOffice2'],
      ['county-petition-mechanisms', 'superior', 'cSuperior'],
      ['county-petition-mechanisms', 'convener', 'cConvener'],
    ];
    for (const [tenant, user, key] of logins) tokens[key] = await t.login(tenant, user);
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it("001 art. 6 (向县信访工作联席会议报告): the county office sees the town's report once sent — no one else above — acknowledges and answers with instructions that the town tracks", async () => {
    const drafted = ok(await draft('sOffice', 'shizi', 'PARENT_JOINT_MEETING')).draftReport;
    expect(drafted).toMatchObject({
      channel: 'PARENT_JOINT_MEETING',
      status: 'DRAFT',
      recipientName: '县信访工作联席会议',
      rule: '001 art. 6',
      needsApproval: false,
    });
    // A draft stays in the town: the county's office, superior and convener read nothing of it.
    expect(await received('cOffice')).not.toContain(drafted.id);
    expect(await one('cOffice', drafted.id)).toBeNull();
    expect(await one('cSuperior', drafted.id)).toBeNull();
    expect(await listed('cOffice', 'shizi')).not.toContain(drafted.id);
    // A member unit of the town does not read the office's reports.
    expect(await one('sMember', drafted.id)).toBeNull();

    const sent = ok(await send('sOffice', drafted.id)).sendReport;
    expect(sent.status).toBe('SENT');
    expect(sent.sentAt).toBeTruthy();
    expect(await received('cOffice')).toContain(drafted.id);
    expect(await received('cOffice2')).toContain(drafted.id);
    expect(
      (await notifications('cOffice')).filter((n) => n.kind === 'REPORT_RECEIVED').map((n) => n.body.split('（')[0]),
    ).toContain(`reportId=${drafted.id}`);
    // The parent's office only: its superior and convener, and a sibling town's office, still read nothing.
    expect(await one('cSuperior', drafted.id)).toBeNull();
    expect(await one('cConvener', drafted.id)).toBeNull();
    expect(await one('nOffice', drafted.id)).toBeNull();
    expect(code(await acknowledge('cSuperior', drafted.id))).toBe('FORBIDDEN');
    expect(code(await acknowledge('nOffice', drafted.id))).toBe('NOT_FOUND');
    // The town cannot acknowledge its own report to the county.
    expect(code(await acknowledge('sOffice', drafted.id))).toBe('FORBIDDEN');

    expect(ok(await acknowledge('cOffice', drafted.id)).acknowledgeReport.status).toBe('ACKNOWLEDGED');
    const answered = ok(
      await answer('cOffice', {
        reportId: drafted.id,
        reply: '已阅。请抓紧化解重点矛盾纠纷。',
        instructions: [
          { content: '十日内化解两起重点矛盾纠纷并报结果', dueOn: '2026-10-22' },
          { content: '落实包案领导每周报告进度' },
        ],
      }),
    ).answerReport;
    expect(answered.status).toBe('ANSWERED');
    expect(answered.instructions.map((i) => [i.content, i.dueOn, i.status])).toEqual([
      ['十日内化解两起重点矛盾纠纷并报结果', '2026-10-22', 'OPEN'],
      ['落实包案领导每周报告进度', null, 'OPEN'],
    ]);
    // The instructions are the town's tracked items: it sees them, is told, and records what it did.
    const mine = (await one('sOffice', drafted.id))!;
    expect(mine.reply).toBe('已阅。请抓紧化解重点矛盾纠纷。');
    expect(mine.instructions.map((i) => i.status)).toEqual(['OPEN', 'OPEN']);
    expect(
      (await notifications('sOffice')).some(
        (n) => n.kind === 'REPORT_ANSWERED' && n.body.startsWith(`reportId=${drafted.id}`),
      ),
    ).toBe(true);
    const [first] = mine.instructions;
    expect(
      code(
        await t.gql(
          'mutation($i: CompleteInstructionInput!) { completeReportInstruction(input: $i) { status } }',
          { i: { instructionId: first.id, result: '已化解' } },
          tokens.cOffice,
        ),
      ),
    ).toBe('FORBIDDEN');
    const done = ok(
      await t.gql<{ completeReportInstruction: { status: string; result: string } }>(
        'mutation($i: CompleteInstructionInput!) { completeReportInstruction(input: $i) { status result } }',
        { i: { instructionId: first.id, result: '两起矛盾纠纷已于10月20日化解，当事人签字息诉。' } },
        tokens.sOffice,
      ),
    ).completeReportInstruction;
    expect(done.status).toBe('DONE');
    // Past its day an open instruction shows overdue; the county sees how its instructions are carried out.
    clock.set('2026-10-23T09:00:00+08:00');
    const seenAbove = (await one('cOffice', drafted.id))!;
    expect(seenAbove.instructions.map((i) => [i.status, i.overdue])).toEqual([
      ['DONE', false],
      ['OPEN', false],
    ]);
    clock.set('2026-10-12T09:00:00+08:00');
  });

  it('001 art. 6 (向镇党委、政府报告): a report to the party committee is recorded with its recipient, and the office records the reply', async () => {
    const drafted = ok(
      await draft('sOffice', 'shizi', 'PARTY_COMMITTEE', '关于重要信访事项处理意见的请示'),
    ).draftReport;
    expect(drafted).toMatchObject({ recipientName: '镇党委、政府', rule: '001 art. 6', needsApproval: false });
    ok(await send('sOffice', drafted.id));
    // The party committee is outside the platform: nobody acknowledges it; the office records its reply.
    expect(reason(await acknowledge('sOffice', drafted.id))).toBe('RECIPIENT_OUTSIDE');
    const noWho = await answer('sOffice', {
      reportId: drafted.id,
      reply: '同意',
      repliedOn: '2026-10-12',
      instructions: [],
    });
    expect(code(noWho)).toBe('BAD_USER_INPUT');
    expect(noWho.errors?.[0]?.message).toContain('input.repliedByName');
    expect(
      code(
        await answer('sOffice', {
          reportId: drafted.id,
          reply: '同意',
          repliedByName: '镇党委书记',
          repliedOn: '2026-10-13',
          instructions: [],
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    const replied = ok(
      await answer('sOffice', {
        reportId: drafted.id,
        reply: '同意处理意见，由综治办牵头落实。',
        repliedByName: '镇党委书记',
        repliedOn: '2026-10-12',
        instructions: [{ content: '综治办牵头落实处理意见', dueOn: '2026-10-30' }],
      }),
    ).answerReport;
    expect(replied).toMatchObject({ status: 'ANSWERED', repliedByName: '镇党委书记', repliedOn: '2026-10-12' });
    expect(replied.instructions).toHaveLength(1);
    // Nothing of it is visible to the county, not even to its office.
    expect(await one('cOffice', drafted.id)).toBeNull();
    expect(await received('cOffice')).not.toContain(drafted.id);
  });

  it('004 領導接待日制度 6 (交主要領導審核後，由辦公室反饋上級機關): the principal leader approves before the office sends, never the drafter', async () => {
    const drafted = ok(
      await draft('tOffice', 'town-petition-systems', 'PARENT_JOINT_MEETING', '接待日來訪事項辦理結果報告'),
    ).draftReport;
    expect(drafted).toMatchObject({ needsApproval: true, rule: '004 領導接待日制度 6' });
    expect(reason(await send('tOffice', drafted.id))).toBe('APPROVAL_REQUIRED');
    ok(
      await t.gql('mutation($id: ID!) { submitReport(reportId: $id) { status } }', { id: drafted.id }, tokens.tOffice),
    );
    expect(
      (await notifications('tConvener')).some(
        (n) => n.kind === 'REPORT_TO_APPROVE' && n.body.startsWith(`reportId=${drafted.id}`),
      ),
    ).toBe(true);
    expect(
      code(
        await t.gql(
          'mutation($i: ReportDecisionInput!) { approveReport(input: $i) { status } }',
          { i: { reportId: drafted.id } },
          tokens.tOffice,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(await received('cOffice')).not.toContain(drafted.id);
    const approved = ok(
      await t.gql<{ approveReport: R }>(
        `mutation($i: ReportDecisionInput!) { approveReport(input: $i) { ${REPORT} } }`,
        { i: { reportId: drafted.id } },
        tokens.tConvener,
      ),
    ).approveReport;
    expect(approved.status).toBe('APPROVED');
    expect(approved.approvedById).toBeTruthy();
    expect(ok(await send('tOffice', drafted.id)).sendReport.status).toBe('SENT');
    expect(await received('cOffice')).toContain(drafted.id);
  });

  it('004 領導接待日制度 6: a returned report is a draft again, with what to change; a convener who drafted nothing approves', async () => {
    const drafted = ok(await draft('tOffice', 'town-petition-systems', 'PARENT_JOINT_MEETING')).draftReport;
    ok(
      await t.gql('mutation($id: ID!) { submitReport(reportId: $id) { status } }', { id: drafted.id }, tokens.tOffice),
    );
    const noComment = await t.gql(
      'mutation($i: ReportDecisionInput!) { returnReport(input: $i) { status } }',
      { i: { reportId: drafted.id } },
      tokens.tConvener,
    );
    expect(code(noComment)).toBe('BAD_USER_INPUT');
    const back = ok(
      await t.gql<{ returnReport: { status: string; returnComment: string } }>(
        'mutation($i: ReportDecisionInput!) { returnReport(input: $i) { status returnComment } }',
        { i: { reportId: drafted.id, comment: '请补充化解时限。' } },
        tokens.tConvener,
      ),
    ).returnReport;
    expect(back).toEqual({ status: 'DRAFT', returnComment: '请补充化解时限。' });
  });

  it('000 art. 14 (各成员单位应当及时向镇联席会议报告): a member unit reports to its joint meeting, whose office acknowledges and answers; 000 art. 10 reports go to 镇党委、政府, none to the district', async () => {
    const drafted = ok(
      await draft('xMember', 'xiacang', 'OWN_JOINT_MEETING', '本领域信访信息分析研判情况'),
    ).draftReport;
    expect(drafted).toMatchObject({
      channel: 'OWN_JOINT_MEETING',
      recipientName: '下仓镇信访工作联席会议',
      rule: '000 art. 14',
    });
    expect(code(await send('xOffice', drafted.id))).toBe('FORBIDDEN');
    ok(await send('xMember', drafted.id));
    expect(
      (await notifications('xOffice')).some(
        (n) => n.kind === 'REPORT_RECEIVED' && n.body.startsWith(`reportId=${drafted.id}`),
      ),
    ).toBe(true);
    expect(code(await acknowledge('xMember', drafted.id))).toBe('FORBIDDEN');
    const answered = ok(
      await answer('xOffice', {
        reportId: drafted.id,
        reply: '收悉，请持续跟踪。',
        instructions: [{ content: '每周报送一次研判情况', dueOn: '2026-10-19' }],
      }),
    ).answerReport;
    expect(answered.status).toBe('ANSWERED');
    // The reporting unit carries out the instruction on its own report.
    const done = await t.gql<{ completeReportInstruction: { status: string } }>(
      'mutation($i: CompleteInstructionInput!) { completeReportInstruction(input: $i) { status } }',
      { i: { instructionId: answered.instructions[0].id, result: '已建立每周报送机制。' } },
      tokens.xMember,
    );
    expect(ok(done).completeReportInstruction.status).toBe('DONE');
    // The office's own reports (to the party committee) stay unseen by the unit.
    const office = ok(await draft('xOffice', 'xiacang', 'PARTY_COMMITTEE', '关于重大信访问题的请示')).draftReport;
    expect(office).toMatchObject({ recipientName: '镇党委、政府', rule: '000 art. 10, 13' });
    expect(await listed('xMember', 'xiacang')).toEqual([drafted.id]);
    // 000 declares no report to the district joint meeting (to: OWN_JOINT_MEETING).
    expect(reason(await draft('xOffice', 'xiacang', 'PARENT_JOINT_MEETING'))).toBe('CHANNEL_NOT_DECLARED');
    // An office does not write a member unit's work report, nor a unit the office's.
    expect(code(await draft('xOffice', 'xiacang', 'OWN_JOINT_MEETING'))).toBe('FORBIDDEN');
    expect(code(await draft('xMember', 'xiacang', 'PARTY_COMMITTEE'))).toBe('FORBIDDEN');
  });

  it('003 三 (重大情况报县委、县政府主要领导): the county reports to its party committee; it has no joint meeting above', async () => {
    const drafted = ok(
      await draft('cOffice', 'county-petition-mechanisms', 'PARTY_COMMITTEE', '关于十月份信访工作重大情况的报告'),
    ).draftReport;
    expect(drafted).toMatchObject({ recipientName: '县委、县政府主要领导', rule: '003 三' });
    expect(reason(await draft('cOffice', 'county-petition-mechanisms', 'PARENT_JOINT_MEETING'))).toBe(
      'CHANNEL_NOT_DECLARED',
    );
  });

  it('002 §二(二) (对上申报通畅的三级联席会议网络): the street reports to the joint meeting above it; it declares no party-committee channel', async () => {
    const drafted = ok(await draft('nOffice', 'xincheng', 'PARENT_JOINT_MEETING', '街道信访工作情况报告')).draftReport;
    expect(drafted).toMatchObject({ recipientName: '县信访工作联席会议', rule: '002 §二(二)', needsApproval: false });
    ok(await send('nOffice', drafted.id));
    expect(await received('cOffice')).toContain(drafted.id);
    expect(await one('sOffice', drafted.id)).toBeNull();
    expect(reason(await draft('nOffice', 'xincheng', 'PARTY_COMMITTEE'))).toBe('CHANNEL_NOT_DECLARED');
  });

  it('004 復查制度 二 (書面告知信訪人，同時報上級機關): the written notice to the petitioner is recorded, and the opinion goes up as a report the principal leader approves — without the petitioner', async () => {
    const TOWN = 'town-petition-systems';
    const REVIEW = 'id status decidedOn petitionerInformedOn petitionerNoticeMethod petitionerInformedById reportId';
    const mutate = <T = Record<string, unknown>>(
      op: string,
      type: string,
      input: Record<string, unknown>,
      token: string,
      fields: string,
    ) => t.gql<Record<string, T>>(`mutation($i: ${type}!) { ${op}(input: $i) { ${fields} } }`, { i: input }, token);
    const unitId = ok(
      await t.gql<{ addMemberUnit: { id: string } }>(
        'mutation($i: AddMemberUnitInput!) { addMemberUnit(input: $i) { id } }',
        { i: { tenantCode: TOWN, name: '镇司法所', kind: 'DEPARTMENT', reason: '负责矛盾纠纷调处' } },
        tokens.tOffice,
      ),
    ).addMemberUnit.id;
    ok(
      await t.gql(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        {
          i: {
            tenantCode: TOWN,
            username: 'justice',
            password: 'justice-password-1',
            displayName: '司法所',
            roles: ['MEMBER_UNIT'],
            memberUnitId: unitId,
          },
        },
        tokens.tOffice,
      ),
    );
    const member = await t.login(TOWN, 'justice', 'justice-password-1');
    const caseId = ok(
      await mutate<{ id: string }>(
        'receivePetition',
        'ReceivePetitionInput',
        {
          tenantCode: TOWN,
          channel: 'LETTER',
          matter: '反映村道硬化工程拖欠工人工资。',
          petitioners: [{ name: '赵六', phone: '13700000001' }],
        },
        tokens.tOffice,
        'id',
      ),
    ).receivePetition.id;
    ok(
      await mutate(
        'assignCase',
        'AssignCaseInput',
        { caseId, responsibleUnitId: unitId, responsiblePerson: '李明', dueOn: '2026-10-30' },
        tokens.tOffice,
        'id',
      ),
    );
    ok(await mutate('resolveCase', 'ResolveCaseInput', { caseId, resolution: '已督促施工方结清工资。' }, member, 'id'));
    const reviewId = ok(
      await mutate<{ id: string }>(
        'openCaseReview',
        'OpenCaseReviewInput',
        { caseId, basis: 'OWN_DECISION', acceptedOn: '2026-10-12' },
        tokens.tOffice,
        'id',
      ),
    ).openCaseReview.id;
    const inform = (input: Record<string, unknown>, token = tokens.tOffice) =>
      mutate<Record<string, unknown>>(
        'informPetitionerOfReview',
        'InformPetitionerOfReviewInput',
        { reviewId, servedOn: '2026-10-12', method: 'POST', ...input },
        token,
        REVIEW,
      );
    const reportIt = (token = tokens.tOffice) =>
      t.gql<{ reportReviewOpinion: { reportId: string } }>(
        `mutation($id: ID!) { reportReviewOpinion(reviewId: $id) { ${REVIEW} } }`,
        { id: reviewId },
        token,
      );
    // Both follow the opinion.
    expect(code(await inform({}))).toBe('CONFLICT');
    expect(code(await reportIt())).toBe('CONFLICT');
    ok(
      await mutate(
        'issueReviewOpinion',
        'IssueReviewOpinionInput',
        { reviewId, opinion: '经复查，原处理意见事实清楚，予以维持。', outcome: 'UPHELD', findings: SOUND },
        tokens.tOffice,
        'id',
      ),
    );
    const early = await inform({ servedOn: '2026-10-11' });
    expect(code(early)).toBe('BAD_USER_INPUT');
    expect(early.errors?.[0]?.message).toContain('input.servedOn');
    expect(code(await inform({}, member))).toBe('FORBIDDEN');
    const informed = ok(await inform({})).informPetitionerOfReview;
    expect(informed).toMatchObject({ petitionerInformedOn: '2026-10-12', petitionerNoticeMethod: 'POST' });
    expect(informed.petitionerInformedById).toBeTruthy();
    expect(code(await inform({}))).toBe('CONFLICT');
    const history = ok(
      await t.gql<{ petitionCase: { history: { kind: string; rule: string }[] } }>(
        'query($id: ID!) { petitionCase(id: $id) { history { kind rule } } }',
        { id: caseId },
        tokens.tOffice,
      ),
    ).petitionCase.history;
    expect(history).toContainEqual({ kind: 'REVIEW_PETITIONER_INFORMED', rule: '004 復查制度 二' });

    const reported = ok(await reportIt()).reportReviewOpinion;
    expect(reported.reportId).toBeTruthy();
    expect(reason(await reportIt())).toBe('ALREADY_REPORTED');
    const draft = (await one('tOffice', reported.reportId))!;
    expect(draft).toMatchObject({
      channel: 'PARENT_JOINT_MEETING',
      status: 'DRAFT',
      needsApproval: true,
      rule: '004 復查制度 二',
      recipientName: '县信访工作联席会议',
    });
    expect(reason(await send('tOffice', draft.id))).toBe('APPROVAL_REQUIRED');
    ok(await t.gql('mutation($id: ID!) { submitReport(reportId: $id) { status } }', { id: draft.id }, tokens.tOffice));
    ok(
      await t.gql(
        'mutation($i: ReportDecisionInput!) { approveReport(input: $i) { status } }',
        { i: { reportId: draft.id } },
        tokens.tConvener,
      ),
    );
    ok(await send('tOffice', draft.id));
    expect(await received('cOffice')).toContain(draft.id);
    const above = ok(
      await t.gql<{ report: { subjectKind: string; subjectId: string; body: string } }>(
        'query($id: ID!) { report(id: $id) { subjectKind subjectId body } }',
        { id: draft.id },
        tokens.cOffice,
      ),
    ).report;
    expect(above).toMatchObject({ subjectKind: 'CASE_REVIEW', subjectId: reviewId });
    expect(above.body).toContain('经复查，原处理意见事实清楚，予以维持。');
    expect(above.body).not.toContain('赵六');
    expect(above.body).not.toContain('13700000001');
  });

  it('000 art. 15 (重大问题报镇联席会议召集人审阅): the office refers a major matter of a held liaison meeting to the convener, visibly on the meeting; the convener reviews it and instructs', async () => {
    tokens.xConvener = await t.login('xiacang', 'convener');
    const unit = ok(
      await t.gql<{ tenant: { memberUnits: { id: string }[] } }>(
        'query { tenant(code: "xiacang") { memberUnits { id } } }',
        {},
        tokens.xOffice,
      ),
    ).tenant.memberUnits[0].id;
    const schedule = async (tenantCode: string, typeCode: string, token: string, invited: string) =>
      ok(
        await t.gql<{ scheduleMeeting: { id: string } }>(
          'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }',
          {
            i: {
              tenantCode,
              typeCode,
              title: `${typeCode} 会议`,
              scheduledAt: '2026-10-12T10:00:00+08:00',
              topics: ['化解跨部门信访事项'],
              invitedUnitIds: [invited],
            },
          },
          token,
        ),
      ).scheduleMeeting.id;
    const hold = async (meetingId: string, token: string, invited: string) =>
      ok(
        await t.gql(
          'mutation($i: HoldMeetingInput!) { holdMeeting(input: $i) { id } }',
          {
            i: {
              meetingId,
              heldAt: '2026-10-12T10:00:00+08:00',
              attendance: [{ memberUnitId: invited, attendance: 'PRESENT' }],
            },
          },
          token,
        ),
      );
    const refer = (meetingId: string, token: string) =>
      t.gql<{ referMeetingMatter: R }>(
        `mutation($i: ReferMeetingMatterInput!) { referMeetingMatter(input: $i) { ${REPORT} } }`,
        { i: { meetingId, title: '跨部门土地征收信访问题', body: '涉及三个部门，群众诉求集中，拟报召集人审阅。' } },
        token,
      );
    const liaison = await schedule('xiacang', 'LIAISON', tokens.xOffice, unit);
    expect(code(await refer(liaison, tokens.xOffice))).toBe('CONFLICT'); // not held yet
    clock.set('2026-10-12T12:00:00+08:00');
    await hold(liaison, tokens.xOffice, unit);
    expect(code(await refer(liaison, tokens.xMember))).toBe('FORBIDDEN');
    const referred = ok(await refer(liaison, tokens.xOffice)).referMeetingMatter;
    expect(referred).toMatchObject({
      channel: 'CONVENER_REVIEW',
      status: 'SENT',
      rule: '000 art. 15',
      recipientName: '召集人',
    });
    expect(
      (await notifications('xConvener')).some(
        (n) => n.kind === 'MATTER_FOR_REVIEW' && n.body.startsWith(`reportId=${referred.id}`),
      ),
    ).toBe(true);
    // Visible on the meeting.
    const onMeeting = ok(
      await t.gql<{ meeting: { referredMatters: { id: string; status: string }[] } }>(
        'query($id: ID!) { meeting(id: $id) { referredMatters { id status } } }',
        { id: liaison },
        tokens.xOffice,
      ),
    ).meeting.referredMatters;
    expect(onMeeting).toEqual([{ id: referred.id, status: 'SENT' }]);
    // The convener reviews, not the office that referred it; nobody above sees it.
    expect(code(await acknowledge('xOffice', referred.id))).toBe('FORBIDDEN');
    expect(await one('cOffice', referred.id)).toBeNull();
    expect(ok(await acknowledge('xConvener', referred.id)).acknowledgeReport.status).toBe('ACKNOWLEDGED');
    const reviewed = ok(
      await answer('xConvener', {
        reportId: referred.id,
        reply: '已审阅，提交镇联席会议工作会议研究。',
        instructions: [{ content: '列入下次工作会议议题', dueOn: '2026-10-20' }],
      }),
    ).answerReport;
    expect(reviewed.status).toBe('ANSWERED');
    expect(reviewed.instructions.map((i) => i.status)).toEqual(['OPEN']);
    const after = ok(
      await t.gql<{ meeting: { referredMatters: { status: string; reply: string }[] } }>(
        'query($id: ID!) { meeting(id: $id) { referredMatters { status reply } } }',
        { id: liaison },
        tokens.xOffice,
      ),
    ).meeting.referredMatters;
    expect(after).toEqual([{ status: 'ANSWERED', reply: '已审阅，提交镇联席会议工作会议研究。' }]);
    // A meeting type naming no reviewers (001's working meeting) refers nothing.
    const shiziUnit = ok(
      await t.gql<{ tenant: { memberUnits: { id: string }[] } }>(
        'query { tenant(code: "shizi") { memberUnits { id } } }',
        {},
        tokens.sOffice,
      ),
    ).tenant.memberUnits[0].id;
    clock.set('2026-10-12T09:00:00+08:00');
    const working = await schedule('shizi', 'WORKING', tokens.sOffice, shiziUnit);
    clock.set('2026-10-12T12:00:00+08:00');
    await hold(working, tokens.sOffice, shiziUnit);
    const none = await refer(working, tokens.sOffice);
    expect(code(none)).toBe('BAD_USER_INPUT');
    expect(reason(none)).toBe('NO_REVIEW_ROLES');
    clock.set('2026-10-12T09:00:00+08:00');
  });

  it('lists are pages: limit outside 1–200 refused, a foreign cursor refused', async () => {
    const res = await t.gql('{ receivedReports(limit: 0) { items { id } } }', {}, tokens.cOffice);
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('limit');
    expect(
      code(await t.gql('{ receivedReports(after: "bm90LWEtY3Vyc29y") { items { id } } }', {}, tokens.cOffice)),
    ).toBe('BAD_USER_INPUT');
    const first = ok(
      await t.gql<{ receivedReports: { items: { id: string }[]; nextCursor: string | null } }>(
        '{ receivedReports(limit: 1) { items { id } nextCursor } }',
        {},
        tokens.cOffice,
      ),
    ).receivedReports;
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toBeTruthy();
    const second = ok(
      await t.gql<{ receivedReports: { items: { id: string }[] } }>(
        'query($a: String) { receivedReports(limit: 1, after: $a) { items { id } } }',
        { a: first.nextCursor },
        tokens.cOffice,
      ),
    ).receivedReports;
    expect(second.items[0].id).not.toBe(first.items[0].id);
  });
});
