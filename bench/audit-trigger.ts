import { writeResult } from './lib/target';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';

/**
 * What the audit trigger costs a bulk sweep (issue 18 item 3): on a migrated database (`DATABASE_URL`,
 * e.g. `jm_bench_xs`), writes N findings for one tenant in multi-row inserts of 500 (as the cases sweep
 * does), then updates and deletes them, once with no audit trigger on `finding`, once with the
 * row-level trigger of `…-AuditTrail.ts` (`audit_record()`) and once with the statement-level triggers
 * of `…-AuditStatementTriggers.ts`, each in a transaction that is rolled back; the variants take turns
 * for `--rounds` rounds. Prints the median milliseconds per variant and step and writes
 * `bench/results/<time>-audit-trigger.json`.
 *
 *   node dist/bench/audit-trigger.js [--rows 5000] [--rounds 5]
 */
const VARIANTS = {
  none: `DROP TRIGGER audit_record ON finding; DROP TRIGGER audit_record_update ON finding; DROP TRIGGER audit_record_delete ON finding;`,
  row: `DROP TRIGGER audit_record ON finding; DROP TRIGGER audit_record_update ON finding; DROP TRIGGER audit_record_delete ON finding;
        CREATE TRIGGER audit_record AFTER INSERT OR UPDATE OR DELETE ON finding FOR EACH ROW EXECUTE FUNCTION audit_record();`,
  statement: ``,
} as const;
type Variant = keyof typeof VARIANTS;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function once(
  client: pg.Client,
  variant: Variant,
  tenantId: string,
  rows: number,
): Promise<Record<string, number>> {
  await client.query('BEGIN');
  try {
    if (VARIANTS[variant]) await client.query(VARIANTS[variant]);
    const times: Record<string, number> = {};
    let t0 = performance.now();
    for (let i = 0; i < rows; i += 500) {
      const n = Math.min(500, rows - i);
      await client.query(
        `INSERT INTO finding (tenant_id, kind, rule, facts, dedupe_key)
         SELECT $1, 'BENCH_AUDIT', 'bench', jsonb_build_object('caseId', gen_random_uuid(), 'periodStart', '2026-01-05', 'i', g), 'bench-audit:' || g
           FROM generate_series($2::int, $3::int) g`,
        [tenantId, i, i + n - 1],
      );
    }
    times.insert = performance.now() - t0;
    t0 = performance.now();
    await client.query(`UPDATE finding SET rule = 'bench, updated' WHERE tenant_id = $1 AND kind = 'BENCH_AUDIT'`, [
      tenantId,
    ]);
    times.update = performance.now() - t0;
    t0 = performance.now();
    await client.query(`DELETE FROM finding WHERE tenant_id = $1 AND kind = 'BENCH_AUDIT'`, [tenantId]);
    times.delete = performance.now() - t0;
    const [{ n }] = (
      await client.query(
        `SELECT count(*)::int AS n FROM audit_entry WHERE tenant_id = $1 AND table_name = 'finding' AND row_data ->> 'kind' = 'BENCH_AUDIT'`,
        [tenantId],
      )
    ).rows as { n: number }[];
    times.entries = n;
    return times;
  } finally {
    await client.query('ROLLBACK');
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)] * 10) / 10;
};

async function main(): Promise<void> {
  const rows = arg('rows', 5000);
  const rounds = arg('rounds', 5);
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const [{ id: tenantId }] = (await client.query(`SELECT id FROM tenant ORDER BY path DESC LIMIT 1`)).rows as {
      id: string;
    }[];
    const loadBefore = loadavg();
    const samples: Record<Variant, Record<string, number>[]> = { none: [], row: [], statement: [] };
    for (let r = 0; r < rounds; r += 1)
      for (const v of Object.keys(VARIANTS) as Variant[]) samples[v].push(await once(client, v, tenantId, rows));
    const loadAfter = loadavg();
    const result = Object.fromEntries(
      (Object.keys(samples) as Variant[]).map((v) => [
        v,
        Object.fromEntries(
          ['insert', 'update', 'delete', 'entries'].map((k) => [k, median(samples[v].map((s) => s[k]))]),
        ),
      ]),
    );
    const server = ((await client.query('SHOW server_version')).rows as { server_version: string }[])[0].server_version;
    const out = {
      at: new Date().toISOString(),
      rows,
      rounds,
      server,
      cpus: cpus().length,
      load: { before: loadBefore, after: loadAfter },
      medianMs: result,
      samples,
    };
    process.stdout.write(`${JSON.stringify({ ...out, samples: undefined })}\n`);
    writeResult('audit-trigger', out, new Date(out.at));
  } finally {
    await client.end();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
