import { Clock } from '@engine/clock';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * 干部包片排查, walked over HTTP on the demo 新城街道: 002 六(三) “街道各部门、各社区要做好源头预防和矛盾纠纷排查化解工作，
 * 实行干部包片排查矛盾纠纷机制”. The office assigns cadres to areas (communities); each cadre records the screening of
 * their own area for the period — every dispute found registered as a case through the intake, or resolved on the
 * spot; the office sees which areas are screened. 002 states no period: the platform default (monthly) applies and
 * says so.
 */
describe('area screening by cadres (002 六(三) 干部包片排查)', () => {
  let t: TestApp;
  let clock: Clock;
  const X = 'xincheng';
  const tok: Record<string, string> = {};
  const uid: Record<string, string> = {};
  let areaA: string;
  let areaB: string;

  const ok = <T>(res: GqlResult<T>): T => {
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const code = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
  const reason = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.reason as string | undefined;
  const field = (res: GqlResult): string | undefined =>
    (res.errors?.[0]?.extensions?.field as string | undefined) ??
    (res.errors?.[0]?.extensions?.problems as { field: string }[] | undefined)?.[0]?.field;

  type Status = {
    area: { id: string; name: string };
    cadre: { username: string } | null;
    screened: boolean;
    screening: { id: string } | null;
    period: { start: string; end: string; rrule: string; source: string | null; platformDefault: boolean };
  };
  type Screening = {
    id: string;
    rule: string;
    periodStart: string;
    periodEnd: string;
    area: { id: string };
    cadre: { username: string };
    disputes: {
      summary: string;
      resolvedOnSpot: boolean;
      resolvedNote: string | null;
      case: { number: string } | null;
    }[];
  };
  const SCREENING =
    'id rule periodStart periodEnd area { id } cadre { username } disputes { summary resolvedOnSpot resolvedNote case { number } }';
  const list = (token: string, args = '') =>
    t.gql<{ areaScreenings: { items: Status[]; nextCursor: string | null } }>(
      `{ areaScreenings(tenantCode: "${X}"${args}) { items { area { id name } cadre { username } screened screening { id } period { start end rrule source platformDefault } } nextCursor } }`,
      {},
      token,
    );
  const assign = (token: string, areaUnitId: string, cadreUserId: string) =>
    t.gql<{ assignAreaCadre: { id: string; area: { id: string }; cadre: { username: string } } }>(
      'mutation($i: AssignAreaCadreInput!) { assignAreaCadre(input: $i) { id area { id } cadre { username } } }',
      { i: { tenantCode: X, areaUnitId, cadreUserId } },
      token,
    );
  const record = (token: string, areaUnitId: string, disputes: Record<string, unknown>[], periodStart = '2026-11-01') =>
    t.gql<{ recordAreaScreening: Screening }>(
      `mutation($i: RecordAreaScreeningInput!) { recordAreaScreening(input: $i) { ${SCREENING} } }`,
      { i: { areaUnitId, periodStart, disputes } },
      token,
    );
  const receive = async (token: string, input: Record<string, unknown>) =>
    ok(
      await t.gql<{ receivePetition: { id: string; number: string } }>(
        'mutation($i: ReceivePetitionInput!) { receivePetition(input: $i) { id number } }',
        {
          i: {
            tenantCode: X,
            channel: 'GRID_REPORT',
            matter: '两户居民因楼道堆物多次争执，要求社区处理。',
            petitioners: [{ name: '钱敏', phone: '13900000031' }],
            ...input,
          },
        },
        token,
      ),
    ).receivePetition;

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    clock.set('2026-11-16T09:00:00+08:00');
    const logins: [string, string, string][] = [
      ['office', X, 'office'],
      ['convener', X, 'convener'],
      ['secretary', X, 'secretary'],
      ['member', X, 'member'],
      ['town', 'town-petition-systems', 'office'],
    ];
    await Promise.all(logins.map(async ([key, tenant, user]) => (tok[key] = await t.login(tenant, user))));
    for (const who of ['secretary', 'member']) {
      const me = ok(
        await t.gql<{ me: { id: string; memberUnit: { id: string } | null } }>(
          '{ me { id memberUnit { id } } }',
          {},
          tok[who],
        ),
      ).me;
      uid[who] = me.id;
      if (who === 'secretary') areaA = me.memberUnit!.id;
    }
    const areas = ok(await list(tok.office)).areaScreenings.items;
    areaB = areas.find((a) => a.area.id !== areaA)!.area.id;
  }, 180_000); // boots the API and signs in five users (argon2): slow on a loaded machine
  afterAll(async () => {
    await t.close();
  });

  it('002 六(三) 干部包片排查: the office assigns cadres to the communities and sees every area of the month, the period a platform default shown as such', async () => {
    const before = ok(await list(tok.office)).areaScreenings;
    expect(before.items).toHaveLength(11); // 002 三: 11个社区居委会
    for (const a of before.items) {
      expect(a).toMatchObject({ cadre: null, screened: false, screening: null });
      expect(a.period).toEqual({
        start: '2026-11-01',
        end: '2026-11-30',
        rrule: 'FREQ=MONTHLY',
        source: null,
        platformDefault: true,
      });
    }
    // A page of 5, then the next: no area twice.
    const first = ok(await list(tok.office, ', limit: 5')).areaScreenings;
    expect(first.items).toHaveLength(5);
    const second = ok(await list(tok.office, `, limit: 5, after: "${first.nextCursor}"`)).areaScreenings;
    expect(second.items.map((a) => a.area.id)).not.toEqual(expect.arrayContaining([first.items[0].area.id]));

    // Only the office assigns.
    expect(code(await assign(tok.secretary, areaA, uid.secretary))).toBe('FORBIDDEN');
    // Bad input names the field and changes nothing.
    const notArea = await assign(tok.office, uid.secretary, uid.secretary);
    expect(code(notArea)).toBe('BAD_USER_INPUT');
    expect(field(notArea)).toBe('input.areaUnitId');

    expect(ok(await assign(tok.office, areaA, uid.secretary)).assignAreaCadre).toMatchObject({
      area: { id: areaA },
      cadre: { username: 'secretary' },
    });
    ok(await assign(tok.office, areaB, uid.member));
    const after = ok(await list(tok.office)).areaScreenings.items;
    expect(after.find((a) => a.area.id === areaA)?.cadre).toEqual({ username: 'secretary' });
    expect(after.find((a) => a.area.id === areaB)?.cadre).toEqual({ username: 'member' });
    expect(after.filter((a) => a.cadre === null)).toHaveLength(9);
  });

  it('002 六(三) 干部包片排查: the cadre records only their own area; each dispute is a case registered through the intake or resolved on the spot; the office sees which areas are unscreened', async () => {
    // Refusal: the secretary is not the cadre of area B.
    const notMine = await record(tok.secretary, areaB, []);
    expect(code(notMine)).toBe('FORBIDDEN');
    expect(reason(notMine)).toBe('NOT_AREA_CADRE');
    // Nor is the office, which assigns but does not screen.
    expect(reason(await record(tok.office, areaA, []))).toBe('NOT_AREA_CADRE');

    // Bad input names the field.
    const neither = await record(tok.secretary, areaA, [{ summary: '邻里因楼道堆物争执。' }]);
    expect(code(neither)).toBe('BAD_USER_INPUT');
    expect(reason(neither)).toBe('DISPUTE_OUTCOME');
    expect(field(neither)).toBe('input.disputes[0]');
    const midMonth = await record(tok.secretary, areaA, [], '2026-11-05');
    expect(code(midMonth)).toBe('BAD_USER_INPUT');
    expect(field(midMonth)).toBe('input.periodStart');
    const next = await record(tok.secretary, areaA, [], '2026-12-01');
    expect(reason(next)).toBe('IN_THE_FUTURE');
    const elsewhere = await receive(tok.secretary, { channel: 'VISIT' }); // no location: not a case of the area
    const wrongCase = await record(tok.secretary, areaA, [{ summary: '楼道堆物。', caseId: elsewhere.id }]);
    expect(reason(wrongCase)).toBe('CASE_NOT_OF_AREA');
    expect(field(wrongCase)).toBe('input.disputes[0].caseId');
    expect(ok(await list(tok.office)).areaScreenings.items.find((a) => a.area.id === areaA)?.screened).toBe(false);

    // The dispute that needs handling enters through the existing intake, located in the area.
    const c = await receive(tok.secretary, { locationUnitId: areaA, grid: '第一网格' });
    const done = ok(
      await record(tok.secretary, areaA, [
        { summary: '两户居民因楼道堆物多次争执。', caseId: c.id },
        { summary: '居民反映路灯不亮。', resolvedNote: '现场联系物业当日修复。' },
      ]),
    ).recordAreaScreening;
    expect(done).toMatchObject({
      rule: '002 六(三)',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      area: { id: areaA },
      cadre: { username: 'secretary' },
      disputes: [
        {
          summary: '两户居民因楼道堆物多次争执。',
          resolvedOnSpot: false,
          resolvedNote: null,
          case: { number: c.number },
        },
        { summary: '居民反映路灯不亮。', resolvedOnSpot: true, resolvedNote: '现场联系物业当日修复。', case: null },
      ],
    });
    const history = ok(
      await t.gql<{ petitionCase: { history: { kind: string; rule: string | null }[] } }>(
        'query($id: ID!) { petitionCase(id: $id) { history { kind rule } } }',
        { id: c.id },
        tok.office,
      ),
    ).petitionCase.history;
    expect(history.find((h) => h.kind === 'FOUND_IN_AREA_SCREENING')?.rule).toBe('002 六(三)');

    // Once per area and period.
    const again = await record(tok.secretary, areaA, []);
    expect(code(again)).toBe('CONFLICT');
    expect(reason(again)).toBe('AREA_ALREADY_SCREENED');

    // The office (and a convener) see which areas are screened; unscreened areas stay listed.
    for (const who of ['office', 'convener']) {
      const items = ok(await list(tok[who])).areaScreenings.items;
      expect(items.find((a) => a.area.id === areaA)).toMatchObject({ screened: true, screening: { id: done.id } });
      expect(items.find((a) => a.area.id === areaB)).toMatchObject({ screened: false, cadre: { username: 'member' } });
      expect(items.filter((a) => !a.screened)).toHaveLength(10);
    }
    // A cadre reads their own areas only.
    expect(ok(await list(tok.secretary)).areaScreenings.items.map((a) => a.area.id)).toEqual([areaA]);

    // None found is a screening too.
    expect(ok(await record(tok.member, areaB, [])).recordAreaScreening.disputes).toEqual([]);
    // A past month is listed by its first day: nothing recorded for October.
    const october = ok(await list(tok.office, ', periodStart: "2026-10-01"')).areaScreenings.items;
    expect(october).toHaveLength(11); // every area is listed, so the check below is over them all
    expect(october.every((a) => !a.screened)).toBe(true);
  });

  it('a plugin that provides no area screening (004) refuses it, naming the section', async () => {
    const res = await t.gql(
      '{ areaScreenings(tenantCode: "town-petition-systems") { items { screened } } }',
      {},
      tok.town,
    );
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain('cases.areaScreening');
  });
});
