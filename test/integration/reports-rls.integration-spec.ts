import { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { Tenant } from '@core/tenancy';
import { startTestApp, type TestApp } from '@test/support/test-app';

/**
 * Reports upward below the API (raw SQL under the app role): the `report` policy lets a report be read by
 * its own tenant and by the tenant it was sent to once sent — and by nobody else in the tree, even a
 * reader whose scope spans the descendants (tree on).
 */
describe('row-level security of reports upward', () => {
  let t: TestApp;
  let db: Db;
  let ids: Record<string, string>;
  const rowsAs = (code: string, tree: boolean) =>
    db.run(RequestContext.forTenantJob(ids[code], { tree }), ({ em }) =>
      em.query(`SELECT id, status FROM report ORDER BY title`),
    ) as Promise<{ id: string; status: string }[]>;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(Db);
    const tenants = await db.run(RequestContext.platform(), ({ em }) => em.find(Tenant));
    ids = Object.fromEntries(tenants.map((x) => [x.code, x.id]));
    const insert = (title: string, status: string, channel: string, recipient: string | null, sent: boolean) =>
      db.run(RequestContext.forTenantJob(ids.shizi), ({ em }) =>
        em.query(
          `INSERT INTO report (tenant_id, id, channel, recipient_name, recipient_tenant_id, title, body, rule, status, drafted_by, drafted_at, sent_at, updated_at)
           VALUES ($1, gen_random_uuid(), $2, 'x', $3, $4, 'body', '001 art. 6', $5, gen_random_uuid(), now(), $6, now())`,
          [ids.shizi, channel, recipient, title, status, sent ? new Date() : null],
        ),
      );
    await insert('a draft to the county', 'DRAFT', 'PARENT_JOINT_MEETING', ids['county-petition-mechanisms'], false);
    await insert('b sent to the county', 'SENT', 'PARENT_JOINT_MEETING', ids['county-petition-mechanisms'], true);
    await insert('c sent to the party committee', 'SENT', 'PARTY_COMMITTEE', null, true);
  });
  afterAll(async () => {
    await t.close();
  });

  it('the town reads its three reports; the county, even with its tree scope, only the one sent to it; a sibling town none', async () => {
    expect((await rowsAs('shizi', false)).map((r) => r.status)).toEqual(['DRAFT', 'SENT', 'SENT']);
    expect(await rowsAs('county-petition-mechanisms', true)).toHaveLength(1);
    expect((await rowsAs('county-petition-mechanisms', false)).map((r) => r.status)).toEqual(['SENT']);
    expect(await rowsAs('xincheng', true)).toEqual([]);
    expect(await rowsAs('xiacang', false)).toEqual([]);
  });

  it("the county cannot write the town's report without the service widening its scope", async () => {
    const changed = await db.run(
      RequestContext.forTenantJob(ids['county-petition-mechanisms'], { tree: true }),
      ({ em }) => em.query(`UPDATE report SET status = 'ANSWERED' RETURNING id`),
    );
    expect(changed).toEqual([[], 0]);
  });
});
