import { Clock } from '@engine/clock';
import { RegularInspectionsService } from '@modules/inspections';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * Inspections as the sources run them (issue 13 item 7):
 * 001 art. 13 “联合督查…由联席会议办公室组织实施，也可由相关部门组织实施，相关部门派员参加。联合督查完成后，组织实施单位将情况及时报联席会议”;
 * 004 預測排查3 “鎮信訪領導小組每季度一次或在重大會議、節日、活動前…進行督察”.
 * (002 §四(四)'s stratified quarterly draw is walked in inspections.e2e-spec.ts and sample.spec.ts.)
 */
describe('joint and scheduled inspections (001 art. 13, 004 預測排查3)', () => {
  let t: TestApp;
  let clock: Clock;
  const tok: Record<string, string> = {};
  const TOWN = 'town-petition-systems';

  const ok = <T>(res: GqlResult<T>): T => {
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const code = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
  const field = (res: GqlResult): string | undefined =>
    res.errors?.[0]?.extensions?.field ?? res.errors?.[0]?.extensions?.problems?.[0]?.field;
  const INSPECTION =
    'id kind title status rule periodStart periodEnd organiserUnitId participantUnitIds eventName eventOn reportedTo';
  type Inspection = {
    id: string;
    kind: string;
    title: string;
    status: string;
    rule: string;
    periodStart: string | null;
    periodEnd: string | null;
    organiserUnitId: string | null;
    participantUnitIds: string[];
    eventName: string | null;
    eventOn: string | null;
    reportedTo: string | null;
  };
  const run = <K extends string>(op: K, type: string, input: Record<string, unknown>, token: string) =>
    t.gql<Record<K, Inspection>>(`mutation($i: ${type}!) { ${op}(input: $i) { ${INSPECTION} } }`, { i: input }, token);
  const notifications = async (token: string) =>
    ok(
      await t.gql<{ myNotifications: { kind: string; title: string; body: string }[] }>(
        '{ myNotifications(limit: 100) { kind title body } }',
        {},
        token,
      ),
    ).myNotifications;
  const unitOf = async (token: string): Promise<string> =>
    ok(await t.gql<{ me: { memberUnit: { id: string } } }>('{ me { memberUnit { id } } }', {}, token)).me.memberUnit.id;

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    clock.set('2026-11-05T09:00:00+08:00');
    const logins: [string, string, string][] = [
      ['shiziOffice', 'shizi', 'office'],
      ['shiziConvener', 'shizi', 'convener'],
      ['shiziMember', 'shizi', 'member'],
      ['shiziSecretary', 'shizi', 'secretary'],
      ['xiacangOffice', 'xiacang', 'office'],
      ['xiacangMember', 'xiacang', 'member'],
      ['town', TOWN, 'office'],
      ['townConvener', TOWN, 'convener'],
    ];
    await Promise.all(logins.map(async ([key, tenant, user]) => (tok[key] = await t.login(tenant, user))));
  }, 300_000); // boots the API and signs in seven users (argon2): slow on a loaded machine
  afterAll(async () => {
    await t.close();
  });

  it('001 art. 13 joint inspection (联合督查) organised by a department with a participating department; the organiser carries it out and reports it to the joint meeting', async () => {
    const organiser = await unitOf(tok.shiziMember);
    const units = ok(
      await t.gql<{ tenant: { memberUnits: { id: string; kind: string }[] } }>(
        '{ tenant(code: "shizi") { memberUnits { id kind } } }',
        {},
        tok.shiziOffice,
      ),
    ).tenant.memberUnits;
    const participant = units.find((u) => u.kind === 'DEPARTMENT' && u.id !== organiser)!.id;
    const propose = (input: Record<string, unknown>, token = tok.shiziMember) =>
      run(
        'proposeInspection',
        'ProposeInspectionInput',
        {
          tenantCode: 'shizi',
          title: '信访积案化解联合督查',
          scope: '检查积案化解进度',
          organiserUnitId: organiser,
          participantUnitIds: [participant],
          ...input,
        },
        token,
      );
    expect(field(await propose({ participantUnitIds: ['00000000-0000-4000-8000-000000000000'] }))).toBe(
      'input.participantUnitIds.0',
    );
    const proposed = ok(await propose({})).proposeInspection;
    expect(proposed).toMatchObject({
      status: 'PROPOSED',
      organiserUnitId: organiser,
      participantUnitIds: [participant],
    });
    const approved = ok(
      await run(
        'decideInspection',
        'DecideInspectionInput',
        { inspectionId: proposed.id, approve: true },
        tok.shiziConvener,
      ),
    ).decideInspection;
    expect(approved.status).toBe('APPROVED');

    // Only the organising department (or the office, the approver) carries it out.
    const complete = (token: string) =>
      t.gql<{ completeInspection: Inspection }>(
        `mutation($id: ID!) { completeInspection(inspectionId: $id) { ${INSPECTION} } }`,
        { id: proposed.id },
        token,
      );
    expect(code(await complete(tok.shiziSecretary))).toBe('FORBIDDEN');
    expect(code(await complete(tok.xiacangMember))).toBe('NOT_FOUND');
    ok(
      await t.gql(
        'mutation($i: RecordInspectionFindingInput!) { recordInspectionFinding(input: $i) { id } }',
        { i: { inspectionId: proposed.id, unitId: participant, finding: '积案台账更新不及时', severity: 'GENERAL' } },
        tok.shiziMember,
      ),
    );
    expect(ok(await complete(tok.shiziMember)).completeInspection.status).toBe('CARRIED_OUT');
    const reported = ok(
      await run(
        'reportInspection',
        'ReportInspectionInput',
        { inspectionId: proposed.id, report: '联合督查完成，发现一个问题，已责令整改。' },
        tok.shiziMember,
      ),
    ).reportInspection;
    expect(reported).toMatchObject({ status: 'REPORTED', reportedTo: 'OWN_JOINT_MEETING' });
    expect(
      (await notifications(tok.shiziConvener)).some(
        (n) => n.kind === 'INSPECTION_REPORTED' && n.title.includes('信访积案化解联合督查'),
      ),
    ).toBe(true);
    expect((await notifications(tok.shiziMember)).some((n) => n.kind === 'INSPECTION_TO_ORGANISE')).toBe(true);
  });

  it('000 art. 13: the office organises (由镇联席会议办公室…组织开展督查) — a department cannot be named organiser', async () => {
    const unit = await unitOf(tok.xiacangMember);
    expect(
      field(
        await run(
          'proposeInspection',
          'ProposeInspectionInput',
          { tenantCode: 'xiacang', title: '信访积案化解督查', organiserUnitId: unit },
          tok.xiacangOffice,
        ),
      ),
    ).toBe('input.organiserUnitId');
  });

  it('004 預測排查3 quarterly inspection (每季度一次) scheduled by the platform as a proposal the leading group approves, once per quarter', async () => {
    const tenantId = ok(await t.gql<{ tenant: { id: string } }>(`{ tenant(code: "${TOWN}") { id } }`, {}, tok.town))
      .tenant.id;
    const regular = t.app.get(RegularInspectionsService);
    await regular.scheduleAll();
    await t.queue.whenIdle();
    const first = (await regular.scheduleTenant(tenantId))!;
    expect(first).toMatchObject({
      kind: 'REGULAR',
      status: 'PROPOSED',
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31',
    });
    expect(first.rule).toContain('004 預測排查制度 3');
    expect((await regular.scheduleTenant(tenantId))!.id).toBe(first.id);
    const listed = ok(
      await t.gql<{ inspections: Inspection[] }>(
        `{ inspections(tenantCode: "${TOWN}") { ${INSPECTION} } }`,
        {},
        tok.town,
      ),
    ).inspections.filter((i) => i.kind === 'REGULAR');
    expect(listed.map((i) => i.id)).toEqual([first.id]);
    expect(
      (await notifications(tok.townConvener)).some(
        (n) => n.kind === 'INSPECTION_PROPOSED' && n.title.includes('定期督察'),
      ),
    ).toBe(true);
    expect(
      ok(
        await run(
          'decideInspection',
          'DecideInspectionInput',
          { inspectionId: first.id, approve: true },
          tok.townConvener,
        ),
      ).decideInspection.status,
    ).toBe('APPROVED');
    // 十字镇's plugin schedules none.
    const shiziId = ok(await t.gql<{ tenant: { id: string } }>('{ tenant(code: "shizi") { id } }', {}, tok.shiziOffice))
      .tenant.id;
    expect(await regular.scheduleTenant(shiziId)).toBeNull();
    clock.set('2027-01-04T09:00:00+08:00');
    expect((await regular.scheduleTenant(tenantId))!).toMatchObject({
      periodStart: '2027-01-01',
      periodEnd: '2027-03-31',
      kind: 'REGULAR',
    });
  });

  it('004 預測排查3 pre-event inspection (在重大會議、節日、活動前): proposed for the event by the leading group, once per event', async () => {
    clock.set('2027-01-20T09:00:00+08:00');
    const schedule = (input: Record<string, unknown>, token = tok.townConvener) =>
      run(
        'scheduleEventInspection',
        'ScheduleEventInspectionInput',
        { tenantCode: TOWN, event: '春节', eventOn: '2027-02-06', ...input },
        token,
      );
    expect(code(await schedule({}, tok.town))).toBe('FORBIDDEN'); // 004: the leading group proposes
    expect(field(await schedule({ eventOn: '2027-01-01' }))).toBe('input.eventOn');
    expect(field(await schedule({ tenantCode: 'shizi' }, tok.shiziConvener))).toBe('input.tenantCode'); // 001 provides none
    const event = ok(await schedule({})).scheduleEventInspection;
    expect(event).toMatchObject({
      kind: 'EVENT',
      status: 'PROPOSED',
      title: '春节前督察',
      eventName: '春节',
      eventOn: '2027-02-06',
      periodEnd: '2027-02-06',
    });
    expect(ok(await schedule({})).scheduleEventInspection.id).toBe(event.id);
    expect(
      (await notifications(tok.townConvener)).some(
        (n) => n.kind === 'INSPECTION_PROPOSED' && n.title.includes('春节前督察'),
      ),
    ).toBe(true);
  });
});
