import { loadConfig } from '@engine/config';
import { JobQueue } from '@engine/jobs';
import { CadenceService } from '@modules/meetings';
import { createApp } from '../apps/api/create-app';

/**
 * The cadence sweep over the whole province, timed in its own process (started by run.ts with the
 * bench database's environment): first `meetings.sweep-all` through the job queue until it is idle
 * (one `meetings.sweep-tenant` job per tenant), then every tenant swept again directly (the
 * idempotent repeat: nothing new to write), then one more tick (`nextTick…`: the tenants its selection
 * still finds work in). Prints one JSON line.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const { app, database, close } = await createApp({ ...config, runWorkers: true, seedDemo: false });
  try {
    const count = async (): Promise<Record<string, number>> => {
      const [row] = (await database.dataSource.query(
        `SELECT (SELECT count(*) FROM cadence_obligation)::int AS obligations, (SELECT count(*) FROM finding)::int AS findings, (SELECT count(*) FROM notification)::int AS notifications`,
      )) as Record<string, number>[];
      return row;
    };
    const tenants = ((await database.dataSource.query(`SELECT id FROM tenant ORDER BY path`)) as { id: string }[]).map(
      (t) => t.id,
    );
    const cadence = app.get(CadenceService);
    const queue = app.get(JobQueue);
    const before = await count();
    let t0 = performance.now();
    await cadence.sweepAll();
    await queue.whenIdle(3_600_000);
    const firstSeconds = (performance.now() - t0) / 1000;
    const afterFirst = await count();
    t0 = performance.now();
    for (const id of tenants) await cadence.sweepTenant(id);
    const repeatSeconds = (performance.now() - t0) / 1000;
    const afterRepeat = await count();
    // The next hour's tick: only the tenants sweep_tenants_cadence still finds work in.
    t0 = performance.now();
    const nextTickTenants = await cadence.sweepAll();
    await queue.whenIdle(3_600_000);
    const nextTickSeconds = (performance.now() - t0) / 1000;
    process.stdout.write(
      `${JSON.stringify({ tenants: tenants.length, queue: queue.kind, firstSeconds, repeatSeconds, nextTickTenants, nextTickSeconds, before, afterFirst, afterRepeat })}\n`,
    );
  } finally {
    await close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
