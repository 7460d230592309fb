import { Clock } from '@engine/clock';
import {
  drawStratified,
  RandomInspectionsService,
  STRATIFIED_ALGORITHM,
  type InspectionSample,
} from '@modules/inspections';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * Inspections (督查) as each plugin states them: 下仓镇 (000 art. 13) — proposed by the office,
 * approved by the convener, findings per unit, reported upward to the district's (here the demo
 * county's) conveners; the same plugin without a parent records the report as undeliverable;
 * 十字镇 (001 art. 13) — a member unit may propose, the report stays with its own joint meeting;
 * 新城街道 (002 §四(四)) — approved by the chief convener, and a quarterly random inspection of
 * departments and communities drawn by the platform, reproducibly and once per quarter.
 */
describe('inspections', () => {
  let t: TestApp;
  let clock: Clock;
  const tokens: Record<string, string> = {};

  const ok = <T>(res: GqlResult<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const code = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
  const field = (res: GqlResult): string | undefined =>
    res.errors?.[0]?.extensions?.field ?? res.errors?.[0]?.extensions?.problems?.[0]?.field;
  const INSPECTION =
    'id kind title status rule periodStart periodEnd sample sampleVerified reportedTo reportDelivery report decisionNote findings { id finding severity rectificationDueOn targetTenantCode unit { id name kind } }';
  type Inspection = {
    id: string;
    kind: string;
    status: string;
    rule: string;
    sample: InspectionSample | null;
    sampleVerified: boolean | null;
    reportedTo: string | null;
    reportDelivery: string | null;
    periodStart: string | null;
    periodEnd: string | null;
    findings: { unit: { id: string } }[];
  };
  const propose = (tenantCode: string, token: string, extra: Record<string, unknown> = {}) =>
    t.gql<{ proposeInspection: Inspection }>(
      `mutation($i: ProposeInspectionInput!) { proposeInspection(input: $i) { ${INSPECTION} } }`,
      { i: { tenantCode, title: '信访积案化解督查', scope: '检查各成员单位积案化解进度', ...extra } },
      token,
    );
  const decide = (inspectionId: string, approve: boolean, token: string, note?: string) =>
    t.gql<{ decideInspection: Inspection }>(
      `mutation($i: DecideInspectionInput!) { decideInspection(input: $i) { ${INSPECTION} } }`,
      { i: { inspectionId, approve, note } },
      token,
    );
  const finding = (inspectionId: string, unitId: string, token: string, extra: Record<string, unknown> = {}) =>
    t.gql<{ recordInspectionFinding: { id: string; unit: { id: string } } }>(
      'mutation($i: RecordInspectionFindingInput!) { recordInspectionFinding(input: $i) { id unit { id } } }',
      { i: { inspectionId, unitId, finding: '积案台账更新不及时', severity: 'GENERAL', ...extra } },
      token,
    );
  const complete = (inspectionId: string, token: string) =>
    t.gql<{ completeInspection: Inspection }>(
      `mutation($id: ID!) { completeInspection(inspectionId: $id) { ${INSPECTION} } }`,
      { id: inspectionId },
      token,
    );
  const report = (inspectionId: string, token: string) =>
    t.gql<{ reportInspection: Inspection }>(
      `mutation($i: ReportInspectionInput!) { reportInspection(input: $i) { ${INSPECTION} } }`,
      { i: { inspectionId, report: '督查发现两个单位积案台账更新不及时，已责令整改。' } },
      token,
    );
  const list = async (tenantCode: string, token: string, status?: string) =>
    ok(
      await t.gql<{ inspections: Inspection[] }>(
        `query($c: String!, $s: InspectionStatus) { inspections(tenantCode: $c, status: $s) { ${INSPECTION} } }`,
        { c: tenantCode, s: status },
        token,
      ),
    ).inspections;
  const notifications = async (token: string) =>
    ok(
      await t.gql<{ myNotifications: { kind: string; title: string; body: string }[] }>(
        '{ myNotifications(limit: 100) { kind title body } }',
        {},
        token,
      ),
    ).myNotifications;
  const units = async (tenantCode: string, token: string) =>
    ok(
      await t.gql<{ tenant: { memberUnits: { id: string; name: string; kind: string }[] } }>(
        'query($c: String!) { tenant(code: $c) { memberUnits { id name kind } } }',
        { c: tenantCode },
        token,
      ),
    ).tenant.memberUnits;

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    clock.set('2026-11-05T09:00:00+08:00');
    const logins: [string, string, string][] = [
      ['xiacang', 'office', 'xOffice'],
      ['xiacang', 'convener', 'xConvener'],
      ['xiacang', 'member', 'xMember'],
      ['shizi', 'office', 'sOffice'],
      ['shizi', 'convener', 'sConvener'],
      ['shizi', 'member', 'sMember'],
      ['xincheng', 'office', 'nOffice'],
      ['xincheng', 'convener', 'nConvener'],
      ['xincheng', 'chief', 'nChief'],
      ['county-petition-mechanisms', 'office', 'cOffice'],
      ['county-petition-mechanisms', 'convener', 'cConvener'],
      ['county-petition-mechanisms', 'chief', 'cChief'],
      ['county-petition-mechanisms', 'superior', 'cSuperior'],
    ];
    for (const [tenant, user, key] of logins) tokens[key] = await t.login(tenant, user);
  });
  afterAll(async () => {
    await t.close();
  });

  describe("下仓镇 (000 art. 13): office proposes, convener approves, reported to the district's convener", () => {
    let id: string;
    let xUnits: { id: string; name: string; kind: string }[];

    it('only the office proposes; others in the tree may not, a sibling does not even find the tenant', async () => {
      expect(code(await propose('xiacang', tokens.xMember))).toBe('FORBIDDEN'); // 000 art. 13: the office only
      expect(code(await propose('xiacang', tokens.cOffice))).toBe('FORBIDDEN'); // the county reads, never runs a town's inspection
      expect(code(await propose('xiacang', tokens.sOffice))).toBe('NOT_FOUND');
      expect(
        field(await propose('xiacang', tokens.xOffice, { periodStart: '2026-11-30', periodEnd: '2026-11-01' })),
      ).toBe('input.periodEnd');
      expect(field(await propose('county-petition-mechanisms', tokens.cOffice))).toBe('input.tenantCode'); // 003 states no inspection procedure
      const proposed = ok(
        await propose('xiacang', tokens.xOffice, { periodStart: '2026-10-01', periodEnd: '2026-10-31' }),
      ).proposeInspection;
      expect(proposed).toMatchObject({
        kind: 'PLANNED',
        status: 'PROPOSED',
        rule: '000 art. 13',
        reportedTo: null,
        findings: [],
      });
      id = proposed.id;
      expect((await notifications(tokens.xConvener)).map((n) => n.kind)).toContain('INSPECTION_PROPOSED');
    });

    it('the convener approves (a rejection must say why); the office and the county may not decide', async () => {
      expect(code(await decide(id, true, tokens.xOffice))).toBe('FORBIDDEN');
      expect(code(await decide(id, true, tokens.cConvener))).toBe('FORBIDDEN');
      expect(field(await decide(id, false, tokens.xConvener))).toBe('input.note');
      expect(ok(await decide(id, true, tokens.xConvener, '同意开展督查')).decideInspection).toMatchObject({
        status: 'APPROVED',
        decisionNote: '同意开展督查',
      });
      expect(code(await decide(id, false, tokens.xConvener, '重复审批'))).toBe('CONFLICT');
    });

    it('records findings per member unit of the town, then completes', async () => {
      xUnits = await units('xiacang', tokens.xOffice);
      const foreign = (await units('shizi', tokens.sOffice))[0].id;
      expect(field(await finding(id, foreign, tokens.xOffice))).toBe('input.unitId');
      expect(field(await finding(id, xUnits[0].id, tokens.xOffice, { rectificationDueOn: '2026-01-01' }))).toBe(
        'input.rectificationDueOn',
      );
      expect(code(await finding(id, xUnits[0].id, tokens.xMember))).toBe('FORBIDDEN');
      expect(code(await finding(id, xUnits[0].id, tokens.cOffice))).toBe('FORBIDDEN');
      ok(await finding(id, xUnits[0].id, tokens.xOffice, { rectificationDueOn: '2026-11-30' }));
      ok(await finding(id, xUnits[1].id, tokens.xOffice, { severity: 'SERIOUS' }));
      expect(code(await report(id, tokens.xOffice))).toBe('CONFLICT'); // not carried out yet
      expect(ok(await complete(id, tokens.xOffice)).completeInspection).toMatchObject({ status: 'CARRIED_OUT' });
      expect(code(await finding(id, xUnits[2].id, tokens.xOffice))).toBe('CONFLICT');
    });

    it("reports upward: the county's conveners are notified and read the inspection through the tree, read-only", async () => {
      const reported = ok(await report(id, tokens.xOffice)).reportInspection;
      expect(reported).toMatchObject({
        status: 'REPORTED',
        reportedTo: 'PARENT_CONVENER',
        reportDelivery: 'DELIVERED',
      });
      await t.queue.whenIdle();
      for (const who of ['cConvener', 'cChief']) {
        const upward = (await notifications(tokens[who])).filter((n) => n.kind === 'INSPECTION_REPORTED_UPWARD');
        expect(upward).toHaveLength(1);
        expect(upward[0].body).toContain(id);
        expect(upward[0].body).toContain('000 art. 13');
      }
      expect((await notifications(tokens.cOffice)).some((n) => n.kind === 'INSPECTION_REPORTED_UPWARD')).toBe(false);
      expect((await notifications(tokens.xConvener)).some((n) => n.kind === 'INSPECTION_REPORTED')).toBe(false); // not its own joint meeting
      const seen = (await list('xiacang', tokens.cConvener)).find((i) => i.id === id)!;
      expect(seen.findings.map((f) => f.unit.id).sort()).toEqual([xUnits[0].id, xUnits[1].id].sort());
      expect((await list('xiacang', tokens.cSuperior)).map((i) => i.id)).toContain(id);
      expect(await list('xiacang', tokens.xOffice, 'PROPOSED')).toEqual([]);
      expect(code(await t.gql('{ inspections(tenantCode: "xiacang") { id } }', {}, tokens.sOffice))).toBe('NOT_FOUND');
      expect(
        ok(await t.gql<{ inspection: null }>('query($id: ID!) { inspection(id: $id) { id } }', { id }, tokens.sOffice))
          .inspection,
      ).toBeNull();
      expect(code(await report(id, tokens.xOffice))).toBe('CONFLICT');
    });

    it('the same plugin with no parent on the platform: the report is recorded as undeliverable and the office told', async () => {
      const admin = await t.login(null, 'admin');
      ok(
        await t.gql(
          'mutation($i: OnboardTenantInput!) { onboardTenant(input: $i) { code } }',
          { i: { code: 'xiacang-alone', name: '独立下仓镇', pluginId: 'xiacang-town' } },
          admin,
        ),
      );
      for (const [username, role] of [
        ['office', 'OFFICE_DIRECTOR'],
        ['convener', 'CONVENER'],
      ]) {
        ok(
          await t.gql(
            'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
            {
              i: {
                tenantCode: 'xiacang-alone',
                username,
                password: 'alone-password-1',
                displayName: username,
                roles: [role],
              },
            },
            admin,
          ),
        );
      }
      const office = await t.login('xiacang-alone', 'office', 'alone-password-1');
      const convener = await t.login('xiacang-alone', 'convener', 'alone-password-1');
      const alone = ok(await propose('xiacang-alone', office)).proposeInspection.id;
      ok(await decide(alone, true, convener));
      ok(await complete(alone, office));
      expect(ok(await report(alone, office)).reportInspection).toMatchObject({
        status: 'REPORTED',
        reportedTo: 'PARENT_CONVENER',
        reportDelivery: 'UNDELIVERABLE',
      });
      await t.queue.whenIdle();
      expect((await notifications(office)).map((n) => n.kind)).toContain('INSPECTION_REPORT_UNDELIVERABLE');
    });
  });

  describe('十字镇 (001 art. 13): a member unit may propose; the report stays with its own joint meeting', () => {
    it('walks propose → approve → carry out → report to its own conveners', async () => {
      const id = ok(await propose('shizi', tokens.sMember)).proposeInspection.id;
      expect(code(await decide(id, true, tokens.sMember))).toBe('FORBIDDEN');
      ok(await decide(id, true, tokens.sConvener));
      ok(await complete(id, tokens.sOffice));
      expect(ok(await report(id, tokens.sOffice)).reportInspection).toMatchObject({
        reportedTo: 'OWN_JOINT_MEETING',
        reportDelivery: 'DELIVERED',
        rule: '001 art. 13',
      });
      await t.queue.whenIdle();
      expect((await notifications(tokens.sConvener)).map((n) => n.kind)).toContain('INSPECTION_REPORTED');
      expect(
        (await notifications(tokens.cConvener)).filter((n) => n.kind === 'INSPECTION_REPORTED_UPWARD'),
      ).toHaveLength(1); // only 下仓镇's
    });
  });

  describe('新城街道 (002 §四(四)): the chief convener approves; a quarterly random inspection of departments and communities', () => {
    let tenantId: string;

    beforeAll(async () => {
      tenantId = ok(await t.gql<{ tenant: { id: string } }>('{ tenant(code: "xincheng") { id } }', {}, tokens.nOffice))
        .tenant.id;
    });

    it('a planned inspection is approved by the chief convener, not by a convener', async () => {
      const id = ok(await propose('xincheng', tokens.nOffice)).proposeInspection.id;
      expect(code(await decide(id, true, tokens.nConvener))).toBe('FORBIDDEN');
      expect(ok(await decide(id, true, tokens.nChief)).decideInspection.status).toBe('APPROVED');
    });

    it("draws the quarter's sample once, recorded and reproducible, from the active departments and communities", async () => {
      const random = t.app.get(RandomInspectionsService);
      await random.drawAll();
      await t.queue.whenIdle();
      const drawn = (await list('xincheng', tokens.nOffice)).filter((i) => i.kind === 'RANDOM');
      expect(drawn).toHaveLength(1);
      const [inspection] = drawn;
      expect(inspection).toMatchObject({
        status: 'APPROVED',
        periodStart: '2026-10-01',
        periodEnd: '2026-12-31',
        sampleVerified: true,
      });
      expect(inspection.rule).toContain('002 §四(四)');
      const sample = inspection.sample!;
      const expected = (await units('xincheng', tokens.nOffice)).filter(
        (u) => u.kind === 'DEPARTMENT' || u.kind === 'COMMUNITY',
      );
      expect(sample.candidates.map((c) => c.id).sort()).toEqual(expected.map((u) => u.id).sort());
      expect(sample.candidates.length).toBeGreaterThan(11); // 11 communities and the departments
      expect(sample).toMatchObject({
        algorithm: STRATIFIED_ALGORITHM,
        sampleSize: 2,
        targets: ['DEPARTMENT', 'COMMUNITY'],
        period: { start: '2026-10-01', end: '2026-12-31' },
      });
      // 002 §四(四) 抽查部门、社区: one draw per stratum, so the quarter always covers a department AND a community.
      expect(sample.strata!.map((st) => [st.kinds, st.sampleSize, st.drawn.length])).toEqual([
        [['DEPARTMENT'], 1, 1],
        [['COMMUNITY'], 1, 1],
      ]);
      const kindOf = (id: string) => sample.candidates.find((c) => c.id === id)!.kind;
      expect(sample.drawn.map(kindOf)).toEqual(['DEPARTMENT', 'COMMUNITY']);
      expect(sample.strata![1].candidates).toHaveLength(11);
      // The sizes are the plugin's default: the text states none (D5).
      expect(sample.sizeBasis).toContain('plugin default');
      expect(inspection.rule).toContain('1 of DEPARTMENT + 1 of COMMUNITY');
      // Anyone can re-run the draw from the record.
      expect(drawStratified(sample.seed, sample.strata!).flatMap((st) => st.drawn)).toEqual(sample.drawn);
      expect(
        drawStratified(
          sample.seed,
          sample.strata!.map((st) => ({ ...st, candidates: [...st.candidates].reverse() })),
        ).flatMap((st) => st.drawn),
      ).toEqual(sample.drawn);

      // Idempotent: again later in the quarter (the job or a direct run) changes nothing.
      clock.set('2026-12-20T09:00:00+08:00');
      await random.drawAll();
      await t.queue.whenIdle();
      const again = await random.drawTenant(tenantId);
      expect(again?.id).toBe(inspection.id);
      expect((again?.sample as unknown as InspectionSample).seed).toBe(sample.seed);
      expect((await list('xincheng', tokens.nOffice)).filter((i) => i.kind === 'RANDOM')).toHaveLength(1);
      // Tenants whose plugin has no random inspection get none.
      expect((await list('xiacang', tokens.xOffice)).some((i) => i.kind === 'RANDOM')).toBe(false);
      expect((await notifications(tokens.nChief)).filter((n) => n.kind === 'RANDOM_INSPECTION_DRAWN')).toHaveLength(1);
    });

    it('findings only for drawn units; reported to its own joint meeting; the next quarter draws anew', async () => {
      const [inspection] = (await list('xincheng', tokens.nOffice)).filter((i) => i.kind === 'RANDOM');
      const sample = inspection.sample!;
      const notDrawn = sample.candidates.find((c) => !sample.drawn.includes(c.id))!;
      expect(field(await finding(inspection.id, notDrawn.id, tokens.nOffice))).toBe('input.unitId');
      ok(await finding(inspection.id, sample.drawn[0], tokens.nOffice));
      ok(await complete(inspection.id, tokens.nOffice));
      expect(ok(await report(inspection.id, tokens.nOffice)).reportInspection).toMatchObject({
        reportedTo: 'OWN_JOINT_MEETING',
        status: 'REPORTED',
      });

      clock.set('2027-01-10T09:00:00+08:00');
      const next = await t.app.get(RandomInspectionsService).drawTenant(tenantId);
      expect(next).toMatchObject({
        periodStart: '2027-01-01',
        periodEnd: '2027-03-31',
        status: 'APPROVED',
        kind: 'RANDOM',
      });
      expect(next!.id).not.toBe(inspection.id);
      expect((await list('xincheng', tokens.nOffice)).filter((i) => i.kind === 'RANDOM')).toHaveLength(2);
    });
  });
});
