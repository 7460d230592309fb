import { Clock } from '@engine/clock';
import { copyUser } from '@test/support/extra-user';
import { aMeeting, memberUnitsOf } from '@test/support/factories';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * Who signs what (defect D1) and separation of duties: minutes the plugin has the office director approve
 * can be approved by an office director; 000 art. 15's liaison document by the parent's office director;
 * and whoever drafted or submitted a paper never approves it, whatever roles they hold.
 */
describe('approvals: the approver the source names signs, never the drafter', () => {
  let t: TestApp;
  let clock: Clock;
  const tokens: Record<string, string> = {};
  const ok = <T>(res: GqlResult<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const code = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
  const reason = (res: GqlResult): unknown => (res.errors?.[0]?.extensions as { reason?: string } | undefined)?.reason;

  const unitOf = async (tenantCode: string, token: string): Promise<string> =>
    (await memberUnitsOf(t, token, tenantCode))[0].id;

  /** Schedules, holds, drafts and submits minutes of one meeting; returns the minutes id. */
  const submitted = async (
    tenantCode: string,
    typeCode: string,
    drafter: string,
    submitter = drafter,
  ): Promise<string> => {
    const unit = await unitOf(tenantCode, tokens[drafter]);
    const scheduleMeeting = await aMeeting(t, tokens[drafter], {
      tenantCode,
      typeCode,
      scheduledAt: '2026-10-12T09:00:00+08:00',
      invitedUnitIds: [unit],
    });
    clock.set('2026-10-12T11:00:00+08:00');
    ok(
      await t.gql(
        'mutation($i: HoldMeetingInput!) { holdMeeting(input: $i) { id } }',
        {
          i: {
            meetingId: scheduleMeeting.id,
            heldAt: '2026-10-12T09:00:00+08:00',
            attendance: [{ memberUnitId: unit, attendance: 'PRESENT' }],
          },
        },
        tokens[drafter],
      ),
    );
    const { draftMinutes } = ok(
      await t.gql<{ draftMinutes: { id: string; draftedById: string } }>(
        'mutation($i: DraftMinutesInput!) { draftMinutes(input: $i) { id draftedById } }',
        { i: { meetingId: scheduleMeeting.id, body: '会议研判了近期信访形势。' } },
        tokens[drafter],
      ),
    );
    expect(draftMinutes.draftedById).toBeTruthy();
    ok(
      await t.gql(
        'mutation($id: ID!) { submitMinutes(minutesId: $id) { status } }',
        { id: draftMinutes.id },
        tokens[submitter],
      ),
    );
    clock.set('2026-10-12T08:00:00+08:00');
    return draftMinutes.id;
  };
  const approve = (minutesId: string, who: string) =>
    t.gql<{ approveMinutes: { status: string; approvedById: string } }>(
      'mutation($i: MinutesDecisionInput!) { approveMinutes(input: $i) { status approvedById } }',
      { i: { minutesId } },
      tokens[who],
    );
  const issue = (minutesId: string, who: string) =>
    t.gql<{ issueMinutes: { status: string; number: string } }>(
      'mutation($id: ID!) { issueMinutes(minutesId: $id) { status number } }',
      { id: minutesId },
      tokens[who],
    );
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
    clock.set('2026-10-12T08:00:00+08:00');
    // One person holding both office director and convener (a small town's 政法委员 often does), and a
    // second office director in 十字镇 (the 综治办's deputy head), so that someone other than the drafter can sign.
    await copyUser(t, 'xiacang', 'office', 'office-convener', ['OFFICE_DIRECTOR', 'CONVENER']);
    await copyUser(t, 'shizi', 'office', 'office2', ['OFFICE_DIRECTOR']);
    const logins: [string, string, string][] = [
      ['xiacang', 'office', 'xOffice'],
      ['xiacang', 'office-convener', 'xBoth'],
      ['xiacang', 'convener', 'xConvener'],
      ['shizi', 'office', 'sOffice'],
      ['shizi', 'office2', 'sOffice2'],
      ['shizi', 'convener', 'sConvener'],
      ['county-petition-mechanisms', 'office', 'cOffice'],
      ['county-petition-mechanisms', 'convener', 'cConvener'],
    ];
    for (const [tenant, user, key] of logins) tokens[key] = await t.login(tenant, user);
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it("000 art. 15 (报请区联席会议办公室主任签批): the parent's office director signs the liaison document; the town's own director and the parent's convener cannot", async () => {
    const id = await submitted('xiacang', 'LIAISON', 'xOffice');
    expect(code(await approve(id, 'xOffice'))).toBe('FORBIDDEN');
    expect(code(await approve(id, 'xBoth'))).toBe('FORBIDDEN');
    expect(code(await approve(id, 'cConvener'))).toBe('FORBIDDEN');
    await t.queue.whenIdle();
    expect(
      (await notifications('cOffice')).filter((n) => n.kind === 'MINUTES_TO_APPROVE').map((n) => n.body),
    ).toContain(`minutesId=${id}`);
    const signed = ok(await approve(id, 'cOffice')).approveMinutes;
    expect(signed.status).toBe('APPROVED');
    expect(signed.approvedById).toBeTruthy();
    // The county signs but does not issue: the town's office issues its own document.
    expect(code(await issue(id, 'cOffice'))).toBe('FORBIDDEN');
    expect(ok(await issue(id, 'xOffice')).issueMinutes.status).toBe('ISSUED');
  });

  it("000 art. 6 (根据镇联席会议要求，召开专题会议): a topical meeting's minutes are approved by an office director who did not draft them", async () => {
    const id = await submitted('xiacang', 'TOPICAL', 'xOffice');
    expect(code(await approve(id, 'xConvener'))).toBe('FORBIDDEN'); // the plugin names the office director
    const own = await approve(id, 'xOffice');
    expect([code(own), reason(own)]).toEqual(['FORBIDDEN', 'SEPARATION_OF_DUTIES']);
    expect(ok(await approve(id, 'xBoth')).approveMinutes.status).toBe('APPROVED');
  });

  it('001 art. 9 (根据需要召开调度会商会议): dispatch minutes are approved by the 综治办 head, not left SUBMITTED', async () => {
    const id = await submitted('shizi', 'DISPATCH_CONSULTATION', 'sOffice');
    expect(code(await approve(id, 'sConvener'))).toBe('FORBIDDEN');
    expect(reason(await approve(id, 'sOffice'))).toBe('SEPARATION_OF_DUTIES');
    expect(ok(await approve(id, 'sOffice2')).approveMinutes.status).toBe('APPROVED');
    expect(ok(await issue(id, 'sOffice')).issueMinutes.number).toMatch(/^十字联席〔2026〕\d+号$/);
  });

  it('000 art. 9 (报请召集人审定): separation of duties — a person holding office director and convener cannot approve the working minutes they drafted, or those they submitted', async () => {
    const drafted = await submitted('xiacang', 'WORKING', 'xBoth', 'xOffice');
    const refused = await approve(drafted, 'xBoth');
    expect([code(refused), reason(refused)]).toEqual(['FORBIDDEN', 'SEPARATION_OF_DUTIES']);
    const returned = await t.gql(
      'mutation($i: MinutesDecisionInput!) { returnMinutes(input: $i) { status } }',
      { i: { minutesId: drafted, comment: '请补充' } },
      tokens.xBoth,
    );
    expect(reason(returned)).toBe('SEPARATION_OF_DUTIES');
    const submittedOnly = await submitted('xiacang', 'WORKING', 'xOffice', 'xBoth');
    expect(reason(await approve(submittedOnly, 'xBoth'))).toBe('SEPARATION_OF_DUTIES');
    expect(ok(await approve(drafted, 'xConvener')).approveMinutes.status).toBe('APPROVED');
  });

  it('000 art. 13 (办公室提出建议，报请召集人批准): separation of duties — who proposed an inspection cannot approve it', async () => {
    const { proposeInspection } = ok(
      await t.gql<{ proposeInspection: { id: string } }>(
        'mutation($i: ProposeInspectionInput!) { proposeInspection(input: $i) { id } }',
        { i: { tenantCode: 'xiacang', title: '积案化解督查', scope: '检查积案化解进度' } },
        tokens.xBoth,
      ),
    );
    const decide = (who: string) =>
      t.gql<{ decideInspection: { status: string } }>(
        'mutation($i: DecideInspectionInput!) { decideInspection(input: $i) { status } }',
        { i: { inspectionId: proposeInspection.id, approve: true } },
        tokens[who],
      );
    expect(reason(await decide('xBoth'))).toBe('SEPARATION_OF_DUTIES');
    expect(ok(await decide('xConvener')).decideInspection.status).toBe('APPROVED');
  });
});
