import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { loadConfig } from '@engine/config';
import { Clock } from '@engine/clock';
import { JobQueue } from '@engine/jobs';
import { CaseSweepService } from '@modules/cases';
import { CadenceService } from '@modules/meetings';
import { LadderService } from '@modules/supervision';
import { createApp } from '../apps/api/create-app';
import { heapGrowth, summariseHeap } from './lib/heap';
import { round } from './lib/process';
import { parseArgs, targetOf, writeResult, type DbKind } from './lib/target';
import { appEnv } from './seed';

/**
 * The worker's memory under its own work (issue 18 item 5; the API's sustained run left the worker out):
 * one process with the queue's workers (in process, as the bench's sweeps) runs the cadence, supervision
 * and cases ticks one after another for `--seconds`, its clock moving one hour per round so every tick has
 * new job ids and, each 24 rounds, a new day (digests, deadlines). Heap snapshots (`v8.writeHeapSnapshot`,
 * which collects garbage first) after 5 warm-up rounds and at the end, summed by constructor
 * (`lib/heap.ts`); `process.memoryUsage()` every 10 s. Run against a seeded bench database:
 * `node dist/bench/worker-memory.js --scale xs --seconds 240` (after `npm run bench` has built and seeded).
 */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const scale = args.get('scale') ?? 'xs';
  const seconds = Number(args.get('seconds') ?? 240);
  const target = targetOf((args.get('db') ?? 'pg') as DbKind, scale);
  Object.assign(process.env, appEnv(target), { LOG_LEVEL: 'error' });
  const { app, close } = await createApp({ ...loadConfig(), runWorkers: true, seedDemo: false });
  const heapDir = mkdtempSync(join(tmpdir(), 'jm-worker-heap-'));
  try {
    const clock = app.get(Clock);
    const queue = app.get(JobQueue);
    const ticks = [app.get(CadenceService), app.get(LadderService), app.get(CaseSweepService)];
    const start = new Date();
    const loadAtStart = loadavg().map((l) => round(l, 2));
    let rounds = 0;
    let selected = 0;
    const round1 = async (): Promise<void> => {
      clock.set(new Date(start.getTime() + rounds * 3_600_000));
      for (const t of ticks) selected += await t.sweepAll();
      await queue.whenIdle(600_000);
      rounds += 1;
    };
    // RSS beside the heap: `external` and `arrayBuffers` (memory V8 tracks outside its heap: Buffers of the
    // driver's sockets) tell native allocations the snapshots do not show from allocator pages kept.
    const usage = (): {
      second: number;
      rssMb: number;
      heapUsedMb: number;
      externalMb: number;
      arrayBuffersMb: number;
    } => {
      const m = process.memoryUsage();
      return {
        second: Math.round(performance.now() / 1000),
        rssMb: round(m.rss / 2 ** 20, 1),
        heapUsedMb: round(m.heapUsed / 2 ** 20, 1),
        externalMb: round(m.external / 2 ** 20, 1),
        arrayBuffersMb: round(m.arrayBuffers / 2 ** 20, 1),
      };
    };
    for (let i = 0; i < 5; i += 1) await round1();
    const before = writeHeapSnapshot(join(heapDir, 'before.heapsnapshot'));
    const series = [usage()];
    const t0 = performance.now();
    let sampled = t0;
    while (performance.now() - t0 < seconds * 1000) {
      await round1();
      if (performance.now() - sampled >= 10_000) {
        series.push(usage());
        sampled = performance.now();
      }
    }
    const after = writeHeapSnapshot(join(heapDir, 'after.heapsnapshot'));
    const heap = heapGrowth(summariseHeap(before), summariseHeap(after));
    const growthPct = round(((heap.totalAfter - heap.totalBefore) / heap.totalBefore) * 100, 1);
    const out = {
      kind: 'worker-memory',
      scale,
      db: target.db,
      seconds,
      rounds,
      simulatedHours: rounds,
      tenantJobsEnqueued: selected,
      loadAverage: { atStart: loadAtStart, atEnd: loadavg().map((l) => round(l, 2)) },
      heap: {
        totalBeforeMb: round(heap.totalBefore / 2 ** 20, 1),
        totalAfterMb: round(heap.totalAfter / 2 ** 20, 1),
        growthPct,
        largest: heap.largest,
      },
      usageEvery10s: series,
      verdict: { heapFlat: growthPct <= 5 },
    };
    const file = writeResult(`${scale}-${target.db}-worker-memory`, out);
    process.stdout.write(`${JSON.stringify({ ...out, usageEvery10s: undefined })}\nresults: ${file}\n`);
  } finally {
    rmSync(heapDir, { recursive: true, force: true });
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
