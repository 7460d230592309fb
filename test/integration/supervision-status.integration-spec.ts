import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { recountFromRaw, storedStatus } from '@test/support/supervision-recount';
import { startTestApp, type TestApp } from '@test/support/test-app';

type Op =
  | { op: 'insertCases'; tenant: number; rows: { status: number; due: number | null }[] }
  | { op: 'insertCaseAsApp'; tenant: number; due: number | null }
  | { op: 'updateCase'; pick: number; status: number; due: number | null }
  | { op: 'bulkUpdateCases'; digit: number; status: number }
  | { op: 'deleteCase'; pick: number }
  | { op: 'insertAction'; issuer: number; target: number | null; kind: number; status: number }
  | { op: 'updateAction'; pick: number; status: number; retarget: number | null | undefined }
  | { op: 'deleteAction'; pick: number }
  | { op: 'insertNotice'; order: number[]; publish: boolean; day: number }
  | { op: 'updateNotice'; pick: number; publish: boolean; day: number }
  | { op: 'updateEntry'; pick: number; rank: number }
  | { op: 'insertObligation'; tenant: number; status: number }
  | { op: 'updateObligations'; tenant: number; status: number }
  | { op: 'insertItem'; tenant: number; status: number }
  | { op: 'updateItem'; pick: number; status: number }
  | { op: 'insertProposal'; issuer: number; target: number | null; step: number; status: number }
  | { op: 'updateProposal'; pick: number; status: number; retarget: number | null | undefined }
  | { op: 'refresh'; tenant: number; day: number };

const CASE_STATUSES = ['RECEIVED', 'ASSIGNED', 'RESOLVED', 'CLOSED', 'TRANSFERRED', 'GUIDED'];
const ACTION_KINDS = ['LISTING', 'INTERVIEW', 'REMINDER'];
/** The statuses each action kind moves through (supervision migration), so random actions are plausible. */
const ACTION_STATUSES: Record<string, string[]> = {
  LISTING: ['ACTIVE', 'DELISTED'],
  INTERVIEW: ['PLANNED', 'HELD', 'AWAITING_RECTIFICATION', 'RECTIFIED', 'OVERDUE'],
  REMINDER: ['ISSUED', 'RESPONDED'],
};
const statusOf = (kind: string, n: number): string => ACTION_STATUSES[kind][n % ACTION_STATUSES[kind].length];
const OBLIGATION_STATUSES = ['OPEN', 'MET', 'MISSED'];
const PROPOSAL_STEPS = ['REMINDER_OR_INTERVIEW', 'LISTED_SUPERVISION', 'ACCOUNTABILITY'];
const PROPOSAL_STATUSES = ['PROPOSED', 'CONFIRMED', 'DISMISSED'];
/** The columns a proposal in that status carries (a decision; a confirmed one its action). */
const decidedSql = (statusParam: string) =>
  `decided_at = CASE WHEN ${statusParam} = 'PROPOSED' THEN NULL ELSE now() END, action_id = CASE WHEN ${statusParam} = 'CONFIRMED' THEN gen_random_uuid() END`;
const ITEM_STATUSES = ['PENDING', 'OPEN', 'DONE'];
const day = (n: number): string => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The maintained aggregate against the truth: after any random sequence of writes to the watched
 * tables — single and multi-row statements, inserts, updates that move an action between tenants,
 * deletes, notices drafted and published, ladder proposals decided and moved between tenants, refreshes to other dates, writes by the app role under RLS —
 * every tenant's `supervision_status` row equals a full recount from the raw tables.
 */
