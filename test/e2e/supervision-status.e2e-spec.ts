import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '@engine/clock';
import { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { SupervisionStatusService } from '@modules/supervision-status';
import { recountFromRaw, storedStatus, type StatusNumbers } from '@test/support/supervision-recount';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * The superiors' view over the demo county and its four towns: ledger data made through the real API
 * (cases received, assigned, resolved; meetings, minutes and agreed items), listings, interviews,
 * ranked notices and cadence obligations in the supervision and meetings tables; then the county
 * sees every town, a town only itself, a sibling nothing, and every number equals a recount from the
 * raw tables. Filters, sorting, keyset pagination and the drill-down are walked, and the drill-down
 * stays read-only for the superior.
 */
describe("supervisionStatus (the superiors' view)", () => {
  let t: TestApp;
  let ds: DataSource;
  let clock: Clock;
  const tokens: Record<string, string> = {};
  const tenantIds: Record<string, string> = {};
  const caseIds: Record<string, string[]> = {};
  const COUNTY = 'county-petition-mechanisms';
  const TOWNS = ['shizi', 'town-petition-systems', 'xiacang', 'xincheng'];
  const PETITIONER = { name: '王建国', phone: '13812345678', address: '示范县某镇某村三组12号' };

  const ok = <T>(res: GqlResult<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const code = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
  const field = (res: GqlResult): string | undefined =>
    res.errors?.[0]?.extensions?.field ?? res.errors?.[0]?.extensions?.problems?.[0]?.field;

  const ROW =
    'tenantCode tenantName level parentCode openCases overdueCases overdueAsOf listedCases interviewsAwaitingRectification latestRank rankedOf rankNoticeNumber rankPeriod rankPeriodStart rankPeriodEnd cadenceMet cadenceDue cadenceRatio agreedItemsDone agreedItemsTotal agreedItemsRatio proposedSteps confirmedSteps dismissedSteps updatedAt';
  type Row = {
    tenantCode: string;
    tenantName: string;
    level: string;
    parentCode: string | null;
    openCases: number;
    overdueCases: number;
    overdueAsOf: string;
    listedCases: number;
    interviewsAwaitingRectification: number;
    latestRank: number | null;
    rankedOf: number | null;
    rankNoticeNumber: string | null;
    cadenceMet: number;
    cadenceDue: number;
    cadenceRatio: number | null;
    agreedItemsDone: number;
    agreedItemsTotal: number;
    agreedItemsRatio: number | null;
    proposedSteps: number;
    confirmedSteps: number;
    dismissedSteps: number;
  };
  type Page = { items: Row[]; totalCount: number; nextCursor: string | null };
  const status = (token: string, vars: Record<string, unknown>) =>
    t.gql<{ supervisionStatus: Page }>(
      `query($c: String!, $f: SupervisionStatusFilter, $o: SupervisionStatusOrder, $l: Int, $a: String) { supervisionStatus(tenantCode: $c, filter: $f, orderBy: $o, limit: $l, after: $a) { totalCount nextCursor items { ${ROW} } } }`,
      { c: COUNTY, ...vars },
      token,
    );
  const page = async (token: string, vars: Record<string, unknown>): Promise<Page> =>
    ok(await status(token, vars)).supervisionStatus;
  const evidence = (token: string, tenantCode: string, metric: string, extra: Record<string, unknown> = {}) =>
    t.gql<{
      supervisionEvidence: {
        count: number;
        asOf: string;
        nextOffset: number | null;
        items: {
          id: string;
          kind: string;
          reference: string | null;
          status: string;
          dueOn: string | null;
          unitName: string | null;
          label: string | null;
          periodStart: string | null;
        }[];
      };
    }>(
      'query($c: String!, $m: SupervisionMetric!, $l: Int, $o: Int) { supervisionEvidence(tenantCode: $c, metric: $m, limit: $l, offset: $o) { tenantCode metric count asOf nextOffset items { id kind reference status dueOn periodStart periodEnd unitName label rule } } }',
      { c: tenantCode, m: metric, ...extra },
      token,
    );

  /** The view's row as the numbers a raw recount yields. */
  const numbers = (r: Row): StatusNumbers => ({
    code: r.tenantCode,
    asOf: r.overdueAsOf,
    open: r.openCases,
    overdue: r.overdueCases,
    listed: r.listedCases,
    awaiting: r.interviewsAwaitingRectification,
    rank: r.latestRank,
    rankedOf: r.rankedOf,
    rankNotice: r.rankNoticeNumber,
    cadenceMet: r.cadenceMet,
    cadenceDue: r.cadenceDue,
    itemsDone: r.agreedItemsDone,
    itemsTotal: r.agreedItemsTotal,
    proposed: r.proposedSteps,
    confirmed: r.confirmedSteps,
    dismissed: r.dismissedSteps,
  });
  const raw = async (): Promise<Map<string, StatusNumbers>> =>
    new Map((await recountFromRaw(ds)).map((r) => [r.code, r]));

  const receive = async (town: string, extra: Record<string, unknown> = {}): Promise<string> => {
    const res = await t.gql<{ receivePetition: { id: string } }>(
      'mutation($i: ReceivePetitionInput!) { receivePetition(input: $i) { id } }',
      {
        i: {
          tenantCode: town,
          channel: 'VISIT',
          source: 'LOCAL',
          matter: '反映土地承包经营权纠纷，要求协调解决。',
          petitioners: [PETITIONER],
          ...extra,
        },
      },
      tokens[`${town}:office`],
    );
    const id = ok(res).receivePetition.id;
    (caseIds[town] ??= []).push(id);
    return id;
  };
  const assign = async (town: string, caseId: string, dueOn: string): Promise<void> => {
    const unit = (await units(town))[0].id;
    ok(
      await t.gql(
        'mutation($i: AssignCaseInput!) { assignCase(input: $i) { id } }',
        { i: { caseId, responsibleUnitId: unit, responsiblePerson: '李明', dueOn } },
        tokens[`${town}:office`],
      ),
    );
  };
  const unitCache = new Map<string, { id: string; name: string; kind: string }[]>();
  const units = async (town: string) => {
    if (!unitCache.has(town))
      unitCache.set(
        town,
        ok(
          await t.gql<{ tenant: { memberUnits: { id: string; name: string; kind: string }[] } }>(
            'query($c: String!) { tenant(code: $c) { memberUnits { id name kind } } }',
            { c: town },
            tokens[`${town}:office`],
          ),
        ).tenant.memberUnits,
      );
    return unitCache.get(town)!;
  };

  /** A ladder action as the supervision module writes it (its API is another piece of work): owner SQL. */
  const action = async (
    kind: 'LISTING' | 'INTERVIEW',
    status: string,
    town: string,
    dueOn: string | null,
  ): Promise<string> => {
    const [unit] = (await ds.query(`SELECT id FROM member_unit WHERE tenant_id = $1 AND child_tenant_id = $2`, [
      tenantIds[COUNTY],
      tenantIds[town],
    ])) as { id: string }[];
    const [row] = (await ds.query(
      `INSERT INTO supervision_action (tenant_id, number, kind, target_unit_id, target_tenant_id, rule_source, status, dedupe_key, opened_at, due_on, current_step)
       VALUES ($1, $2, $3, $4, $5, '003 §五', $6, $2, now(), $7, $8) RETURNING id`,
      [
        tenantIds[COUNTY],
        `示范督〔2026〕${randomUUID().slice(0, 6)}号`,
        kind,
        unit.id,
        tenantIds[town],
        status,
        dueOn,
        kind === 'LISTING' ? 'RESOLVE' : null,
      ],
    )) as { id: string }[];
    return row.id;
  };

  /** A regular monthly notice ranking the towns (drafted, then published: both writes reach the view). */
  const notice = async (
    number: string,
    periodStart: string,
    periodEnd: string,
    publishedAt: string,
    ranking: string[],
  ): Promise<void> => {
    const [n] = (await ds.query(
      `INSERT INTO supervision_notice (tenant_id, number, kind, period, period_start, period_end, title, status, rule) VALUES ($1, $2, 'REGULAR', 'MONTHLY', $3, $4, '月度通报', 'DRAFT', '003 §三') RETURNING id`,
      [tenantIds[COUNTY], number, periodStart, periodEnd],
    )) as { id: string }[];
    for (const [i, town] of ranking.entries()) {
      const [unit] = (await ds.query(`SELECT id FROM member_unit WHERE tenant_id = $1 AND child_tenant_id = $2`, [
        tenantIds[COUNTY],
        tenantIds[town],
      ])) as { id: string }[];
      await ds.query(
        `INSERT INTO supervision_notice_entry (tenant_id, notice_id, target_unit_id, target_tenant_id, rank, ranked_of, bottom) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [tenantIds[COUNTY], n.id, unit.id, tenantIds[town], i + 1, ranking.length, i >= ranking.length - 3],
      );
    }
    await ds.query(`UPDATE supervision_notice SET status = 'PUBLISHED', published_at = $2 WHERE id = $1`, [
      n.id,
      publishedAt,
    ]);
  };

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    clock = t.app.get(Clock);
    clock.set('2026-09-01T09:00:00+08:00');
    for (const u of ['office', 'convener', 'chief', 'superior']) tokens[`${COUNTY}:${u}`] = await t.login(COUNTY, u);
    for (const town of TOWNS) {
      tokens[`${town}:office`] = await t.login(town, 'office');
      tokens[`${town}:convener`] = await t.login(town, 'convener');
    }
    tokens['shizi:member'] = await t.login('shizi', 'member');
    for (const r of (await ds.query(`SELECT id, code FROM tenant`)) as { id: string; code: string }[])
      tenantIds[r.code] = r.id;

    // The ledger, through the API: 下仓镇 three cases (two assigned with due dates that will pass, one
    // resolved), 十字镇 two (one due on the counting day itself), 示范镇 one assigned far ahead, 新城街道 none.
    const x1 = await receive('xiacang');
    const x2 = await receive('xiacang');
    const x3 = await receive('xiacang');
    await assign('xiacang', x1, '2026-09-10');
    await assign('xiacang', x2, '2026-09-20');
    await assign('xiacang', x3, '2026-09-30');
    ok(
      await t.gql(
        'mutation($i: ResolveCaseInput!) { resolveCase(input: $i) { id } }',
        { i: { caseId: x3, resolution: '经调解双方达成协议，已化解。' } },
        tokens['xiacang:office'],
      ),
    );
    const s1 = await receive('shizi');
    const s2 = await receive('shizi');
    await assign('shizi', s1, '2026-09-15');
    await assign('shizi', s2, '2026-10-10'); // due on the day the view is counted: not yet overdue
    // 示范镇's plugin (004) lists no member units: its office adds the one it assigns to.
    ok(
      await t.gql(
        'mutation($i: AddMemberUnitInput!) { addMemberUnit(input: $i) { id } }',
        {
          i: { tenantCode: 'town-petition-systems', name: '镇司法所', kind: 'DEPARTMENT', reason: '负责矛盾纠纷调处' },
        },
        tokens['town-petition-systems:office'],
      ),
    );
    const p1 = await receive('town-petition-systems');
    await assign('town-petition-systems', p1, '2026-12-31');

    // Agreed items through the meetings API in 下仓镇: two issued, one of them done.
    const office = tokens['xiacang:office'];
    const member = await t.login('xiacang', 'member');
    const unit = ok(await t.gql<{ me: { memberUnit: { id: string } } }>('{ me { memberUnit { id } } }', {}, member)).me
      .memberUnit.id;
    const meeting = ok(
      await t.gql<{ scheduleMeeting: { id: string } }>(
        'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }',
        {
          i: {
            tenantCode: 'xiacang',
            typeCode: 'WORKING',
            title: '下仓镇工作会议',
            scheduledAt: '2026-09-02T09:00:00+08:00',
            invitedUnitIds: [unit],
          },
        },
        office,
      ),
    ).scheduleMeeting.id;
    clock.set('2026-09-02T10:00:00+08:00');
    ok(
      await t.gql(
        'mutation($i: HoldMeetingInput!) { holdMeeting(input: $i) { id } }',
        {
          i: {
            meetingId: meeting,
            heldAt: '2026-09-02T09:00:00+08:00',
            attendance: [{ memberUnitId: unit, attendance: 'PRESENT' }],
          },
        },
        office,
      ),
    );
    const minutes = ok(
      await t.gql<{ draftMinutes: { id: string } }>(
        'mutation($i: DraftMinutesInput!) { draftMinutes(input: $i) { id } }',
        {
          i: {
            meetingId: meeting,
            body: '会议研究了近期信访工作。',
            agreedItems: [
              { content: '落实稳控措施', ownerUnitIds: [unit], due: { amount: 10, unit: 'WORKING_DAYS' } },
              { content: '排查矛盾纠纷', ownerUnitIds: [unit], due: { amount: 20, unit: 'WORKING_DAYS' } },
            ],
          },
        },
        office,
      ),
    ).draftMinutes.id;
    ok(await t.gql('mutation($id: ID!) { submitMinutes(minutesId: $id) { id } }', { id: minutes }, office));
    ok(
      await t.gql(
        'mutation($i: MinutesDecisionInput!) { approveMinutes(input: $i) { id } }',
        { i: { minutesId: minutes } },
        tokens['xiacang:convener'],
      ),
    );
    const items = ok(
      await t.gql<{ issueMinutes: { agreedItems: { id: string }[] } }>(
        'mutation($id: ID!) { issueMinutes(minutesId: $id) { agreedItems { id } } }',
        { id: minutes },
        office,
      ),
    ).issueMinutes.agreedItems;
    const report = ok(
      await t.gql<{ reportImplementation: { id: string } }>(
        'mutation($i: ReportInput!) { reportImplementation(input: $i) { id } }',
        { i: { agreedItemId: items[0].id, body: '已落实稳控措施。' } },
        member,
      ),
    ).reportImplementation.id;
    ok(
      await t.gql(
        'mutation($i: ReviewReportInput!) { acceptReport(input: $i) { id } }',
        { i: { reportId: report } },
        office,
      ),
    );

    // Ladder actions and ranked notices of the county about its towns (the supervision module's tables).
    await action('LISTING', 'ACTIVE', 'xiacang', '2026-10-31');
    await action('LISTING', 'DELISTED', 'shizi', null);
    const interview = await action('INTERVIEW', 'HELD', 'shizi', '2026-10-20');
    await ds.query(`UPDATE supervision_action SET status = 'AWAITING_RECTIFICATION' WHERE id = $1`, [interview]);
    await notice('示范通〔2026〕8号', '2026-08-01', '2026-08-31', '2026-09-05T10:00:00+08:00', [
      'xincheng',
      'shizi',
      'town-petition-systems',
      'xiacang',
    ]);
    await notice('示范通〔2026〕9号', '2026-09-01', '2026-09-30', '2026-10-05T10:00:00+08:00', [
      'shizi',
      'xincheng',
      'xiacang',
      'town-petition-systems',
    ]);

    // Cadence obligations as the hourly sweep leaves them (MET by a held meeting, or MISSED).
    for (const [town, statuses] of [
      ['xiacang', ['MET', 'MISSED', 'OPEN']],
      ['shizi', ['MET', 'MET']],
      ['xincheng', ['MISSED']],
    ] as const) {
      for (const [i, s] of statuses.entries()) {
        await ds.query(
          `INSERT INTO cadence_obligation (tenant_id, type_code, period_start, period_end, rrule, status) VALUES ($1, 'WORKING', $2, $3, 'FREQ=MONTHLY', 'OPEN')`,
          [tenantIds[town], `2026-0${6 + i}-01`, `2026-0${6 + i}-28`],
        );
        if (s !== 'OPEN')
          await ds.query(`UPDATE cadence_obligation SET status = $3 WHERE tenant_id = $1 AND period_start = $2`, [
            tenantIds[town],
            `2026-0${6 + i}-01`,
            s,
          ]);
      }
    }

    // A month on: the daily job counts what is now overdue.
    clock.set('2026-10-10T09:00:00+08:00');
    await t.app.get(SupervisionStatusService).refreshAll();
    await t.queue.whenIdle();
  }, 240_000); // boots the API, signs in and seeds four tenants: slow on a loaded machine
  afterAll(async () => {
    await t.close();
  });

  it('a county user sees every town below it (and the county), each number equal to a recount from the raw tables', async () => {
    for (const role of ['office', 'convener', 'chief', 'superior']) {
      const p = await page(tokens[`${COUNTY}:${role}`], {});
      expect(p.totalCount).toBe(5);
      expect(p.items.map((r) => r.tenantCode).sort()).toEqual([COUNTY, ...TOWNS].sort());
    }
    const rows = (await page(tokens[`${COUNTY}:superior`], {})).items;
    const recount = await raw();
    for (const row of rows) expect(numbers(row)).toEqual(recount.get(row.tenantCode));
    const byCode = new Map(rows.map((r) => [r.tenantCode, r]));
    // The story in numbers, so the recount is not trivially zero.
    expect(byCode.get('xiacang')).toMatchObject({
      openCases: 2,
      overdueCases: 2,
      overdueAsOf: '2026-10-10',
      listedCases: 1,
      latestRank: 3,
      rankedOf: 4,
      rankNoticeNumber: '示范通〔2026〕9号',
      rankPeriod: 'MONTHLY',
      rankPeriodStart: '2026-09-01',
      cadenceMet: 1,
      cadenceDue: 2,
      cadenceRatio: 0.5,
      agreedItemsDone: 1,
      agreedItemsTotal: 2,
      agreedItemsRatio: 0.5,
      parentCode: COUNTY,
      level: 'TOWN',
    });
    expect(byCode.get('shizi')).toMatchObject({
      openCases: 2,
      overdueCases: 1,
      listedCases: 0,
      interviewsAwaitingRectification: 1,
      latestRank: 1,
      cadenceRatio: 1,
    });
    expect(byCode.get('town-petition-systems')).toMatchObject({ openCases: 1, overdueCases: 0, latestRank: 4 });
    expect(byCode.get('xincheng')).toMatchObject({
      openCases: 0,
      cadenceMet: 0,
      cadenceDue: 1,
      cadenceRatio: 0,
      agreedItemsRatio: null,
    });
    expect(byCode.get(COUNTY)).toMatchObject({ parentCode: null, level: 'COUNTY', latestRank: null, openCases: 0 });
    // The whole table agrees with the recount, not only the rows shown.
    expect(await storedStatus(ds)).toEqual(await recountFromRaw(ds));
  });

  it('a town user sees only its own row; a sibling nothing; member units do not read the view', async () => {
    const own = await page(tokens['xiacang:office'], { c: 'xiacang' });
    expect(own.items.map((r) => r.tenantCode)).toEqual(['xiacang']);
    expect(own.items[0].parentCode).toBeNull(); // the county's row is not readable by the town
    expect(code(await status(tokens['xiacang:office'], {}))).toBe('NOT_FOUND'); // the county is above it
    expect(code(await status(tokens['shizi:office'], { c: 'xiacang' }))).toBe('NOT_FOUND');
    expect(code(await evidence(tokens['shizi:office'], 'xiacang', 'OVERDUE_CASES'))).toBe('NOT_FOUND');
    expect(code(await status(tokens['shizi:member'], { c: 'shizi' }))).toBe('FORBIDDEN');
    // Below the API: row-level security alone gives a town its own row and a county its subtree.
    const db = t.app.get(Db);
    const seen = async (ctx: RequestContext): Promise<string[]> =>
      (
        (await db.run(ctx, ({ em }) => em.query(`SELECT code FROM supervision_status ORDER BY code`))) as {
          code: string;
        }[]
      ).map((r) => r.code);
    expect(await seen(RequestContext.forTenantJob(tenantIds.shizi))).toEqual(['shizi']);
    const countyReader = RequestContext.forCaller(
      {
        userId: randomUUID(),
        username: 'c',
        tenantId: tenantIds[COUNTY],
        roles: ['SUPERIOR' as never],
        memberUnitId: null,
      },
      null as never,
    );
    expect(await seen(countyReader)).toEqual([COUNTY, ...TOWNS].sort());
  });

  it('filters by level, parent, overdue, listings and interviews', async () => {
    const token = tokens[`${COUNTY}:convener`];
    const codes = async (f: Record<string, unknown>): Promise<string[]> =>
      (await page(token, { f })).items.map((r) => r.tenantCode).sort();
    expect(await codes({ level: 'TOWN' })).toEqual(['shizi', 'town-petition-systems', 'xiacang']);
    expect(await codes({ level: 'STREET' })).toEqual(['xincheng']);
    expect(await codes({ parentCode: COUNTY })).toEqual(TOWNS);
    expect(await codes({ minOverdue: 1 })).toEqual(['shizi', 'xiacang']);
    expect(await codes({ minOverdue: 2 })).toEqual(['xiacang']);
    expect(await codes({ hasListed: true })).toEqual(['xiacang']);
    expect(await codes({ hasListed: false, parentCode: COUNTY })).toEqual([
      'shizi',
      'town-petition-systems',
      'xincheng',
    ]);
    expect(await codes({ awaitingRectification: true })).toEqual(['shizi']);
    expect((await page(token, { f: { minOverdue: 1 } })).totalCount).toBe(2);
    expect(field(await status(token, { f: { minOverdue: -1 } }))).toContain('minOverdue');
    expect(code(await status(token, { f: { parentCode: 'nowhere' } }))).toBe('NOT_FOUND');
    // A subtree: asked for one town, the county gets just that town.
    expect((await page(token, { c: 'shizi' })).items.map((r) => r.tenantCode)).toEqual(['shizi']);
  });

  it('sorts by any count, rank or name, and pages by keyset to the same rows', async () => {
    const token = tokens[`${COUNTY}:superior`];
    const all = (await page(token, {})).items;
    const order = async (f: string, direction: string): Promise<string[]> =>
      (await page(token, { o: { field: f, direction } })).items.map((r) => r.tenantCode);
    const value = (c: string, key: keyof Row): unknown => all.find((r) => r.tenantCode === c)![key];
    const overdue = await order('OVERDUE_CASES', 'DESC');
    expect(overdue.slice(0, 2)).toEqual(['xiacang', 'shizi']);
    expect(overdue.map((c) => value(c, 'overdueCases'))).toEqual(all.map((r) => r.overdueCases).sort((a, b) => b - a));
    expect((await order('OPEN_CASES', 'ASC')).map((c) => value(c, 'openCases'))).toEqual(
      all.map((r) => r.openCases).sort((a, b) => a - b),
    );
    expect((await order('LATEST_RANK', 'ASC')).slice(0, 4)).toEqual([
      'shizi',
      'xincheng',
      'xiacang',
      'town-petition-systems',
    ]); // unranked county last
    expect((await order('LATEST_RANK', 'ASC'))[4]).toBe(COUNTY);
    expect(await order('CODE', 'ASC')).toEqual([COUNTY, ...TOWNS].sort());
    expect(await order('CODE', 'DESC')).toEqual([COUNTY, ...TOWNS].sort().reverse());
    expect((await order('CADENCE_RATIO', 'ASC'))[0]).toBe('xincheng');

    for (const [f, direction] of [
      ['NAME', 'ASC'],
      ['OVERDUE_CASES', 'DESC'],
      ['LATEST_RANK', 'ASC'],
      ['AGREED_ITEMS_RATIO', 'DESC'],
      ['INTERVIEWS_AWAITING_RECTIFICATION', 'ASC'],
    ]) {
      const full = await order(f, direction);
      const walked: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const p: Page = await page(token, { o: { field: f, direction }, l: 2, a: after });
        expect(p.totalCount).toBe(5);
        walked.push(...p.items.map((r) => r.tenantCode));
        after = p.nextCursor;
        pages += 1;
      } while (after && pages < 10);
      expect({ f, walked }).toEqual({ f, walked: full });
      expect(pages).toBe(3);
    }
    const first = await page(token, { l: 2 });
    expect(
      field(await status(token, { l: 2, a: first.nextCursor, o: { field: 'OPEN_CASES', direction: 'ASC' } })),
    ).toBe('after');
    expect(field(await status(token, { a: 'not-a-cursor' }))).toBe('after');
    expect(field(await status(token, { l: 0 }))).toBe('limit');
    expect(field(await status(token, { l: 201 }))).toBe('limit');
  });

  it('drills into one town: the rows behind each number, no personal data', async () => {
    const token = tokens[`${COUNTY}:superior`];
    const overdue = ok(await evidence(token, 'xiacang', 'OVERDUE_CASES')).supervisionEvidence;
    const rawOverdue = (await ds.query(
      `SELECT c.number, to_char(c.due_on, 'YYYY-MM-DD') AS due, u.name FROM petition_case c LEFT JOIN member_unit u ON u.id = c.responsible_unit_id
       WHERE c.tenant_id = $1 AND c.status IN ('RECEIVED', 'ASSIGNED') AND c.due_on < '2026-10-10' ORDER BY c.due_on, c.number`,
      [tenantIds.xiacang],
    )) as { number: string; due: string; name: string }[];
    expect(overdue.count).toBe(2);
    expect(overdue.asOf).toBe('2026-10-10');
    expect(overdue.items.map((i) => ({ number: i.reference, due: i.dueOn, name: i.unitName }))).toEqual(rawOverdue);
    expect(overdue.items.every((i) => i.kind === 'PETITION_CASE' && i.status === 'ASSIGNED')).toBe(true);
    const body = JSON.stringify(overdue);
    for (const secret of Object.values(PETITIONER)) expect(body).not.toContain(secret);

    const open = ok(await evidence(token, 'xiacang', 'OPEN_CASES')).supervisionEvidence;
    expect(open.items.map((i) => i.id).sort()).toEqual(caseIds.xiacang.slice(0, 2).sort());
    const listed = ok(await evidence(token, 'xiacang', 'LISTED_CASES')).supervisionEvidence;
    expect(listed).toMatchObject({
      count: 1,
      items: [
        { kind: 'LISTING', status: 'ACTIVE', dueOn: '2026-10-31', label: 'RESOLVE', unitName: expect.any(String) },
      ],
    });
    const interviews = ok(await evidence(token, 'shizi', 'INTERVIEWS_AWAITING_RECTIFICATION')).supervisionEvidence;
    expect(interviews).toMatchObject({
      count: 1,
      items: [{ kind: 'INTERVIEW', status: 'AWAITING_RECTIFICATION', dueOn: '2026-10-20' }],
    });
    const missed = ok(await evidence(token, 'xiacang', 'MISSED_CADENCE')).supervisionEvidence;
    expect(missed).toMatchObject({
      count: 1,
      items: [{ kind: 'CADENCE_OBLIGATION', reference: 'WORKING', status: 'MISSED', periodStart: '2026-07-01' }],
    });
    const items = ok(await evidence(token, 'xiacang', 'OPEN_AGREED_ITEMS')).supervisionEvidence;
    expect(items).toMatchObject({ count: 1, items: [{ kind: 'AGREED_ITEM', status: 'OPEN', label: '排查矛盾纠纷' }] });
    expect(items.items[0].reference).toMatch(/〔2026〕/);
    // The town sees the county's listing of it among its own facts.
    expect(
      ok(await evidence(tokens['xiacang:office'], 'xiacang', 'LISTED_CASES')).supervisionEvidence.items,
    ).toHaveLength(1);
    // Offset pages.
    const first = ok(await evidence(token, 'xiacang', 'OPEN_CASES', { l: 1 })).supervisionEvidence;
    expect(first.nextOffset).toBe(1);
    const second = ok(await evidence(token, 'xiacang', 'OPEN_CASES', { l: 1, o: 1 })).supervisionEvidence;
    expect(second.nextOffset).toBeNull();
    expect([first.items[0].id, second.items[0].id].sort()).toEqual(open.items.map((i) => i.id).sort());
    expect(field(await evidence(token, 'xiacang', 'OPEN_CASES', { o: -1 }))).toBe('offset');
  });

  it('the superior has no write rights where it drills: a write attempt is refused and changes nothing', async () => {
    const before = JSON.stringify(await storedStatus(ds));
    const superior = tokens[`${COUNTY}:superior`];
    const [caseId] = caseIds.xiacang;
    const unit = (await units('xiacang'))[0].id;
    expect(
      code(
        await t.gql(
          'mutation($i: AssignCaseInput!) { assignCase(input: $i) { id } }',
          { i: { caseId, responsibleUnitId: unit, responsiblePerson: '张三' } },
          superior,
        ),
      ),
    ).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
    expect(
      code(
        await t.gql(
          'mutation($i: ResolveCaseInput!) { resolveCase(input: $i) { id } }',
          { i: { caseId, resolution: '上级代为办结。' } },
          superior,
        ),
      ),
    ).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
    expect(
      code(
        await t.gql(
          'mutation($i: ProposeInspectionInput!) { proposeInspection(input: $i) { id } }',
          { i: { tenantCode: 'xiacang', title: '上级代为督查' } },
          superior,
        ),
      ),
    ).toBe('FORBIDDEN');
    // Below the API: the county's scope cannot touch the town's rows or the aggregate at all.
    const countyReader = RequestContext.forCaller(
      {
        userId: randomUUID(),
        username: 'c',
        tenantId: tenantIds[COUNTY],
        roles: ['SUPERIOR' as never],
        memberUnitId: null,
      },
      null as never,
    );
    const db = t.app.get(Db);
    await expect(
      db.run(countyReader, ({ em }) =>
        em.query(`UPDATE supervision_status SET overdue_cases = 0 WHERE code = 'xiacang'`),
      ),
    ).rejects.toThrow(/permission denied/);
    const updated = await db.run(countyReader, ({ em }) =>
      em.query(`UPDATE petition_case SET status = 'CLOSED' WHERE tenant_id = $1`, [tenantIds.xiacang]),
    );
    expect(updated[1]).toBe(0);
    await expect(
      db.run(countyReader, ({ em }) =>
        em.query(`SELECT supervision_status_refresh($1, '2030-01-01')`, [tenantIds.xiacang]),
      ),
    ).rejects.toThrow(/write scope/);
    expect(JSON.stringify(await storedStatus(ds))).toBe(before);
  });

  it("stays current: a write moves its tenant's row at once; the calendar moves overdue through the daily job", async () => {
    const token = tokens[`${COUNTY}:superior`];
    const row = async (c: string): Promise<Row> => (await page(token, { c })).items[0];
    // A resolved case leaves open and overdue straight away.
    const [x1] = caseIds.xiacang;
    ok(
      await t.gql(
        'mutation($i: ResolveCaseInput!) { resolveCase(input: $i) { id } }',
        { i: { caseId: x1, resolution: '已协调补发，信访人表示满意。' } },
        tokens['xiacang:office'],
      ),
    );
    expect(await row('xiacang')).toMatchObject({ openCases: 1, overdueCases: 1 });
    // 示范镇's case falls due on 12-31: overdue only once the day after has been counted.
    clock.set('2027-01-01T08:00:00+08:00');
    expect(await row('town-petition-systems')).toMatchObject({ overdueCases: 0, overdueAsOf: '2026-10-10' });
    const service = t.app.get(SupervisionStatusService);
    expect(await service.refreshAll()).toBe(5);
    await t.queue.whenIdle();
    expect(await row('town-petition-systems')).toMatchObject({ overdueCases: 1, overdueAsOf: '2027-01-01' });
    expect(await service.refreshAll()).toBe(0); // once a day
    expect(await storedStatus(ds)).toEqual(await recountFromRaw(ds));
  });
});
