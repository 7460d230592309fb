import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { heapGrowth, summariseHeap } from './lib/heap';
import autocannon from 'autocannon';
import { login, startApi } from './lib/api';
import { findPicks, findWriters, withOwnerPool } from './lib/owner';
import { memoryOf, round } from './lib/process';
import { Prng } from './lib/prng';
import { writeResult, type BenchTarget, type Manifest } from './lib/target';
import { READ_SCENARIOS } from './scenarios';

const WRITERS = 20;
const WRITE_SHARE = 0.2;

/**
 * A sustained mixed load: `connections` connections for `seconds`, each request a read scenario
 * (80%) or a write (20%: `scheduleMeeting` by the office of one of 20 towns). Records every error
 * (transport, non-2xx or GraphQL `errors`), the API's RSS every 10 s, and afterwards checks in the
 * database that every write the API acknowledged is there. A heap snapshot of the API after a 30-s
 * warm-up and another after the run (both with no request in flight; V8 collects garbage before writing
 * one) say which kinds of object grew, beside the RSS.
 */
export async function runSustained(
  target: BenchTarget,
  manifest: Manifest,
  opts: { seconds: number; connections: number },
): Promise<string> {
  const { picks, writers } = await withOwnerPool(target, async (pool) => ({
    picks: await findPicks(pool),
    writers: await findWriters(pool, WRITERS),
  }));
  // Reads the seeded database has (the province view needs a seed with the PROVINCE tenant).
  const readScenarios = READ_SCENARIOS.filter((s) => !s.needs || s.needs(picks));
  const heapDir = mkdtempSync(join(tmpdir(), 'jm-heap-'));
  const api = await startApi(target, ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${heapDir}`]);
  const snapshots: string[] = [];
  const rssSeries: { second: number; rssMb: number }[] = [];
  const acknowledged: string[] = [];
  let graphqlErrors = 0;
  let reads = 0;
  let writes = 0;
  let result: autocannon.Result;
  const started = Date.now();
  try {
    const tokens = new Map<string, string>();
    tokens.set('unitUser', await login(api.url, picks.unitUser, manifest.password));
    tokens.set('countyOffice', await login(api.url, picks.countyOffice, manifest.password));
    for (const w of writers) tokens.set(`writer:${w.tenantCode}`, await login(api.url, w, manifest.password));
    if (picks.provinceSuperior)
      tokens.set('provinceSuperior', await login(api.url, picks.provinceSuperior, manifest.password));
    const keyOf = (who: unknown): string =>
      who === picks.unitUser ? 'unitUser' : who === picks.provinceSuperior ? 'provinceSuperior' : 'countyOffice';
    const readOps = readScenarios.map((s) => ({
      body: JSON.stringify({ query: s.query(picks) }),
      token: tokens.get(keyOf(s.as(picks)))!,
    }));
    const rng = new Prng(`sustained/${manifest.seed}`);
    let n = 0;
    const sample = (): void => {
      const m = memoryOf(api.pid);
      if (m) rssSeries.push({ second: Math.round((Date.now() - started) / 1000), rssMb: round(m.rssMb, 1) });
    };
    sample();
    const timer = setInterval(sample, 10_000);
    const load = (duration: number): Promise<autocannon.Result> =>
      autocannon({
        url: api.url,
        connections: opts.connections,
        duration,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            path: '/graphql',
            setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
              if (rng.chance(WRITE_SHARE)) {
                const w = writers[rng.int(0, writers.length - 1)];
                n += 1;
                context.op = 'write';
                const when = new Date(Date.now() + rng.int(1, 60) * 86_400_000).toISOString();
                return {
                  ...req,
                  headers: {
                    'content-type': 'application/json',
                    authorization: `Bearer ${tokens.get(`writer:${w.tenantCode}`)}`,
                  },
                  body: JSON.stringify({
                    query: 'mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }',
                    variables: {
                      input: {
                        tenantCode: w.tenantCode,
                        typeCode: w.typeCode,
                        title: `持续负载写入 ${n}`,
                        scheduledAt: when,
                        topics: ['基准'],
                      },
                    },
                  }),
                };
              }
              const op = readOps[rng.int(0, readOps.length - 1)];
              context.op = 'read';
              return {
                ...req,
                headers: { 'content-type': 'application/json', authorization: `Bearer ${op.token}` },
                body: op.body,
              };
            },
            onResponse: (status: number, body: string, context: Record<string, unknown>) => {
              if (status !== 200 || body.includes('"errors"')) {
                graphqlErrors += 1;
                return;
              }
              if (context.op === 'write') {
                writes += 1;
                const id = (JSON.parse(body) as { data?: { scheduleMeeting?: { id?: string } } }).data?.scheduleMeeting
                  ?.id;
                if (id) acknowledged.push(id);
                else graphqlErrors += 1;
              } else {
                reads += 1;
              }
            },
          },
        ],
      } as unknown as autocannon.Options) as unknown as Promise<autocannon.Result>;
    await load(30);
    snapshots.push(await heapSnapshot(api.pid, heapDir, snapshots.length));
    graphqlErrors = 0;
    reads = 0;
    writes = 0;
    result = await load(opts.seconds);
    snapshots.push(await heapSnapshot(api.pid, heapDir, snapshots.length));
    clearInterval(timer);
    sample();
  } finally {
    await api.stop();
  }
  const found = await withOwnerPool(target, async (pool) =>
    Number(
      (
        (await pool.query(`SELECT count(*)::int AS n FROM meeting WHERE id = ANY($1::uuid[])`, [acknowledged]))
          .rows[0] as { n: number }
      ).n,
    ),
  );
  const errors = result.errors + result.timeouts + result.non2xx + graphqlErrors;
  const heap = heapGrowth(summariseHeap(snapshots[0]), summariseHeap(snapshots[1]));
  rmSync(heapDir, { recursive: true, force: true });
  const mb = (bytes: number): number => round(bytes / 2 ** 20, 2);
  const heapGrowthPct = round(((heap.totalAfter - heap.totalBefore) / heap.totalBefore) * 100, 1);
  // Flat: after the first 30 s (warm-up), the last third of samples against the first third.
  const steady = rssSeries.filter((s) => s.second >= 30);
  const third = Math.max(1, Math.floor(steady.length / 3));
  const mean = (xs: { rssMb: number }[]): number => xs.reduce((a, b) => a + b.rssMb, 0) / Math.max(1, xs.length);
  const early = mean(steady.slice(0, third));
  const late = mean(steady.slice(-third));
  const growthPct = steady.length >= 3 ? round(((late - early) / early) * 100, 1) : null;
  const out = {
    kind: 'sustained',
    at: new Date().toISOString(),
    machine: {
      nproc: cpus().length,
      memGb: round(totalmem() / 2 ** 30, 1),
      cpu: cpus()[0]?.model ?? 'unknown',
      node: process.version,
    },
    db: target.db,
    scale: manifest.scale,
    seconds: opts.seconds,
    connections: opts.connections,
    mix: {
      writeShare: WRITE_SHARE,
      reads: readScenarios.map((s) => s.name),
      write: 'scheduleMeeting by one of 20 town offices',
    },
    requests: result.requests.total,
    rps: round(result.requests.average, 1),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    reads,
    writes,
    errors,
    errorDetail: { transport: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, graphql: graphqlErrors },
    acknowledgedWrites: acknowledged.length,
    acknowledgedWritesFound: found,
    rssEvery10s: rssSeries,
    rss: {
      earlyMeanMb: round(early, 1),
      lateMeanMb: round(late, 1),
      growthPct,
      flat: growthPct !== null && growthPct <= 5,
    },
    heap: {
      afterWarmUpMb: mb(heap.totalBefore),
      afterRunMb: mb(heap.totalAfter),
      growthPct: heapGrowthPct,
      largestGrowth: heap.largest.map((g) => ({
        kind: g.kind,
        count: `${g.countBefore} → ${g.countAfter}`,
        mb: `${mb(g.bytesBefore)} → ${mb(g.bytesAfter)}`,
      })),
    },
    pass: {
      noErrors: errors === 0,
      everyAcknowledgedWriteFound: found === acknowledged.length,
      memoryFlat: growthPct !== null && growthPct <= 5,
      heapFlat: heapGrowthPct <= 5,
    },
  };
  process.stdout.write(
    `${JSON.stringify({ ...out, rssEvery10s: undefined }, null, 2)}\nRSS every 10 s (MB): ${rssSeries.map((s) => s.rssMb).join(' ')}\n`,
  );
  const file = writeResult(`${manifest.scale}-${target.db}-sustained`, out);
  process.stdout.write(`results: ${file}\n`);
  return file;
}

/** Asks the API for a heap snapshot (SIGUSR2) and waits until the file is complete; returns its path. */
async function heapSnapshot(pid: number, dir: string, before: number): Promise<string> {
  // The load generator has stopped, but the API may still be answering the requests it had in flight.
  await new Promise((r) => setTimeout(r, 5000));
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + 300_000;
  for (;;) {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.heapsnapshot'))
      .sort();
    if (files.length > before) {
      const file = join(dir, files[files.length - 1]);
      // Written in one go by the (paused) process: complete once its size stops changing.
      const size = statSync(file).size;
      await new Promise((r) => setTimeout(r, 2000));
      if (size > 0 && statSync(file).size === size) return file;
    } else if (Date.now() > deadline) {
      throw new Error('the API wrote no heap snapshot in 300 s');
    } else {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
