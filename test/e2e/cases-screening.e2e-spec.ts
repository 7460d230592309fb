import { Clock } from '@engine/clock';
import { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { CaseSweepService } from '@modules/cases';
import { Tenant } from '@core/tenancy';
import { aMemberUnitWithUser } from '@test/support/factories';
import { keepsThePageShape, walkPage } from '@test/support/page-walk';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * Monthly forecast screening (預測排查, 004 預測排查制度; issue 5 item 8) on the demo town (004 plugin:
 * repeat petitioners — two petitions on the same matter, whenever received (每月 is how often the
 * screening runs, issue 14 item 6) — signed, joint-signed, long-unresolved over 60 days, organisers
 * of group petitions; each screened case gets an owning leader, a responsible person and a time limit),
 * with a controllable clock: it finds exactly what it should, once per period.
 */
describe('forecast screening', () => {
  let t: TestApp;
  let clock: Clock;
  let sweeps: CaseSweepService;
  let office: string;
  let member: string;
  let siblingOffice: string;
  let townId: string;
  let unitId: string;
  const ids: Record<string, string> = {};

  const TOWN = 'town-petition-systems';
  const ok = <T>(res: GqlResult<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const code = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
  const field = (res: GqlResult): string | undefined =>
    res.errors?.[0]?.extensions?.field ?? res.errors?.[0]?.extensions?.problems?.[0]?.field;
  const at = (instant: string): void => clock.set(instant);
  const mutate = <T = Record<string, unknown> & { id: string }>(
    op: string,
    type: string,
    input: Record<string, unknown>,
    token: string,
    fields = 'id',
  ) => t.gql<Record<string, T>>(`mutation($i: ${type}!) { ${op}(input: $i) { ${fields} } }`, { i: input }, token);
  const person = (name: string, phone: string, extra: Record<string, unknown> = {}) => ({ name, phone, ...extra });
  /** Receives a petition on the clock's day and names it. */
  const receive = async (
    label: string,
    day: string,
    petitioners: Record<string, unknown>[],
    extra: Record<string, unknown> = {},
  ): Promise<string> => {
    at(`${day}T10:00:00+08:00`);
    const c = ok(
      await mutate(
        'receivePetition',
        'ReceivePetitionInput',
        { tenantCode: TOWN, channel: 'VISIT', matter: `${label}：反映宅基地确权纠纷。`, petitioners, ...extra },
        office,
      ),
    ).receivePetition;
    ids[c.id] = label;
    return c.id;
  };
  type Screened = {
    id: string;
    periodStart: string;
    periodEnd: string;
    criteria: string[];
    rule: string;
    settled: boolean;
    owningLeader: string | null;
    responsiblePerson: string | null;
    dueOn: string | null;
    case: { id: string; number: string };
  };
  const SCREENED =
    'id periodStart periodEnd criteria rule settled owningLeader responsiblePerson dueOn case { id number }';
  const screenings = async (args: string, token = office): Promise<Screened[]> =>
    ok(
      await t.gql<{ caseScreenings: Screened[] }>(
        `{ caseScreenings(tenantCode: "${TOWN}"${args}) { ${SCREENED} } }`,
        {},
        token,
      ),
    ).caseScreenings;
  /** label → criteria, for comparing what a period found. */
  const found = (rows: Screened[]): Record<string, string[]> =>
    Object.fromEntries(rows.map((r) => [ids[r.case.id], r.criteria]));
  const screened = (rows: Screened[], label: string): Screened => rows.find((r) => ids[r.case.id] === label)!;

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    sweeps = t.app.get(CaseSweepService);
    at('2026-07-01T09:00:00+08:00');
    [office, siblingOffice] = await Promise.all([t.login(TOWN, 'office'), t.login('xiacang', 'office')]);
    // The demo seed onboards at the real present; screening counts periods from onboarding, so the
    // town is dated to 2026-07-01 for this timeline.
    await t.app
      .get(Db)
      .run(RequestContext.platform(), ({ em }) =>
        em.update(Tenant, { code: TOWN }, { createdAt: new Date('2026-07-01T08:00:00+08:00') }),
      );
    townId = ok(await t.gql<{ tenant: { id: string } }>(`{ tenant(code: "${TOWN}") { id } }`, {}, office)).tenant.id;
    ({ unitId, token: member } = await aMemberUnitWithUser(t, office, TOWN));

    // July–October, as the ledger fills.
    // A 纏訪戶: a July visit, handled and closed; the same matter again in October.
    const chronic = await receive('chronic-1', '2026-07-10', [person('孙十', '13900000010')]);
    ok(
      await mutate(
        'assignCase',
        'AssignCaseInput',
        { caseId: chronic, responsibleUnitId: unitId, responsiblePerson: '李明', dueOn: '2026-07-30' },
        office,
      ),
    );
    ok(
      await mutate(
        'resolveCase',
        'ResolveCaseInput',
        { caseId: chronic, resolution: '已答复信访人，政策解释清楚。' },
        member,
      ),
    );
    ok(await mutate('closeCase', 'CloseCaseInput', { caseId: chronic }, office));
    await receive('old', '2026-07-20', [person('陈一', '13900000001')]); // open since July: long unresolved by September
    await receive('young', '2026-08-15', [person('陈二', '13900000002')]); // 46 days old at 09-30: not yet; 77 at 10-31
    const repeatA = await receive('repeat-1', '2026-09-03', [{ name: '王建国', idNumber: '11010519491231002X' }]);
    await receive('signed', '2026-09-08', [person('陈三', '13900000003')], { signed: true });
    await receive('joint', '2026-09-09', [person('陈四', '13900000004'), person('陈五', '13900000005')], {
      jointSigned: true,
      channel: 'LETTER',
    });
    await receive(
      'organiser',
      '2026-09-10',
      [person('陈六', '13900000006', { organiser: true }), person('陈七', '13900000007')],
      { signed: true, peopleCount: 12 },
    );
    const closed = await receive('closed-signed', '2026-09-11', [person('陈八', '13900000008')], { signed: true });
    ok(
      await mutate(
        'assignCase',
        'AssignCaseInput',
        { caseId: closed, responsibleUnitId: unitId, responsiblePerson: '李明', dueOn: '2026-09-30' },
        office,
      ),
    );
    ok(
      await mutate('resolveCase', 'ResolveCaseInput', { caseId: closed, resolution: '已调解，双方签订协议。' }, member),
    );
    ok(await mutate('closeCase', 'CloseCaseInput', { caseId: closed }, office));
    await receive('repeat-2', '2026-09-17', [{ name: '王建国', idNumber: '11010519491231002X' }], {
      channel: 'LETTER',
    });
    await receive('other-matter', '2026-09-20', [{ name: '王建国', idNumber: '11010519491231002X' }], {
      category: 'LAND_REQUISITION',
    }); // the same person, another matter
    ok(
      await mutate(
        'assignCase',
        'AssignCaseInput',
        { caseId: repeatA, responsibleUnitId: unitId, responsiblePerson: '李明', dueOn: '2026-12-30' },
        office,
      ),
    );
    await receive('across-1', '2026-09-25', [person('赵九', '13900000009')]); // one in September …
    await receive('across-2', '2026-10-05', [person('赵九', '13900000009')]); // … one in October: a repeat petitioner from October
    await receive('chronic-2', '2026-10-20', [person('孙十', '13900000010')]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('screens each completed month since onboarding once, finding exactly the cases it should', async () => {
    at('2026-09-30T20:00:00+08:00');
    expect((await sweeps.sweepTenant(townId)).screening).toBe(0); // July and August find nothing; September has not ended
    expect(await screenings('')).toEqual([]);
    at('2026-10-01T08:00:00+08:00');
    expect((await sweeps.sweepTenant(townId)).screening).toBe(6);
    expect((await sweeps.sweepTenant(townId)).screening).toBe(0); // idempotent
    const september = await screenings(', periodStart: "2026-09-01"');
    expect(found(september)).toEqual({
      'repeat-1': ['REPEAT'],
      'repeat-2': ['REPEAT'],
      signed: ['SIGNED'],
      joint: ['JOINT_SIGNED'],
      old: ['LONG_UNRESOLVED'],
      organiser: ['SIGNED', 'GROUP_ORGANISER'],
    });
    expect(september.every((r) => r.periodStart === '2026-09-01' && r.periodEnd === '2026-09-30' && !r.settled)).toBe(
      true,
    );
    expect(screened(september, 'repeat-1').rule).toBe('REPEAT (≥2 on the same matter) — 004 預測排查制度 1, 2');
    expect(screened(september, 'old').rule).toBe('LONG_UNRESOLVED (> 60 CALENDAR_DAYS) — 004 預測排查制度 1, 2');
    const notices = ok(
      await t.gql<{ myNotifications: { kind: string; title: string }[] }>(
        '{ myNotifications(limit: 200) { kind title } }',
        {},
        office,
      ),
    ).myNotifications.filter((n) => n.kind === 'CASES_SCREENED');
    expect(notices.map((n) => n.title)).toEqual(['预测排查：2026-09-01 – 2026-09-30']);
    const history = ok(
      await t.gql<{ petitionCase: { history: { kind: string; note: string }[] } }>(
        `query($id: ID!) { petitionCase(id: $id) { history { kind note } } }`,
        { id: screened(september, 'signed').case.id },
        office,
      ),
    ).petitionCase.history;
    expect(history.filter((h) => h.kind === 'SCREENED')).toEqual([
      { kind: 'SCREENED', note: '2026-09-01 – 2026-09-30: SIGNED' },
    ]);
  });

  it('004 預測排查制度 1 (每月對…來訪或來信2次的重復信訪…進行一次排查): October catches every repeat petitioner whenever the petitions came — across two months, a 纏訪戶 back after a closed visit — and lists again what is still open; another matter of the same person is no repeat', async () => {
    at('2026-11-01T08:00:00+08:00');
    expect((await sweeps.sweepTenant(townId)).screening).toBe(10);
    expect(found(await screenings(', periodStart: "2026-10-01"'))).toEqual({
      signed: ['SIGNED'],
      joint: ['JOINT_SIGNED'],
      old: ['LONG_UNRESOLVED'],
      young: ['LONG_UNRESOLVED'],
      organiser: ['SIGNED', 'GROUP_ORGANISER'],
      'repeat-1': ['REPEAT'], // still open: listed again
      'repeat-2': ['REPEAT'],
      'across-1': ['REPEAT'], // 25 September and 5 October: one repeat petitioner
      'across-2': ['REPEAT'],
      'chronic-2': ['REPEAT'], // the closed July visit counts, but is not listed again
    });
    expect(await screenings(', unsettledOnly: true')).toHaveLength(16);
  });

  it('the office can screen a completed period on demand: idempotent, and refused for periods that are not', async () => {
    const screen = (periodStart: string, token = office, tenantCode = TOWN) =>
      t.gql<{ screenCases: Screened[] }>(
        `mutation($t: String!, $p: String!) { screenCases(tenantCode: $t, periodStart: $p) { ${SCREENED} } }`,
        { t: tenantCode, p: periodStart },
        token,
      );
    const again = ok(await screen('2026-09-01')).screenCases;
    expect(found(again)).toEqual(found(await screenings(', periodStart: "2026-09-01"')));
    expect(await screenings('')).toHaveLength(16);
    expect(field(await screen('2026-09-02'))).toBe('periodStart'); // not the first day of a period
    expect(field(await screen('2026-11-01'))).toBe('periodStart'); // not ended
    expect(field(await screen('2026-13-01'))).toBe('periodStart');
    expect(code(await screen('2026-09-01', member))).toBe('FORBIDDEN');
    expect(code(await screen('2026-09-01', siblingOffice))).toBe('NOT_FOUND');
    const shizi = await screen('2026-09-01', await t.login('shizi', 'office'), 'shizi');
    expect(code(shizi)).toBe('BAD_USER_INPUT'); // 001 declares no screening
    expect(field(shizi)).toBe('tenantCode');
    // A period before any case: screened, nothing found.
    expect(ok(await screen('2026-06-01')).screenCases).toEqual([]);
  });

  it('a screened case is settled with all that the plugin requires: owning leader, responsible person, time limit', async () => {
    const september = await screenings(', periodStart: "2026-09-01"');
    const target = screened(september, 'repeat-1');
    const settle = (input: Record<string, unknown>, token = office) =>
      mutate<Screened>(
        'settleScreenedCase',
        'SettleScreenedCaseInput',
        {
          screeningId: target.id,
          owningLeader: '镇党委副书记 刘强',
          responsiblePerson: '李明',
          dueOn: '2026-11-30',
          ...input,
        },
        token,
        SCREENED,
      );
    expect(field(await settle({ owningLeader: undefined }))).toBe('input.owningLeader');
    expect(field(await settle({ responsiblePerson: undefined }))).toBe('input.responsiblePerson');
    expect(field(await settle({ dueOn: undefined }))).toBe('input.dueOn');
    expect(field(await settle({ dueOn: '2026-10-31' }))).toBe('input.dueOn'); // in the past
    expect(field(await settle({ owningLeader: '刘强; --' }))).toBe('input.owningLeader');
    expect(code(await settle({}, member))).toBe('FORBIDDEN');
    expect(code(await settle({}, siblingOffice))).toBe('NOT_FOUND');
    expect(code(await settle({ screeningId: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
    expect(await screenings(', unsettledOnly: true')).toHaveLength(16); // nothing was written
    const settled = ok(await settle({})).settleScreenedCase;
    expect(settled).toMatchObject({
      settled: true,
      owningLeader: '镇党委副书记 刘强',
      responsiblePerson: '李明',
      dueOn: '2026-11-30',
      case: { id: target.case.id },
    });
    expect(await screenings(', unsettledOnly: true')).toHaveLength(15);
    // A member unit sees the screenings of the cases it handles, nothing else.
    expect(found(await screenings('', member))).toEqual({ 'repeat-1': ['REPEAT'] });
    expect(code(await t.gql(`{ caseScreenings(tenantCode: "${TOWN}") { id } }`, {}, siblingOffice))).toBe('NOT_FOUND');
    const history = ok(
      await t.gql<{ petitionCase: { history: { kind: string }[] } }>(
        `query($id: ID!) { petitionCase(id: $id) { history { kind } } }`,
        { id: target.case.id },
        office,
      ),
    ).petitionCase.history;
    expect(history.map((h) => h.kind).filter((k) => k.startsWith('SCREEN'))).toEqual([
      'SCREENED',
      'SCREENED',
      'SCREENING_SETTLED',
    ]); // screened in September and again in October
  });

  it('caseScreeningsPage: the screened cases a page at a time, as caseScreenings lists them (the office; a member unit its own)', async () => {
    for (const [token, atLeast] of [
      [office, 16],
      [member, 1],
    ] as const)
      keepsThePageShape(
        await walkPage(t, {
          page: 'caseScreeningsPage',
          args: `tenantCode: "${TOWN}"`,
          old: `caseScreenings(tenantCode: "${TOWN}")`,
          token,
        }),
        atLeast,
      );
  });
});
