import { Clock } from '@engine/clock';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/** 001 art. 11 (联席会议办公室视情向相关部门和各村通报): an important sensitive report circulated to several units. */
describe('sensitive information circulated to the departments and villages the office chooses', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ok = <T>(res: GqlResult<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const code = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).set('2026-10-12T09:00:00+08:00');
    for (const [tenant, user, key] of [
      ['shizi', 'office', 'office'],
      ['shizi', 'member', 'member'],
      ['shizi', 'secretary', 'secretary'],
      ['xiacang', 'office', 'xOffice'],
    ] as const)
      tokens[key] = await t.login(tenant, user);
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it('001 art. 11 (视情向相关部门和各村通报): the office circulates a report to a department and villages; each is told and reads it, the others do not', async () => {
    const me = async (who: string) =>
      ok(await t.gql<{ me: { memberUnit: { id: string } | null } }>('{ me { memberUnit { id } } }', {}, tokens[who])).me
        .memberUnit!.id;
    const memberUnit = await me('member');
    const secretaryUnit = await me('secretary');
    const units = ok(
      await t.gql<{ tenant: { memberUnits: { id: string; kind: string }[] } }>(
        '{ tenant(code: "shizi") { memberUnits { id kind } } }',
        {},
        tokens.office,
      ),
    ).tenant.memberUnits;
    const dept = units.find((u) => u.kind === 'DEPARTMENT' && u.id !== memberUnit)!.id;
    const otherVillage = units.find(
      (u) => (u.kind === 'VILLAGE' || u.kind === 'COMMUNITY') && u.id !== secretaryUnit,
    )!.id;
    const reported = ok(
      await t.gql<{ reportSensitiveInformation: { id: string } }>(
        'mutation($i: ReportSensitiveInformationInput!) { reportSensitiveInformation(input: $i) { id } }',
        {
          i: {
            tenantCode: 'shizi',
            content: '有群众酝酿到县集访，涉及土地补偿。',
            occurredAt: '2026-10-12T08:00:00+08:00',
          },
        },
        tokens.member,
      ),
    ).reportSensitiveInformation.id;
    const read = async (who: string) =>
      ok(
        await t.gql<{ sensitiveReport: { id: string } | null }>(
          'query($id: ID!) { sensitiveReport(id: $id) { id } }',
          { id: reported },
          tokens[who],
        ),
      ).sensitiveReport;
    expect(await read('secretary')).toBeNull();
    const circulate = (who: string, unitIds: string[]) =>
      t.gql<{ circulateSensitiveInformation: { circulatedTo: { id: string }[]; history: { action: string }[] } }>(
        'mutation($i: CirculateSensitiveInformationInput!) { circulateSensitiveInformation(input: $i) { circulatedTo { id } history { action } } }',
        { i: { reportId: reported, unitIds, note: '请各村做好排查稳控' } },
        tokens[who],
      );
    expect(code(await circulate('member', [secretaryUnit]))).toBe('FORBIDDEN');
    expect(code(await circulate('xOffice', [secretaryUnit]))).toBe('NOT_FOUND');
    const foreign = await circulate('office', [secretaryUnit, '00000000-0000-4000-8000-000000000000']);
    expect(code(foreign)).toBe('BAD_USER_INPUT');
    expect(foreign.errors?.[0]?.message).toContain('input.unitIds.1');
    const done = ok(await circulate('office', [dept, secretaryUnit, otherVillage])).circulateSensitiveInformation;
    expect(done.circulatedTo.map((u) => u.id).sort()).toEqual([dept, secretaryUnit, otherVillage].sort());
    expect(done.history.map((h) => h.action)).toContain('CIRCULATED');
    expect(await read('secretary')).toEqual({ id: reported });
    const told = ok(
      await t.gql<{ myNotifications: { kind: string; body: string }[] }>(
        '{ myNotifications(limit: 50) { kind body } }',
        {},
        tokens.secretary,
      ),
    ).myNotifications;
    expect(
      told.some((n) => n.kind === 'SENSITIVE_INFORMATION_CIRCULATED' && n.body.startsWith(`reportId=${reported}`)),
    ).toBe(true);
    const listed = ok(
      await t.gql<{ sensitiveReports: { id: string }[] }>(
        '{ sensitiveReports(tenantCode: "shizi") { id } }',
        {},
        tokens.secretary,
      ),
    ).sensitiveReports;
    expect(listed.map((r) => r.id)).toContain(reported);
    // Circulating again adds units, never duplicates them.
    expect(ok(await circulate('office', [dept])).circulateSensitiveInformation.circulatedTo).toHaveLength(3);
  });
});
