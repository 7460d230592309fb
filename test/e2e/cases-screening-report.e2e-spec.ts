import { Clock } from '@engine/clock';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * 004 預測排查制度 1, walked over HTTP on the demo 示范镇: “對群眾關心的‘熱點、難點’問題…要超前預測分析、排查研究，
 * 及時向信訪工作領導小組反映預測排查情況”. The office reports a month's screening with its forecast analysis to the
 * leading group (its convener, 鎮委書記), who reads and acknowledges it; not only the office sees it.
 */
describe('the screening reported to the leading group (004 預測排查制度 1)', () => {
  let t: TestApp;
  let clock: Clock;
  const TOWN = 'town-petition-systems';
  const tok: Record<string, string> = {};

  const ok = <T>(res: GqlResult<T>): T => {
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const code = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
  const reason = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.reason as string | undefined;
  type Report = {
    id: string;
    status: string;
    channel: string;
    recipientName: string;
    title: string;
    body: string;
    rule: string;
    subjectKind: string | null;
  };
  const REPORT = 'id status channel recipientName title body rule subjectKind';
  const report = (input: Record<string, unknown>, token: string) =>
    t.gql<{ reportScreening: Report }>(
      `mutation($i: ReportScreeningInput!) { reportScreening(input: $i) { ${REPORT} } }`,
      { i: { tenantCode: TOWN, periodStart: '2026-10-01', analysis: ANALYSIS, ...input } },
      token,
    );
  const ANALYSIS = '征地补偿款发放临近，预计下月可能出现集体访；建议提前约见村民代表。';
  const receive = async (input: Record<string, unknown>): Promise<{ id: string; number: string }> =>
    ok(
      await t.gql<{ receivePetition: { id: string; number: string } }>(
        'mutation($i: ReceivePetitionInput!) { receivePetition(input: $i) { id number } }',
        {
          i: {
            tenantCode: TOWN,
            channel: 'LETTER',
            matter: '反映征地补偿款未足额发放。',
            petitioners: [{ name: '郑海', phone: '13500000041' }],
            ...input,
          },
        },
        tok.office,
      ),
    ).receivePetition;

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    clock.set('2026-10-12T09:00:00+08:00');
    const logins: [string, string, string][] = [
      ['office', TOWN, 'office'],
      ['convener', TOWN, 'convener'],
      ['xincheng', 'xincheng', 'office'],
    ];
    await Promise.all(logins.map(async ([key, tenant, user]) => (tok[key] = await t.login(tenant, user))));
  }, 180_000); // boots the API and signs in three users (argon2): slow on a loaded machine
  afterAll(async () => {
    await t.close();
  });

  it('004 預測排查制度 1: the office reports the month screened, with its forecast analysis, to the 信訪工作領導小組; the convener reads and acknowledges it', async () => {
    const signed = await receive({ signed: true });
    const joint = await receive({ jointSigned: true, petitioners: [{ name: '冯兰', phone: '13500000042' }] });
    clock.set('2026-11-16T09:00:00+08:00');

    expect(code(await report({}, tok.convener))).toBe('FORBIDDEN'); // the office reports
    const short = await report({ analysis: '无' }, tok.office);
    expect(code(short)).toBe('BAD_USER_INPUT');

    const sent = ok(await report({}, tok.office)).reportScreening;
    expect(sent).toMatchObject({
      status: 'SENT',
      channel: 'CONVENER_REVIEW',
      recipientName: '信訪工作領導小組',
      title: '预测排查情况报告（2026-10-01 – 2026-10-31）',
      rule: '004 預測排查制度 1',
      subjectKind: 'CASE_SCREENING',
    });
    expect(sent.body).toContain('排查出信访事项2件');
    expect(sent.body).toContain(`${signed.number}：署名信访`);
    expect(sent.body).toContain(`${joint.number}：联名信访`);
    expect(sent.body).toContain(`超前预测分析：${ANALYSIS}`);
    expect(sent.body).not.toContain('郑海'); // cases by number, no petitioner
    expect(sent.body).not.toContain('冯兰');

    // Once per period.
    const again = await report({}, tok.office);
    expect(code(again)).toBe('CONFLICT');
    expect(reason(again)).toBe('SCREENING_ALREADY_REPORTED');

    // The leading group's convener reads it and acknowledges it.
    const read = ok(
      await t.gql<{ report: Report | null }>(
        `query($id: ID!) { report(id: $id) { ${REPORT} } }`,
        { id: sent.id },
        tok.convener,
      ),
    ).report;
    expect(read?.title).toBe(sent.title);
    const acked = ok(
      await t.gql<{ acknowledgeReport: Report }>(
        `mutation($id: ID!) { acknowledgeReport(reportId: $id) { ${REPORT} } }`,
        { id: sent.id },
        tok.convener,
      ),
    ).acknowledgeReport;
    expect(acked.status).toBe('ACKNOWLEDGED');
  });

  it('004 預測排查制度 4: 初信初訪務必逐件落實 — a first petition is marked in the ledger and listed apart, so the office carries out each one; a repeat is not', async () => {
    const first = await receive({ category: 'WAGES', petitioners: [{ name: '陈可', phone: '13500000043' }] });
    const repeat = await receive({ category: 'WAGES', petitioners: [{ name: '陈可', phone: '13500000043' }] });
    const other = await receive({ category: 'LAND', petitioners: [{ name: '陈可', phone: '13500000043' }] }); // another matter
    type Row = { id: string; firstPetition: boolean; repeatCount: number };
    const list = async (args: string): Promise<Row[]> =>
      ok(
        await t.gql<{ cases: { items: Row[] } }>(
          `{ cases(tenantCode: "${TOWN}", ${args}, limit: 200) { items { id firstPetition repeatCount } } }`,
          {},
          tok.office,
        ),
      ).cases.items;
    const all = await list('status: RECEIVED');
    expect(all.find((c) => c.id === first.id)).toMatchObject({ firstPetition: true, repeatCount: 0 });
    expect(all.find((c) => c.id === repeat.id)).toMatchObject({ firstPetition: false, repeatCount: 1 });
    expect(all.find((c) => c.id === other.id)).toMatchObject({ firstPetition: true });
    // Not yet carried out (RECEIVED, unassigned) first petitions, one by one.
    const firsts = (await list('status: RECEIVED, firstPetitionOnly: true')).map((c) => c.id);
    expect(firsts).toEqual(expect.arrayContaining([first.id, other.id]));
    expect(firsts).not.toContain(repeat.id);
    const anyStatus = await list('firstPetitionOnly: true');
    expect(anyStatus.map((c) => c.id)).toEqual(expect.arrayContaining([first.id, other.id])); // not vacuous
    expect(anyStatus.every((c) => c.firstPetition)).toBe(true);
  });

  it('a plugin that sets no screening report (002 has no screening) refuses it, naming the section', async () => {
    const res = await t.gql(
      'mutation($i: ReportScreeningInput!) { reportScreening(input: $i) { id } }',
      { i: { tenantCode: 'xincheng', periodStart: '2026-10-01', analysis: ANALYSIS } },
      tok.xincheng,
    );
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain('cases.screening');
  });
});
