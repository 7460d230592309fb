import { Clock } from '@engine/clock';
import { copyUser } from '@test/support/extra-user';
import { approvedMinutes } from '@test/support/factories';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * The office's own documents (issue 14 item 5): annual work points (年度工作要点) drafted by the office,
 * approved by the role the plugin names and never by their drafter, tracked against agreed items
 * (000 art. 6, 001 art. 9); numbered briefings (简报编印, 001 art. 9) issued to member units with receipts.
 */
describe('office documents: annual work points and briefings', () => {
  let t: TestApp;
  let clock: Clock;
  const tokens: Record<string, string> = {};
  const ok = <T>(res: GqlResult<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const code = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
  const reason = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.reason;
  const field = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.field;

  const PLAN =
    'id year title status source returnComment approvedById points { id position content progress { linked done overdue agreedItemIds } }';
  interface Plan {
    id: string;
    status: string;
    source: string;
    returnComment: string | null;
    points: {
      id: string;
      content: string;
      progress: { linked: number; done: number; overdue: number; agreedItemIds: string[] };
    }[];
  }
  const draftPlan = (who: string, tenantCode: string, points: string[], year = 2026) =>
    t.gql<{ draftWorkPlan: Plan }>(
      `mutation($i: DraftWorkPlanInput!) { draftWorkPlan(input: $i) { ${PLAN} } }`,
      { i: { tenantCode, year, title: `${year}年信访工作要点`, points } },
      tokens[who],
    );
  const submitPlan = (who: string, id: string) =>
    t.gql<{ submitWorkPlan: Plan }>(
      `mutation($id: ID!) { submitWorkPlan(workPlanId: $id) { ${PLAN} } }`,
      { id },
      tokens[who],
    );
  const approvePlan = (who: string, id: string) =>
    t.gql<{ approveWorkPlan: Plan }>(
      `mutation($i: WorkPlanDecisionInput!) { approveWorkPlan(input: $i) { ${PLAN} } }`,
      { i: { workPlanId: id } },
      tokens[who],
    );
  const returnPlan = (who: string, id: string, comment?: string) =>
    t.gql<{ returnWorkPlan: Plan }>(
      `mutation($i: WorkPlanDecisionInput!) { returnWorkPlan(input: $i) { ${PLAN} } }`,
      { i: { workPlanId: id, comment } },
      tokens[who],
    );
  const plan = async (who: string, tenantCode: string, year = 2026): Promise<Plan> =>
    ok(
      await t.gql<{ workPlan: Plan }>(
        `query($c: String!, $y: Int!) { workPlan(tenantCode: $c, year: $y) { ${PLAN} } }`,
        { c: tenantCode, y: year },
        tokens[who],
      ),
    ).workPlan;
  const notifications = async (who: string) =>
    ok(
      await t.gql<{ myNotifications: { kind: string; title: string; body: string }[] }>(
        '{ myNotifications(limit: 100) { kind title body } }',
        {},
        tokens[who],
      ),
    ).myNotifications;
  const units = async (tenantCode: string, who: string): Promise<{ id: string; name: string }[]> =>
    ok(
      await t.gql<{ tenant: { memberUnits: { id: string; name: string }[] } }>(
        'query($c: String!) { tenant(code: $c) { memberUnits { id name } } }',
        { c: tenantCode },
        tokens[who],
      ),
    ).tenant.memberUnits;
  const myUnit = async (who: string): Promise<string> =>
    ok(await t.gql<{ me: { memberUnit: { id: string } } }>('{ me { memberUnit { id } } }', {}, tokens[who])).me
      .memberUnit.id;

  /** Issued working minutes of 下仓镇 with two agreed items owned by `unit`, due on the dates given; returns the items' ids. */
  const issuedAgreedItems = async (unit: string, dues: string[]): Promise<string[]> => {
    const minutesId = await approvedMinutes(
      t,
      tokens.xOffice,
      tokens.xConvener,
      {
        tenantCode: 'xiacang',
        typeCode: 'WORKING',
        title: '工作会议',
        scheduledAt: '2026-03-02T09:00:00+08:00',
        topics: ['部署年度重点工作'],
        unitId: unit,
      },
      {
        body: '会议部署了年度重点工作。',
        agreedItems: dues.map((date, n) => ({ content: `重点任务${n + 1}`, due: { date }, ownerUnitIds: [unit] })),
      },
    );
    const issued = ok(
      await t.gql<{ issueMinutes: { agreedItems: { id: string }[] } }>(
        'mutation($id: ID!) { issueMinutes(minutesId: $id) { agreedItems { id } } }',
        { id: minutesId },
        tokens.xOffice,
      ),
    );
    return issued.issueMinutes.agreedItems.map((i) => i.id);
  };

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    clock.set('2026-03-02T10:00:00+08:00');
    // One person holding office director and convener: it may approve work points, but not those it drafted or submitted.
    await copyUser(t, 'shizi', 'office', 'office-convener', ['OFFICE_DIRECTOR', 'CONVENER']);
    const logins: [string, string, string][] = [
      ['shizi', 'office', 'sOffice'],
      ['shizi', 'office-convener', 'sBoth'],
      ['shizi', 'convener', 'sConvener'],
      ['shizi', 'member', 'sMember'],
      ['shizi', 'secretary', 'sSecretary'],
      ['xiacang', 'office', 'xOffice'],
      ['xiacang', 'convener', 'xConvener'],
      ['xiacang', 'member', 'xMember'],
      ['county-petition-mechanisms', 'superior', 'cSuperior'],
    ];
    for (const [tenant, user, key] of logins) tokens[key] = await t.login(tenant, user);
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it("001 art. 9 (起草有关文件制度和年度工作要点): the office drafts the year's work points, a convener approves them; whoever drafted or submitted them cannot", async () => {
    expect(code(await draftPlan('sMember', 'shizi', ['化解信访积案']))).toBe('FORBIDDEN');
    const drafted = ok(
      await draftPlan('sOffice', 'shizi', ['开展信访积案化解攻坚', '落实重点时期每周工作会议', '健全信访信息分析研判']),
    ).draftWorkPlan;
    expect(drafted).toMatchObject({ status: 'DRAFT', source: '001 art. 9' });
    expect(drafted.points.map((p) => p.content)).toEqual([
      '开展信访积案化解攻坚',
      '落实重点时期每周工作会议',
      '健全信访信息分析研判',
    ]);

    // Submitted by the person who also holds the convener's role: that person may not approve.
    ok(await submitPlan('sBoth', drafted.id));
    await t.queue.whenIdle();
    expect(
      (await notifications('sConvener')).filter((n) => n.kind === 'WORK_POINTS_TO_APPROVE').map((n) => n.body),
    ).toContain(`workPlanId=${drafted.id}`);
    const own = await approvePlan('sBoth', drafted.id);
    expect([code(own), reason(own)]).toEqual(['FORBIDDEN', 'SEPARATION_OF_DUTIES']);
    // The office director alone is not the approver the plugin names.
    expect(code(await approvePlan('sOffice', drafted.id))).toBe('FORBIDDEN');
    expect(code(await draftPlan('sOffice', 'shizi', ['改写']))).toBe('CONFLICT');

    const noComment = await returnPlan('sConvener', drafted.id);
    expect([code(noComment), field(noComment)]).toEqual(['BAD_USER_INPUT', 'input.comment']);
    expect(ok(await returnPlan('sConvener', drafted.id, '请补充矛盾纠纷排查内容')).returnWorkPlan).toMatchObject({
      status: 'RETURNED',
      returnComment: '请补充矛盾纠纷排查内容',
    });
    const redrafted = ok(
      await draftPlan('sOffice', 'shizi', [
        '开展信访积案化解攻坚',
        '落实重点时期每周工作会议',
        '健全信访信息分析研判',
        '常态化开展矛盾纠纷排查',
      ]),
    ).draftWorkPlan;
    expect(redrafted.id).toBe(drafted.id);
    ok(await submitPlan('sOffice', drafted.id));
    const approved = ok(await approvePlan('sConvener', drafted.id)).approveWorkPlan;
    expect(approved.status).toBe('APPROVED');
    expect(approved.points).toHaveLength(4);
    expect(code(await draftPlan('sOffice', 'shizi', ['改写']))).toBe('CONFLICT');
    // Everyone in the tree reads the approved points; the county too.
    expect((await plan('sMember', 'shizi')).status).toBe('APPROVED');
    expect((await plan('cSuperior', 'shizi')).points).toHaveLength(4);
    const page = ok(
      await t.gql<{ workPlans: { items: { year: number }[]; nextCursor: string | null } }>(
        '{ workPlans(tenantCode: "shizi", limit: 1) { items { year } nextCursor } }',
        {},
        tokens.sMember,
      ),
    ).workPlans;
    expect(page).toEqual({ items: [{ year: 2026 }], nextCursor: null });
    const bad = await t.gql('{ workPlans(tenantCode: "shizi", limit: 201) { items { id } } }', {}, tokens.sMember);
    expect([code(bad), field(bad)]).toEqual(['BAD_USER_INPUT', 'limit']);
  });

  it('000 art. 6 (督促检查…议定事项的落实；起草…年度工作要点): approved work points are tracked against the agreed items linked to them', async () => {
    const unit = (await units('xiacang', 'xOffice'))[0].id;
    const [early, late] = await issuedAgreedItems(unit, ['2026-03-20', '2026-12-20']);
    const drafted = ok(
      await draftPlan('xOffice', 'xiacang', ['推进重点任务落实', '完善联络工作会议制度']),
    ).draftWorkPlan;
    expect(drafted.source).toBe('000 art. 6');
    ok(await submitPlan('xOffice', drafted.id));
    const point = drafted.points[0].id;
    const link = (ids: string[]) =>
      t.gql<{
        linkWorkPointItems: { progress: { linked: number; done: number; overdue: number; agreedItemIds: string[] } };
      }>(
        'mutation($i: LinkWorkPointItemsInput!) { linkWorkPointItems(input: $i) { progress { linked done overdue agreedItemIds } } }',
        { i: { workPointId: point, agreedItemIds: ids } },
        tokens.xOffice,
      );
    // Tracking starts once the points are approved.
    expect(code(await link([early]))).toBe('CONFLICT');
    ok(await approvePlan('xConvener', drafted.id));
    const notAnItem = await link([early, drafted.id]);
    expect([code(notAnItem), field(notAnItem)]).toEqual(['BAD_USER_INPUT', 'input.agreedItemIds.1']);
    expect(
      code(
        await t.gql(
          'mutation($i: LinkWorkPointItemsInput!) { linkWorkPointItems(input: $i) { id } }',
          { i: { workPointId: point, agreedItemIds: [early] } },
          tokens.xMember,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(ok(await link([early, late])).linkWorkPointItems.progress).toEqual({
      linked: 2,
      done: 0,
      overdue: 0,
      agreedItemIds: [early, late],
    });
    expect(ok(await link([early])).linkWorkPointItems.progress.linked).toBe(2); // linking twice changes nothing

    // Past the first item's due date it counts as overdue; once its report is accepted, as done.
    clock.set('2026-03-23T10:00:00+08:00');
    expect((await plan('xConvener', 'xiacang')).points[0].progress).toMatchObject({ linked: 2, done: 0, overdue: 1 });
    const memberUnit = await myUnit('xMember');
    expect(memberUnit).toBe(unit);
    const { reportImplementation } = ok(
      await t.gql<{ reportImplementation: { id: string } }>(
        'mutation($i: ReportInput!) { reportImplementation(input: $i) { id } }',
        { i: { agreedItemId: early, body: '已完成积案化解。' } },
        tokens.xMember,
      ),
    );
    ok(
      await t.gql(
        'mutation($i: ReviewReportInput!) { acceptReport(input: $i) { id } }',
        { i: { reportId: reportImplementation.id } },
        tokens.xOffice,
      ),
    );
    expect((await plan('xConvener', 'xiacang')).points.map((p) => p.progress)).toEqual([
      { linked: 2, done: 1, overdue: 0, agreedItemIds: [early, late] },
      { linked: 0, done: 0, overdue: 0, agreedItemIds: [] },
    ]);
    clock.set('2026-03-02T10:00:00+08:00');
  });

  it('001 art. 9 (简报编印): briefings are numbered per year, issued to every member unit, and each unit acknowledges receipt', async () => {
    const draft = (title: string) =>
      t.gql<{ draftBriefing: { id: string; status: string; number: string | null } }>(
        'mutation($i: DraftBriefingInput!) { draftBriefing(input: $i) { id status number } }',
        { i: { tenantCode: 'shizi', title, body: `${title}：本周共受理来信来访12件。` } },
        tokens.sOffice,
      );
    const issue = (id: string, memberUnitIds?: string[]) =>
      t.gql<{ issueBriefing: { id: string; number: string; seq: number; year: number; status: string } }>(
        'mutation($i: IssueBriefingInput!) { issueBriefing(input: $i) { id number seq year status } }',
        { i: { briefingId: id, memberUnitIds } },
        tokens.sOffice,
      );
    expect(
      code(
        await t.gql(
          'mutation($i: DraftBriefingInput!) { draftBriefing(input: $i) { id } }',
          { i: { tenantCode: 'shizi', title: '简报', body: '内容' } },
          tokens.sMember,
        ),
      ),
    ).toBe('FORBIDDEN');
    const a = ok(await draft('信访工作简报（一）')).draftBriefing;
    const b = ok(await draft('信访工作简报（二）')).draftBriefing;
    expect(a).toMatchObject({ status: 'DRAFT', number: null });
    // A draft is the office's: a member unit does not see it.
    const seen = async (who: string) =>
      ok(
        await t.gql<{ briefings: { items: { id: string }[] } }>(
          '{ briefings(tenantCode: "shizi") { items { id } } }',
          {},
          tokens[who],
        ),
      ).briefings.items.map((x) => x.id);
    expect(await seen('sMember')).toEqual([]);

    // Issued at the same moment, six briefings get six numbers of the year, 1 to 6, none twice (the counter
    // row serialises the issuers; on PostgreSQL the six transactions really run side by side).
    const more = [b];
    for (let n = 3; n <= 6; n += 1) more.push(ok(await draft(`信访工作简报（${n}）`)).draftBriefing);
    const issued = (await Promise.all([a, ...more].map((x) => issue(x.id)))).map((r) => ok(r).issueBriefing);
    expect(issued.map((x) => x.seq).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(issued.map((x) => x.number)).size).toBe(6);
    expect(issued.find((x) => x.seq === 1)?.number).toBe('十字联席简报〔2026〕第1期');
    expect(code(await issue(a.id))).toBe('CONFLICT');

    const all = await units('shizi', 'sOffice');
    const recipients = async (who: string, id: string) =>
      ok(
        await t.gql<{
          briefings: {
            items: { id: string; recipients: { memberUnit: { name: string }; acknowledgedAt: string | null }[] }[];
          };
        }>(
          '{ briefings(tenantCode: "shizi", limit: 10) { items { id recipients { memberUnit { name } acknowledgedAt } } } }',
          {},
          tokens[who],
        ),
      ).briefings.items.find((x) => x.id === id)!.recipients;
    expect((await recipients('sOffice', a.id)).map((r) => r.memberUnit.name).sort()).toEqual(
      all.map((u) => u.name).sort(),
    );
    await t.queue.whenIdle();
    expect((await notifications('sMember')).filter((n) => n.kind === 'BRIEFING_ISSUED').map((n) => n.title)).toEqual(
      expect.arrayContaining([expect.stringContaining('十字联席简报〔2026〕第1期')]),
    );

    ok(await t.gql('mutation($id: ID!) { acknowledgeBriefing(briefingId: $id) { id } }', { id: a.id }, tokens.sMember));
    ok(await t.gql('mutation($id: ID!) { acknowledgeBriefing(briefingId: $id) { id } }', { id: a.id }, tokens.sMember));
    const mine = await recipients('sMember', a.id);
    expect(mine).toHaveLength(1); // a unit sees its own receipt
    expect(mine[0].acknowledgedAt).toBeTruthy();
    const office = await recipients('sOffice', a.id);
    expect(office.filter((r) => r.acknowledgedAt !== null)).toHaveLength(1);
    expect(
      code(
        await t.gql('mutation($id: ID!) { acknowledgeBriefing(briefingId: $id) { id } }', { id: a.id }, tokens.sOffice),
      ),
    ).toBe('FORBIDDEN');

    // Issued to chosen units only: another unit neither sees it nor can acknowledge it.
    const secretaryUnit = await myUnit('sSecretary');
    const memberUnit = await myUnit('sMember');
    const c = ok(await draft('专报：重点时期信访形势')).draftBriefing;
    const chosen = ok(await issue(c.id, [memberUnit])).issueBriefing;
    expect(chosen.number).toBe('十字联席简报〔2026〕第7期');
    expect(await seen('sSecretary')).not.toContain(c.id);
    expect(secretaryUnit).not.toBe(memberUnit);
    expect(
      code(
        await t.gql(
          'mutation($id: ID!) { acknowledgeBriefing(briefingId: $id) { id } }',
          { id: c.id },
          tokens.sSecretary,
        ),
      ),
    ).toBe('NOT_FOUND');
    const stray = await issue(ok(await draft('错误')).draftBriefing.id, [
      all[0].id,
      '00000000-0000-4000-8000-000000000000',
    ]);
    expect([code(stray), field(stray)]).toEqual(['BAD_USER_INPUT', 'input.memberUnitIds.1']);

    // A new year starts its numbering again.
    clock.set('2027-01-04T09:00:00+08:00');
    expect(ok(await issue(ok(await draft('2027年第一期')).draftBriefing.id)).issueBriefing).toMatchObject({
      year: 2027,
      seq: 1,
      number: '十字联席简报〔2027〕第1期',
    });
    clock.set('2026-03-02T10:00:00+08:00');
  });

  it("000 gives its office no briefings (简报 is 001 art. 9's): a briefing there is refused as bad input naming the tenant", async () => {
    const res = await t.gql(
      'mutation($i: DraftBriefingInput!) { draftBriefing(input: $i) { id } }',
      { i: { tenantCode: 'xiacang', title: '简报', body: '内容' } },
      tokens.xOffice,
    );
    expect([code(res), reason(res), field(res)]).toEqual(['BAD_USER_INPUT', 'NO_BRIEFINGS_RULE', 'input.tenantCode']);
  });
});
