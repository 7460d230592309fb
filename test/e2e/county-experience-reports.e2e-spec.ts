import { DataSource } from 'typeorm';
import { copyUser } from '@test/support/extra-user';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * 003 §七 (各级各部门在执行机制过程中的经验做法和意见建议，及时报县信访工作联席会议办公室), executed through reporting
 * (issue 14, row 003-35): a member unit of the county (a township, or a department the office adds) reports to the
 * county joint meeting's office (OWN_JOINT_MEETING, 003 §七); a township's own office reports to the county as its
 * parent joint meeting (the township plugin's PARENT_JOINT_MEETING). The county's office receives both.
 */
describe('003 §七: experience and suggestions reported to the county office', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ok = <T>(res: GqlResult<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const code = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
  interface R {
    id: string;
    channel: string;
    recipientName: string;
    rule: string;
    status: string;
  }
  const REPORT = 'id channel recipientName rule status';
  const draft = (who: string, tenantCode: string, channel: string) =>
    t.gql<{ draftReport: R }>(
      `mutation($i: DraftReportInput!) { draftReport(input: $i) { ${REPORT} } }`,
      {
        i: {
          tenantCode,
          channel,
          title: '执行信访工作机制的经验做法和意见建议',
          body: '落实领导包案每周调度，建议通报排名按乡镇、部门分列。',
        },
      },
      tokens[who],
    );
  const send = (who: string, id: string) =>
    t.gql<{ sendReport: R }>(`mutation($id: ID!) { sendReport(reportId: $id) { ${REPORT} } }`, { id }, tokens[who]);
  const inbox = async (who: string) =>
    ok(
      await t.gql<{ myNotifications: { kind: string; body: string }[] }>(
        '{ myNotifications(limit: 100) { kind body } }',
        {},
        tokens[who],
      ),
    ).myNotifications.filter((n) => n.kind === 'REPORT_RECEIVED');

  beforeAll(async () => {
    t = await startTestApp();
    // A user of the county's first township unit (the demo county has no department users): its member unit user.
    await copyUser(t, 'county-petition-mechanisms', 'office', 'township-rep', ['MEMBER_UNIT']);
    await t.app.get(DataSource).query(
      `UPDATE app_user u SET member_unit_id = (SELECT m.id FROM member_unit m WHERE m.tenant_id = u.tenant_id AND m.kind = 'TOWNSHIP' ORDER BY m.position LIMIT 1)
        WHERE u.username = 'township-rep' AND u.tenant_id = (SELECT id FROM tenant WHERE code = 'county-petition-mechanisms')`,
    );
    const logins: [string, string, string][] = [
      ['county-petition-mechanisms', 'office', 'cOffice'],
      ['county-petition-mechanisms', 'township-rep', 'cMember'],
      ['shizi', 'office', 'sOffice'],
    ];
    for (const [tenant, user, key] of logins) tokens[key] = await t.login(tenant, user);
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it('003 §七 (经验做法和意见建议，及时报县联席办): a member unit of the county reports to its office, and a township office reports to the county as its parent', async () => {
    const unitReport = ok(await draft('cMember', 'county-petition-mechanisms', 'OWN_JOINT_MEETING')).draftReport;
    expect(unitReport).toMatchObject({ channel: 'OWN_JOINT_MEETING', rule: '003 §七', status: 'DRAFT' });
    // The office does not write a member unit's report.
    expect(code(await draft('cOffice', 'county-petition-mechanisms', 'OWN_JOINT_MEETING'))).toBe('FORBIDDEN');
    ok(await send('cMember', unitReport.id));
    const townReport = ok(await draft('sOffice', 'shizi', 'PARENT_JOINT_MEETING')).draftReport;
    ok(await send('sOffice', townReport.id));
    await t.queue.whenIdle();
    const received = (await inbox('cOffice')).map((n) => n.body);
    expect(received.some((b) => b.startsWith(`reportId=${unitReport.id}`))).toBe(true);
    expect(received.some((b) => b.startsWith(`reportId=${townReport.id}`))).toBe(true);
  });
});
