import { Clock } from '@engine/clock';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * Urgent petitions, walked over HTTP on the demo 新城街道: 002 §三 “办公室承担联席会议的日常工作：…协调处理紧急信访问题”.
 * The first receiver (a grid worker) or the office marks a case urgent with a reason; the office and the chief
 * convener are told at once; the office coordinates within a time limit that 002 does not state, so the
 * platform default (1 day) applies and says so.
 */
describe('urgent petitions (002 §三 协调处理紧急信访问题)', () => {
  let t: TestApp;
  let clock: Clock;
  const X = 'xincheng';
  const tok: Record<string, string> = {};
  let community: string;

  const ok = <T>(res: GqlResult<T>): T => {
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const code = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
  const reason = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.reason as string | undefined;
  type Urgency = {
    reason: string;
    rule: string;
    markedBy: { username: string } | null;
    coordinateBy: string;
    deadline: { amount: number; unit: string; source: string | null; platformDefault: boolean; words: string };
    coordinatedAt: string | null;
    coordinatedBy: { username: string } | null;
    measures: string | null;
    overdue: boolean;
  };
  type Case = { id: string; number: string; urgency: Urgency | null; history: { kind: string; rule: string | null }[] };
  const CASE =
    'id number urgency { reason rule markedBy { username } coordinateBy deadline { amount unit source platformDefault words } coordinatedAt coordinatedBy { username } measures overdue } history { kind rule }';
  const receive = async (token: string, input: Record<string, unknown> = {}): Promise<Case> =>
    ok(
      await t.gql<{ receivePetition: Case }>(
        `mutation($i: ReceivePetitionInput!) { receivePetition(input: $i) { ${CASE} } }`,
        {
          i: {
            tenantCode: X,
            channel: 'VISIT',
            matter: '小区停水三天，二十余户居民聚集社区，情绪激动。',
            petitioners: [{ name: '孙立', phone: '13900000021' }],
            ...input,
          },
        },
        token,
      ),
    ).receivePetition;
  const mark = (caseId: string, token: string, why = '二十余户居民聚集社区，情绪激动，需即时协调。') =>
    t.gql<{ markCaseUrgent: Case }>(
      `mutation($i: MarkCaseUrgentInput!) { markCaseUrgent(input: $i) { ${CASE} } }`,
      { i: { caseId, reason: why } },
      token,
    );
  const coordinate = (caseId: string, token: string) =>
    t.gql<{ recordUrgentCoordination: Case }>(
      `mutation($i: RecordUrgentCoordinationInput!) { recordUrgentCoordination(input: $i) { ${CASE} } }`,
      { i: { caseId, measures: '协调供水公司当日抢修，社区派员现场疏导，当晚恢复供水。' } },
      token,
    );
  const notices = async (token: string) =>
    ok(
      await t.gql<{ myNotifications: { kind: string; title: string; body: string }[] }>(
        '{ myNotifications(limit: 200) { kind title body } }',
        {},
        token,
      ),
    ).myNotifications.filter((n) => n.kind === 'CASE_URGENT');

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    clock.set('2026-11-16T09:00:00+08:00');
    const logins: [string, string, string][] = [
      ['office', X, 'office'],
      ['chief', X, 'chief'],
      ['convener', X, 'convener'],
      ['secretary', X, 'secretary'],
      ['member', X, 'member'],
      ['town', 'town-petition-systems', 'office'],
    ];
    await Promise.all(logins.map(async ([key, tenant, user]) => (tok[key] = await t.login(tenant, user))));
    community = ok(
      await t.gql<{ me: { memberUnit: { id: string } } }>('{ me { memberUnit { id } } }', {}, tok.secretary),
    ).me.memberUnit.id;
  }, 180_000); // boots the API and signs in six users (argon2): slow on a loaded machine
  afterAll(async () => {
    await t.close();
  });

  it('002 §三: the grid worker who received it marks it urgent; the office and the chief convener are told at once; the time limit is the platform default, shown as such', async () => {
    const c = await receive(tok.secretary, { channel: 'GRID_REPORT', locationUnitId: community, grid: '第二网格' });
    expect(c.urgency).toBeNull();

    // Someone who is neither the first receiver nor the office may not mark it.
    expect(code(await mark(c.id, tok.member))).toMatch(/FORBIDDEN|NOT_FOUND/);
    // Bad input changes nothing.
    const short = await mark(c.id, tok.secretary, '急');
    expect(code(short)).toBe('BAD_USER_INPUT');
    expect(short.errors![0].extensions!.problems).toEqual([expect.objectContaining({ field: 'input.reason' })]);

    const marked = ok(await mark(c.id, tok.secretary)).markCaseUrgent;
    expect(marked.urgency).toMatchObject({
      reason: '二十余户居民聚集社区，情绪激动，需即时协调。',
      rule: '002 §三',
      markedBy: { username: 'secretary' },
      coordinateBy: '2026-11-17',
      deadline: { amount: 1, unit: 'CALENDAR_DAYS', source: null, platformDefault: true },
      coordinatedAt: null,
      overdue: false,
    });
    expect(marked.urgency!.deadline.words).toBe('1日内（平台默认期限，来源未作规定）');
    expect(marked.history.find((h) => h.kind === 'URGENT_MARKED')?.rule).toBe('002 §三');

    // Told at once: the office and the chief convener (the plugin's `notify`); a convener is not.
    for (const who of ['office', 'chief']) {
      const [n] = await notices(tok[who]);
      expect(n.title).toBe(`紧急信访问题：${c.number}`);
      expect(n.body).toContain('2026-11-17前协调处理');
      expect(n.body).toContain('平台默认期限');
      expect(n.body).not.toContain('孙立'); // no petitioner data in the notice
    }
    expect(await notices(tok.convener)).toEqual([]);

    // Once only.
    const again = await mark(c.id, tok.office);
    expect(code(again)).toBe('CONFLICT');
    expect(reason(again)).toBe('ALREADY_URGENT');
  });

  it('002 §三: only the office records the coordination, once; it is kept with who and when, and a late one is shown overdue', async () => {
    const c = await receive(tok.office);
    expect(code(await coordinate(c.id, tok.office))).toBe('CONFLICT'); // not urgent
    ok(await mark(c.id, tok.office));
    clock.set('2026-11-18T10:00:00+08:00'); // a day past the limit
    const before = ok(
      await t.gql<{ petitionCase: Case }>(
        `query($id: ID!) { petitionCase(id: $id) { ${CASE} } }`,
        { id: c.id },
        tok.chief,
      ),
    ).petitionCase;
    expect(before.urgency).toMatchObject({ coordinateBy: '2026-11-17', overdue: true, coordinatedAt: null });

    expect(code(await coordinate(c.id, tok.chief))).toBe('FORBIDDEN');
    const done = ok(await coordinate(c.id, tok.office)).recordUrgentCoordination;
    expect(done.urgency).toMatchObject({
      coordinatedBy: { username: 'office' },
      measures: '协调供水公司当日抢修，社区派员现场疏导，当晚恢复供水。',
      overdue: true, // coordinated after the limit: still shown late
    });
    expect(done.urgency!.coordinatedAt).not.toBeNull();
    expect(done.history.find((h) => h.kind === 'URGENT_COORDINATED')?.rule).toBe('002 §三');
    expect(reason(await coordinate(c.id, tok.office))).toBe('URGENCY_ALREADY_COORDINATED');
    clock.set('2026-11-16T09:00:00+08:00');
  });

  it('a plugin that provides no urgent-petition rule (004) refuses it, naming the section', async () => {
    const c = ok(
      await t.gql<{ receivePetition: { id: string } }>(
        'mutation($i: ReceivePetitionInput!) { receivePetition(input: $i) { id } }',
        {
          i: {
            tenantCode: 'town-petition-systems',
            channel: 'PHONE',
            matter: '反映道路积水。',
            petitioners: [{ name: '周平', phone: '13900000022' }],
          },
        },
        tok.town,
      ),
    ).receivePetition;
    const res = await mark(c.id, tok.town);
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain('cases.urgent');
  });
});
