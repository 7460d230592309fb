import { loadConfig } from '@engine/config';
import { Clock } from '@engine/clock';
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
    const firstTickTenants = await cadence.sweepAll();
    await queue.whenIdle(3_600_000);
    const firstSeconds = (performance.now() - t0) / 1000;
    const afterFirst = await count();
    t0 = performance.now();
    for (const id of tenants) await cadence.sweepTenant(id);
    const repeatSeconds = (performance.now() - t0) / 1000;
    const afterRepeat = await count();
    // The next hour's tick: only the tenants sweep_tenants_cadence still finds work in. Its job ids carry
    // another hour (the queue would skip ids it has run), on the same Shanghai day.
    const nextTickAt = nextHourSameDay(app.get(Clock));
    t0 = performance.now();
    const nextTickTenants = await cadence.sweepAll();
    await queue.whenIdle(3_600_000);
    const nextTickSeconds = (performance.now() - t0) / 1000;
    process.stdout.write(
      `${JSON.stringify({ tenants: tenants.length, queue: queue.kind, jobConcurrency: config.jobConcurrency, firstTickTenants, firstSeconds, repeatSeconds, nextTickAt, nextTickTenants, nextTickSeconds, before, afterFirst, afterRepeat })}\n`,
    );
  } finally {
    await close();
  }
}

/**
 * Sets the app's clock an hour on (an hour back in the last hour of the Shanghai day), so a tick's job ids
 * (stamped with the hour) are new while its day — what the selections and the sweeps compare with — stays.
 */
function nextHourSameDay(clock: Clock): string {
  const now = clock.now();
  const shanghaiHour = (now.getUTCHours() + 8) % 24;
  const at = new Date(now.getTime() + (shanghaiHour === 23 ? -1 : 1) * 3_600_000);
  clock.set(at);
  return at.toISOString();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
