import { Clock } from '@engine/clock';
import { CaseSweepService } from '@modules/cases';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/** 004 復查制度 三.1: the opinion states a finding on every check the plugin lists (here: all found sound). */
const SOUND = ['FACTS', 'CHARACTERISATION', 'EVIDENCE', 'LAW', 'DISPOSITION', 'PROCEDURE'].map((check) => ({
  check,
  sound: true,
}));

/**
 * The ledger end to end: a Beijing petition in a town (004 plugin) under the county (003 plugin,
 * whose ownership tiers reach its townships): intake → the principal leader must own it → roadmap,
 * team and plan → weekly reports, one missed → a finding → resolved → closed. Repeat detection,
 * masking of personal data and isolation from a sibling town are walked on the way.
 */
describe('petition ledger in a town under the county plugin', () => {
  let t: TestApp;
  let clock: Clock;
  let office: string;
  let member: string;
  let countyOffice: string;
  let siblingOffice: string;
  let unitId: string;
  let caseId: string;

  const TOWN = 'town-petition-systems';
  const ID_NUMBER = '11010519491231002X';
  const ok = <T>(res: GqlResult<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const code = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
  const field = (res: GqlResult): string | undefined =>
    res.errors?.[0]?.extensions?.field ?? res.errors?.[0]?.extensions?.problems?.[0]?.field;
  const CASE =
    'id number status source ownerTier ownerRule ownerLeader roadmap team plan repeatCount repeat groupPetition dueOn overdue responsibleUnit { id } petitioners { name idNumber phone address masked } history { kind rule note } earlierCases { id }';
  const mutate = <T = Record<string, Record<string, unknown>>>(
    op: string,
    type: string,
    input: Record<string, unknown>,
    token: string,
    fields = CASE,
  ) => t.gql<T>(`mutation($i: ${type}!) { ${op}(input: $i) { ${fields} } }`, { i: input }, token);
  const receive = (input: Record<string, unknown>, token = office) =>
    mutate<{ receivePetition: Record<string, unknown> & { id: string } }>(
      'receivePetition',
      'ReceivePetitionInput',
      { tenantCode: TOWN, ...input },
      token,
    );
  const getCase = async (token: string, id = caseId) =>
    await t.gql<{ petitionCase: Record<string, unknown> | null }>(
      `query($id: ID!) { petitionCase(id: $id) { ${CASE} } }`,
      { id },
      token,
    );

  const petition = {
    channel: 'VISIT',
    source: 'BEIJING_PETITION',
    matter: '反映征地补偿款未足额发放，已赴京上访。',
    category: 'LAND',
    petitioners: [{ name: '王建国', idNumber: ID_NUMBER, phone: '13812345678', address: '示范县某镇某村三组12号' }],
  };

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    clock.set('2026-09-01T09:00:00+08:00'); // a Tuesday
    [office, countyOffice, siblingOffice] = await Promise.all([
      t.login(TOWN, 'office'),
      t.login('county-petition-mechanisms', 'office'),
      t.login('xiacang', 'office'),
    ]);
    const unit = ok(
      await t.gql<{ addMemberUnit: { id: string } }>(
        'mutation($i: AddMemberUnitInput!) { addMemberUnit(input: $i) { id } }',
        { i: { tenantCode: TOWN, name: '镇司法所', kind: 'DEPARTMENT', reason: '负责矛盾纠纷调处' } },
        office,
      ),
    );
    unitId = unit.addMemberUnit.id;
    ok(
      await t.gql(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        {
          i: {
            tenantCode: TOWN,
            username: 'justice',
            password: 'justice-password-1',
            displayName: '司法所',
            roles: ['MEMBER_UNIT'],
            memberUnitId: unitId,
          },
        },
        office,
      ),
    );
    member = await t.login(TOWN, 'justice', 'justice-password-1');
  });
  afterAll(async () => {
    await t.close();
  });

  it('rejects bad intake with the field named, and changes nothing', async () => {
    const badId = await receive({
      ...petition,
      petitioners: [{ ...petition.petitioners[0], idNumber: '110105194912310021' }],
    });
    expect(code(badId)).toBe('BAD_USER_INPUT');
    expect(field(badId)).toBe('input.petitioners.0.idNumber');
    expect(JSON.stringify(badId)).not.toContain('110105194912310021'); // personal data is never echoed
    expect(field(await receive({ ...petition, channel: 'ASSIGNED' }))).toBe('input.assignedByLevel');
    expect(field(await receive({ ...petition, petitioners: [] }))).toBe('input.petitioners');
    expect(code(await receive(petition, await t.login('county-petition-mechanisms', 'superior')))).toBe('FORBIDDEN');
    expect(code(await receive(petition, siblingOffice))).toBe('NOT_FOUND');
    expect(code(await receive(petition, countyOffice))).toBe('FORBIDDEN'); // reads its towns, never writes their ledger
    const page = ok(
      await t.gql<{ cases: { items: unknown[] } }>(`{ cases(tenantCode: "${TOWN}") { items { id } } }`, {}, office),
    );
    expect(page.cases.items).toHaveLength(0);
  });

  it("receives a Beijing petition: the county's tier makes the principal leader its owner", async () => {
    const c = ok(await receive(petition)).receivePetition;
    caseId = c.id;
    expect(c).toMatchObject({
      number: '2026-0001',
      status: 'RECEIVED',
      source: 'BEIJING_PETITION',
      ownerTier: 'PRINCIPAL',
      repeatCount: 0,
      repeat: false,
    });
    expect(c.ownerRule).toContain('003 §二');
    expect(c.ownerRule).toContain('county-petition-mechanisms');
    // 003 二: the county leader co-owns it too; 004 領導接待日制度 5: registered for the principal leader's 批转; a key case by 003's keyCases rule.
    expect((c.history as { kind: string }[]).map((h) => h.kind)).toEqual([
      'RECEIVED',
      'OWNERSHIP_REQUIRED',
      'COUNTY_OWNERSHIP_REQUIRED',
      'KEY_CASE_MARKED',
      'PRINCIPAL_ASSIGNMENT_REQUESTED',
    ]);
    // The office sees personal data in full.
    expect(c.petitioners).toEqual([
      { name: '王建国', idNumber: ID_NUMBER, phone: '13812345678', address: '示范县某镇某村三组12号', masked: false },
    ]);
  });

  it('assigns the case; the member unit sees it with personal data masked (004 領導接待日制度 8 工作保密制度); no sibling town sees it at all', async () => {
    const assigned = ok(
      await mutate<{ assignCase: Record<string, unknown> }>(
        'assignCase',
        'AssignCaseInput',
        { caseId, responsibleUnitId: unitId, responsiblePerson: '李明', dueOn: '2026-10-31' },
        office,
      ),
    ).assignCase;
    expect(assigned).toMatchObject({ status: 'ASSIGNED', dueOn: '2026-10-31', responsibleUnit: { id: unitId } });
    const seen = ok(await getCase(member)).petitionCase!;
    expect(seen.petitioners).toEqual([
      { name: '王**', idNumber: '110***********002X', phone: '138****5678', address: '示范县某镇某***', masked: true },
    ]);
    // The county reads its township's case (tree), but personal data stays with the town's office.
    expect((ok(await getCase(countyOffice)).petitionCase!.petitioners as { masked: boolean }[])[0].masked).toBe(true);
    // 004 領導接待日制度 8 (嚴格執行信訪工作紀律和工作保密制度): the case says why it is kept confidential, citing the article.
    const kept = ok(
      await t.gql<{ petitionCase: { confidentiality: { source: string | null; platformDefault: boolean } } }>(
        'query($id: ID!) { petitionCase(id: $id) { confidentiality { source platformDefault } } }',
        { id: caseId },
        member,
      ),
    ).petitionCase.confidentiality;
    expect(kept).toEqual({ source: '004 領導接待日制度 2, 7, 8', platformDefault: false });
    expect(ok(await getCase(siblingOffice)).petitionCase).toBeNull();
    expect(code(await t.gql(`{ cases(tenantCode: "${TOWN}") { items { id } } }`, {}, siblingOffice))).toBe('NOT_FOUND');
    expect(
      code(
        await mutate(
          'assignCase',
          'AssignCaseInput',
          { caseId, responsibleUnitId: unitId, responsiblePerson: '张三' },
          siblingOffice,
        ),
      ),
    ).toBe('NOT_FOUND');
  });

  it('requires the principal leader, a team and a plan (一案一领导、一个专班、一套方案)', async () => {
    const owner = {
      caseId,
      leader: '镇党委书记 陈刚',
      tier: 'IN_CHARGE',
      team: ['李明', '赵敏'],
      plan: '入户走访，核实补偿款发放情况，协调区征收办补发。',
      roadmap: 'RESOLVE',
    };
    expect(field(await mutate('assignCaseOwner', 'AssignCaseOwnerInput', owner, office))).toBe('input.tier');
    expect(
      field(await mutate('assignCaseOwner', 'AssignCaseOwnerInput', { ...owner, tier: 'PRINCIPAL', team: [] }, office)),
    ).toBe('input.team');
    expect(code(await mutate('assignCaseOwner', 'AssignCaseOwnerInput', { ...owner, tier: 'PRINCIPAL' }, member))).toBe(
      'FORBIDDEN',
    );
    const owned = ok(
      await mutate<{ assignCaseOwner: Record<string, unknown> }>(
        'assignCaseOwner',
        'AssignCaseOwnerInput',
        { ...owner, tier: 'PRINCIPAL' },
        office,
      ),
    ).assignCaseOwner;
    expect(owned).toMatchObject({
      ownerLeader: '镇党委书记 陈刚',
      ownerTier: 'PRINCIPAL',
      roadmap: 'RESOLVE',
      team: ['李明', '赵敏'],
    });
  });

  it('weekly progress reports: a missed week becomes a finding, reported weeks do not', async () => {
    const report = (content: string, token = member) =>
      mutate<{ reportCaseProgress: { periodStart: string } }>(
        'reportCaseProgress',
        'ReportCaseProgressInput',
        { caseId, content },
        token,
        'periodStart periodEnd',
      );
    clock.set('2026-09-08T10:00:00+08:00');
    expect(ok(await report('已入户走访12户，核实补偿款差额。')).reportCaseProgress.periodStart).toBe('2026-09-07');
    clock.set('2026-09-22T10:00:00+08:00'); // the week of 09-14 passes without a report
    expect(ok(await report('区征收办已同意补发差额，正在走流程。')).reportCaseProgress.periodStart).toBe('2026-09-21');
    clock.set('2026-09-29T10:00:00+08:00'); // the week of 09-21 was reported
    const sweeps = t.app.get(CaseSweepService);
    const tenantId = ok(await t.gql<{ tenant: { id: string } }>(`{ tenant(code: "${TOWN}") { id } }`, {}, office))
      .tenant.id;
    expect((await sweeps.sweepTenant(tenantId))['progress-reports']).toBe(1);
    expect((await sweeps.sweepTenant(tenantId))['progress-reports']).toBe(0); // idempotent
    const findings = ok(
      await t.gql<{ findings: { kind: string; rule: string; facts: Record<string, unknown> }[] }>(
        `{ findings(tenantCode: "${TOWN}", kind: "MISSING_PROGRESS_REPORT") { kind rule facts } }`,
        {},
        office,
      ),
    ).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0].facts).toMatchObject({ caseId, periodStart: '2026-09-14', periodEnd: '2026-09-20' });
    expect(findings[0].rule).toContain('003 §二');
    // The county sees its township's finding (the facts behind the number).
    expect(
      ok(
        await t.gql<{ findings: unknown[] }>(
          `{ findings(tenantCode: "${TOWN}", kind: "MISSING_PROGRESS_REPORT") { kind } }`,
          {},
          countyOffice,
        ),
      ).findings,
    ).toHaveLength(1);
  });

  it('detects repeat petitions of the same person and matter, and nothing else', async () => {
    const again = ok(
      await receive({
        ...petition,
        source: 'LOCAL',
        channel: 'LETTER',
        petitioners: [{ name: '王 建国', idNumber: ID_NUMBER.toLowerCase() }],
      }),
    ).receivePetition;
    expect(again).toMatchObject({ repeatCount: 1, repeat: true, earlierCases: [{ id: caseId }], ownerTier: null });
    const otherMatter = ok(await receive({ ...petition, source: 'LOCAL', category: 'WAGES' })).receivePetition;
    expect(otherMatter.repeatCount).toBe(0);
    const otherPerson = ok(
      await receive({ ...petition, source: 'LOCAL', petitioners: [{ name: '王建国', phone: '13900000000' }] }),
    ).receivePetition;
    expect(otherPerson.repeatCount).toBe(0);
  });

  it('resolves (by the responsible unit) and closes (by the office); progress reports stop with the case', async () => {
    expect(code(await mutate('closeCase', 'CloseCaseInput', { caseId }, office))).toBe('CONFLICT');
    const resolved = ok(
      await mutate<{ resolveCase: Record<string, unknown> }>(
        'resolveCase',
        'ResolveCaseInput',
        { caseId, resolution: '差额补偿款已足额发放，信访人签字息诉罢访。' },
        member,
      ),
    ).resolveCase;
    expect(resolved.status).toBe('RESOLVED');
    const closed = ok(
      await mutate<{ closeCase: Record<string, unknown> & { history: { kind: string }[] } }>(
        'closeCase',
        'CloseCaseInput',
        { caseId, note: '化解结案销号' },
        office,
      ),
    ).closeCase;
    expect(closed.status).toBe('CLOSED');
    expect(closed.history.map((h) => h.kind)).toEqual([
      'RECEIVED',
      'OWNERSHIP_REQUIRED',
      'COUNTY_OWNERSHIP_REQUIRED',
      'KEY_CASE_MARKED',
      'PRINCIPAL_ASSIGNMENT_REQUESTED',
      'ASSIGNED',
      'OWNER_ASSIGNED',
      'PROGRESS_REPORTED',
      'PROGRESS_REPORTED',
      'PROGRESS_REPORT_MISSED',
      'RESOLVED',
      'CLOSED',
    ]);
    clock.set('2026-11-02T10:00:00+08:00');
    const tenantId = ok(await t.gql<{ tenant: { id: string } }>(`{ tenant(code: "${TOWN}") { id } }`, {}, office))
      .tenant.id;
    // 09-28 week: closed on 09-29, within that week, so nothing more is due.
    expect((await t.app.get(CaseSweepService).sweepTenant(tenantId))['progress-reports']).toBe(0);
  });
  it("the case history names who made every step (004 首問責任制度 2 跟蹤服務); a sweep's step names no one", async () => {
    const seen = ok(
      await t.gql<{ petitionCase: { history: { kind: string; by: { username: string } | null }[] } }>(
        `query($id: ID!) { petitionCase(id: $id) { history { kind by { username } } } }`,
        { id: caseId },
        office,
      ),
    ).petitionCase;
    const by = seen.history.map((h) => [h.kind, h.by?.username ?? null]);
    expect(by).toContainEqual(['RECEIVED', 'office']);
    expect(by).toContainEqual(['ASSIGNED', 'office']);
    expect(by).toContainEqual(['RESOLVED', 'justice']);
    expect(by).toContainEqual(['CLOSED', 'office']);
    expect(by).toContainEqual(['PROGRESS_REPORT_MISSED', null]);
    expect(by.filter(([kind, who]) => kind !== 'PROGRESS_REPORT_MISSED' && who === null)).toEqual([]);
  });

  it('reviews the closed case (004 復查制度): a hearing pauses the clock, and the opinion comes in time', async () => {
    const REVIEW = 'id status dueOn inTime decidedOn pauses { kind from to }';
    type Review = { id: string; status: string; dueOn: string; inTime: boolean | null };
    clock.set('2026-11-03T09:00:00+08:00');
    const review = (op: string, type: string, input: Record<string, unknown>, token = office) =>
      mutate<Record<string, Review>>(op, type, input, token, REVIEW);
    expect(
      code(
        await review(
          'openCaseReview',
          'OpenCaseReviewInput',
          { caseId, basis: 'OWN_DECISION', acceptedOn: '2026-11-03' },
          member,
        ),
      ),
    ).toBe('FORBIDDEN');
    const opened = ok(
      await review('openCaseReview', 'OpenCaseReviewInput', {
        caseId,
        basis: 'OWN_DECISION',
        acceptedOn: '2026-11-03',
      }),
    ).openCaseReview;
    expect(opened).toMatchObject({ status: 'OPEN', dueOn: '2026-11-18' }); // 15 days from acceptance
    const heard = ok(
      await review('recordReviewHearing', 'RecordReviewHearingInput', {
        reviewId: opened.id,
        from: '2026-11-10',
        to: '2026-11-12',
      }),
    ).recordReviewHearing;
    // The three hearing days do not count: 11-21, a Saturday, which 004's lastDayOff moves to Monday (D4).
    expect(heard.dueOn).toBe('2026-11-23');
    clock.set('2026-11-20T15:00:00+08:00'); // past the date it would have had without the hearing
    const tenantId = ok(await t.gql<{ tenant: { id: string } }>(`{ tenant(code: "${TOWN}") { id } }`, {}, office))
      .tenant.id;
    expect((await t.app.get(CaseSweepService).sweepTenant(tenantId))['review-overdue']).toBe(0);
    // 004 復查制度 三.1, 三.3: a finding on every check; a wanting 事实/定性/程序 needs a correction opinion.
    const opinion = {
      reviewId: opened.id,
      opinion: '经复查，原处理意见事实清楚、处理恰当，予以维持。',
      outcome: 'UPHELD',
    };
    const missing = await review('issueReviewOpinion', 'IssueReviewOpinionInput', opinion);
    expect(missing.errors?.[0]?.extensions?.problems).toEqual([
      expect.objectContaining({ field: 'input.findings', reason: 'REVIEW_CHECKS_MISSING' }),
    ]);
    const wanting = SOUND.map((f) => (f.check === 'PROCEDURE' ? { ...f, sound: false, note: '未告知听证权利' } : f));
    const noCorrection = await review('issueReviewOpinion', 'IssueReviewOpinionInput', {
      ...opinion,
      findings: wanting,
    });
    expect(noCorrection.errors?.[0]?.extensions?.problems).toEqual([
      expect.objectContaining({ field: 'input.correction', reason: 'CORRECTION_REQUIRED' }),
    ]);
    const decided = ok(
      await review('issueReviewOpinion', 'IssueReviewOpinionInput', { ...opinion, findings: SOUND }),
    ).issueReviewOpinion;
    expect(decided).toMatchObject({ status: 'DECIDED', decidedOn: '2026-11-20', inTime: true });
    const seen = ok(
      await t.gql<{ petitionCase: { status: string; reviews: Review[]; history: { kind: string }[] } }>(
        `query($id: ID!) { petitionCase(id: $id) { status reviews { id status dueOn inTime } history { kind } } }`,
        { id: caseId },
        office,
      ),
    ).petitionCase;
    expect(seen.status).toBe('CLOSED');
    expect(seen.reviews).toEqual([{ id: opened.id, status: 'DECIDED', dueOn: '2026-11-23', inTime: true }]);
    expect(seen.history.map((h) => h.kind).slice(-3)).toEqual([
      'REVIEW_OPENED',
      'REVIEW_HEARING',
      'REVIEW_OPINION_ISSUED',
    ]);
  });
});
