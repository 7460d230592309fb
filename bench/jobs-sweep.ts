import { loadConfig } from '@engine/config';
import { Clock } from '@engine/clock';
import { JobQueue } from '@engine/jobs';
import { CaseSweepService } from '@modules/cases';
import { LadderService } from '@modules/supervision';
import { createApp } from '../apps/api/create-app';

/**
 * A tenant-by-tenant hourly job over the whole province, timed in its own process (started by run.ts
 * with the bench database's environment), like sweep.ts for the cadence sweep:
 * - `supervision`: `supervision.sweep-all` through the job queue until idle — per tenant last month's
 *   regular notice when due, the ladder until nothing new (and the ladder/delivery jobs its steps
 *   enqueue), the outbox delivered — then every tenant's sweep again directly (the idempotent repeat);
 * - `cases`: `cases.sweep-all` the same way, then every tenant again.
 * Prints one JSON line: wall times and the rows before, after the first run and after the repeat.
 */
async function main(which: string): Promise<void> {
  const config = loadConfig();
  const { app, database, close } = await createApp({ ...config, runWorkers: true, seedDemo: false });
  try {
    const counts =
      which === 'supervision'
        ? `SELECT (SELECT count(*) FROM supervision_notice)::int AS notices, (SELECT count(*) FROM supervision_notice_entry)::int AS entries,
             (SELECT count(*) FROM supervision_action)::int AS actions, (SELECT count(*) FROM supervision_action WHERE rule_id IS NOT NULL)::int AS "ladderActions",
             (SELECT count(*) FROM outbox_message)::int AS outbox, (SELECT count(*) FROM outbox_message WHERE status = 'SENT')::int AS "outboxSent"`
        : `SELECT (SELECT count(*) FROM case_event)::int AS "caseEvents", (SELECT count(*) FROM notification)::int AS notifications,
             (SELECT count(*) FROM petition_case WHERE status IN ('RECEIVED', 'ASSIGNED'))::int AS "openCases"`;
    const count = async (): Promise<Record<string, number>> =>
      ((await database.dataSource.query(counts)) as Record<string, number>[])[0];
    const tenants = ((await database.dataSource.query(`SELECT id FROM tenant ORDER BY path`)) as { id: string }[]).map(
      (t) => t.id,
    );
    const queue = app.get(JobQueue);
    const sweep = which === 'supervision' ? app.get(LadderService) : app.get(CaseSweepService);
    const before = await count();
    let t0 = performance.now();
    const firstTickTenants = await sweep.sweepAll();
    await queue.whenIdle(3_600_000);
    const firstSeconds = (performance.now() - t0) / 1000;
    const afterFirst = await count();
    t0 = performance.now();
    for (const id of tenants) await sweep.sweepTenant(id);
    await queue.whenIdle(3_600_000);
    const repeatSeconds = (performance.now() - t0) / 1000;
    const afterRepeat = await count();
    // The next hour's tick after all that: only the tenants its selection (sweep_tenants_*) says have work.
    // Its job ids carry another hour (the queue would skip ids it has run), on the same Shanghai day.
    const nextTickAt = nextHourSameDay(app.get(Clock));
    t0 = performance.now();
    const nextTickTenants = await sweep.sweepAll();
    await queue.whenIdle(3_600_000);
    const nextTickSeconds = (performance.now() - t0) / 1000;
    process.stdout.write(
      `${JSON.stringify({ job: which, tenants: tenants.length, queue: queue.kind, jobConcurrency: config.jobConcurrency, firstTickTenants, firstSeconds, repeatSeconds, nextTickAt, nextTickTenants, nextTickSeconds, before, afterFirst, afterRepeat })}\n`,
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

main(process.argv[2] ?? 'supervision').then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
