import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clock } from '@engine/clock';
import { CaseSweepService } from '@modules/cases';
import { aMemberUnitWithUser } from '@test/support/factories';
import { keepsThePageShape, walkPage } from '@test/support/page-walk';
import { statementLog } from '@test/support/statement-log';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/** 004 復查制度 三.1: the opinion states a finding on every check the plugin lists (here: all found sound). */
const SOUND = ['FACTS', 'CHARACTERISATION', 'EVIDENCE', 'LAW', 'DISPOSITION', 'PROCEDURE'].map((check) => ({
  check,
  sound: true,
}));

/**
 * Time limits, overdue detection and extensions of cases (issue 5 item 6), and reviews (item 7, 004
 * 復查制度), with a controllable clock. The step-limit path runs on a fixture plugin
 * (test/fixtures/plugins/time-limits/limits-town: HANDLING in 10 working days), since no seed source
 * sets step limits; the office-set time limit, extensions and reviews run on the demo town on the 004
 * plugin (review opinion within 15 days of acceptance, hearings not counted).
 */
describe('case time limits, overdue findings, extensions and reviews', () => {
  let t: TestApp;
  let clock: Clock;
  let dir: string;
  let sweeps: CaseSweepService;
  let office: string;
  let convener: string;
  let member: string;
  let countyOffice: string;
  let siblingOffice: string;
  let limitsOffice: string;
  let limitsMember: string;
  let townId: string;
  let limitsId: string;
  let unitId: string;
  let limitsUnitId: string;

  const TOWN = 'town-petition-systems';
  const LIMITS = 'limits';
  const ok = <T>(res: GqlResult<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const code = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
  const field = (res: GqlResult): string | undefined =>
    res.errors?.[0]?.extensions?.field ?? res.errors?.[0]?.extensions?.problems?.[0]?.field;
  const at = (instant: string): void => clock.set(instant);
  const CASE =
    'id number status dueOn dueRule overdue history { kind note rule } extensions { id status currentDueOn requestedDueOn reason decisionNote }';
  const REVIEW =
    'id status basis acceptedOn dueOn rule pauses { kind from to } opinion outcome decidedOn inTime appealedTo overdue case { id number }';
  type Row = Record<string, unknown> & { id: string };
  const mutate = <T = Row>(op: string, type: string, input: Record<string, unknown>, token: string, fields: string) =>
    t.gql<Record<string, T>>(`mutation($i: ${type}!) { ${op}(input: $i) { ${fields} } }`, { i: input }, token);
  const receive = async (tenantCode: string, token: string): Promise<string> =>
    ok(
      await mutate(
        'receivePetition',
        'ReceivePetitionInput',
        {
          tenantCode,
          channel: 'LETTER',
          matter: '反映村道硬化工程拖欠工人工资。',
          petitioners: [{ name: '赵六', phone: '13700000001' }],
        },
        token,
        'id',
      ),
    ).receivePetition.id;
  const getCase = async (id: string, token = office): Promise<Row> =>
    ok(await t.gql<{ petitionCase: Row }>(`query($id: ID!) { petitionCase(id: $id) { ${CASE} } }`, { id }, token))
      .petitionCase;
  const findings = async (tenantCode: string, kind: string) =>
    ok(
      await t.gql<{ findings: { rule: string; facts: Record<string, unknown> }[] }>(
        `{ findings(tenantCode: "${tenantCode}", kind: "${kind}") { rule facts } }`,
        {},
        tenantCode === TOWN ? office : limitsOffice,
      ),
    ).findings;
  const notices = async (token: string, kind: string) =>
    ok(
      await t.gql<{ myNotifications: { kind: string; title: string }[] }>(
        '{ myNotifications(limit: 200) { kind title } }',
        {},
        token,
      ),
    ).myNotifications.filter((n) => n.kind === kind);
  const kinds = (c: Row): string[] => (c.history as { kind: string }[]).map((h) => h.kind);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jm-plugins-'));
    for (const root of ['plugins', 'test/fixtures/plugins/time-limits']) {
      for (const name of readdirSync(join(process.cwd(), root)))
        symlinkSync(join(process.cwd(), root, name), join(dir, name));
    }
    t = await startTestApp({ PLUGINS_DIR: dir });
    clock = t.app.get(Clock);
    sweeps = t.app.get(CaseSweepService);
    at('2026-09-01T09:00:00+08:00');
    [office, convener, countyOffice, siblingOffice] = await Promise.all([
      t.login(TOWN, 'office'),
      t.login(TOWN, 'convener'),
      t.login('county-petition-mechanisms', 'office'),
      t.login('xiacang', 'office'),
    ]);
    // The demo town has no member units: add one, with a user (as cases.e2e-spec does).
    ({ unitId, token: member } = await aMemberUnitWithUser(t, office, TOWN));
    townId = ok(await t.gql<{ tenant: { id: string } }>(`{ tenant(code: "${TOWN}") { id } }`, {}, office)).tenant.id;
    // The fixture plugin is onboardable, so the demo seed onboards it as the town `limits` (users office, member).
    [limitsOffice, limitsMember] = await Promise.all([t.login(LIMITS, 'office'), t.login(LIMITS, 'member')]);
    const limits = ok(
      await t.gql<{ me: { tenant: { id: string }; memberUnit: { id: string } } }>(
        '{ me { tenant { id } memberUnit { id } } }',
        {},
        limitsMember,
      ),
    ).me;
    limitsId = limits.tenant.id;
    limitsUnitId = limits.memberUnit.id;
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('time limits and overdue detection', () => {
    let limitsCase: string;

    it('a plugin step limit sets the time limit at assignment, in working days across the National Day holiday', async () => {
      at('2026-09-28T09:00:00+08:00'); // a Monday
      limitsCase = await receive(LIMITS, limitsOffice);
      const assigned = ok(
        await mutate(
          'assignCase',
          'AssignCaseInput',
          { caseId: limitsCase, responsibleUnitId: limitsUnitId, responsiblePerson: '钱七' },
          limitsOffice,
          CASE,
        ),
      ).assignCase;
      // 10 working days after 09-28: 09-29, 09-30, (10-01…10-07 off), 10-08, 10-09, 10-10 (a worked Saturday), 10-12 … 10-16.
      expect(assigned).toMatchObject({ status: 'ASSIGNED', dueOn: '2026-10-16', overdue: false });
      expect(assigned.dueRule).toBe('HANDLING 10 WORKING_DAYS — limits art. 2');
    });

    it('past the due date: one CASE_OVERDUE finding with the rule, the unit and the office told once', async () => {
      at('2026-10-16T18:00:00+08:00'); // the last day still counts
      expect((await sweeps.sweepTenant(limitsId))['case-overdue']).toBe(0);
      at('2026-10-17T08:00:00+08:00');
      expect((await sweeps.sweepTenant(limitsId))['case-overdue']).toBe(1);
      expect((await sweeps.sweepTenant(limitsId))['case-overdue']).toBe(0); // idempotent
      at('2026-10-19T08:00:00+08:00');
      const log = statementLog(t.database.dataSource);
      const audited = async (): Promise<number> =>
        (
          (await t.database.dataSource.query(`SELECT count(*)::int AS n FROM audit_entry WHERE tenant_id = $1`, [
            limitsId,
          ])) as { n: number }[]
        )[0].n;
      const before = await audited();
      log.clear();
      expect((await sweeps.sweepTenant(limitsId))['case-overdue']).toBe(0); // still overdue, still one finding
      // The step is one statement (findings, history steps and notifications together), and a known finding
      // is not tried again: its anti-join reads nothing, so nothing is written (the audit trail records every row).
      expect(log.statements.filter((s) => s.includes("'case-overdue:'") && /INSERT INTO finding/.test(s))).toHaveLength(
        1,
      );
      expect(await audited()).toBe(before);
      const found = await findings(LIMITS, 'CASE_OVERDUE');
      expect(found).toHaveLength(1);
      expect(found[0].facts).toEqual({
        caseId: limitsCase,
        number: '2026-0001',
        dueOn: '2026-10-16',
        dueProvisional: false,
        responsibleUnitId: limitsUnitId,
        rule: 'HANDLING 10 WORKING_DAYS — limits art. 2',
      });
      expect(found[0].rule).toBe('HANDLING 10 WORKING_DAYS — limits art. 2');
      expect(await notices(limitsMember, 'CASE_OVERDUE')).toHaveLength(1);
      expect(await notices(limitsOffice, 'CASE_OVERDUE')).toHaveLength(1);
      const c = await getCase(limitsCase, limitsOffice);
      expect(c.overdue).toBe(true);
      expect(kinds(c).filter((k) => k === 'OVERDUE')).toHaveLength(1);
      const page = ok(
        await t.gql<{ cases: { items: { id: string }[] } }>(
          `{ cases(tenantCode: "${LIMITS}", overdueOnly: true) { items { id } } }`,
          {},
          limitsOffice,
        ),
      ).cases;
      expect(page.items.map((i) => i.id)).toEqual([limitsCase]);
      // The county reads its township's finding; the demo town has none.
      expect(
        ok(
          await t.gql<{ findings: unknown[] }>(
            `{ findings(tenantCode: "${LIMITS}", kind: "CASE_OVERDUE") { kind } }`,
            {},
            countyOffice,
          ),
        ).findings,
      ).toHaveLength(1);
      expect(await findings(TOWN, 'CASE_OVERDUE')).toHaveLength(0);
    });

    it("a resolved case is no longer overdue; a review basis outside the plugin's scope is refused naming the field", async () => {
      ok(
        await mutate(
          'resolveCase',
          'ResolveCaseInput',
          { caseId: limitsCase, resolution: '已协调施工方结清工资。' },
          limitsMember,
          'id',
        ),
      );
      at('2026-10-20T08:00:00+08:00');
      expect((await sweeps.sweepTenant(limitsId))['case-overdue']).toBe(0);
      expect((await getCase(limitsCase, limitsOffice)).overdue).toBe(false);
      const own = await mutate(
        'openCaseReview',
        'OpenCaseReviewInput',
        { caseId: limitsCase, basis: 'OWN_DECISION', acceptedOn: '2026-10-20' },
        limitsOffice,
        'id',
      );
      expect(code(own)).toBe('BAD_USER_INPUT');
      expect(field(own)).toBe('input.basis');
      expect(own.errors?.[0]?.message).toContain('ASSIGNED_FROM_ABOVE');
      const assigned = ok(
        await mutate(
          'openCaseReview',
          'OpenCaseReviewInput',
          { caseId: limitsCase, basis: 'ASSIGNED_FROM_ABOVE', acceptedOn: '2026-10-20' },
          limitsOffice,
          REVIEW,
        ),
      ).openCaseReview;
      expect(assigned).toMatchObject({ status: 'OPEN', basis: 'ASSIGNED_FROM_ABOVE', dueOn: '2026-11-04' });
    });
  });

  describe('extensions (延期)', () => {
    let caseId: string;
    let firstRequest: string;

    it('the office sets the time limit; the responsible unit asks to extend it, with checks', async () => {
      at('2026-09-01T09:00:00+08:00');
      caseId = await receive(TOWN, office);
      const assigned = ok(
        await mutate(
          'assignCase',
          'AssignCaseInput',
          { caseId, responsibleUnitId: unitId, responsiblePerson: '李明', dueOn: '2026-09-30' },
          office,
          CASE,
        ),
      ).assignCase;
      expect(assigned).toMatchObject({ dueOn: '2026-09-30', dueRule: 'set by the office' });
      const request = (input: Record<string, unknown>, token = member) =>
        mutate(
          'requestCaseExtension',
          'RequestCaseExtensionInput',
          { caseId, requestedDueOn: '2026-10-20', reason: '需等待区人社局出具欠薪核定意见。', ...input },
          token,
          'id status currentDueOn requestedDueOn reason',
        );
      expect(field(await request({ requestedDueOn: '2026-09-30' }))).toBe('input.requestedDueOn');
      expect(field(await request({ requestedDueOn: '2026-09-31' }))).toBe('i.requestedDueOn');
      expect(field(await request({ reason: '  ' }))).toBe('input.reason');
      expect(code(await request({ caseId: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
      expect(code(await request({}, convener))).toBe('FORBIDDEN'); // conveners decide; they do not ask
      expect(code(await request({}, siblingOffice))).toBe('NOT_FOUND');
      // The county reads the case but never writes a township's ledger: locked for writing, it is not found.
      expect(code(await request({}, countyOffice))).toBe('NOT_FOUND');
      const first = ok(await request({})).requestCaseExtension;
      expect(first).toMatchObject({ status: 'REQUESTED', currentDueOn: '2026-09-30', requestedDueOn: '2026-10-20' });
      firstRequest = first.id;
      expect(code(await request({ requestedDueOn: '2026-10-25' }))).toBe('CONFLICT'); // one pending at a time
      expect(await notices(office, 'CASE_EXTENSION_REQUESTED')).toHaveLength(1);
      expect(await notices(convener, 'CASE_EXTENSION_REQUESTED')).toHaveLength(1);
    });

    it('a convener rejects with a reason: the time limit stays', async () => {
      const decide = (input: Record<string, unknown>, token = convener) =>
        mutate(
          'decideCaseExtension',
          'DecideCaseExtensionInput',
          { extensionId: firstRequest, approve: false, note: '核定意见可先行催办，不予延期。', ...input },
          token,
          'id status decisionNote',
        );
      expect(code(await decide({}, member))).toBe('FORBIDDEN');
      expect(code(await decide({}, siblingOffice))).toBe('NOT_FOUND');
      expect(field(await decide({ note: '' }))).toBe('input.note');
      expect(ok(await decide({})).decideCaseExtension).toMatchObject({
        status: 'REJECTED',
        decisionNote: '核定意见可先行催办，不予延期。',
      });
      expect(code(await decide({ approve: true }))).toBe('CONFLICT'); // already decided
      expect((await getCase(caseId)).dueOn).toBe('2026-09-30');
      expect(await notices(member, 'CASE_EXTENSION_REJECTED')).toHaveLength(1);
    });

    it('overdue while a new request waits; approval moves the time limit, and only the new date can become overdue again', async () => {
      const second = ok(
        await mutate(
          'requestCaseExtension',
          'RequestCaseExtensionInput',
          { caseId, requestedDueOn: '2026-10-20', reason: '核定意见已申请，区人社局承诺十月中旬出具。' },
          member,
          'id',
        ),
      ).requestCaseExtension.id;
      at('2026-10-01T09:00:00+08:00');
      expect((await sweeps.sweepTenant(townId))['case-overdue']).toBe(1); // a pending request does not stop the clock
      const approved = ok(
        await mutate(
          'decideCaseExtension',
          'DecideCaseExtensionInput',
          { extensionId: second, approve: true, note: '同意延期至10月20日。' },
          office,
          'id status',
        ),
      ).decideCaseExtension;
      expect(approved.status).toBe('APPROVED');
      const c = await getCase(caseId);
      expect(c).toMatchObject({ dueOn: '2026-10-20', overdue: false });
      expect(c.dueRule).toContain('extended from 2026-09-30');
      expect((await sweeps.sweepTenant(townId))['case-overdue']).toBe(0);
      at('2026-10-20T20:00:00+08:00');
      expect((await sweeps.sweepTenant(townId))['case-overdue']).toBe(0);
      at('2026-10-21T08:00:00+08:00');
      expect((await sweeps.sweepTenant(townId))['case-overdue']).toBe(1);
      expect((await sweeps.sweepTenant(townId))['case-overdue']).toBe(0);
      expect((await findings(TOWN, 'CASE_OVERDUE')).map((f) => f.facts.dueOn).sort()).toEqual([
        '2026-09-30',
        '2026-10-20',
      ]);
      const after = await getCase(caseId);
      expect(kinds(after)).toEqual([
        'RECEIVED',
        'PRINCIPAL_ASSIGNMENT_REQUESTED',
        'ASSIGNED',
        'EXTENSION_REQUESTED',
        'EXTENSION_REJECTED',
        'EXTENSION_REQUESTED',
        'OVERDUE',
        'EXTENSION_APPROVED',
        'OVERDUE',
      ]);
      expect((after.extensions as { status: string }[]).map((e) => e.status)).toEqual(['REJECTED', 'APPROVED']);
      expect(await notices(member, 'CASE_OVERDUE')).toHaveLength(2);
    });
  });

  describe('review (复查, 004 復查制度)', () => {
    let handled: string;
    let reviewId: string;

    it('is opened by the office on a handled case only; the opinion is due 15 days from acceptance', async () => {
      at('2026-09-21T09:00:00+08:00');
      handled = await receive(TOWN, office);
      ok(
        await mutate(
          'assignCase',
          'AssignCaseInput',
          { caseId: handled, responsibleUnitId: unitId, responsiblePerson: '李明', dueOn: '2026-10-30' },
          office,
          'id',
        ),
      );
      const open = (input: Record<string, unknown>, token = office) =>
        mutate(
          'openCaseReview',
          'OpenCaseReviewInput',
          { caseId: handled, basis: 'OWN_DECISION', acceptedOn: '2026-09-25', ...input },
          token,
          REVIEW,
        );
      at('2026-09-25T09:00:00+08:00');
      expect(code(await open({}))).toBe('CONFLICT'); // not handled yet
      ok(
        await mutate(
          'resolveCase',
          'ResolveCaseInput',
          { caseId: handled, resolution: '已督促施工方结清工资，信访人表示认可。' },
          member,
          'id',
        ),
      );
      expect(field(await open({ acceptedOn: '2026-09-26' }))).toBe('input.acceptedOn'); // in the future
      expect(field(await open({ acceptedOn: '2026-09-20' }))).toBe('input.acceptedOn'); // before it was handled
      const whim = await open({ basis: 'BY_WHIM' });
      expect(code(whim)).toBe('BAD_USER_INPUT');
      expect(whim.errors?.[0]?.message).toContain('basis');
      expect(code(await open({}, member))).toBe('FORBIDDEN');
      expect(code(await open({}, convener))).toBe('FORBIDDEN');
      expect(code(await open({}, countyOffice))).toBe('NOT_FOUND');
      expect(code(await open({}, siblingOffice))).toBe('NOT_FOUND');
      const review = ok(await open({})).openCaseReview;
      reviewId = review.id;
      // 15 calendar days (the text says 日) from 09-25: 10-10, whatever the holiday.
      expect(review).toMatchObject({
        status: 'OPEN',
        acceptedOn: '2026-09-25',
        dueOn: '2026-10-10',
        pauses: [],
        overdue: false,
        case: { id: handled },
      });
      expect(review.rule).toBe('15 CALENDAR_DAYS excluding HEARING — 004 復查制度 一, 二, 三.4');
      expect(code(await open({}))).toBe('CONFLICT'); // one open review per case
    });

    it('a hearing across the National Day holiday stops the clock for its days: due 10-10 without it, 10-14 with it', async () => {
      const hearing = (input: Record<string, unknown>) =>
        mutate(
          'recordReviewHearing',
          'RecordReviewHearingInput',
          { reviewId, from: '2026-09-29', to: '2026-10-02', ...input },
          office,
          REVIEW,
        );
      expect(field(await hearing({ to: '2026-09-28' }))).toBe('input.to');
      expect(field(await hearing({ from: '2026-09-24' }))).toBe('input.from');
      expect(field(await hearing({ from: '2026-10-11', to: '2026-10-12' }))).toBe('input.from'); // after the clock ran out
      ok(await hearing({}));
      const r = ok(
        await t.gql<{ caseReviews: Row[] }>(
          `{ caseReviews(tenantCode: "${TOWN}", openOnly: true) { ${REVIEW} } }`,
          {},
          office,
        ),
      ).caseReviews;
      expect(r).toHaveLength(1);
      expect(r[0]).toMatchObject({
        id: reviewId,
        dueOn: '2026-10-14',
        pauses: [{ kind: 'HEARING', from: '2026-09-29', to: '2026-10-02' }],
      });
      at('2026-10-12T09:00:00+08:00'); // past the date it would have had without the hearing
      expect((await sweeps.sweepTenant(townId))['review-overdue']).toBe(0);
      const c = await getCase(handled);
      expect(kinds(c).slice(-2)).toEqual(['REVIEW_OPENED', 'REVIEW_HEARING']);
      expect((c.history as { note: string }[]).at(-1)!.note).toBe(
        '2026-09-29 – 2026-10-02; opinion due 2026-10-10 → 2026-10-14',
      );
    });

    it("the opinion issued on 10-13 is in time; the petitioner's upward appeal is recorded once", async () => {
      const appeal = () =>
        mutate('recordReviewAppeal', 'RecordReviewAppealInput', { reviewId, appealedTo: '区信访局' }, office, REVIEW);
      expect(code(await appeal())).toBe('CONFLICT'); // no opinion yet
      at('2026-10-13T16:00:00+08:00');
      const opinion = (token = office) =>
        mutate(
          'issueReviewOpinion',
          'IssueReviewOpinionInput',
          { reviewId, opinion: '经复查，原处理意见事实清楚，予以维持。', outcome: 'UPHELD', findings: SOUND },
          token,
          REVIEW,
        );
      expect(code(await opinion(member))).toBe('FORBIDDEN');
      const decided = ok(await opinion()).issueReviewOpinion;
      expect(decided).toMatchObject({
        status: 'DECIDED',
        outcome: 'UPHELD',
        decidedOn: '2026-10-13',
        inTime: true,
        overdue: false,
      });
      expect(code(await opinion())).toBe('CONFLICT');
      expect(
        code(
          await mutate(
            'recordReviewHearing',
            'RecordReviewHearingInput',
            { reviewId, from: '2026-10-12', to: '2026-10-12' },
            office,
            'id',
          ),
        ),
      ).toBe('CONFLICT');
      expect(ok(await appeal()).recordReviewAppeal).toMatchObject({ appealedTo: '区信访局' });
      expect(code(await appeal())).toBe('CONFLICT');
      const c = ok(
        await t.gql<{ petitionCase: { reviews: Row[]; history: { kind: string }[] } }>(
          `query($id: ID!) { petitionCase(id: $id) { reviews { id status inTime appealedTo } history { kind } } }`,
          { id: handled },
          member,
        ),
      ).petitionCase;
      expect(c.reviews).toEqual([{ id: reviewId, status: 'DECIDED', inTime: true, appealedTo: '区信访局' }]);
      expect(c.history.map((h) => h.kind).slice(-4)).toEqual([
        'REVIEW_OPENED',
        'REVIEW_HEARING',
        'REVIEW_OPINION_ISSUED',
        'REVIEW_APPEALED',
      ]);
      expect(
        ok(
          await t.gql<{ caseReviews: unknown[] }>(
            `{ caseReviews(tenantCode: "${TOWN}", openOnly: true) { id } }`,
            {},
            office,
          ),
        ).caseReviews,
      ).toHaveLength(0);
      expect(code(await t.gql(`{ caseReviews(tenantCode: "${TOWN}") { id } }`, {}, siblingOffice))).toBe('NOT_FOUND');
    });

    it('caseReviewsPage: the reviews a page at a time, as caseReviews lists them', async () => {
      keepsThePageShape(
        await walkPage(t, {
          page: 'caseReviewsPage',
          args: `tenantCode: "${TOWN}"`,
          old: `caseReviews(tenantCode: "${TOWN}")`,
          token: office,
        }),
        1,
      );
    });

    it('a review left open past its date is a REVIEW_OVERDUE finding, once; a late opinion says so', async () => {
      const reviewed = await receive(TOWN, office);
      ok(
        await mutate(
          'assignCase',
          'AssignCaseInput',
          { caseId: reviewed, responsibleUnitId: unitId, responsiblePerson: '李明', dueOn: '2026-11-30' },
          office,
          'id',
        ),
      );
      ok(
        await mutate(
          'resolveCase',
          'ResolveCaseInput',
          { caseId: reviewed, resolution: '已答复信访人并送达处理意见书。' },
          member,
          'id',
        ),
      );
      ok(await mutate('closeCase', 'CloseCaseInput', { caseId: reviewed }, office, 'id'));
      const review = ok(
        await mutate(
          'openCaseReview',
          'OpenCaseReviewInput',
          { caseId: reviewed, basis: 'ASSIGNED_FROM_ABOVE', acceptedOn: '2026-10-13' },
          office,
          REVIEW,
        ),
      ).openCaseReview;
      expect(review.dueOn).toBe('2026-10-28');
      at('2026-10-29T08:00:00+08:00');
      expect((await sweeps.sweepTenant(townId))['review-overdue']).toBe(1);
      expect((await sweeps.sweepTenant(townId))['review-overdue']).toBe(0);
      const found = await findings(TOWN, 'REVIEW_OVERDUE');
      expect(found).toHaveLength(1);
      expect(found[0].facts).toMatchObject({ reviewId: review.id, caseId: reviewed, dueOn: '2026-10-28' });
      expect(found[0].rule).toContain('004 復查制度');
      expect(await notices(office, 'REVIEW_OVERDUE')).toHaveLength(1);
      const late = ok(
        await mutate(
          'issueReviewOpinion',
          'IssueReviewOpinionInput',
          { reviewId: review.id, opinion: '经复查，原处理意见部分变更。', outcome: 'AMENDED', findings: SOUND },
          office,
          REVIEW,
        ),
      ).issueReviewOpinion;
      expect(late).toMatchObject({ inTime: false, decidedOn: '2026-10-29' });
    });

    it('a tenant whose plugin declares no review is told so, naming the field', async () => {
      const shiziOffice = await t.login('shizi', 'office');
      const shiziMember = await t.login('shizi', 'member');
      const shiziUnit = ok(
        await t.gql<{ me: { memberUnit: { id: string } } }>('{ me { memberUnit { id } } }', {}, shiziMember),
      ).me.memberUnit.id;
      const c = await receive('shizi', shiziOffice);
      ok(
        await mutate(
          'assignCase',
          'AssignCaseInput',
          { caseId: c, responsibleUnitId: shiziUnit, responsiblePerson: '孙八', dueOn: '2026-11-30' },
          shiziOffice,
          'id',
        ),
      );
      ok(
        await mutate('resolveCase', 'ResolveCaseInput', { caseId: c, resolution: '已答复信访人。' }, shiziMember, 'id'),
      );
      const res = await mutate(
        'openCaseReview',
        'OpenCaseReviewInput',
        { caseId: c, basis: 'OWN_DECISION', acceptedOn: '2026-10-29' },
        shiziOffice,
        'id',
      );
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(field(res)).toBe('input.caseId');
      expect(res.errors?.[0]?.message).toContain('cases.review');
    });
  });
});
