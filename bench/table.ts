import { readFileSync } from 'node:fs';

/**
 * Prints Markdown tables from benchmark result files (for the README):
 * `node dist/bench/table.js bench/results/<file>.json …`.
 */
interface Stats {
  concurrency: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  peakRssMb?: number;
}
interface Result {
  kind: string;
  db: string;
  scale: string;
  machine: Record<string, unknown>;
  seed: { seedSeconds: number; tenants: number; rows: Record<string, number> };
  options: { seconds: number; rounds: number };
  apiPeakRssMb: number;
  reads: { scenario: string; api: Stats[]; floor: Stats[]; baseline?: Stats[] }[];
  walls: Record<string, Record<string, unknown>>;
  targets: { target: string; measured: string; pass: boolean | null }[];
  schedulerTicksDuringReads?: number | null;
}

const r2 = (n: number): string => (Number.isFinite(n) ? String(Math.round(n * 100) / 100) : '-');

for (const file of process.argv.slice(2)) {
  const r = JSON.parse(readFileSync(file, 'utf8')) as Result;
  if (r.kind !== 'bench') continue;
  const rows = Object.values(r.seed.rows).reduce((a, b) => a + b, 0);
  process.stdout.write(
    `\n#### ${r.scale} on ${r.db === 'pg' ? `PostgreSQL ${String(r.machine.postgres)}` : 'embedded PGlite'} (${file.split('/').pop()})\n`,
  );
  process.stdout.write(
    `${r.seed.tenants} tenants, ${rows.toLocaleString('en')} rows, seeded in ${r.seed.seedSeconds} s; ${r.options.seconds} s per figure in ${r.options.rounds} round(s); API peak RSS ${r.apiPeakRssMb} MB; load average ${JSON.stringify(r.machine.loadAverage1m)}` +
      (r.machine.uptimeLoad ? `; uptime load (1/5/15 min) ${JSON.stringify(r.machine.uptimeLoad)}` : '') +
      (r.schedulerTicksDuringReads !== undefined
        ? `; scheduler ticks during the reads: ${r.schedulerTicksDuringReads}`
        : '') +
      '\n\n',
  );
  process.stdout.write(
    '| read | c | API req/s | API p50 / p95 / p99 ms | SQL floor req/s | floor p50 ms | p50 vs floor | graphql-js req/s | vs graphql-js | API peak RSS MB |\n|---|---|---|---|---|---|---|---|---|---|\n',
  );
  for (const read of r.reads) {
    read.api.forEach((a, i) => {
      const f = read.floor[i];
      const b = read.baseline?.[i];
      process.stdout.write(
        `| ${read.scenario} | ${a.concurrency} | ${a.rps} | ${a.p50} / ${a.p95} / ${a.p99} | ${f?.rps ?? '-'} | ${f?.p50 ?? '-'} | ${f ? `${r2(a.p50 / f.p50)}×` : '-'} | ${b?.rps ?? '-'} | ${b ? `${r2(a.rps / b.rps)}×` : '-'} | ${a.peakRssMb ?? '-'} |\n`,
      );
    });
  }
  const onboard = r.walls['onboard-town'];
  const sweep = r.walls['cadence-sweep'];
  const walls: string[] = [];
  // The tick after the repeat (since 2026-12-03): how many tenants its selection still found work in.
  const next = (w: Record<string, unknown>): string =>
    typeof w.nextTickTenants === 'number'
      ? `; next tick ${w.nextTickTenants} tenants selected, ${Number(w.nextTickSeconds)} s`
      : '';
  if (onboard)
    walls.push(`Onboarding a town over HTTP: median ${String(onboard.medianMs)} ms, max ${String(onboard.maxMs)} ms.`);
  if (sweep)
    walls.push(
      `Cadence sweep over ${String(sweep.tenants)} tenants: ${String(sweep.firstSeconds)} s (repeat ${String(sweep.repeatSeconds)} s${next(sweep)}).`,
    );
  const delta = (w: Record<string, unknown>, key: string): number =>
    ((w.afterFirst as Record<string, number>)[key] ?? 0) - ((w.before as Record<string, number>)[key] ?? 0);
  const sup = r.walls['supervision-sweep'];
  if (sup) {
    walls.push(
      `Supervision sweep (monthly notice, ladder, delivery) over ${String(sup.tenants)} tenants: ${String(sup.firstSeconds)} s (repeat ${String(sup.repeatSeconds)} s${next(sup)}); ` +
        `it wrote ${delta(sup, 'notices')} notices, ${delta(sup, 'ladderActions')} ladder actions, ${delta(sup, 'outbox')} outbox messages.`,
    );
  }
  const cases = r.walls['cases-sweep'];
  if (cases)
    walls.push(
      `Cases sweep over ${String(cases.tenants)} tenants: ${String(cases.firstSeconds)} s (repeat ${String(cases.repeatSeconds)} s${next(cases)}); it wrote ${delta(cases, 'caseEvents')} case events, ${delta(cases, 'notifications')} notifications.`,
    );
  process.stdout.write(`\n${walls.join(' ')}\n`);
  const misses = r.targets.filter((t) => t.pass === false).length;
  const passes = r.targets.filter((t) => t.pass === true).length;
  process.stdout.write(`Targets: ${passes} pass, ${misses} miss.\n`);
}
