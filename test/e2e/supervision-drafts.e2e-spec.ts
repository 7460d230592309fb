import { Clock } from '@engine/clock';
import { LadderService } from '@modules/supervision';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * Issue 13 item 2: a notice is a draft until the office publishes it. The office recomputes a draft when
 * late facts arrive (two skip-level petitions the county received in January but handed to their
 * departments only after the sweep drafted January's notice), discards a draft with its reason, and can
 * do neither once a notice is published. A draft feeds nothing: no message, no filing, no proposal; the
 * ladder's proposals rest on the published notices, with the recomputed figures.
 */
describe('003 三: draft notices — recomputed with late facts, discarded with a reason, never after publication', () => {
  let t: TestApp;
  let clock: Clock;
  let ladder: LadderService;
  const COUNTY = 'county-petition-mechanisms';
  const tok: Record<string, string> = {};
  const unit: Record<string, string> = {};
  let countyId: string;

  const ok = <T>(res: GqlResult<T>): T => {
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const code = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
  const reason = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.reason;
  const at = (iso: string): void => clock.set(`${iso}T09:00:00+08:00`);

  const NOTICE = `id number status period periodStart recomputedAt recomputedCount discardedAt discardReason publishedAt
    ranking { code unitsWithFacts bottomMarked withheld }
    entries { unitName rank bottom metrics scoreFacts { metric value adverse } }`;
  type Notice = {
    id: string;
    number: string;
    status: string;
    period: string;
    periodStart: string;
    recomputedAt: string | null;
    recomputedCount: number;
    discardedAt: string | null;
    discardReason: string | null;
    publishedAt: string | null;
    ranking: { code: string; unitsWithFacts: number; bottomMarked: boolean; withheld: string | null }[];
    entries: {
      unitName: string;
      rank: number;
      bottom: boolean;
      metrics: Record<string, number>;
      scoreFacts: { metric: string; value: number; adverse: boolean }[];
    }[];
  };
  const notices = async (token = tok.office): Promise<Notice[]> =>
    ok(
      await t.gql<{ supervisionNotices: Notice[] }>(
        `{ supervisionNotices(tenantCode: "${COUNTY}", limit: 20) { ${NOTICE} } }`,
        {},
        token,
      ),
    ).supervisionNotices;
  const draftOf = async (period: string, periodStart: string): Promise<Notice> =>
    (await notices()).find((n) => n.period === period && n.periodStart === periodStart)!;
  const op = (name: string, type: string, input: Record<string, unknown>, token = tok.office) =>
    t.gql<Record<string, Notice>>(`mutation($i: ${type}!) { ${name}(input: $i) { ${NOTICE} } }`, { i: input }, token);
  const recompute = (noticeId: string, token = tok.office) =>
    op('recomputeSupervisionNotice', 'RecomputeSupervisionNoticeInput', { noticeId }, token);
  const discard = (noticeId: string, why: string, token = tok.office) =>
    op('discardSupervisionNotice', 'DiscardSupervisionNoticeInput', { noticeId, reason: why }, token);
  const publish = (noticeId: string, token = tok.office) =>
    op('publishSupervisionNotice', 'PublishSupervisionNoticeInput', { noticeId }, token);
  const proposals = async (): Promise<{ id: string; unitName: string; facts: { evidence?: { id: string }[] } }[]> =>
    ok(
      await t.gql<{
        supervisionProposals: { id: string; unitName: string; facts: { evidence?: { id: string }[] } }[];
      }>(`{ supervisionProposals(tenantCode: "${COUNTY}") { id unitName facts } }`, {}, tok.office),
    ).supervisionProposals;
  const outboxCount = async (): Promise<number> =>
    ok(await t.gql<{ outboxMessages: unknown[] }>(`{ outboxMessages(tenantCode: "${COUNTY}") { id } }`, {}, tok.office))
      .outboxMessages.length;

  let petitioner = 0;
  /** A skip-level letter petition in the county, handed to a department now or later. */
  async function petition(): Promise<string> {
    petitioner += 1;
    return ok(
      await t.gql<{ receivePetition: { id: string } }>(
        'mutation($i: ReceivePetitionInput!) { receivePetition(input: $i) { id } }',
        {
          i: {
            tenantCode: COUNTY,
            channel: 'LETTER',
            matter: '反映征地补偿问题，要求尽快解决。',
            skipLevel: true,
            petitioners: [{ name: `信访人${petitioner}`, phone: `1390000${String(petitioner).padStart(4, '0')}` }],
          },
        },
        tok.office,
      ),
    ).receivePetition.id;
  }
  const assign = async (caseId: string, responsibleUnitId: string): Promise<void> => {
    ok(
      await t.gql(
        'mutation($i: AssignCaseInput!) { assignCase(input: $i) { id } }',
        { i: { caseId, responsibleUnitId, responsiblePerson: '王科长', dueOn: '2026-12-31' } },
        tok.office,
      ),
    );
  };

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    ladder = t.app.get(LadderService);
    at('2026-01-05');
    tok.office = await t.login(COUNTY, 'office');
    tok.convener = await t.login(COUNTY, 'convener');
    countyId = ok(await t.gql<{ tenant: { id: string } }>(`{ tenant(code: "${COUNTY}") { id } }`, {}, tok.office))
      .tenant.id;
    for (const [key, name] of [
      ['deptA', '县公安局'],
      ['deptB', '县人社局'],
      ['deptC', '县住建局'],
    ]) {
      unit[key] = ok(
        await t.gql<{ addMemberUnit: { id: string } }>(
          'mutation($i: AddMemberUnitInput!) { addMemberUnit(input: $i) { id } }',
          { i: { tenantCode: COUNTY, name, kind: 'DEPARTMENT', reason: '纳入县信访工作联席会议成员单位' } },
          tok.office,
        ),
      ).addMemberUnit.id;
    }
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  const skipLevelOf = (n: Notice, name: string): number =>
    n.entries.find((e) => e.unitName === name)!.metrics.SKIP_LEVEL_PETITIONS;

  it('003 三: a draft recomputed with late facts gets its bottom band; once published it can be neither recomputed nor discarded; the ladder proposes on the published figures', async () => {
    // January: two skip-level petitions reach the county, not yet handed to a department.
    at('2026-01-20');
    const late = [await petition(), await petition()];
    at('2026-02-01');
    await ladder.sweepTenant(countyId);
    const january = await draftOf('MONTHLY', '2026-01-01');
    expect(january.status).toBe('DRAFT');
    expect(january.recomputedCount).toBe(0);
    expect(january.entries.some((e) => e.bottom)).toBe(false);
    expect(january.ranking.every((l) => !l.bottomMarked && l.unitsWithFacts === 0)).toBe(true);
    const outboxBefore = await outboxCount();

    // The late facts: the office hands the petitions to 县公安局 and 县人社局 after the sweep.
    at('2026-02-02');
    await assign(late[0], unit.deptA);
    await assign(late[1], unit.deptB);
    expect(skipLevelOf(await draftOf('MONTHLY', '2026-01-01'), '县公安局')).toBe(0); // the sweep's figures, until recomputed
    expect(code(await recompute(january.id, tok.convener))).toBe('FORBIDDEN'); // drafts are the office's
    const recomputed = ok(await recompute(january.id)).recomputeSupervisionNotice;
    expect(recomputed.id).toBe(january.id);
    expect(recomputed.status).toBe('DRAFT');
    expect(recomputed.number).toBe(january.number); // numbered only when published
    expect(recomputed.recomputedCount).toBe(1);
    expect(recomputed.recomputedAt).not.toBeNull();
    expect(skipLevelOf(recomputed, '县公安局')).toBe(1);
    expect(skipLevelOf(recomputed, '县人社局')).toBe(1);
    expect(
      recomputed.entries
        .filter((e) => e.bottom)
        .map((e) => e.unitName)
        .sort(),
    ).toEqual(['县人社局', '县公安局'].sort());
    expect(
      recomputed.entries
        .find((e) => e.unitName === '县公安局')!
        .scoreFacts.find((f) => f.metric === 'SKIP_LEVEL_PETITIONS'),
    ).toMatchObject({ value: 1, adverse: true });
    expect(recomputed.entries).toHaveLength(january.entries.length);
    // A draft, recomputed or not, sends nothing and feeds no rule.
    await t.queue.whenIdle();
    expect(await ladder.run(countyId)).toEqual([]);
    expect(await proposals()).toEqual([]);
    expect(await outboxCount()).toBe(outboxBefore);
    expect((await notices(tok.convener)).map((n) => n.id)).not.toContain(january.id);

    const published = ok(await publish(january.id)).publishSupervisionNotice;
    expect(published.status).toBe('PUBLISHED');
    expect(published.number).not.toMatch(/草稿/);
    expect(
      published.entries
        .filter((e) => e.bottom)
        .map((e) => e.unitName)
        .sort(),
    ).toEqual(['县人社局', '县公安局'].sort());
    for (const res of [await recompute(january.id), await discard(january.id, '数据有误，作废')]) {
      expect(code(res)).toBe('CONFLICT');
      expect(reason(res)).toBe('NOTICE_ALREADY_PUBLISHED');
    }
    expect((await draftOf('MONTHLY', '2026-01-01')).recomputedCount).toBe(1);

    // February: the same two departments again, handed over at once → drafted, published → proposals,
    // whose evidence is the two published notices with the recomputed January figures.
    at('2026-02-10');
    await assign(await petition(), unit.deptA);
    await assign(await petition(), unit.deptB);
    at('2026-03-01');
    await ladder.sweepTenant(countyId);
    const february = await draftOf('MONTHLY', '2026-02-01');
    ok(await publish(february.id));
    await t.queue.whenIdle();
    await ladder.run(countyId);
    const proposed = await proposals();
    expect(proposed.map((p) => p.unitName).sort()).toEqual(['县人社局', '县公安局'].sort());
    for (const p of proposed)
      expect(
        (p.facts.evidence ?? [])
          .map((e) => e.id)
          .filter((id) => id === january.id || id === february.id)
          .sort(),
      ).toEqual([january.id, february.id].sort());
  });

  it('003 三: a draft discarded with its reason is never sent, never counted, not drafted again by the sweep; the office may still compose that period', async () => {
    at('2026-03-02');
    const annual = await draftOf('ANNUAL', '2025-01-01');
    expect(annual.status).toBe('DRAFT');
    const outboxBefore = await outboxCount();
    const proposalsBefore = (await proposals()).length;

    const noReason = await discard(annual.id, '');
    expect(code(noReason)).toBe('BAD_USER_INPUT');
    expect((await draftOf('ANNUAL', '2025-01-01')).status).toBe('DRAFT'); // bad input changes nothing
    expect(code(await discard(annual.id, '年度通报另行起草', tok.convener))).toBe('FORBIDDEN');

    const discarded = ok(await discard(annual.id, '年度通报另行起草')).discardSupervisionNotice;
    expect(discarded).toMatchObject({ status: 'DISCARDED', discardReason: '年度通报另行起草', publishedAt: null });
    expect(discarded.discardedAt).not.toBeNull();
    for (const res of [await publish(annual.id), await recompute(annual.id), await discard(annual.id, '再次作废')]) {
      expect(code(res)).toBe('CONFLICT');
      expect(reason(res)).toBe('NOTICE_DISCARDED');
    }
    await ladder.sweepTenant(countyId);
    const annuals = (await notices()).filter((n) => n.period === 'ANNUAL' && n.periodStart === '2025-01-01');
    expect(annuals.map((n) => n.status)).toEqual(['DISCARDED']); // the sweep does not draft it again
    expect((await notices(tok.convener)).map((n) => n.id)).not.toContain(annual.id);
    await t.queue.whenIdle();
    await ladder.run(countyId);
    expect(await outboxCount()).toBe(outboxBefore);
    expect(await proposals()).toHaveLength(proposalsBefore);
    for (const p of await proposals()) expect((p.facts.evidence ?? []).map((e) => e.id)).not.toContain(annual.id);

    // The office composes the year's notice itself.
    const composed = ok(
      await t.gql<{ publishNotice: { id: string; status: string } }>(
        'mutation($i: PublishNoticeInput!) { publishNotice(input: $i) { id status } }',
        { i: { tenantCode: COUNTY, kind: 'REGULAR', period: 'ANNUAL', periodStart: '2025-01-01' } },
        tok.office,
      ),
    ).publishNotice;
    expect(composed.status).toBe('PUBLISHED');
    expect(composed.id).not.toBe(annual.id);
  });
});
