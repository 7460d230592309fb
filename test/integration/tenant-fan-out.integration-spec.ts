import { Db } from '@engine/database';
import { RequestContext } from '@engine/context';
import { JobQueue, type EnqueueOptions } from '@engine/jobs';
import { enqueuePerTenant } from '@core/tenancy';
import { pluginOf } from '@core/tenancy/tenant-lookup';
import { Tenant } from '@core/tenancy/tenant.entity';
import { tenantIdsWithRules } from '@core/tenancy/tenants.query';
import { startTestApp, type TestApp } from '@test/support/test-app';

/**
 * The sweeps' fan-out: one query selects the tenants whose rules hold a section (the same tenants the
 * parsed snapshots say), and a tick enqueues one job per tenant, once per stamp.
 */
describe('per-tenant fan-out of the hourly ticks', () => {
  let t: TestApp;
  let db: Db;
  let tenants: Tenant[];

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(Db);
    tenants = await db.run(RequestContext.platform(), ({ em }) => em.find(Tenant, { order: { path: 'ASC' } }));
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    [['supervision', 'inspections', 'regular'], (x: Tenant) => Boolean(pluginOf(x).supervision?.inspections?.regular)],
    [['supervision', 'inspections', 'random'], (x: Tenant) => Boolean(pluginOf(x).supervision?.inspections?.random)],
    [['supervision', 'notices'], (x: Tenant) => Boolean(pluginOf(x).supervision?.notices)],
  ])('selects by %j exactly the tenants whose parsed rules have it', async (path, has) => {
    const ids = await db.run(RequestContext.platform(), ({ em }) => tenantIdsWithRules(em, path));
    expect(ids).toEqual(tenants.filter(has).map((x) => x.id));
    expect(ids.length).toBeGreaterThan(0);
  });

  it('selects every tenant without a path, in tree order', async () => {
    const ids = await db.run(RequestContext.platform(), ({ em }) => tenantIdsWithRules(em, null));
    expect(ids).toEqual(tenants.map((x) => x.id));
    expect(ids.length).toBeGreaterThan(4);
  });

  it('enqueues one job per selected tenant with a job id of the key, the tenant and the stamp', async () => {
    const seen: { name: string; data: unknown; options: EnqueueOptions }[] = [];
    const recording = {
      enqueue: async (name: string, data: unknown, options: EnqueueOptions) => void seen.push({ name, data, options }),
    } as unknown as JobQueue;
    const n = await enqueuePerTenant(db, recording, {
      job: 'x.tenant',
      key: 'x',
      stamp: '2026-12-02T10',
      rulesAt: ['supervision', 'inspections', 'regular'],
    });
    const expected = tenants.filter((x) => pluginOf(x).supervision?.inspections?.regular);
    expect(expected.length).toBeGreaterThan(0);
    expect(n).toBe(expected.length);
    expect(seen.map((s) => s.data)).toEqual(expected.map((x) => ({ tenantId: x.id })));
    expect(new Set(seen.map((s) => s.options.jobId)).size).toBe(n);
    expect(
      seen.every(
        (s) => s.name === 'x.tenant' && s.options.jobId.startsWith('x.') && s.options.jobId.endsWith('.2026-12-02T10'),
      ),
    ).toBe(true);
  });
});
