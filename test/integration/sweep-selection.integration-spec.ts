import { jest } from '@jest/globals';
import { addDays, cadencePeriods } from '@engine/calendar';
import { Clock } from '@engine/clock';
import { RequestContext } from '@engine/context';
import { Db, type Tx } from '@engine/database';
import { CaseSweepService } from '@modules/cases';
import { tenantsWithCaseWork } from '@modules/cases/case-sweep.query';
import { CadenceService } from '@modules/meetings';
import { tenantsWithCadenceWork } from '@modules/meetings/cadence.query';
import { LadderService } from '@modules/supervision';
import { tenantsWithSupervisionWork } from '@modules/supervision/sweep-tenants.query';
import { previousPeriod } from '@modules/supervision/periods';
import { NOTICE_PERIODS } from '@jm/plugin-sdk';
import { pluginOf } from '@core/tenancy/tenant-lookup';
import { Tenant } from '@core/tenancy/tenant.entity';
import { aCase, aMemberUnitWithUser, memberUnitsOf } from '@test/support/factories';
import { statementLog } from '@test/support/statement-log';
import { startTestApp, type TestApp } from '@test/support/test-app';

/**
 * The hourly ticks of the supervision, cases and cadence sweeps enqueue a job only for the tenants one
 * cross-tenant query (sweep_tenants_*) says have work: after every tenant is swept, an idle tenant is not
 * selected and its tick sends it nothing; a tenant given work is selected, swept, and idle again.
 */
