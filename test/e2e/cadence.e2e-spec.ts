import { Clock } from '@engine/clock';
import { jobId } from '@engine/jobs';
import { SWEEP_TENANT_JOB } from '@modules/meetings';
import { startTestApp, type TestApp } from '@test/support/test-app';

interface Obligation {
  typeCode: string;
  periodStart: string;
  periodEnd: string;
  keyPeriod: boolean;
  status: string;
}

/**
 * 十字镇's cadence (001 art. 5 and 14) run through months with a controllable clock: monthly working
 * meetings become weekly in a key period, and a period without its meeting becomes a finding.
 */
describe('cadence of 十字镇 over months', () => {
  let t: TestApp;
  let clock: Clock;
  let office: string;
  let tenantId: string;

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    // A fresh 十字镇 onboarded on 2026-11-25 by the county's office, so the timeline does not depend on today.
    clock.set('2026-11-25T10:00:00+08:00');
    const county = await t.login('county-petition-mechanisms', 'office');
    const onboarded = await t.gql<{ onboardTenant: { id: string } }>(
      'mutation($i: OnboardTenantInput!) { onboardTenant(input: $i) { id } }',
      { i: { code: 'shizi2', name: '十字二镇', pluginId: 'shizi-town', parentCode: 'county-petition-mechanisms' } },
      county,
    );
    tenantId = onboarded.data!.onboardTenant.id;
    await t.gql(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      {
        i: {
          tenantCode: 'shizi2',
          username: 'office',
          password: 'shizi2-office-pw',
          displayName: '十字镇联席办',
          roles: ['OFFICE_DIRECTOR'],
        },
      },
      county,
    );
    office = await t.login('shizi2', 'office', 'shizi2-office-pw');
  });
  afterAll(async () => {
    await t.close();
  });

  const hold = async (typeCode: string, at: string): Promise<void> => {
    const s = await t.gql<{ scheduleMeeting: { id: string } }>(
      'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }',
      { i: { tenantCode: 'shizi2', typeCode, title: `${typeCode} ${at}`, scheduledAt: at } },
      office,
    );
    const h = await t.gql(
      'mutation($i: HoldMeetingInput!) { holdMeeting(input: $i) { status } }',
      { i: { meetingId: s.data!.scheduleMeeting.id, heldAt: at, attendance: [] } },
      office,
    );
    expect(h.errors).toBeUndefined();
  };
  const sweep = async (): Promise<void> => {
    await t.queue.enqueue(SWEEP_TENANT_JOB, { tenantId }, { jobId: jobId('test-sweep', clock.now().toISOString()) });
    await t.queue.whenIdle();
  };
  const obligations = async (): Promise<Obligation[]> =>
    (
      await t.gql<{ cadenceObligations: Obligation[] }>(
        '{ cadenceObligations(tenantCode: "shizi2") { typeCode periodStart periodEnd keyPeriod status } }',
        {},
        office,
      )
    ).data!.cadenceObligations;
  const findings = async () =>
    (
      await t.gql<{
        findings: {
          kind: string;
          rule: string;
          facts: { typeCode: string; periodStart: string; keyPeriod: boolean };
        }[];
      }>('{ findings(tenantCode: "shizi2", kind: "MISSED_CADENCE") { kind rule facts } }', {}, office)
    ).data!.findings;

  it('a month with its working meeting held is met', async () => {
    clock.set('2026-12-10T15:00:00+08:00');
    await hold('WORKING', '2026-12-10T09:00:00+08:00');
    await sweep();
    const dec = (await obligations()).find((o) => o.typeCode === 'WORKING' && o.periodStart === '2026-12-01');
    expect(dec).toMatchObject({ periodEnd: '2026-12-31', keyPeriod: false, status: 'MET' });
  });

  it('a key period makes the working meeting weekly; missed weeks and months become findings', async () => {
    const kp = await t.gql(
      'mutation($i: DeclareKeyPeriodInput!) { declareKeyPeriod(input: $i) { startsOn endsOn } }',
      { i: { tenantCode: 'shizi2', startsOn: '2027-01-04', endsOn: '2027-01-17', reason: '全国两会前重点时期' } },
      office,
    );
    expect(kp.errors).toBeUndefined();
    clock.set('2027-01-06T18:00:00+08:00');
    await hold('WORKING', '2027-01-06T09:00:00+08:00');
    clock.set('2027-02-03T09:00:00+08:00');
    await sweep();
    const all = await obligations();
    const weekly = all
      .filter((o) => o.typeCode === 'WORKING' && o.keyPeriod)
      .map((o) => [o.periodStart, o.periodEnd, o.status]);
    expect(weekly.sort()).toEqual([
      ['2027-01-04', '2027-01-10', 'MET'],
      ['2027-01-11', '2027-01-17', 'MISSED'],
    ]);
    expect(all.find((o) => o.typeCode === 'WORKING' && !o.keyPeriod && o.periodStart === '2027-01-01')?.status).toBe(
      'MET',
    );
    const missed = (await findings()).map((f) => [f.facts.typeCode, f.facts.periodStart, f.facts.keyPeriod]);
    // Onboarded on 2026-11-25: November owes its meetings too, and none was held.
    expect(missed.sort()).toEqual([
      ['SOCIAL_SITUATION_ANALYSIS', '2026-11-01', false],
      ['SOCIAL_SITUATION_ANALYSIS', '2026-12-01', false],
      ['SOCIAL_SITUATION_ANALYSIS', '2027-01-01', false],
      ['WORKING', '2026-11-01', false],
      ['WORKING', '2027-01-11', true],
    ]);
    expect((await findings()).find((f) => f.facts.keyPeriod)?.rule).toMatch(/FREQ=WEEKLY.*001 art\. 5/);
  });

  it('running the sweep again changes nothing', async () => {
    const before = JSON.stringify([await obligations(), await findings()]);
    await sweep();
    await sweep();
    expect(JSON.stringify([await obligations(), await findings()])).toBe(before);
  });

  it('only the office declares key periods; bad ranges are refused', async () => {
    const member = await t.login('shizi', 'member'); // a member unit of another town: not even visible
    const forbidden = await t.gql(
      'mutation($i: DeclareKeyPeriodInput!) { declareKeyPeriod(input: $i) { id } }',
      { i: { tenantCode: 'shizi2', startsOn: '2027-03-01', endsOn: '2027-03-10', reason: '两会' } },
      member,
    );
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const convener = await t.login('shizi', 'convener');
    const foreign = await t.gql('{ cadenceObligations(tenantCode: "shizi2") { status } }', {}, convener);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const backwards = await t.gql(
      'mutation($i: DeclareKeyPeriodInput!) { declareKeyPeriod(input: $i) { id } }',
      { i: { tenantCode: 'shizi2', startsOn: '2027-03-10', endsOn: '2027-03-01', reason: '两会' } },
      office,
    );
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endsOn' });
  });
});
