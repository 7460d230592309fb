import { Clock } from '@engine/clock';
import { readZip, wordParagraphs } from '@test/support/read-zip';
import { startTestApp, type TestApp } from '@test/support/test-app';

/**
 * 十字镇 (001) over GraphQL: schedule → hold → draft → return → approve → issue → acknowledge →
 * agreed items → reports → accept, with a controllable clock, and the minutes as DOCX.
 */
describe('a working meeting of 十字镇, end to end', () => {
  let t: TestApp;
  let clock: Clock;
  let office: string;
  let convener: string;
  let member: string;
  let units: { id: string; name: string; kind: string }[];
  let memberUnitId: string;

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    clock.set('2026-09-25T09:00:00+08:00');
    [office, convener, member] = await Promise.all([
      t.login('shizi', 'office'),
      t.login('shizi', 'convener'),
      t.login('shizi', 'member'),
    ]);
    const me = await t.gql<{ me: { memberUnit: { id: string } }; tenant: { memberUnits: typeof units } }>(
      '{ me { memberUnit { id } } tenant(code: "shizi") { memberUnits { id name kind } } }',
      {},
      member,
    );
    memberUnitId = me.data!.me.memberUnit.id;
    units = me.data!.tenant.memberUnits;
  });
  afterAll(async () => {
    await t.close();
  });

  const ok = <T>(res: { data?: T | null; errors?: unknown[] }): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };

  it("walks the whole cycle (001 art. 4–5, 印发各村和相关部门; the chair's post of art. 2 and the meeting's own title on the minutes)", async () => {
    const village = units.find((u) => u.kind === 'VILLAGE')!;
    const other = units.find((u) => u.kind === 'DEPARTMENT' && u.id !== memberUnitId)!;
    const { scheduleMeeting: meeting } = ok(
      await t.gql<{ scheduleMeeting: { id: string; status: string } }>(
        'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id status } }',
        {
          i: {
            tenantCode: 'shizi',
            typeCode: 'WORKING',
            title: '九月信访工作会议',
            scheduledAt: '2026-09-28T09:00:00+08:00',
            topics: ['研判节前信访形势'],
            invitedUnitIds: [memberUnitId, village.id, other.id],
          },
        },
        office,
      ),
    );
    expect(meeting.status).toBe('SCHEDULED');
    const denied = await t.gql(
      'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }',
      { i: { tenantCode: 'shizi', typeCode: 'WORKING', title: '越权会议', scheduledAt: '2026-09-28T09:00:00+08:00' } },
      member,
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    clock.set('2026-09-28T11:00:00+08:00');
    // 001 art. 2: three conveners; the chair's post is one of the plugin's posts, as the source writes it.
    const attendance = [{ memberUnitId, attendance: 'PRESENT' }];
    const badPost = await t.gql(
      'mutation($i: HoldMeetingInput!) { holdMeeting(input: $i) { status } }',
      { i: { meetingId: meeting.id, heldAt: '2026-09-28T09:00:00+08:00', chairPost: '镇长助理', attendance } },
      office,
    );
    expect(badPost.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_POST',
      field: 'input.chairPost',
    });
    ok(
      await t.gql(
        'mutation($i: HoldMeetingInput!) { holdMeeting(input: $i) { status } }',
        {
          i: {
            meetingId: meeting.id,
            heldAt: '2026-09-28T09:00:00+08:00',
            chairName: '李晖',
            chairPost: '镇党委副书记、镇长',
            attendance: [
              { memberUnitId, attendance: 'PRESENT' },
              { memberUnitId: village.id, attendance: 'PRESENT' },
              { memberUnitId: other.id, attendance: 'ABSENT', absenceReason: '外出培训' },
            ],
          },
        },
        office,
      ),
    );

    const draft = (body: string) =>
      t.gql<{ draftMinutes: { id: string; status: string } }>(
        'mutation($i: DraftMinutesInput!) { draftMinutes(input: $i) { id status } }',
        {
          i: {
            meetingId: meeting.id,
            body,
            agreedItems: [
              {
                content: '排查节日期间矛盾纠纷并建立台账',
                ownerUnitIds: [memberUnitId],
                due: { amount: 15, unit: 'WORKING_DAYS' },
              },
              { content: '做好重点人员稳控', ownerUnitIds: [memberUnitId, village.id], due: { date: '2026-10-31' } },
            ],
          },
        },
        office,
      );
    const minutesId = ok(await draft('会议研判了国庆节前的信访形势。\n\n会议要求各单位压实责任。')).draftMinutes.id;
    ok(await t.gql('mutation($id: ID!) { submitMinutes(minutesId: $id) { status } }', { id: minutesId }, office));
    expect(
      (
        await t.gql(
          'mutation($i: MinutesDecisionInput!) { approveMinutes(input: $i) { status } }',
          { i: { minutesId } },
          member,
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    const returned = ok(
      await t.gql<{ returnMinutes: { status: string; returnComment: string } }>(
        'mutation($i: MinutesDecisionInput!) { returnMinutes(input: $i) { status returnComment } }',
        { i: { minutesId, comment: '请补充稳控措施' } },
        convener,
      ),
    );
    expect(returned.returnMinutes).toEqual({ status: 'RETURNED', returnComment: '请补充稳控措施' });
    expect(
      (await t.gql('mutation($id: ID!) { issueMinutes(minutesId: $id) { status } }', { id: minutesId }, office))
        .errors?.[0]?.extensions?.code,
    ).toBe('CONFLICT');
    ok(await draft('会议研判了国庆节前的信访形势。\n\n会议要求各单位压实责任，落实稳控措施。'));
    ok(await t.gql('mutation($id: ID!) { submitMinutes(minutesId: $id) { status } }', { id: minutesId }, office));
    expect(
      ok(
        await t.gql<{ approveMinutes: { status: string } }>(
          'mutation($i: MinutesDecisionInput!) { approveMinutes(input: $i) { status } }',
          { i: { minutesId } },
          convener,
        ),
      ).approveMinutes.status,
    ).toBe('APPROVED');

    const issued = ok(
      await t.gql<{
        issueMinutes: {
          status: string;
          number: string;
          agreedItems: { id: string; dueOn: string; status: string }[];
          notAcknowledged: { name: string }[];
        };
      }>(
        'mutation($id: ID!) { issueMinutes(minutesId: $id) { status number agreedItems { id dueOn status } notAcknowledged { name } } }',
        { id: minutesId },
        office,
      ),
    ).issueMinutes;
    expect(issued.status).toBe('ISSUED');
    expect(issued.number).toBe('十字联席〔2026〕1号');
    // 15 working days from 2026-09-28 skip the National Day break and count the Saturday 10-10 make-up day.
    expect(issued.agreedItems.map((i) => [i.dueOn, i.status])).toEqual([
      ['2026-10-23', 'OPEN'],
      ['2026-10-31', 'OPEN'],
    ]);
    // 001 art. 5 (工作会议文件印发各村和相关部门): the invited departments and every village and community, invited or not.
    const villages = units.filter((u) => u.kind === 'VILLAGE' || u.kind === 'COMMUNITY');
    expect(villages).toHaveLength(9);
    expect(issued.notAcknowledged.map((u) => u.name).sort()).toEqual(
      [...new Set([memberUnitId, other.id, ...villages.map((v) => v.id)])]
        .map((id) => units.find((u) => u.id === id)!.name)
        .sort(),
    );
    expect(issued.notAcknowledged.map((u) => u.name)).not.toContain(
      units.find((u) => u.kind === 'DEPARTMENT' && u.id !== memberUnitId && u.id !== other.id)!.name,
    );

    ok(await t.gql('mutation($id: ID!) { acknowledgeMinutes(minutesId: $id) { id } }', { id: minutesId }, member));
    ok(await t.gql('mutation($id: ID!) { acknowledgeMinutes(minutesId: $id) { id } }', { id: minutesId }, member));
    const after = ok(
      await t.gql<{ meeting: { minutes: { notAcknowledged: { id: string }[] } } }>(
        'query($id: ID!) { meeting(id: $id) { minutes { notAcknowledged { id } } } }',
        { id: meeting.id },
        office,
      ),
    );
    expect(after.meeting.minutes.notAcknowledged.map((u) => u.id).sort()).toEqual(
      [other.id, ...villages.map((v) => v.id)].sort(),
    );

    const [first, second] = issued.agreedItems;
    const report = (item: string, body: string) =>
      t.gql<{ reportImplementation: { id: string } }>(
        'mutation($i: ReportInput!) { reportImplementation(input: $i) { id } }',
        { i: { agreedItemId: item, body } },
        member,
      );
    const r1 = ok(await report(first.id, '已完成排查，建立台账12条。')).reportImplementation.id;
    ok(
      await t.gql(
        'mutation($i: ReviewReportInput!) { sendBackReport(input: $i) { status } }',
        { i: { reportId: r1, comment: '请附台账明细' } },
        office,
      ),
    );
    const r2 = ok(await report(first.id, '已完成排查，台账明细见附件。')).reportImplementation.id;
    expect(
      (
        await t.gql(
          'mutation($i: ReviewReportInput!) { acceptReport(input: $i) { status } }',
          { i: { reportId: r2 } },
          member,
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    ok(
      await t.gql(
        'mutation($i: ReviewReportInput!) { acceptReport(input: $i) { status } }',
        { i: { reportId: r2 } },
        office,
      ),
    );
    const r3 = ok(await report(second.id, '本单位重点人员已落实稳控。')).reportImplementation.id;
    ok(
      await t.gql(
        'mutation($i: ReviewReportInput!) { acceptReport(input: $i) { status } }',
        { i: { reportId: r3 } },
        office,
      ),
    );

    const items = ok(
      await t.gql<{ agreedItems: { id: string; status: string; reports: { status: string }[] }[] }>(
        '{ agreedItems(tenantCode: "shizi") { id status reports { status } } }',
        {},
        office,
      ),
    ).agreedItems;
    expect(items.find((i) => i.id === first.id)).toMatchObject({
      status: 'DONE',
      reports: [{ status: 'SENT_BACK' }, { status: 'ACCEPTED' }],
    });
    // The second item has two owners: done only once the village's report is accepted too.
    expect(items.find((i) => i.id === second.id)?.status).toBe('OPEN');

    clock.set('2026-11-02T10:00:00+08:00');
    const overdue = ok(
      await t.gql<{ agreedItems: { id: string }[] }>(
        '{ agreedItems(tenantCode: "shizi", overdue: true) { id } }',
        {},
        office,
      ),
    ).agreedItems;
    expect(overdue.map((i) => i.id)).toEqual([second.id]);

    const res = await t
      .http()
      .get(`/documents/minutes/${minutesId}.docx`)
      .set('authorization', `Bearer ${office}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const text = wordParagraphs(
      readZip(res.body as Buffer)
        .get('word/document.xml')!
        .toString('utf8'),
    ).join('\n');
    expect(text).toContain('十字联席〔2026〕1号');
    expect(text).toContain('排查节日期间矛盾纠纷并建立台账');
    expect(text).toContain('2026年10月23日');
    expect(text).toContain('外出培训');
    // The chair's actual post and the meeting's own title, not the first convener and the joint meeting's name.
    expect(text).toContain('主持人：镇党委副书记、镇长 李晖');
    expect(text).not.toContain('主持人：镇党委书记');
    expect(text.split('\n')[0]).toBe('九月信访工作会议文件'); // 001 art. 5: 工作会议文件
    const anonymous = await t.http().get(`/documents/minutes/${minutesId}.docx`);
    expect(anonymous.status).toBe(401);

    const xlsx = await t
      .http()
      .get('/documents/agreed-items/shizi.xlsx')
      .set('authorization', `Bearer ${office}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    const sheet = readZip(xlsx.body as Buffer)
      .get('xl/sharedStrings.xml')!
      .toString('utf8');
    expect(sheet).toContain('排查节日期间矛盾纠纷并建立台账');
    expect(sheet).toContain('做好重点人员稳控');
  });

  it('新城街道 (002): minutes approved by the chief convener are copied to the district office, which reads them', async () => {
    const [xOffice, xChief, xConvener, county] = await Promise.all([
      t.login('xincheng', 'office'),
      t.login('xincheng', 'chief'),
      t.login('xincheng', 'convener'),
      t.login('county-petition-mechanisms', 'office'),
    ]);
    clock.set('2026-11-20T16:00:00+08:00');
    const m = ok(
      await t.gql<{ scheduleMeeting: { id: string } }>(
        'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }',
        {
          i: {
            tenantCode: 'xincheng',
            typeCode: 'JOINT_MEETING',
            title: '临时联席会议',
            scheduledAt: '2026-11-20T09:00:00+08:00',
            adHoc: true,
          },
        },
        xConvener,
      ),
    ).scheduleMeeting;
    ok(
      await t.gql(
        'mutation($i: HoldMeetingInput!) { holdMeeting(input: $i) { status } }',
        { i: { meetingId: m.id, heldAt: '2026-11-20T09:00:00+08:00', attendance: [] } },
        xOffice,
      ),
    );
    const id = ok(
      await t.gql<{ draftMinutes: { id: string } }>(
        'mutation($i: DraftMinutesInput!) { draftMinutes(input: $i) { id } }',
        { i: { meetingId: m.id, body: '会议研究了辖区重点信访事项的化解方案。' } },
        xOffice,
      ),
    ).draftMinutes.id;
    ok(await t.gql('mutation($id: ID!) { submitMinutes(minutesId: $id) { status } }', { id }, xOffice));
    // 002 names the chief convener as approver: a convener may not approve.
    expect(
      (
        await t.gql(
          'mutation($i: MinutesDecisionInput!) { approveMinutes(input: $i) { status } }',
          { i: { minutesId: id } },
          xConvener,
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    ok(
      await t.gql(
        'mutation($i: MinutesDecisionInput!) { approveMinutes(input: $i) { status } }',
        { i: { minutesId: id } },
        xChief,
      ),
    );
    const issued = ok(
      await t.gql<{ issueMinutes: { number: string; receipts: unknown[] } }>(
        'mutation($id: ID!) { issueMinutes(minutesId: $id) { number receipts { acknowledgedAt } } }',
        { id },
        xOffice,
      ),
    ).issueMinutes;
    expect(issued.receipts.length).toBeGreaterThanOrEqual(13);
    await t.queue.whenIdle();
    const inbox = ok(
      await t.gql<{ myNotifications: { kind: string; title: string }[] }>(
        '{ myNotifications { kind title } }',
        {},
        county,
      ),
    ).myNotifications;
    expect(inbox.filter((n) => n.kind === 'MINUTES_COPIED').map((n) => n.title)).toEqual([
      `抄送：新城街道信访工作联席会议纪要 ${issued.number}`,
    ]);
    const seen = ok(
      await t.gql<{ meeting: { minutes: { status: string } } }>(
        'query($id: ID!) { meeting(id: $id) { minutes { status } } }',
        { id: m.id },
        county,
      ),
    );
    expect(seen.meeting.minutes.status).toBe('ISSUED');
  });
});