describe('sweeps select the tenants that have work', () => {
  const TOWN = 'town-petition-systems';
  let t: TestApp;
  let db: Db;
  let clock: Clock;
  let tenants: Tenant[];
  let cadence: CadenceService;
  let cases: CaseSweepService;
  let ladder: LadderService;

  const today = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(clock.now());
  const platform = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => db.run(RequestContext.platform(), work);
  const selected = {
    cadence: () => platform(({ em }) => tenantsWithCadenceWork(em, today())),
    cases: () => platform(({ em }) => tenantsWithCaseWork(em, today())),
    supervision: () =>
      platform(({ em }) =>
        tenantsWithSupervisionWork(
          em,
          today(),
          Object.fromEntries(NOTICE_PERIODS.map((p) => [p, previousPeriod(p, today()).start])),
        ),
      ),
  };
  const sweepEveryTenant = async (): Promise<void> => {
    for (const x of tenants) {
      await cadence.sweepTenant(x.id);
      await cases.sweepTenant(x.id);
      await ladder.sweepTenant(x.id);
    }
    await t.queue.whenIdle(60_000);
  };
  const byCode = (code: string): Tenant => tenants.find((x) => x.code === code)!;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(Db);
    clock = t.app.get(Clock);
    cadence = t.app.get(CadenceService);
    cases = t.app.get(CaseSweepService);
    ladder = t.app.get(LadderService);
    // Frozen now (the seed's tenants are onboarded today; cadences count from onboarding).
    clock.set(new Date());
    tenants = await db.run(RequestContext.platform(), ({ em }) => em.find(Tenant, { order: { path: 'ASC' } }));
    await sweepEveryTenant();
  });
  afterAll(async () => {
    clock?.set(null);
    await t?.close();
  });

  it('selects no tenant for cadence or cases once every tenant is swept, and the ticks enqueue nothing', async () => {
    expect(tenants.length).toBeGreaterThan(4);
    expect(await selected.cadence()).toEqual([]);
    expect(await selected.cases()).toEqual([]);
    const enqueue = jest.spyOn(t.queue, 'enqueue');
    try {
      clock.advanceDays(1 / 24); // a new hour: a new stamp, nothing deduplicated by job id
      const log = statementLog(t.database.dataSource);
      expect(await cadence.sweepAll()).toBe(0);
      expect(await cases.sweepAll()).toBe(0);
      expect(enqueue).not.toHaveBeenCalled();
      // One statement per tick (besides its transaction's BEGIN + scope and COMMIT), none per tenant.
      const sent = log.statements.filter((q) => !/^(START TRANSACTION|COMMIT)/.test(q));
      expect(sent).toEqual([
        expect.stringContaining('sweep_tenants_cadence'),
        expect.stringContaining('sweep_tenants_cases'),
      ]);
    } finally {
      enqueue.mockRestore();
    }
  });

  it('selects for supervision only tenants with supervision facts, never an idle one', async () => {
    const chosen = new Set(await selected.supervision());
    const idle = tenants.filter((x) => !pluginOf(x).supervision?.notices);
    expect(idle.length).toBeGreaterThan(0);
    for (const x of idle) expect(chosen.has(x.id)).toBe(false);
  });

  it('a tenant given an overdue case is selected, swept by the tick, and idle again; the others stay unselected', async () => {
    const office = await t.login(TOWN, 'office');
    const { unitId } = await aMemberUnitWithUser(t, office, TOWN);
    const received = await aCase(t, office, { tenantCode: TOWN });
    const dueOn = addDays(today(), 5);
    const assigned = await t.gql<{ assignCase: { dueOn: string } }>(
      `mutation($i: AssignCaseInput!) { assignCase(input: $i) { dueOn } }`,
      { i: { caseId: received.id, responsibleUnitId: unitId, responsiblePerson: '李明', dueOn } },
      office,
    );
    expect(assigned.errors).toBeUndefined();
    const due = assigned.data!.assignCase.dueOn;
    expect(due).toBe(dueOn);
    const town = byCode(TOWN);
    expect(await selected.cases()).toEqual([]); // received, not yet overdue: nothing to find
    clock.set(`${due}T10:00:00+08:00`);
    clock.advanceDays(1);
    const chosen = await selected.cases();
    expect(chosen).toContain(town.id);
    // Only tenants with cases or a screening period ended since their last: an idle tenant is not there.
    const idle = tenants.filter((x) => x.id !== town.id && !pluginOf(x).cases.screening);
    expect(idle.length).toBeGreaterThan(0);
    for (const x of idle) expect(chosen).not.toContain(x.id);

    const enqueue = jest.spyOn(t.queue, 'enqueue');
    try {
      expect(await cases.sweepAll()).toBe(chosen.length);
      expect(enqueue.mock.calls.map((c) => (c[1] as { tenantId: string }).tenantId)).toEqual(chosen);
    } finally {
      enqueue.mockRestore();
    }
    await t.queue.whenIdle(60_000);
    const found = await db.run(RequestContext.forTenantJob(town.id), ({ em }) =>
      em.query(`SELECT count(*)::int AS n FROM finding WHERE tenant_id = $1 AND dedupe_key LIKE 'case-overdue:%'`, [
        town.id,
      ]),
    );
    expect(found[0].n).toBe(1);
    expect(await selected.cases()).toEqual([]);
  });

  it('a new cadence period selects every tenant whose rules have a cadence, and sweeping them empties it', async () => {
    clock.advanceDays(100); // past the end of every current week, month and quarter
    const chosen = await selected.cadence();
    const withCadence = tenants.filter((x) => pluginOf(x).meetingTypes.some((m) => m.cadence));
    expect(withCadence.length).toBeGreaterThan(0);
    expect(chosen).toEqual(expect.arrayContaining(withCadence.map((x) => x.id)));
    for (const id of chosen) await cadence.sweepTenant(id);
    expect(await selected.cadence()).toEqual([]);
  });

  it.each([
    'FREQ=DAILY',
    'FREQ=WEEKLY',
    'FREQ=MONTHLY',
    'FREQ=MONTHLY;INTERVAL=3',
    'RRULE:FREQ=YEARLY',
    'FREQ=WEEKLY;INTERVAL=2',
  ])('rrule_period_start(%s) is the period cadencePeriods computes, over two years of days', async (rrule) => {
    const days = Array.from({ length: 800 }, (_, i) => addDays('2026-01-01', i));
    const rows: { start: string }[] = await platform(({ em }) =>
      em.query(
        `SELECT rrule_period_start($1, d)::text AS start FROM unnest($2::date[]) WITH ORDINALITY u (d, i) ORDER BY i`,
        [rrule, days],
      ),
    );
    const periods = cadencePeriods(rrule, days[0], days[days.length - 1]);
    const startOf = (d: string): string | undefined => periods.find((p) => p.start <= d && d <= p.end)?.start;
    expect(rows.map((r) => r.start)).toEqual(days.map(startOf));
  });

  it('rrule_period_start answers null for a rule with a BY part (the selection then keeps the tenant)', async () => {
    const [row]: { start: string | null }[] = await platform(({ em }) =>
      em.query(`SELECT rrule_period_start('FREQ=MONTHLY;BYMONTHDAY=15', DATE '2026-12-03') AS start`),
    );
    expect(row.start).toBeNull();
  });

  it('a regular notice due selects the tenants whose rules publish notices; drafting it leaves them idle', async () => {
    // The clock is 100 days on (above): every tenant with notices has last month's regular draft due.
    const noticing = tenants.filter((x) => pluginOf(x).supervision?.notices);
    expect(noticing.length).toBeGreaterThan(0);
    expect(await selected.supervision()).toEqual(expect.arrayContaining(noticing.map((x) => x.id)));
    for (const x of noticing) await ladder.sweepTenant(x.id);
    await t.queue.whenIdle(60_000);
    // Nobody is left: not the tenants whose ladder has evaluated its evidence, nor one with notices due but
    // no unit to rank (a county before its townships are onboarded: drafting writes nothing there).
    expect(await selected.supervision()).toEqual([]);
    const enqueue = jest.spyOn(t.queue, 'enqueue');
    try {
      clock.advanceDays(1 / 24);
      const log = statementLog(t.database.dataSource);
      expect(await ladder.sweepAll()).toBe(0);
      expect(enqueue).not.toHaveBeenCalled();
      const sent = log.statements.filter((q) => !/^(START TRANSACTION|COMMIT)/.test(q));
      expect(sent).toEqual([expect.stringContaining('sweep_tenants_supervision')]);
    } finally {
      enqueue.mockRestore();
    }
  });

  it('a tenant whose notices are due but which has no unit of the ranked kinds to rank is not selected', async () => {
    const admin = await t.login(null, 'admin');
    const onboarded = await t.gql<{ onboardTenant: { id: string } }>(
      `mutation($input: OnboardTenantInput!) { onboardTenant(input: $input) { id } }`,
      { input: { code: 'sel-empty-county', name: '无排名单位县', pluginId: 'county-petition-mechanisms' } },
      admin,
    );
    expect(onboarded.errors).toBeUndefined();
    const id = onboarded.data!.onboardTenant.id;
    for (const unit of await memberUnitsOf(t, admin, 'sel-empty-county')) {
      const res = await t.gql(
        `mutation($i: DeactivateMemberUnitInput!) { deactivateMemberUnit(input: $i) { id } }`,
        { i: { memberUnitId: unit.id, reason: '撤并' } },
        admin,
      );
      expect(res.errors).toBeUndefined();
    }
    await t.queue.whenIdle(60_000);
    const notices = (): Promise<unknown[]> =>
      platform(({ em }) => em.query(`SELECT 1 FROM supervision_notice WHERE tenant_id = $1`, [id]));
    const before = (await notices()).length;
    clock.advanceDays(35); // a new month: every county's last month's notice is due
    const chosen = await selected.supervision();
    // The demo county has units to rank and is selected; the one with nobody to rank is not (drafting writes nothing).
    expect(chosen).toContain(byCode('county-petition-mechanisms').id);
    expect(chosen).not.toContain(id);
    await ladder.sweepTenant(id);
    expect((await notices()).length).toBe(before);
    for (const x of chosen) await ladder.sweepTenant(x);
    await t.queue.whenIdle(60_000);
  });

  it('evidence the ladder has evaluated keeps no tenant selected; new evidence selects it until its ladder has read it', async () => {
    const COUNTY = 'county-petition-mechanisms';
    const county = byCode(COUNTY);
    const office = await t.login(COUNTY, 'office');
    const [unit] = await memberUnitsOf(t, office, COUNTY);
    const remind = async (note: string): Promise<void> => {
      const answer = await t.gql<{ issueReminder: { id: string } }>(
        `mutation($i: IssueReminderInput!) { issueReminder(input: $i) { id } }`,
        { i: { tenantCode: COUNTY, unitId: unit.id, severity: 'GENERAL', reasonCode: 'LOST_CONTROL', note } },
        office,
      );
      expect(answer.errors).toBeUndefined();
    };
    // A reminder runs the ladder after its commit (afterDecision): evaluated, so the tick leaves the county alone.
    await remind('第一次提醒');
    await t.queue.whenIdle(60_000);
    expect(await selected.supervision()).not.toContain(county.id);

    // A second one whose ladder job never runs (the jobs enqueued after its commit are dropped here): the
    // county's evidence is new to its ladder, so the tick selects it.
    const dropped = jest.spyOn(t.queue, 'enqueue').mockResolvedValue(undefined as never);
    try {
      await remind('第二次提醒');
    } finally {
      dropped.mockRestore();
    }
    expect(await selected.supervision()).toContain(county.id);
    // The tick sweeps it; a run that took a step is selected once more and then finds nothing.
    for (let tick = 0; tick < 3 && (await selected.supervision()).includes(county.id); tick += 1) {
      clock.advanceDays(1 / 24);
      await ladder.sweepAll();
      await t.queue.whenIdle(60_000);
    }
    expect(await selected.supervision()).not.toContain(county.id);
  });
});
