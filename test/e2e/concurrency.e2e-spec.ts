import { DataSource } from 'typeorm';
import { Clock } from '@engine/clock';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * Issue 12 item 7 — concurrency without errors, the issue's reproductions over HTTP: 50 parallel
 * `acknowledgeMinutes` gave 36–38 internal errors (deadlocks, then pool time-outs); 50× `declareKeyPeriod`
 * gave 24 internal errors though all 50 rows were committed; 50× `reportImplementation` made 6–10
 * duplicate pending reports; 50× `acceptReport` answered OK 10 times and rewrote timestamps; six parallel
 * intakes of one petitioner counted repeats 0,1,1,2,2,4. A repeated identical request answers the same
 * result or CONFLICT, never INTERNAL_SERVER_ERROR. On the embedded default and on PostgreSQL + Redis.
 */
describe('concurrency without errors (issue 12 item 7)', () => {
  let t: TestApp;
  let office: string;
  let member: string;
  let minutesId: string;
  let itemId: string;
  let unitId: string;
  const N = 50;
  const ok = <T>(res: GqlResult<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  /** Every answer is data or one of the expected client codes; never an internal error. */
  const codes = (results: GqlResult[]): string[] =>
    results.map((r) => (r.errors ? String(r.errors[0]?.extensions?.code) : 'OK'));
  const db = (): DataSource => t.app.get(DataSource);

  beforeAll(async () => {
    t = await startTestApp();
    const clock = t.app.get(Clock);
    clock.set('2026-09-25T09:00:00+08:00');
    let convener: string;
    [office, convener, member] = await Promise.all([
      t.login('shizi', 'office'),
      t.login('shizi', 'convener'),
      t.login('shizi', 'member'),
    ]);
    unitId = ok(await t.gql<{ me: { memberUnit: { id: string } } }>('{ me { memberUnit { id } } }', {}, member)).me
      .memberUnit.id;
    const meeting = ok(
      await t.gql<{ scheduleMeeting: { id: string } }>(
        'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }',
        {
          i: {
            tenantCode: 'shizi',
            typeCode: 'WORKING',
            title: '九月信访工作会议',
            scheduledAt: '2026-09-28T09:00:00+08:00',
            invitedUnitIds: [unitId],
          },
        },
        office,
      ),
    ).scheduleMeeting;
    clock.set('2026-09-28T11:00:00+08:00');
    ok(
      await t.gql(
        'mutation($i: HoldMeetingInput!) { holdMeeting(input: $i) { status } }',
        {
          i: {
            meetingId: meeting.id,
            heldAt: '2026-09-28T09:00:00+08:00',
            chairName: '李晖',
            chairPost: '镇党委副书记、镇长',
            attendance: [{ memberUnitId: unitId, attendance: 'PRESENT' }],
          },
        },
        office,
      ),
    );
    minutesId = ok(
      await t.gql<{ draftMinutes: { id: string } }>(
        'mutation($i: DraftMinutesInput!) { draftMinutes(input: $i) { id } }',
        {
          i: {
            meetingId: meeting.id,
            body: '会议研判了节前信访形势。',
            agreedItems: [{ content: '排查矛盾纠纷并建立台账', ownerUnitIds: [unitId], due: { date: '2026-10-31' } }],
          },
        },
        office,
      ),
    ).draftMinutes.id;
    ok(await t.gql('mutation($id: ID!) { submitMinutes(minutesId: $id) { status } }', { id: minutesId }, office));
    ok(
      await t.gql(
        'mutation($i: MinutesDecisionInput!) { approveMinutes(input: $i) { status } }',
        { i: { minutesId } },
        convener,
      ),
    );
    itemId = ok(
      await t.gql<{ issueMinutes: { agreedItems: { id: string }[] } }>(
        'mutation($id: ID!) { issueMinutes(minutesId: $id) { agreedItems { id } } }',
        { id: minutesId },
        office,
      ),
    ).issueMinutes.agreedItems[0].id;
  }, 180_000);
  afterAll(async () => t?.close());

  it(`${N} parallel acknowledgeMinutes by the receiving unit: all answer the minutes, one acknowledgement recorded (was 36–38 internal errors)`, async () => {
    const clock = t.app.get(Clock);
    clock.set(null); // the real, moving clock: every request has a time of its own to write
    const results = await Promise.all(
      Array.from({ length: N }, () =>
        t.gql('mutation($id: ID!) { acknowledgeMinutes(minutesId: $id) { id } }', { id: minutesId }, member),
      ),
    );
    clock.set('2026-09-28T11:00:00+08:00');
    expect(codes(results)).toEqual(Array(N).fill('OK'));
    // The unit's own receipt (001 art. 5 sends the minutes to every village too: those stay unacknowledged).
    const rows = (await db().query(
      `SELECT acknowledged_at FROM minutes_recipient WHERE minutes_id = $1 AND member_unit_id = $2`,
      [minutesId, unitId],
    )) as { acknowledged_at: Date | null }[];
    expect(rows).toHaveLength(1);
    expect(rows[0].acknowledged_at).not.toBeNull();
    // One acknowledgement in the audit trail, not fifty.
    const [{ n }] = (await db().query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE table_name = 'minutes_recipient' AND operation = 'UPDATE' AND row_data ->> 'minutes_id' = $1`,
      [minutesId],
    )) as { n: number }[];
    expect(n).toBe(1);
  });

  it(`${N}× the same declareKeyPeriod: no internal error, one key period, every answer the same period (was 24 internal errors, 50 rows)`, async () => {
    const input = { tenantCode: 'shizi', startsOn: '2026-10-08', endsOn: '2026-10-21', reason: '全国两会前重点时期' };
    const results = await Promise.all(
      Array.from({ length: N }, () =>
        t.gql<{ declareKeyPeriod: { id: string } }>(
          'mutation($i: DeclareKeyPeriodInput!) { declareKeyPeriod(input: $i) { id startsOn endsOn } }',
          { i: input },
          office,
        ),
      ),
    );
    expect(codes(results)).toEqual(Array(N).fill('OK'));
    expect(new Set(results.map((r) => r.data!.declareKeyPeriod.id)).size).toBe(1);
    const [{ n }] = (await db().query(
      `SELECT count(*)::int AS n FROM key_period k JOIN tenant t ON t.id = k.tenant_id WHERE t.code = 'shizi' AND k.starts_on = '2026-10-08' AND k.ends_on = '2026-10-21'`,
    )) as { n: number }[];
    expect(n).toBe(1);
  });

  it(`${N}× reportImplementation on one item: one pending report, the rest CONFLICT (was 6–10 duplicate pending reports)`, async () => {
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        t.gql(
          'mutation($i: ReportInput!) { reportImplementation(input: $i) { id } }',
          { i: { agreedItemId: itemId, body: `已完成排查，建立台账${i + 1}条。` } },
          member,
        ),
      ),
    );
    const seen = codes(results);
    expect(seen.filter((c) => c === 'OK')).toHaveLength(1);
    expect(seen.filter((c) => c !== 'OK')).toEqual(Array(N - 1).fill('CONFLICT'));
    const [{ n }] = (await db().query(
      `SELECT count(*)::int AS n FROM implementation_report WHERE agreed_item_id = $1 AND status = 'SUBMITTED'`,
      [itemId],
    )) as { n: number }[];
    expect(n).toBe(1);
  });

  it(`${N}× acceptReport: one OK, the rest CONFLICT, the review's time not rewritten (was OK 10 times)`, async () => {
    const [{ id: reportId }] = (await db().query(
      `SELECT id FROM implementation_report WHERE agreed_item_id = $1 AND status = 'SUBMITTED'`,
      [itemId],
    )) as { id: string }[];
    const clock = t.app.get(Clock);
    clock.set(null); // the real, moving clock: a rewritten review would show a later time
    try {
      const results = await Promise.all(
        Array.from({ length: N }, () =>
          t.gql<{ acceptReport: { status: string; reviewedAt: string } }>(
            'mutation($i: ReviewReportInput!) { acceptReport(input: $i) { status reviewedAt } }',
            { i: { reportId } },
            office,
          ),
        ),
      );
      const seen = codes(results);
      expect(seen.filter((c) => c === 'OK')).toHaveLength(1);
      expect(seen.filter((c) => c !== 'OK')).toEqual(Array(N - 1).fill('CONFLICT'));
      const answered = results.find((r) => !r.errors)!.data!.acceptReport;
      const [row] = (await db().query(`SELECT status, reviewed_at FROM implementation_report WHERE id = $1`, [
        reportId,
      ])) as { status: string; reviewed_at: Date }[];
      expect(row.status).toBe('ACCEPTED');
      expect(row.reviewed_at.toISOString()).toBe(new Date(answered.reviewedAt).toISOString());
      const [{ n }] = (await db().query(
        `SELECT count(*)::int AS n FROM audit_entry WHERE table_name = 'implementation_report' AND operation = 'UPDATE' AND row_data ->> 'id' = $1`,
        [reportId],
      )) as { n: number }[];
      expect(n).toBe(1);
      const [item] = (await db().query(`SELECT status FROM agreed_item WHERE id = $1`, [itemId])) as {
        status: string;
      }[];
      expect(item.status).toBe('DONE');
    } finally {
      clock.set('2026-09-28T11:00:00+08:00');
    }
  });

  it('six parallel intakes of one petitioner count repeats 0,1,2,3,4,5 (was 0,1,1,2,2,4): an advisory lock per petitioner key', async () => {
    const clock = t.app.get(Clock);
    clock.set(null); // intakes stamped by the moving clock, as in production
    try {
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          t.gql<{ receivePetition: { id: string; repeatCount: number } }>(
            'mutation($i: ReceivePetitionInput!) { receivePetition(input: $i) { id repeatCount } }',
            {
              i: {
                tenantCode: 'shizi',
                channel: 'LETTER',
                matter: `反映村道硬化工程拖欠工人工资（第${i + 1}次）。`,
                petitioners: [{ name: '孙重复', phone: '13900000006' }],
              },
            },
            office,
          ),
        ),
      );
      expect(codes(results)).toEqual(Array(6).fill('OK'));
      expect(results.map((r) => r.data!.receivePetition.repeatCount).sort()).toEqual([0, 1, 2, 3, 4, 5]);
      // Each case links exactly the earlier ones: link counts equal repeat counts.
      const ids = results.map((r) => r.data!.receivePetition.id);
      const links = (await db().query(
        `SELECT case_id, count(*)::int AS n FROM case_link WHERE case_id = ANY($1::uuid[]) AND kind = 'REPEAT' GROUP BY case_id`,
        [ids],
      )) as { case_id: string; n: number }[];
      expect(links.map((l) => l.n).sort()).toEqual([1, 2, 3, 4, 5]);
    } finally {
      clock.set('2026-09-28T11:00:00+08:00');
    }
  });
});
