import { Clock } from '@engine/clock';
import { jobId } from '@engine/jobs';
import { SWEEP_TENANT_JOB } from '@modules/meetings';
import { aMemberUnitWithUser } from '@test/support/factories';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * Calendar and limits (issue 14 item 7), walked through the API on the demo town (004 plugin), 十字镇 (001)
 * and a freshly onboarded 十字镇:
 * - a review opinion due 15 日 after acceptance whose last day is a holiday moves to the next working day
 *   when the plugin says so (D4: `lastDayOff: NEXT_WORKING_DAY`, 《民法典》第二百零三条);
 * - one extension adds at most 30 days, a platform default following 《信访工作条例》第三十二条, shown as a
 *   default; a visit by 5 or more people is a group petition by the platform default of 第十八条;
 * - the month a tenant is onboarded in owes its monthly meeting too.
 */
describe('calendar and limits: holidays, extension cap, group petitions, the onboarding month', () => {
  let t: TestApp;
  let clock: Clock;
  let office: string;
  let member: string;
  let unitId: string;
  const TOWN = 'town-petition-systems';
  const ok = <T>(res: GqlResult<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  type Row = Record<string, unknown> & { id: string };
  const mutate = <T = Row>(op: string, type: string, input: Record<string, unknown>, token: string, fields: string) =>
    t.gql<Record<string, T>>(`mutation($i: ${type}!) { ${op}(input: $i) { ${fields} } }`, { i: input }, token);
  const receive = async (input: Record<string, unknown> = {}): Promise<Row> =>
    ok(
      await mutate(
        'receivePetition',
        'ReceivePetitionInput',
        {
          tenantCode: TOWN,
          channel: 'LETTER',
          matter: '反映村道硬化工程拖欠工人工资。',
          petitioners: [{ name: '赵六', phone: '13700000001' }],
          ...input,
        },
        office,
        'id groupPetition',
      ),
    ).receivePetition;

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    clock.set('2026-09-01T09:00:00+08:00');
    office = await t.login(TOWN, 'office');
    ({ unitId, token: member } = await aMemberUnitWithUser(t, office, TOWN));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('004 復查制度 二 “15日提出復查意見”: accepted 2026-09-16, due 2026-10-01 (National Day) moves to 2026-10-08 (D4, 民法典第二百零三条)', async () => {
    const c = (await receive()).id;
    ok(
      await mutate(
        'assignCase',
        'AssignCaseInput',
        { caseId: c, responsibleUnitId: unitId, responsiblePerson: '李明', dueOn: '2026-09-30' },
        office,
        'id',
      ),
    );
    clock.set('2026-09-15T09:00:00+08:00');
    ok(
      await mutate(
        'resolveCase',
        'ResolveCaseInput',
        { caseId: c, resolution: '已督促施工方结清工资。' },
        member,
        'id',
      ),
    );
    clock.set('2026-09-16T09:00:00+08:00');
    const review = ok(
      await mutate(
        'openCaseReview',
        'OpenCaseReviewInput',
        { caseId: c, basis: 'OWN_DECISION', acceptedOn: '2026-09-16' },
        office,
        'id dueOn',
      ),
    ).openCaseReview;
    expect(review.dueOn).toBe('2026-10-08');
  });

  it('《信访工作条例》第三十二条 “延长期限不得超过30日”: one extension adds at most 30 days, shown as a platform default', async () => {
    clock.set('2026-09-01T09:00:00+08:00');
    const limits = ok(
      await t.gql<{ caseLimits: Record<string, Row> }>(
        `{ caseLimits(tenantCode: "${TOWN}") { groupPetition { value unit source platformDefault words } extensionCap { value unit source platformDefault words } } }`,
        {},
        office,
      ),
    ).caseLimits;
    expect(limits.extensionCap).toEqual({
      value: 30,
      unit: 'CALENDAR_DAYS',
      source: null,
      platformDefault: true,
      words: '30日（平台默认，依据《信访工作条例》第三十二条）',
    });
    const c = (await receive()).id;
    ok(
      await mutate(
        'assignCase',
        'AssignCaseInput',
        { caseId: c, responsibleUnitId: unitId, responsiblePerson: '李明', dueOn: '2026-09-30' },
        office,
        'id',
      ),
    );
    const request = (requestedDueOn: string) =>
      mutate(
        'requestCaseExtension',
        'RequestCaseExtensionInput',
        { caseId: c, requestedDueOn, reason: '需等待区人社局出具欠薪核定意见。' },
        member,
        'id requestedDueOn',
      );
    const beyond = await request('2026-10-31');
    expect(beyond.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.requestedDueOn',
      reason: 'EXTENSION_BEYOND_CAP',
    });
    expect(beyond.errors?.[0]?.message).toContain('平台默认');
    expect(ok(await request('2026-10-30')).requestCaseExtension.requestedDueOn).toBe('2026-10-30');
  });

  it('《信访工作条例》第十八条 (代表人数不超过5人): a visit by 5 or more people is a group petition (集体访) by the platform default', async () => {
    const limits = ok(
      await t.gql<{ caseLimits: { groupPetition: Row } }>(
        `{ caseLimits(tenantCode: "${TOWN}") { groupPetition { value unit source platformDefault words } } }`,
        {},
        office,
      ),
    ).caseLimits;
    expect(limits.groupPetition).toEqual({
      value: 5,
      unit: 'PEOPLE',
      source: null,
      platformDefault: true,
      words: '5人（平台默认，依据《信访工作条例》第十八条）',
    });
    expect((await receive({ channel: 'VISIT', peopleCount: 5 })).groupPetition).toBe(true);
    expect((await receive({ channel: 'VISIT', peopleCount: 4 })).groupPetition).toBe(false);
    // The default follows the rule on visits (走访): a letter signed by five is a joint letter, not a group visit.
    expect((await receive({ channel: 'LETTER', peopleCount: 5 })).groupPetition).toBe(false);
  });

  it('001 art. 5 “一般每月至少召开一次工作会议”: the month 十字镇 is onboarded in owes its working meeting too', async () => {
    clock.set('2026-11-10T10:00:00+08:00');
    const county = await t.login('county-petition-mechanisms', 'office');
    const tenantId = ok(
      await t.gql<{ onboardTenant: { id: string } }>(
        'mutation($i: OnboardTenantInput!) { onboardTenant(input: $i) { id } }',
        { i: { code: 'shizi3', name: '十字三镇', pluginId: 'shizi-town', parentCode: 'county-petition-mechanisms' } },
        county,
      ),
    ).onboardTenant.id;
    ok(
      await t.gql(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        {
          i: {
            tenantCode: 'shizi3',
            username: 'office',
            password: 'shizi3-office-pw',
            displayName: '十字镇联席办',
            roles: ['OFFICE_DIRECTOR'],
          },
        },
        county,
      ),
    );
    const shizi3 = await t.login('shizi3', 'office', 'shizi3-office-pw');
    const sweep = async (): Promise<void> => {
      await t.queue.enqueue(SWEEP_TENANT_JOB, { tenantId }, { jobId: jobId('test-sweep', clock.now().toISOString()) });
      await t.queue.whenIdle();
    };
    // A working meeting held on 11-05, before onboarding, recorded afterwards: it meets November.
    const s = ok(
      await t.gql<{ scheduleMeeting: { id: string } }>(
        'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }',
        {
          i: {
            tenantCode: 'shizi3',
            typeCode: 'WORKING',
            title: '十一月信访工作会议',
            scheduledAt: '2026-11-05T09:00:00+08:00',
          },
        },
        shizi3,
      ),
    ).scheduleMeeting;
    ok(
      await t.gql(
        'mutation($i: HoldMeetingInput!) { holdMeeting(input: $i) { status } }',
        { i: { meetingId: s.id, heldAt: '2026-11-05T09:00:00+08:00', attendance: [] } },
        shizi3,
      ),
    );
    clock.set('2026-12-02T09:00:00+08:00');
    await sweep();
    const obligations = ok(
      await t.gql<{
        cadenceObligations: { typeCode: string; periodStart: string; periodEnd: string; status: string }[];
      }>('{ cadenceObligations(tenantCode: "shizi3") { typeCode periodStart periodEnd status } }', {}, shizi3),
    ).cadenceObligations;
    const november = obligations
      .filter((o) => o.periodStart === '2026-11-01')
      .map((o) => [o.typeCode, o.periodEnd, o.status])
      .sort();
    expect(november).toEqual([
      ['SOCIAL_SITUATION_ANALYSIS', '2026-11-30', 'MISSED'],
      ['WORKING', '2026-11-30', 'MET'],
    ]);
  });
});
