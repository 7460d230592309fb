import { startTestApp, type TestApp } from '@test/support/test-app';

/** The working-day calendar through the API: national years loaded as data, local overrides. */
describe('working-day calendar', () => {
  let t: TestApp;
  let admin: string;
  let office: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(null, 'admin');
    office = await t.login('shizi', 'office');
  });
  afterAll(async () => {
    await t.close();
  });

  const due = async (from: string, amount: number, tenantCode = 'shizi') =>
    (
      await t.gql<{ dueDate: { date: string; provisional: boolean } }>(
        'query($t: String!, $f: String!, $a: Int!) { dueDate(tenantCode: $t, from: $f, amount: $a) { date provisional } }',
        { t: tenantCode, f: from, a: amount },
        office,
      )
    ).data?.dueDate;

  it('counts 15 working days across the National Day break and its make-up Saturday', async () => {
    expect(await due('2026-09-28', 15)).toEqual({ date: '2026-10-23', provisional: false });
  });

  it('flags a count into an unpublished year as provisional, until a platform admin loads that year as data', async () => {
    expect(await due('2026-12-28', 5)).toEqual({ date: '2027-01-04', provisional: true });
    const year = {
      year: 2027,
      holidays: ['2027-01-01'],
      workdays: [],
      source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
    };
    const denied = await t.gql(
      'mutation($i: LoadCalendarYearInput!) { loadCalendarYear(input: $i) { year } }',
      { i: year },
      office,
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await t.gql(
      'mutation($i: LoadCalendarYearInput!) { loadCalendarYear(input: $i) { year } }',
      { i: { ...year, holidays: ['2027-01-02'] } },
      admin,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toContain('2027-01-02');
    const loaded = await t.gql(
      'mutation($i: LoadCalendarYearInput!) { loadCalendarYear(input: $i) { year holidays } }',
      { i: year },
      admin,
    );
    expect(loaded.data).toEqual({ loadCalendarYear: { year: 2027, holidays: ['2027-01-01'] } });
    // 2026-12-31 (Thu), 2027-01-01 is now a holiday, then 01-04 … 01-06.
    expect(await due('2026-12-28', 5)).toEqual({ date: '2027-01-05', provisional: false });
    const coverage = await t.gql<{ calendarCoverage: { coveredYears: number[] } }>(
      '{ calendarCoverage { coveredYears } }',
      {},
      office,
    );
    expect(coverage.data?.calendarCoverage.coveredYears).toContain(2027);
  });

  it("a tenant's local holiday shifts only that tenant's deadlines", async () => {
    const set = await t.gql(
      'mutation($i: SetCalendarOverrideInput!) { setCalendarOverride(input: $i) { date kind } }',
      { i: { tenantCode: 'shizi', date: '2026-10-12', kind: 'HOLIDAY', reason: '镇集体停电检修' } },
      office,
    );
    expect(set.data).toEqual({ setCalendarOverride: { date: '2026-10-12', kind: 'HOLIDAY' } });
    expect(await due('2026-09-28', 15)).toEqual({ date: '2026-10-26', provisional: false });
    const xiacangOffice = await t.login('xiacang', 'office');
    const other = await t.gql<{ dueDate: { date: string } }>(
      '{ dueDate(tenantCode: "xiacang", from: "2026-09-28", amount: 15) { date } }',
      {},
      xiacangOffice,
    );
    expect(other.data?.dueDate.date).toBe('2026-10-23');
    const member = await t.login('shizi', 'member');
    const denied = await t.gql(
      'mutation($i: SetCalendarOverrideInput!) { setCalendarOverride(input: $i) { date } }',
      { i: { tenantCode: 'shizi', date: '2026-10-13', kind: 'HOLIDAY', reason: '越权' } },
      member,
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      (await t.gql('mutation { removeCalendarOverride(tenantCode: "shizi", date: "2026-10-12") }', {}, office)).data,
    ).toEqual({ removeCalendarOverride: true });
    expect(await due('2026-09-28', 15)).toEqual({ date: '2026-10-23', provisional: false });
  });
});
