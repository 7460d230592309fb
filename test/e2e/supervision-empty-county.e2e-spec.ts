import { Clock } from '@engine/clock';
import { LadderService, OutboxService } from '@modules/supervision';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * Issue 13's first probe (rule audit D3), run again: the demo county with not one petition, the sweep
 * run month after month by a controllable clock. The sweep drafts the monthly, half-yearly and annual
 * notices on their dates; the office publishes every one; all units share first place, no notice has a
 * bottom band, and the ladder proposes nothing — no reminder, no interview, no listing, nothing filed.
 */
describe('003 三: a county with no petitions — months of notices, no bottom band, no reminder, no listing', () => {
  let t: TestApp;
  let clock: Clock;
  const COUNTY = 'county-petition-mechanisms';
  const tok: Record<string, string> = {};
  let countyId: string;

  const ok = <T>(res: GqlResult<T>): T => {
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    clock.set('2026-01-15T09:00:00+08:00');
    tok.office = await t.login(COUNTY, 'office');
    tok.superior = await t.login(COUNTY, 'superior');
    countyId = ok(await t.gql<{ tenant: { id: string } }>(`{ tenant(code: "${COUNTY}") { id } }`, {}, tok.office))
      .tenant.id;
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  type Notice = {
    id: string;
    status: string;
    period: string;
    periodStart: string;
    ranking: { code: string; units: number; unitsWithFacts: number; bottomMarked: boolean; withheld: string | null }[];
    entries: {
      unitName: string;
      listCode: string;
      rank: number;
      tiedWith: number;
      bottom: boolean;
      scoreFacts: unknown[];
    }[];
  };
  const notices = async (token = tok.office): Promise<Notice[]> =>
    ok(
      await t.gql<{ supervisionNotices: Notice[] }>(
        `{ supervisionNotices(tenantCode: "${COUNTY}", limit: 200) { id status period periodStart ranking { code units unitsWithFacts bottomMarked withheld } entries { unitName listCode rank tiedWith bottom scoreFacts { metric } } } }`,
        {},
        token,
      ),
    ).supervisionNotices;

  it("003 三: the sweep drafts each month's notice (and the half-year's and the year's on their dates); the office publishes them; none has a bottom band; the ladder proposes nothing", async () => {
    const ladder = t.app.get(LadderService);
    for (const first of [
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
      '2026-05-01',
      '2026-06-01',
      '2026-07-01',
      '2026-08-01',
      '2026-09-01',
    ]) {
      clock.set(`${first}T08:00:00+08:00`);
      expect(await ladder.sweepTenant(countyId)).toEqual([]);
      for (const draft of (await notices()).filter((n) => n.status === 'DRAFT')) {
        ok(
          await t.gql(
            'mutation($i: PublishSupervisionNoticeInput!) { publishSupervisionNotice(input: $i) { id } }',
            { i: { noticeId: draft.id } },
            tok.office,
          ),
        );
      }
      await t.queue.whenIdle();
      expect(await ladder.run(countyId)).toEqual([]);
    }
    const published = await notices(tok.superior);
    const months = published
      .filter((n) => n.period === 'MONTHLY')
      .map((n) => n.periodStart)
      .sort();
    expect(months).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
      '2026-05-01',
      '2026-06-01',
      '2026-07-01',
      '2026-08-01',
    ]);
    expect(
      published
        .filter((n) => n.period !== 'MONTHLY')
        .map((n) => [n.period, n.periodStart])
        .sort(),
    ).toEqual([
      ['ANNUAL', '2025-01-01'],
      ['HALF_YEARLY', '2025-07-01'],
      ['HALF_YEARLY', '2026-01-01'],
    ]);
    for (const n of published) {
      expect(n.status).toBe('PUBLISHED');
      expect(n.entries.length).toBeGreaterThan(0);
      // Nothing on record: every unit shares first place, has no facts behind its score, and is not bottom.
      expect(
        n.entries.every(
          (e) =>
            e.rank === 1 &&
            e.tiedWith === n.entries.filter((x) => x.listCode === e.listCode).length &&
            !e.bottom &&
            e.scoreFacts.length === 0,
        ),
      ).toBe(true);
      expect(
        n.ranking.every((l) => !l.bottomMarked && l.unitsWithFacts === 0 && l.withheld === 'TOO_LITTLE_DATA'),
      ).toBe(true);
    }
  });

  it('003 三–五: no proposal, no reminder, no interview, no listing, no accountability; nothing sent but the notices themselves', async () => {
    expect(
      ok(
        await t.gql<{ supervisionProposals: unknown[] }>(
          `{ supervisionProposals(tenantCode: "${COUNTY}") { id } }`,
          {},
          tok.office,
        ),
      ).supervisionProposals,
    ).toEqual([]);
    expect(
      ok(
        await t.gql<{ supervisionActions: unknown[] }>(
          `{ supervisionActions(tenantCode: "${COUNTY}") { id } }`,
          {},
          tok.superior,
        ),
      ).supervisionActions,
    ).toEqual([]);
    await t.app.get(OutboxService).deliver(countyId);
    const outbox = ok(
      await t.gql<{ outboxMessages: { channel: string; subject: string }[] }>(
        `{ outboxMessages(tenantCode: "${COUNTY}") { channel subject } }`,
        {},
        tok.office,
      ),
    ).outboxMessages;
    expect(outbox.length).toBeGreaterThan(0);
    expect(outbox.every((m) => m.channel === 'IN_APP' && /^通报(报告)?：/.test(m.subject))).toBe(true); // no SMS, letter or filing e-mail
    const status = ok(
      await t.gql<{
        supervisionStatus: {
          items: { tenantCode: string; listedCases: number; interviewsAwaitingRectification: number }[];
        };
      }>(
        `{ supervisionStatus(tenantCode: "${COUNTY}") { items { tenantCode listedCases interviewsAwaitingRectification } } }`,
        {},
        tok.superior,
      ),
    ).supervisionStatus;
    expect(status.items.length).toBeGreaterThan(1);
    expect(status.items.every((r) => r.listedCases === 0 && r.interviewsAwaitingRectification === 0)).toBe(true);
  });
});
