import type { Identity } from '../scenarios';
import { appEnv } from '../seed';
import { BENCH_ADMIN_PASSWORD } from './constants';
import { startServer, type Server } from './process';
import type { BenchTarget } from './target';

/**
 * The real API as a separate process (`dist/apps/api/main.js`) on the bench database, in production mode
 * as operators run it: graphql-js without its development checks, JSON logs, and no queue workers (the
 * job schedulers do not run while reads are measured; the sweeps are timed in their own processes).
 * `nodeArgs` go to node (the sustained run's `--heapsnapshot-signal`).
 */
export function startApi(target: BenchTarget, nodeArgs: string[] = []): Promise<Server> {
  const env = {
    ...appEnv(target),
    BOOTSTRAP_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
    NODE_ENV: 'production',
    WORKER: 'off',
    GRAPHIQL: 'false',
    SEED_DEMO: '',
    // The sign-ins of a run last the run: its reads alone outlast the default 15 minutes of an access token.
    ACCESS_TOKEN_TTL: '7200',
  };
  return startServer(
    'dist/apps/api/main.js',
    target.db === 'embedded' ? { ...env, EMBEDDED_DATABASE: 'on' } : env,
    '/health',
    'API',
    nodeArgs,
  );
}

export interface GqlAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string }[];
}

export async function gql(
  url: string,
  query: string,
  token?: string,
  variables?: Record<string, unknown>,
): Promise<GqlAnswer> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GqlAnswer;
}

export async function login(
  url: string,
  who: Pick<Identity, 'tenantCode' | 'username'>,
  password: string,
): Promise<string> {
  const answer = await gql(url, `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`, undefined, {
    input: { tenantCode: who.tenantCode, username: who.username, password },
  });
  const token = (answer.data?.login as { accessToken?: string } | undefined)?.accessToken;
  if (!token) throw new Error(`login ${who.tenantCode}/${who.username} failed: ${JSON.stringify(answer.errors)}`);
  return token;
}
