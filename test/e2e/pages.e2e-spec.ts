import { Clock } from '@engine/clock';
import { jobId } from '@engine/jobs';
import { SWEEP_TENANT_JOB } from '@modules/meetings';
import { approvedMinutes } from '@test/support/factories';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * The one page shape (docs/api-conventions.md, issue 15 item 6) on the lists that became pages: a
 * limit below 1 or above 200 and a cursor this API did not return are refused as BAD_USER_INPUT naming
 * the argument; walking a list one item at a time through `nextCursor` gives the same items, in the
 * same order, as one page of 200 — none twice, none missing — and the old (deprecated) list beside it
 * still answers the same items.
 */
const COUNTY = 'county-petition-mechanisms';

describe('pages: one shape, limits refused the same way everywhere, keyset cursors that walk the whole list', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ok = <T>(res: GqlResult<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };

  /** field, its arguments (GraphQL text), the deprecated list beside it, who reads, the minimum items seeded; */
  /** `oldLimit: false`: the old list takes no limit (it answered everything, or its own cap). */
  /** `key`: the field that identifies an item (default `id`). */
  const PAGES: {
    page: string;
    args: string;
    old: string;
    who: string;
    atLeast: number;
    oldLimit?: false;
    key?: string;
  }[] = [
    { page: 'meetingsPage', args: 'tenantCode: "shizi"', old: 'meetings', who: 'sOffice', atLeast: 3 },
    {
      page: 'supervisionFlagsPage',
      args: `tenantCode: "${COUNTY}"`,
      old: 'supervisionFlags',
      who: 'cOffice',
      atLeast: 3,
    },
    // The FLAGGED rules of the county's ladder propose on the flags; the office confirms (beforeAll): the actions.
    {
      page: 'supervisionActionsPage',
      args: `tenantCode: "${COUNTY}"`,
      old: 'supervisionActions',
      who: 'cOffice',
      atLeast: 2,
    },
    { page: 'inspectionsPage', args: 'tenantCode: "xiacang"', old: 'inspections', who: 'xOffice', atLeast: 2 },
    {
      page: 'supervisionProposalsPage',
      args: `tenantCode: "${COUNTY}"`,
      old: 'supervisionProposals',
      who: 'cOffice',
      atLeast: 2,
    },
    { page: 'outboxMessagesPage', args: `tenantCode: "${COUNTY}"`, old: 'outboxMessages', who: 'cOffice', atLeast: 2 },
    {
      page: 'keyPeriodsPage',
      args: 'tenantCode: "shizi"',
      old: 'keyPeriods',
      who: 'sOffice',
      atLeast: 2,
      oldLimit: false,
    },
    {
      page: 'findingsPage',
      args: 'tenantCode: "shizi"',
      old: 'findings',
      who: 'sOffice',
      atLeast: 2,
      oldLimit: false,
    },
    {
      page: 'issueListsPage',
      args: 'tenantCode: "xiacang"',
      old: 'issueLists',
      who: 'xOffice',
      atLeast: 2,
      oldLimit: false,
    },
    { page: 'tenantsPage', args: '', old: 'tenants', who: 'cOffice', atLeast: 2, oldLimit: false },
    {
      page: 'cadenceObligationsPage',
      args: 'tenantCode: "shizi"',
      old: 'cadenceObligations',
      who: 'sOffice',
      atLeast: 2,
      oldLimit: false,
    },
    {
      page: 'assessmentsPage',
      args: `tenantCode: "${COUNTY}"`,
      old: 'assessments',
      who: 'cOffice',
      atLeast: 2,
      oldLimit: false,
    },
    {
      page: 'supervisionNoticesPage',
      args: `tenantCode: "${COUNTY}"`,
      old: 'supervisionNotices',
      who: 'cOffice',
      atLeast: 2,
    },
    { page: 'receivedSupervisionActionsPage', args: '', old: 'receivedSupervisionActions', who: 'sOffice', atLeast: 1 },
    { page: 'agreedItemsPage', args: 'tenantCode: "xiacang"', old: 'agreedItems', who: 'xOffice', atLeast: 2 },
    {
      page: 'sensitiveReportsPage',
      args: 'tenantCode: "xiacang"',
      old: 'sensitiveReports',
      who: 'xOffice',
      atLeast: 2,
    },
    { page: 'myNotificationsPage', args: '', old: 'myNotifications', who: 'xMember', atLeast: 1 },
    { page: 'receivedSupervisionNoticesPage', args: '', old: 'receivedSupervisionNotices', who: 'sOffice', atLeast: 1 },
    // The trail of a tenant this suite leaves alone: its onboarding's rows, by seq.
    {
      page: 'auditTrailPage',
      args: 'tenantCode: "xincheng"',
      old: 'auditTrail',
      who: 'xcOffice',
      atLeast: 2,
      key: 'seq',
    },
    // An installed plugin's versions, highest first (an item's id is the plugin's: the key is the version).
    {
      page: 'jurisdictionPluginVersionsPage',
      args: 'id: "shizi-town"',
      old: 'jurisdictionPluginVersions',
      who: 'sOffice',
      atLeast: 1,
      oldLimit: false,
      key: 'version',
    },
  ];

  const items = async (page: string, args: string, who: string, limit: number, after?: string | null, key = 'id') =>
    t.gql<Record<string, { items: { id: string }[]; nextCursor: string | null }>>(
      'query($limit: Int!, $after: String) { p: ' +
        `${page}(${args ? `${args}, ` : ''}limit: $limit, after: $after) { items { id: ${key} } nextCursor } }`,
      { limit, after: after ?? null },
      tokens[who],
    );

  const bracket = (args: string[]) => (args.some(Boolean) ? `(${args.filter(Boolean).join(', ')})` : '');

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).set('2026-10-12T09:00:00+08:00');
    tokens.sOffice = await t.login('shizi', 'office');
    tokens.cOffice = await t.login(COUNTY, 'office');
    tokens.xOffice = await t.login('xiacang', 'office');
    tokens.xConvener = await t.login('xiacang', 'convener');
    tokens.xMember = await t.login('xiacang', 'member');
    tokens.xcOffice = await t.login('xincheng', 'office');
    const county = ok(
      await t.gql<{ tenant: { memberUnits: { id: string; kind: string }[] } }>(
        `{ tenant(code: "${COUNTY}") { memberUnits { id kind } } }`,
        {},
        tokens.cOffice,
      ),
    ).tenant.memberUnits.filter((u) => u.kind === 'TOWNSHIP');
    for (const [i, unit] of [county[0], county[1] ?? county[0], county[0]].entries())
      ok(
        await t.gql(
          'mutation($i: FlagConcernInput!) { flagSupervisionConcern(input: $i) { id } }',
          {
            i: {
              tenantCode: COUNTY,
              unitId: unit.id,
              reasonCode: 'BEIJING_OR_SKIP_LEVEL_VISIT',
              note: `11月1${i}日发生越级走访`,
            },
          },
          tokens.cOffice,
        ),
      );
    await t.queue.whenIdle();
    // The office confirms what the ladder proposed on those flags: the actions, and the outbox's messages.
    const proposed = ok(
      await t.gql<{ supervisionProposals: { id: string; options: string[] }[] }>(
        `{ supervisionProposals(tenantCode: "${COUNTY}", status: "PROPOSED", limit: 200) { id options } }`,
        {},
        tokens.cOffice,
      ),
    ).supervisionProposals;
    for (const p of proposed)
      ok(
        await t.gql(
          'mutation($i: ConfirmSupervisionProposalInput!) { confirmSupervisionProposal(input: $i) { id } }',
          { i: { proposalId: p.id, kind: p.options[0], severity: 'GENERAL' } },
          tokens.cOffice,
        ),
      );
    await t.queue.whenIdle();
    for (const [startsOn, endsOn] of [
      ['2026-09-28', '2026-10-08'],
      ['2026-12-20', '2027-01-03'],
    ])
      ok(
        await t.gql(
          'mutation($i: DeclareKeyPeriodInput!) { declareKeyPeriod(input: $i) { id } }',
          { i: { tenantCode: 'shizi', startsOn, endsOn, reason: `重点时期 ${startsOn}` } },
          tokens.sOffice,
        ),
      );
    for (const [i, at] of [
      '2026-10-20T09:00:00+08:00',
      '2026-10-20T09:00:00+08:00',
      '2026-10-22T15:00:00+08:00',
    ].entries())
      ok(
        await t.gql(
          'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }',
          {
            i: { tenantCode: 'shizi', typeCode: 'WORKING', title: `分页会议 ${i}`, scheduledAt: at, topics: ['研判'] },
          },
          tokens.sOffice,
        ),
      );
    for (const quarter of ['2026-07-01', '2026-04-01'])
      ok(
        await t.gql(
          'mutation($i: DraftIssueListInput!) { draftIssueList(input: $i) { id } }',
          {
            i: {
              tenantCode: 'xiacang',
              title: `${quarter.slice(0, 7)} 重大信访问题清单`,
              periodStart: quarter,
              periodEnd: quarter === '2026-07-01' ? '2026-09-30' : '2026-06-30',
              items: [{ issue: '土地补偿标准争议', recommendation: '开展政策解释' }],
            },
          },
          tokens.xOffice,
        ),
      );
    for (const month of ['2026-09', '2026-10'])
      ok(
        await t.gql(
          'mutation($i: ProposeInspectionInput!) { proposeInspection(input: $i) { id } }',
          {
            i: {
              tenantCode: 'xiacang',
              title: `${month} 信访积案化解督查`,
              scope: '检查各成员单位积案化解进度',
              periodStart: `${month}-01`,
              periodEnd: `${month}-30`,
            },
          },
          tokens.xOffice,
        ),
      );
    // Issued minutes with two agreed items; two sensitive reports of the office.
    const xiacangUnit = ok(
      await t.gql<{ tenant: { memberUnits: { id: string }[] } }>(
        '{ tenant(code: "xiacang") { memberUnits { id } } }',
        {},
        tokens.xOffice,
      ),
    ).tenant.memberUnits[0].id;
    const minutesId = await approvedMinutes(
      t,
      tokens.xOffice,
      tokens.xConvener,
      {
        tenantCode: 'xiacang',
        typeCode: 'WORKING',
        title: '分页议定事项会议',
        scheduledAt: '2026-10-12T09:00:00+08:00',
        topics: ['部署'],
        unitId: xiacangUnit,
      },
      {
        body: '会议部署了两项任务。',
        agreedItems: ['2026-11-30', '2026-10-31'].map((date, n) => ({
          content: `分页任务${n + 1}`,
          due: { date },
          ownerUnitIds: [xiacangUnit],
        })),
      },
    );
    ok(await t.gql('mutation($id: ID!) { issueMinutes(minutesId: $id) { id } }', { id: minutesId }, tokens.xOffice));
    for (const at of ['2026-10-12T07:00:00+08:00', '2026-10-12T08:00:00+08:00'])
      ok(
        await t.gql(
          'mutation($i: ReportSensitiveInformationInput!) { reportSensitiveInformation(input: $i) { id } }',
          { i: { tenantCode: 'xiacang', content: `某村群众拟集体反映饮水工程问题（${at}）。`, occurredAt: at } },
          tokens.xOffice,
        ),
      );
    ok(
      await t.gql(
        'mutation($i: RunAssessmentInput!) { runAssessment(input: $i) { id } }',
        { i: { tenantCode: COUNTY, period: 'ANNUAL', periodStart: '2026-01-01' } },
        tokens.cOffice,
      ),
    );
    for (const [period, periodStart] of [
      ['ANNUAL', '2025-01-01'],
      ['MONTHLY', '2026-09-01'],
    ])
      ok(
        await t.gql(
          'mutation($i: PublishNoticeInput!) { publishNotice(input: $i) { id } }',
          { i: { tenantCode: COUNTY, kind: 'REGULAR', period, periodStart } },
          tokens.cOffice,
        ),
      );
    await t.queue.whenIdle();
    // Weeks later the cadence sweep finds the town's missed meetings (MISSED_CADENCE findings).
    t.app.get(Clock).set('2026-12-03T09:00:00+08:00');
    const shizi = ok(await t.gql<{ tenant: { id: string } }>('{ tenant(code: "shizi") { id } }', {}, tokens.sOffice));
    await t.queue.enqueue(SWEEP_TENANT_JOB, { tenantId: shizi.tenant.id }, { jobId: jobId('pages-sweep', 'shizi') });
    await t.queue.whenIdle();
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it.each(PAGES)(
    '$page: limit 0, 201 and a forged cursor are refused naming the argument',
    async ({ page, args, who, key }) => {
      for (const [limit, after, field] of [
        [0, null, 'limit'],
        [201, null, 'limit'],
        [5, 'bm90LWEtY3Vyc29y', 'after'],
      ] as const) {
        const res = await items(page, args, who, limit, after, key);
        expect({
          page,
          limit,
          code: res.errors?.[0]?.extensions?.code,
          field: res.errors?.[0]?.extensions?.field,
        }).toEqual({
          page,
          limit,
          code: 'BAD_USER_INPUT',
          field,
        });
      }
    },
  );

  it.each(PAGES)(
    '$page: one item at a time through nextCursor gives the whole list, as the old list does',
    async ({ page, args, old, who, atLeast, oldLimit, key }) => {
      const all = ok(await items(page, args, who, 200, null, key)).p;
      expect(all.items.length).toBeGreaterThanOrEqual(atLeast);
      expect(all.nextCursor).toBeNull();
      const walked: string[] = [];
      let after: string | null = null;
      do {
        const p: { items: { id: string }[]; nextCursor: string | null } = ok(
          await items(page, args, who, 1, after, key),
        ).p;
        expect(p.items.length).toBeLessThanOrEqual(1);
        walked.push(...p.items.map((i) => i.id));
        after = p.nextCursor;
      } while (after && walked.length <= all.items.length);
      expect(walked).toEqual(all.items.map((i) => i.id));
      const legacy = ok(
        await t.gql<Record<string, { id: string }[]>>(
          `{ l: ${old}${bracket([args, oldLimit === false ? '' : 'limit: 200'])} { id: ${key ?? 'id'} } }`,
          {},
          tokens[who],
        ),
      ).l;
      expect([...legacy.map((i) => i.id)].sort()).toEqual([...walked].sort());
    },
  );
});
