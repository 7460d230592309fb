import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

type Problem = GqlResult & {
  errors?: { message: string; extensions?: { code?: string; field?: string; problems?: { field: string }[] } }[];
};

/**
 * Issue 12, item 9 — bad input: 2026-02-30 was stored as 2 March, years −1 and 275760 and the number 0
 * were taken for dates, and zero-width-only strings passed as titles and reasons. Each now answers
 * BAD_USER_INPUT naming the field, and nothing is written.
 */
describe('dates, counts and invisible text (issue 12 item 9)', () => {
  let t: TestApp;
  let office: string;
  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('shizi', 'office');
  }, 120_000);
  afterAll(async () => t.close());

  const fieldOf = (r: Problem): string =>
    r.errors?.[0]?.extensions?.field ?? r.errors?.[0]?.extensions?.problems?.[0]?.field ?? '';
  const expectBad = (r: Problem, field: string): void => {
    // Nothing answered: no data, or (a nullable query field) null.
    expect(Object.values(r.data ?? {}).filter((v) => v !== null)).toEqual([]);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fieldOf(r)).toBe(field);
    expect(r.errors?.[0]?.message).toContain(field.split('.').pop()!);
  };
  const meetings = async (): Promise<number> =>
    (await t.gql<{ meetings: unknown[] }>('{ meetings(tenantCode: "shizi", limit: 200) { id } }', {}, office)).data!
      .meetings.length;
  const keyPeriods = async (): Promise<string> =>
    JSON.stringify((await t.gql('{ keyPeriods(tenantCode: "shizi") { id } }', {}, office)).data);

  const SCHEDULE = 'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id scheduledAt } }';
  const meeting = { tenantCode: 'shizi', typeCode: 'WORKING', title: '三月信访工作会议' };

  it.each<[string | number, string]>([
    ['2026-02-30T09:00:00+08:00', '30 February'],
    ['2026-02-30', '30 February without a time'],
    ['-000001-01-01T00:00:00Z', 'year −1'],
    ['+275760-09-13T00:00:00Z', 'year 275760'],
    [0, 'the number 0'],
    ['2026-03-01T24:00:00+08:00', 'hour 24'],
    ['2026-03-01T09:00:00', 'no offset'],
  ])('scheduleMeeting refuses scheduledAt %j (%s), naming the field; nothing is scheduled', async (scheduledAt) => {
    const before = await meetings();
    expectBad(await t.gql(SCHEDULE, { i: { ...meeting, scheduledAt } }, office), 'i.scheduledAt');
    expect(await meetings()).toBe(before);
  });

  it('a literal 2026-02-30 in the document is refused too; a real date-time is kept as given', async () => {
    const literal = await t.gql(
      `mutation { scheduleMeeting(input: { tenantCode: "shizi", typeCode: "WORKING", title: "会议", scheduledAt: "2026-02-30T09:00:00Z" }) { id } }`,
      {},
      office,
    );
    expect(literal.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(literal.errors?.[0]?.message).toMatch(/DateTime/);
    const ok = await t.gql<{ scheduleMeeting: { scheduledAt: string } }>(
      SCHEDULE,
      { i: { ...meeting, scheduledAt: '2028-02-29T09:30:00+08:00' } },
      office,
    );
    expect(ok.data?.scheduleMeeting.scheduledAt).toBe('2028-02-29T01:30:00.000Z');
  });

  it('reportSensitiveInformation refuses occurredAt 0 and 2026-02-30', async () => {
    const REPORT = 'mutation($i: ReportSensitiveInformationInput!) { reportSensitiveInformation(input: $i) { id } }';
    for (const occurredAt of [0, '2026-02-30T08:00:00+08:00']) {
      expectBad(
        await t.gql(REPORT, { i: { tenantCode: 'shizi', content: '某村有群众聚集反映诉求', occurredAt } }, office),
        'i.occurredAt',
      );
    }
  });

  it('zero-width-only titles and reasons are refused, naming the field', async () => {
    const before = await meetings();
    for (const title of ['\u200B\u200B', '\u200B\u200C\u200D\uFEFF', '\u3164\u3164', ' \u2060 ']) {
      expectBad(
        await t.gql(SCHEDULE, { i: { ...meeting, title, scheduledAt: '2026-03-02T09:00:00+08:00' } }, office),
        'input.title',
      );
    }
    expect(await meetings()).toBe(before);
    const kp = await keyPeriods();
    const DECLARE = 'mutation($i: DeclareKeyPeriodInput!) { declareKeyPeriod(input: $i) { id } }';
    expectBad(
      await t.gql(
        DECLARE,
        {
          i: { tenantCode: 'shizi', startsOn: '2026-03-01', endsOn: '2026-03-10', reason: '\u200B\u200C\u200D\uFEFF' },
        },
        office,
      ),
      'input.reason',
    );
    expect(await keyPeriods()).toBe(kp);
  });

  it('dates written YYYY-MM-DD: 2026-02-30, 0000-01-01 and 0 are refused in inputs and in arguments', async () => {
    const DECLARE = 'mutation($i: DeclareKeyPeriodInput!) { declareKeyPeriod(input: $i) { id } }';
    const kp = await keyPeriods();
    expectBad(
      await t.gql(
        DECLARE,
        { i: { tenantCode: 'shizi', startsOn: '2026-02-30', endsOn: '2026-03-10', reason: '重点时期' } },
        office,
      ),
      'i.startsOn',
    );
    expectBad(
      await t.gql(
        DECLARE,
        { i: { tenantCode: 'shizi', startsOn: '0000-01-01', endsOn: '2026-03-10', reason: '重点时期' } },
        office,
      ),
      'i.startsOn',
    );
    expectBad(
      await t.gql(
        DECLARE,
        { i: { tenantCode: 'shizi', startsOn: 0, endsOn: '2026-03-10', reason: '重点时期' } },
        office,
      ),
      'i.startsOn',
    );
    expect(await keyPeriods()).toBe(kp);
    // Arguments: dueDate answered an internal error for 2026-02-30, removeCalendarOverride a generic one.
    expectBad(
      await t.gql('{ dueDate(tenantCode: "shizi", from: "2026-02-30", amount: 5) { date } }', {}, office),
      'from',
    );
    expectBad(
      await t.gql('mutation { removeCalendarOverride(tenantCode: "shizi", date: "2026-02-30") }', {}, office),
      'date',
    );
    expectBad(
      await t.gql(
        'mutation($i: SetCalendarOverrideInput!) { setCalendarOverride(input: $i) { date } }',
        { i: { tenantCode: 'shizi', date: '2026-02-30', kind: 'HOLIDAY', reason: '临时调整' } },
        office,
      ),
      'i.date',
    );
    expectBad(
      await t.gql('{ receptionRoster(tenantCode: "shizi", date: "2026-02-30") { startsOn } }', {}, office),
      'date',
    );
  });

  it('counts: 0 people and limit 0 are refused, naming the field', async () => {
    const RECEIVE = 'mutation($i: ReceivePetitionInput!) { receivePetition(input: $i) { id } }';
    const petition = {
      tenantCode: 'shizi',
      channel: 'VISIT',
      source: 'LOCAL',
      matter: '反映道路修缮问题，要求尽快解决。',
      category: 'OTHER',
      petitioners: [{ name: '赵某' }],
    };
    expectBad(await t.gql(RECEIVE, { i: { ...petition, peopleCount: 0 } }, office), 'input.peopleCount');
    expectBad(await t.gql('{ cases(limit: 0) { items { id } } }', {}, office), 'limit');
    expectBad(await t.gql('{ meetings(tenantCode: "shizi", limit: 0) { id } }', {}, office), 'limit');
  });
});
