import { Clock } from '@engine/clock';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * Topics (议题) proposed for a meeting (issue 14 item 3): member units propose where the plugin's
 * `topicsProposedBy` lets them, the office accepts a proposal onto a scheduled meeting of its type or
 * declines it with a reason, and the unit is told.
 */
describe('meeting topics: proposed by member units, accepted onto a meeting or declined by the office', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ok = <T>(res: GqlResult<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const code = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
  const reason = (res: GqlResult): unknown => res.errors?.[0]?.extensions?.reason;
  const TOPIC = 'id typeCode title status meetingId declineReason proposingUnitId';
  type Topic = {
    id: string;
    typeCode: string;
    title: string;
    status: string;
    meetingId: string | null;
    declineReason: string | null;
    proposingUnitId: string | null;
  };
  const propose = (who: string, tenantCode: string, typeCode: string, title = '跨部门信访事项化解') =>
    t.gql<{ proposeMeetingTopic: Topic }>(
      `mutation($i: ProposeMeetingTopicInput!) { proposeMeetingTopic(input: $i) { ${TOPIC} } }`,
      { i: { tenantCode, typeCode, title, body: '涉及规划、国土两个部门，需联络会议研究。' } },
      tokens[who],
    );
  const decide = (op: 'acceptMeetingTopic' | 'declineMeetingTopic', who: string, i: Record<string, unknown>) =>
    t.gql<Record<string, Topic>>(
      `mutation($i: DecideMeetingTopicInput!) { ${op}(input: $i) { ${TOPIC} } }`,
      { i },
      tokens[who],
    );
  const schedule = async (tenantCode: string, typeCode: string, who: string): Promise<string> => {
    const unit = ok(
      await t.gql<{ tenant: { memberUnits: { id: string }[] } }>(
        'query($c: String!) { tenant(code: $c) { memberUnits { id } } }',
        { c: tenantCode },
        tokens[who],
      ),
    ).tenant.memberUnits[0].id;
    return ok(
      await t.gql<{ scheduleMeeting: { id: string } }>(
        'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }',
        {
          i: {
            tenantCode,
            typeCode,
            title: `${typeCode} 会议`,
            scheduledAt: '2026-10-20T09:00:00+08:00',
            topics: ['研判信访形势'],
            invitedUnitIds: [unit],
          },
        },
        tokens[who],
      ),
    ).scheduleMeeting.id;
  };
  const topicsOf = async (meetingId: string, who: string): Promise<string[]> =>
    ok(
      await t.gql<{ meeting: { topics: string[] } }>(
        'query($id: ID!) { meeting(id: $id) { topics } }',
        { id: meetingId },
        tokens[who],
      ),
    ).meeting.topics;
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
    t.app.get(Clock).set('2026-10-12T09:00:00+08:00');
    for (const [tenant, user, key] of [
      ['xiacang', 'office', 'xOffice'],
      ['xiacang', 'member', 'xMember'],
      ['shizi', 'office', 'sOffice'],
      ['shizi', 'member', 'sMember'],
      ['shizi', 'secretary', 'sSecretary'],
      ['xincheng', 'member', 'nMember'],
    ] as const)
      tokens[key] = await t.login(tenant, user);
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it('000 art. 15 (会议议题由成员单位或办公室提出): a member unit proposes a liaison topic; the office accepts it onto a scheduled liaison meeting, whose topics then include it', async () => {
    const proposed = ok(await propose('xMember', 'xiacang', 'LIAISON')).proposeMeetingTopic;
    expect(proposed).toMatchObject({ typeCode: 'LIAISON', status: 'PROPOSED', meetingId: null });
    expect(proposed.proposingUnitId).toBeTruthy();
    expect(
      (await notifications('xOffice')).some(
        (n) => n.kind === 'MEETING_TOPIC_PROPOSED' && n.body.startsWith(`topicId=${proposed.id}`),
      ),
    ).toBe(true);
    expect(code(await decide('acceptMeetingTopic', 'xMember', { topicId: proposed.id, meetingId: proposed.id }))).toBe(
      'FORBIDDEN',
    );
    const plenary = await schedule('xiacang', 'PLENARY', 'xOffice');
    expect(reason(await decide('acceptMeetingTopic', 'xOffice', { topicId: proposed.id, meetingId: plenary }))).toBe(
      'TOPIC_WRONG_MEETING',
    );
    const liaison = await schedule('xiacang', 'LIAISON', 'xOffice');
    const accepted = ok(
      await decide('acceptMeetingTopic', 'xOffice', { topicId: proposed.id, meetingId: liaison }),
    ).acceptMeetingTopic;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', meetingId: liaison });
    expect(await topicsOf(liaison, 'xOffice')).toEqual(['研判信访形势', '跨部门信访事项化解']);
    expect(reason(await decide('declineMeetingTopic', 'xOffice', { topicId: proposed.id, reason: '重复' }))).toBe(
      'TOPIC_DECIDED',
    );
    expect((await notifications('xMember')).some((n) => n.kind === 'MEETING_TOPIC_ACCEPTED')).toBe(true);
  });

  it('000 art. 5 (重大敏感信访问题提请镇联席会研究) and art. 12 (特别重大的，提交镇联席会议研究处理): a unit puts a major problem to the plenary; the office may decline it, saying why', async () => {
    const proposed = ok(
      await propose('xMember', 'xiacang', 'PLENARY', '重大敏感信访问题：某小区集体维权'),
    ).proposeMeetingTopic;
    const noReason = await decide('declineMeetingTopic', 'xOffice', { topicId: proposed.id });
    expect(code(noReason)).toBe('BAD_USER_INPUT');
    expect(noReason.errors?.[0]?.message).toContain('input.reason');
    const declined = ok(
      await decide('declineMeetingTopic', 'xOffice', {
        topicId: proposed.id,
        reason: '已由属事单位处理，列入下次工作会议通报。',
      }),
    ).declineMeetingTopic;
    expect(declined).toMatchObject({ status: 'DECLINED', declineReason: '已由属事单位处理，列入下次工作会议通报。' });
    expect(
      (await notifications('xMember')).some(
        (n) => n.kind === 'MEETING_TOPIC_DECLINED' && n.body.includes('已由属事单位处理'),
      ),
    ).toBe(true);
  });

  it('001 art. 12 (情况复杂或难度较大的，提交联席会议研究处理): units and village secretaries propose for the plenary and working meetings, not for the others', async () => {
    ok(await propose('sMember', 'shizi', 'WORKING'));
    ok(await propose('sSecretary', 'shizi', 'PLENARY'));
    const other = await propose('sMember', 'shizi', 'DISPATCH_CONSULTATION');
    expect(code(other)).toBe('BAD_USER_INPUT');
    expect(reason(other)).toBe('NO_TOPIC_PROPOSERS');
    // A unit sees its own proposals; the office sees all; another tenant's unit proposes nothing here.
    const mine = ok(
      await t.gql<{ meetingTopics: { items: Topic[] } }>(
        '{ meetingTopics(tenantCode: "shizi") { items { id proposingUnitId } nextCursor } }',
        {},
        tokens.sMember,
      ),
    ).meetingTopics.items;
    const all = ok(
      await t.gql<{ meetingTopics: { items: Topic[] } }>(
        '{ meetingTopics(tenantCode: "shizi") { items { id } nextCursor } }',
        {},
        tokens.sOffice,
      ),
    ).meetingTopics.items;
    expect(mine).toHaveLength(1);
    expect(all).toHaveLength(2);
    expect(code(await propose('nMember', 'shizi', 'WORKING'))).toBe('NOT_FOUND');
    expect(
      code(await t.gql('{ meetingTopics(tenantCode: "shizi", limit: 201) { items { id } } }', {}, tokens.sOffice)),
    ).toBe('BAD_USER_INPUT');
  });
});