describe('supervision_status stays equal to a full recount', () => {
  let t: TestApp;
  let ds: DataSource;
  let db: Db;
  let counter = 0;
  const tenants: { id: string; code: string; user: string; unit: string; minutes: string; township: string | null }[] =
    [];
  let county: (typeof tenants)[number];
  let towns: (typeof tenants)[number][];

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.database.dataSource;
    db = t.app.get(Db);
    const rows = (await ds.query(`SELECT id, code, level FROM tenant ORDER BY code`)) as {
      id: string;
      code: string;
      level: string;
    }[];
    for (const r of rows) {
      const [user] = (await ds.query(`SELECT id FROM app_user WHERE tenant_id = $1 LIMIT 1`, [r.id])) as {
        id: string;
      }[];
      let [unit] = (await ds.query(`SELECT id FROM member_unit WHERE tenant_id = $1 ORDER BY position LIMIT 1`, [
        r.id,
      ])) as { id: string }[];
      unit ??= (
        (await ds.query(
          `INSERT INTO member_unit (tenant_id, name, kind) VALUES ($1, '测试单位', 'DEPARTMENT') RETURNING id`,
          [r.id],
        )) as { id: string }[]
      )[0];
      const [meeting] = (await ds.query(
        `INSERT INTO meeting (tenant_id, type_code, title, scheduled_at, status, created_by) VALUES ($1, 'WORKING', '测试', now(), 'HELD', $2) RETURNING id`,
        [r.id, user.id],
      )) as { id: string }[];
      const [minutes] = (await ds.query(
        `INSERT INTO minutes (tenant_id, meeting_id, kind, body, status) VALUES ($1, $2, 'MINUTES', '测试', 'ISSUED') RETURNING id`,
        [r.id, meeting.id],
      )) as { id: string }[];
      tenants.push({ id: r.id, code: r.code, user: user.id, unit: unit.id, minutes: minutes.id, township: null });
    }
    county = tenants.find((x) => x.code === 'county-petition-mechanisms')!;
    towns = tenants.filter((x) => x !== county);
    for (const town of towns) {
      town.township = (
        (await ds.query(`SELECT id FROM member_unit WHERE tenant_id = $1 AND child_tenant_id = $2`, [
          county.id,
          town.id,
        ])) as { id: string }[]
      )[0].id;
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const pickSql = (table: string, pick: number) =>
    `(SELECT id FROM ${table} ORDER BY id OFFSET (${pick} % greatest((SELECT count(*) FROM ${table}), 1)) LIMIT 1)`;

  async function apply(o: Op): Promise<void> {
    counter += 1;
    switch (o.op) {
      case 'insertCases': {
        const tenant = tenants[o.tenant];
        const values = o.rows.map(
          (_, i) =>
            `($1, $2::text || '-${i}', 'VISIT', 'LOCAL', '测试', 1, $${3 + i * 2}, now(), current_date, $${o.rows.length * 2 + 3}, $${o.rows.length * 2 + 3}, $${o.rows.length * 2 + 4}, $${4 + i * 2}::date, now())`,
        );
        const params: unknown[] = [tenant.id, `T${counter}`];
        for (const r of o.rows) params.push(CASE_STATUSES[r.status], r.due === null ? null : day(r.due));
        params.push(tenant.user, tenant.unit);
        await ds.query(
          `INSERT INTO petition_case (tenant_id, number, channel, source, matter, people_count, status, received_at, received_on, received_by, first_inquiry_user_id, responsible_unit_id, due_on, resolved_at)
           VALUES ${values.join(', ')}`,
          params,
        );
        break;
      }
      case 'insertCaseAsApp': {
        const tenant = tenants[o.tenant];
        await db.run(RequestContext.forTenantJob(tenant.id), ({ em }) =>
          em.query(
            `INSERT INTO petition_case (tenant_id, number, channel, source, matter, people_count, status, received_at, received_on, received_by, first_inquiry_user_id, responsible_unit_id, due_on)
             VALUES ($1, $2, 'LETTER', 'LOCAL', '测试', 1, 'RECEIVED', now(), current_date, $3, $3, $4, $5)`,
            [tenant.id, `A${counter}`, tenant.user, tenant.unit, o.due === null ? null : day(o.due)],
          ),
        );
        break;
      }
      case 'updateCase':
        await ds.query(
          `UPDATE petition_case SET status = $1, due_on = $2, resolved_at = coalesce(resolved_at, now()) WHERE id = ${pickSql('petition_case', o.pick)}`,
          [CASE_STATUSES[o.status], o.due === null ? null : day(o.due)],
        );
        break;
      case 'bulkUpdateCases':
        // One statement across tenants: the transition tables carry every row.
        await ds.query(
          `UPDATE petition_case SET status = $1, resolved_at = coalesce(resolved_at, now()) WHERE left(md5(id::text), 1) < $2`,
          [CASE_STATUSES[o.status], o.digit.toString(16)],
        );
        break;
      case 'deleteCase':
        await ds.query(
          `DELETE FROM petition_case WHERE id = ${pickSql('petition_case', o.pick)} AND NOT EXISTS (SELECT 1 FROM supervision_action a WHERE a.case_id = petition_case.id)`,
        );
        break;
      case 'insertAction': {
        // A county acts on a township (target = the town); a town on its own unit (no target).
        const issuer = o.target === null ? towns[o.issuer % towns.length] : county;
        const target = o.target === null ? null : towns[o.target % towns.length];
        await ds.query(
          `INSERT INTO supervision_action (tenant_id, number, kind, target_unit_id, target_tenant_id, rule_source, status, dedupe_key, opened_at)
           VALUES ($1, $2, $3, $4, $5, 'test', $6, $2, now())`,
          [
            issuer.id,
            `N${counter}`,
            ACTION_KINDS[o.kind],
            target ? target.township : issuer.unit,
            target?.id ?? null,
            statusOf(ACTION_KINDS[o.kind], o.status),
          ],
        );
        break;
      }
      case 'updateAction': {
        const retarget =
          o.retarget === undefined
            ? ''
            : `, target_tenant_id = CASE WHEN tenant_id = $2 THEN $3::uuid ELSE target_tenant_id END`;
        const params: unknown[] = [o.status];
        if (o.retarget !== undefined)
          params.push(county.id, o.retarget === null ? null : towns[o.retarget % towns.length].id);
        const status = `(CASE kind ${Object.entries(ACTION_STATUSES)
          .map(([k, list]) => `WHEN '${k}' THEN (ARRAY['${list.join("','")}'])[$1::int % ${list.length} + 1]`)
          .join(' ')} END)`;
        await ds.query(
          `UPDATE supervision_action SET status = ${status}${retarget} WHERE id = ${pickSql('supervision_action', o.pick)}`,
          params,
        );
        break;
      }
      case 'deleteAction':
        await ds.query(`DELETE FROM supervision_action WHERE id = ${pickSql('supervision_action', o.pick)}`);
        break;
      case 'insertNotice': {
        const [n] = (await ds.query(
          `INSERT INTO supervision_notice (tenant_id, number, kind, period, period_start, period_end, title, status, rule, published_at)
           VALUES ($1, $2, 'REGULAR', 'MONTHLY', $3, $3, '通报', $4, 'test', $5) RETURNING id`,
          [
            county.id,
            `通${counter}`,
            day(counter),
            o.publish ? 'PUBLISHED' : 'DRAFT',
            o.publish ? `${day(o.day)}T10:00:00Z` : null,
          ],
        )) as { id: string }[];
        const ranked = o.order.map((i) => towns[i % towns.length]).filter((x, i, all) => all.indexOf(x) === i);
        const values = ranked.map(
          (_, i) => `($1, $2, $${3 + i * 3}::uuid, $${4 + i * 3}::uuid, $${5 + i * 3}::int, ${ranked.length})`,
        );
        await ds.query(
          `INSERT INTO supervision_notice_entry (tenant_id, notice_id, target_unit_id, target_tenant_id, rank, ranked_of) VALUES ${values.join(', ')}`,
          [county.id, n.id, ...ranked.flatMap((x, i) => [x.township, x.id, i + 1])],
        );
        break;
      }
      case 'updateNotice':
        await ds.query(
          `UPDATE supervision_notice SET status = $1, published_at = $2 WHERE id = ${pickSql('supervision_notice', o.pick)}`,
          [o.publish ? 'PUBLISHED' : 'DRAFT', o.publish ? `${day(o.day)}T10:00:00Z` : null],
        );
        break;
      case 'updateEntry':
        await ds.query(
          `UPDATE supervision_notice_entry SET rank = $1 WHERE id = ${pickSql('supervision_notice_entry', o.pick)}`,
          [o.rank],
        );
        break;
      case 'insertObligation': {
        const tenant = tenants[o.tenant];
        await ds.query(
          `INSERT INTO cadence_obligation (tenant_id, type_code, period_start, period_end, rrule, status) VALUES ($1, $2, $3, $3, 'FREQ=MONTHLY', $4)`,
          [tenant.id, `T${counter}`, day(counter), OBLIGATION_STATUSES[o.status]],
        );
        break;
      }
      case 'updateObligations':
        await ds.query(`UPDATE cadence_obligation SET status = $2 WHERE tenant_id = $1`, [
          tenants[o.tenant].id,
          OBLIGATION_STATUSES[o.status],
        ]);
        break;
      case 'insertItem': {
        const tenant = tenants[o.tenant];
        await ds.query(
          `INSERT INTO agreed_item (tenant_id, minutes_id, position, content, due_spec, status) VALUES ($1, $2, $3, '事项', '{}', $4)`,
          [tenant.id, tenant.minutes, counter, ITEM_STATUSES[o.status]],
        );
        break;
      }
      case 'updateItem':
        await ds.query(`UPDATE agreed_item SET status = $1 WHERE id = ${pickSql('agreed_item', o.pick)}`, [
          ITEM_STATUSES[o.status],
        ]);
        break;
      case 'insertProposal': {
        // A county proposes about a township (target = the town); a town about its own unit (no target).
        const issuer = o.target === null ? towns[o.issuer % towns.length] : county;
        const target = o.target === null ? null : towns[o.target % towns.length];
        const status = PROPOSAL_STATUSES[o.status % 3];
        await ds.query(
          `INSERT INTO supervision_proposal (tenant_id, rule_id, rule_source, step, target_unit_id, target_tenant_id, dedupe_key, status, proposed_at, decided_at, action_id)
           VALUES ($1, 'test', 'test', $2, $3, $4, $5, $6::text, now(), CASE WHEN $6::text = 'PROPOSED' THEN NULL ELSE now() END, CASE WHEN $6::text = 'CONFIRMED' THEN gen_random_uuid() END)`,
          [
            issuer.id,
            PROPOSAL_STEPS[o.step % 3],
            target ? target.township : issuer.unit,
            target?.id ?? null,
            `P${counter}`,
            status,
          ],
        );
        break;
      }
      case 'updateProposal': {
        const params: unknown[] = [PROPOSAL_STATUSES[o.status % 3]];
        const retarget =
          o.retarget === undefined
            ? ''
            : `, target_tenant_id = CASE WHEN tenant_id = $2 THEN $3::uuid ELSE target_tenant_id END`;
        if (o.retarget !== undefined)
          params.push(county.id, o.retarget === null ? null : towns[o.retarget % towns.length].id);
        await ds.query(
          `UPDATE supervision_proposal SET status = $1::text, ${decidedSql('$1::text')}${retarget} WHERE id = ${pickSql('supervision_proposal', o.pick)}`,
          params,
        );
        break;
      }
      case 'refresh': {
        const tenant = tenants[o.tenant];
        await db.run(RequestContext.forTenantJob(tenant.id), ({ em }) =>
          em.query(`SELECT supervision_status_refresh($1, $2)`, [tenant.id, day(o.day)]),
        );
        break;
      }
    }
  }

  const tenantIdx = fc.nat(4);
  const due = fc.option(fc.integer({ min: 0, max: 400 }), { nil: null });
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({
      op: fc.constant('insertCases' as const),
      tenant: tenantIdx,
      rows: fc.array(fc.record({ status: fc.nat(5), due }), { minLength: 1, maxLength: 4 }),
    }),
    fc.record({ op: fc.constant('insertCaseAsApp' as const), tenant: tenantIdx, due }),
    fc.record({ op: fc.constant('updateCase' as const), pick: fc.nat(), status: fc.nat(5), due }),
    fc.record({ op: fc.constant('bulkUpdateCases' as const), digit: fc.nat(15), status: fc.nat(5) }),
    fc.record({ op: fc.constant('deleteCase' as const), pick: fc.nat() }),
    // Actions have the most states: drawn more often.
    {
      arbitrary: fc.record({
        op: fc.constant('insertAction' as const),
        issuer: fc.nat(3),
        target: fc.option(fc.nat(3), { nil: null }),
        kind: fc.nat(2),
        status: fc.nat(5),
      }),
      weight: 4,
    },
    fc.record({
      op: fc.constant('updateAction' as const),
      pick: fc.nat(),
      status: fc.nat(5),
      retarget: fc.option(fc.option(fc.nat(3), { nil: null }), { nil: undefined }),
    }),
    fc.record({ op: fc.constant('deleteAction' as const), pick: fc.nat() }),
    fc.record({
      op: fc.constant('insertNotice' as const),
      order: fc.array(fc.nat(3), { minLength: 1, maxLength: 4 }),
      publish: fc.boolean(),
      day: fc.integer({ min: 0, max: 400 }),
    }),
    fc.record({
      op: fc.constant('updateNotice' as const),
      pick: fc.nat(),
      publish: fc.boolean(),
      day: fc.integer({ min: 0, max: 400 }),
    }),
    fc.record({ op: fc.constant('updateEntry' as const), pick: fc.nat(), rank: fc.integer({ min: 1, max: 9 }) }),
    fc.record({ op: fc.constant('insertObligation' as const), tenant: tenantIdx, status: fc.nat(2) }),
    fc.record({ op: fc.constant('updateObligations' as const), tenant: tenantIdx, status: fc.nat(2) }),
    fc.record({ op: fc.constant('insertItem' as const), tenant: tenantIdx, status: fc.nat(2) }),
    fc.record({ op: fc.constant('updateItem' as const), pick: fc.nat(), status: fc.nat(2) }),
    fc.record({
      op: fc.constant('insertProposal' as const),
      issuer: fc.nat(3),
      target: fc.option(fc.nat(3), { nil: null }),
      step: fc.nat(2),
      status: fc.nat(2),
    }),
    fc.record({
      op: fc.constant('updateProposal' as const),
      pick: fc.nat(),
      status: fc.nat(2),
      retarget: fc.option(fc.option(fc.nat(3), { nil: null }), { nil: undefined }),
    }),
    fc.record({ op: fc.constant('refresh' as const), tenant: tenantIdx, day: fc.integer({ min: 0, max: 400 }) }),
  );

  it('after every random sequence of writes, each row equals the recount', async () => {
    const reached = new Set<string>();
    const check = async (ops: Op[]): Promise<void> => {
      for (const o of ops) await apply(o);
      expect(await storedStatus(ds)).toEqual(await recountFromRaw(ds));
      const [totals] =
        (await ds.query(`SELECT sum(open_cases)::int AS open, sum(overdue_cases)::int AS overdue, sum(listed_cases)::int AS listed,
        sum(interviews_awaiting_rectification)::int AS awaiting, count(latest_rank)::int AS ranked, sum(cadence_due)::int AS cadence,
        sum(agreed_items_total)::int AS items, sum(proposed_steps)::int AS proposed, sum(confirmed_steps)::int AS confirmed,
        sum(dismissed_steps)::int AS dismissed FROM supervision_status`)) as Record<string, number>[];
      for (const [k, v] of Object.entries(totals)) if (v > 0) reached.add(k);
    };
    // A fixed start that puts something in every part of the row (a county listing and interview of a
    // township, a published ranking, overdue cases, decided obligations, issued items)…
    await check([
      {
        op: 'insertCases',
        tenant: 1,
        rows: [
          { status: 1, due: 10 },
          { status: 0, due: null },
        ],
      },
      { op: 'refresh', tenant: 1, day: 100 },
      { op: 'insertAction', issuer: 0, target: 0, kind: 0, status: 0 },
      { op: 'insertAction', issuer: 0, target: 1, kind: 1, status: 2 },
      { op: 'insertNotice', order: [0, 1, 2, 3], publish: true, day: 50 },
      { op: 'insertObligation', tenant: 2, status: 2 },
      { op: 'insertItem', tenant: 3, status: 1 },
      { op: 'insertProposal', issuer: 0, target: 2, step: 0, status: 0 },
      { op: 'insertProposal', issuer: 0, target: 3, step: 1, status: 1 },
      { op: 'insertProposal', issuer: 1, target: null, step: 2, status: 2 },
    ]);
    expect([...reached].sort()).toEqual([
      'awaiting',
      'cadence',
      'confirmed',
      'dismissed',
      'items',
      'listed',
      'open',
      'overdue',
      'proposed',
      'ranked',
    ]);
    // …then random sequences on top of it.
    await fc.assert(fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), check), {
      numRuns: 30,
      seed: 20261122,
      endOnFailure: true,
    });
  });

  it('concurrent writers of one tenant never lose a count (the row lock orders their recounts)', async () => {
    const town = towns[1];
    await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        db.run(RequestContext.forTenantJob(town.id), async ({ em }) => {
          await em.query(
            `INSERT INTO petition_case (tenant_id, number, channel, source, matter, people_count, status, received_at, received_on, received_by, first_inquiry_user_id)
             VALUES ($1, $2, 'PHONE', 'LOCAL', '测试', 1, 'RECEIVED', now(), current_date, $3, $3)`,
            [town.id, `C${i}-${randomUUID().slice(0, 8)}`, town.user],
          );
          await em.query('SELECT pg_sleep(0.01)'); // hold the transaction open while others recount
        }),
      ),
    );
    expect(await storedStatus(ds)).toEqual(await recountFromRaw(ds));
  });

  it('a bulk load that bypasses triggers is healed by the refresh (what the daily job runs)', async () => {
    const town = towns[0];
    await ds.transaction(async (em) => {
      await em.query(`SET LOCAL session_replication_role = replica`);
      await em.query(
        `INSERT INTO petition_case (tenant_id, number, channel, source, matter, people_count, status, received_at, received_on, received_by, first_inquiry_user_id)
         SELECT $1, 'BULK-' || g, 'LETTER', 'LOCAL', '测试', 1, 'RECEIVED', now(), current_date, $2, $2 FROM generate_series(1, 50) g`,
        [town.id, town.user],
      );
      await em.query(
        `INSERT INTO supervision_proposal (tenant_id, rule_id, rule_source, step, target_unit_id, dedupe_key, status, proposed_at)
         SELECT $1, 'bulk', 'test', 'REMINDER', $2, 'BULK-' || g, 'PROPOSED', now() FROM generate_series(1, 3) g`,
        [town.id, town.unit],
      );
    });
    expect(await storedStatus(ds)).not.toEqual(await recountFromRaw(ds));
    const [{ as_of }] = (await ds.query(
      `SELECT to_char(overdue_as_of, 'YYYY-MM-DD') AS as_of FROM supervision_status WHERE tenant_id = $1`,
      [town.id],
    )) as { as_of: string }[];
    await db.run(RequestContext.forTenantJob(town.id), ({ em }) =>
      em.query(`SELECT supervision_status_refresh($1, $2)`, [town.id, as_of]),
    );
    expect(await storedStatus(ds)).toEqual(await recountFromRaw(ds));
  });

  it('a tenant onboarded later gets its row at once; none is missing', async () => {
    const id = randomUUID();
    await ds.query(
      `INSERT INTO tenant (id, code, name, level, parent_id, path, plugin_id, plugin_version, plugin_config) VALUES ($1, 'late-town', '新镇', 'TOWN', $2, '', 'xiacang-town', '1.0.0', '{}')`,
      [id, county.id],
    );
    const [row] = (await ds.query(`SELECT code, level, parent_id, path FROM supervision_status WHERE tenant_id = $1`, [
      id,
    ])) as { code: string; level: string; parent_id: string; path: string }[];
    expect(row).toMatchObject({ code: 'late-town', level: 'TOWN', parent_id: county.id });
    expect(row.path.endsWith(`/${county.id}/${id}/`)).toBe(true);
    await ds.query(`UPDATE tenant SET name = '更名镇' WHERE id = $1`, [id]);
    expect((await ds.query(`SELECT name FROM supervision_status WHERE tenant_id = $1`, [id]))[0]).toEqual({
      name: '更名镇',
    });
    expect(await storedStatus(ds)).toEqual(await recountFromRaw(ds));
  });
});
