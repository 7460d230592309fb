import autocannon from 'autocannon';
import type pg from 'pg';
import { percentile, round } from './process';

export interface LoadStats {
  concurrency: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Transport errors, timeouts, non-2xx answers and GraphQL `errors` bodies. */
  errors: number;
}

/** One measurement's raw material: every latency, the wall time it took, its errors. */
export interface Raw {
  latencies: number[];
  seconds: number;
  errors: number;
}

/** Stats over one or more rounds of the same measurement (interleaved with others on a shared machine). */
export function summarize(concurrency: number, rounds: Raw[]): LoadStats {
  const all = rounds.flatMap((r) => r.latencies);
  return stats(
    concurrency,
    rounds.reduce((n, r) => n + r.seconds, 0),
    all,
    rounds.reduce((n, r) => n + r.errors, 0),
  );
}

function stats(concurrency: number, seconds: number, latencies: number[], errors: number): LoadStats {
  latencies.sort((a, b) => a - b);
  return {
    concurrency,
    seconds: round(seconds, 1),
    requests: latencies.length,
    rps: round(latencies.length / seconds, 1),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    errors,
  };
}

/** A GraphQL POST request body. */
export function gqlBody(query: string, variables?: Record<string, unknown>): string {
  return JSON.stringify(variables ? { query, variables } : { query });
}

/**
 * Drives one GraphQL request at `connections` concurrent connections for `seconds` with autocannon
 * (closed loop, one request in flight per connection). Latency percentiles are computed from every
 * response's time; a body with `"errors"` counts as an error.
 */
export async function httpLoad(opts: {
  url: string;
  token: string;
  body: string;
  connections: number;
  seconds: number;
}): Promise<Raw> {
  const latencies: number[] = [];
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${opts.url}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.token}` },
        body: opts.body,
        connections: opts.connections,
        duration: opts.seconds,
        timeout: 30,
        verifyBody: (body: string) => !body.includes('"errors"'),
      } as autocannon.Options,
      (err, res) => (err ? reject(err as Error) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const seconds = (performance.now() - started) / 1000;
  const mismatches = (result as unknown as { mismatches?: number }).mismatches ?? 0;
  return { latencies, seconds, errors: result.errors + result.timeouts + result.non2xx + mismatches };
}

/**
 * The direct-SQL floor: `concurrency` workers each running `work` in a loop on a pool (the same
 * size as the API's) for `seconds`; latency includes waiting for a pooled connection, as in the API.
 */
export async function sqlLoad(opts: {
  pool: pg.Pool;
  concurrency: number;
  seconds: number;
  work: (client: pg.PoolClient) => Promise<void>;
}): Promise<Raw> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const until = started + opts.seconds * 1000;
  const worker = async (): Promise<void> => {
    while (performance.now() < until) {
      const t0 = performance.now();
      const client = await opts.pool.connect();
      try {
        await opts.work(client);
        latencies.push(performance.now() - t0);
      } catch {
        errors += 1;
        await client.query('ROLLBACK').catch(() => undefined);
      } finally {
        client.release();
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  return { latencies, seconds: (performance.now() - started) / 1000, errors };
}
