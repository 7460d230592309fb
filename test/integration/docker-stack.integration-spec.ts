import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REAL_SERVICES } from '@test/support/test-app';
import { createDatabase, dropQueueKeys, freePort, until } from '@test/fault/fault-support';

/**
 * The Docker stack (issue 15 item 2). Docker cannot run on this machine kind, so the files are checked
 * as files, and — against the real PostgreSQL and Redis — the image's command is started with the
 * compose file's environment for the API and the worker, and each service's own healthcheck command
 * is run against it.
 */
const ROOT = join(import.meta.dirname, '../..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
}
const compose = parse(read('docker/compose.yml'), { merge: true }) as { services: Record<string, Service> };
const dockerfile = read('docker/Dockerfile');
const stages = dockerfile.split(/^FROM /m).slice(1);
const finalStage = stages.at(-1)!;

/** `${VAR}`, `${VAR:-default}` and `${VAR:?message}`, as docker compose interpolates them from the .env file. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{([A-Z0-9_]+)(?::([?-])([^}]*))?\}/g, (_m, name: string, kind?: string, rest?: string) => {
    if (env[name]) return env[name];
    if (kind === '?') throw new Error(`compose would stop: ${rest}`);
    return kind === '-' ? (rest ?? '') : '';
  });
}
const requiredVariables = (): string[] =>
  [...read('docker/compose.yml').matchAll(/\$\{([A-Z0-9_]+):\?/g)]
    .map((m) => m[1])
    .filter((v, i, all) => all.indexOf(v) === i);

describe('docker files', () => {
  it('builds in two stages on Node 22 LTS and runs as a non-root user', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage).toMatch(/^node:22-/);
    expect(finalStage).toMatch(/^USER node$/m);
    expect(finalStage).toMatch(/^ENV NODE_ENV=production$/m);
    expect(finalStage).not.toMatch(/npm ci|COPY \. \./); // only the build's output reaches the image
    expect(dockerfile).not.toMatch(/^HEALTHCHECK/m); // each service has its own, in compose
  });

  it('sends no secrets, local data or installed packages to the builder', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim());
    for (const entry of ['.env', '**/.env', '.data', 'node_modules', '**/node_modules', 'dist', '.git'])
      expect(ignored).toContain(entry);
  });

  it('passes every secret production requires to both app services, from .env, each explained in docker/README.md', () => {
    const required = requiredVariables();
    expect(required).toEqual(
      expect.arrayContaining([
        'POSTGRES_PASSWORD',
        'JWT_SECRET',
        'PII_KEY',
        'BOOTSTRAP_ADMIN_PASSWORD',
        'METRICS_TOKEN',
      ]),
    );
    const example = read('docker/.env.example');
    const readme = read('docker/README.md');
    for (const name of required) {
      expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
      expect(readme).toContain(`| \`${name}\` | yes |`);
    }
    for (const name of ['api', 'worker']) {
      const env = compose.services[name].environment!;
      for (const secret of ['DATABASE_URL', 'JWT_SECRET', 'PII_KEY']) expect(env[secret]).toMatch(/\$\{/);
    }
  });

  it('has a healthcheck for the API on its port and a liveness check of its own for the worker', () => {
    const { api, worker } = compose.services;
    expect(api.healthcheck!.test.join(' ')).toMatch(/process\.env\.PORT\|\|3000\)\+'\/health'/);
    expect(worker.command).toEqual(['node', 'dist/apps/worker/main.js']);
    expect(worker.healthcheck!.test.join(' ')).toMatch(/process\.env\.METRICS_PORT\+'\/health'/);
    expect(worker.environment!.WORKER).toBe('on');
    expect(api.environment!.WORKER).toBe('off');
  });
});

(REAL_SERVICES && process.env.REDIS_URL ? describe : describe.skip)(
  'the image command with the compose environment',
  () => {
    const children: ReturnType<typeof spawn>[] = [];
    afterAll(() => {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    });
    beforeAll(() => execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' }), 180_000);

    it('the API and the worker start, pass their healthchecks, and stop gracefully on SIGTERM', async () => {
      const database = await createDatabase();
      const dotenv = {
        POSTGRES_PASSWORD: 'unused-here',
        JWT_SECRET: 'j'.repeat(48),
        PII_KEY: 'p'.repeat(48),
        BOOTSTRAP_ADMIN_PASSWORD: 'compose-admin-password',
        METRICS_TOKEN: 'm'.repeat(24),
      };
      const imageEnv = Object.fromEntries([...finalStage.matchAll(/^ENV (\w+)=(\S+)$/gm)].map((m) => [m[1], m[2]]));
      const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(finalStage)![1]) as string[];
      // The compose network's host names become this machine's services; ports become free ones.
      const serviceEnv = async (name: string): Promise<Record<string, string>> => {
        const env = Object.fromEntries(
          Object.entries(compose.services[name].environment!).map(([k, v]) => [k, interpolate(String(v), dotenv)]),
        );
        return {
          ...imageEnv,
          ...env,
          DATABASE_URL: database.url,
          REDIS_URL: process.env.REDIS_URL!,
          QUEUE_PREFIX: database.name,
          METRICS_PORT: String(await freePort()),
          ...(env.PORT ? { PORT: String(await freePort()) } : {}),
        };
      };
      const start = (command: string[], env: Record<string, string>) => {
        const child = spawn(command[0] === 'node' ? process.execPath : command[0], command.slice(1), {
          cwd: ROOT,
          env: { PATH: process.env.PATH, ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        children.push(child);
        let out = '';
        child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
        const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
        return { child, exited, out: () => out };
      };
      const healthcheck = (name: string, env: Record<string, string>): number | null => {
        const [kind, ...command] = compose.services[name].healthcheck!.test;
        expect(kind).toBe('CMD');
        return spawnSync(command[0] === 'node' ? process.execPath : command[0], command.slice(1), {
          env: { PATH: process.env.PATH, ...env },
          timeout: 10_000,
        }).status;
      };
      try {
        const apiEnv = await serviceEnv('api');
        expect(apiEnv.NODE_ENV).toBe('production');
        const api = start(cmd, apiEnv);
        await until(async () => (healthcheck('api', apiEnv) === 0 ? true : null), 120, 'the API healthcheck', api.out);
        const health = (await (await fetch(`http://127.0.0.1:${apiEnv.PORT}/health`)).json()) as {
          status: string;
          database: { mode: string };
        };
        expect(health).toMatchObject({ status: 'ok', database: { mode: 'postgres' } });

        const workerEnv = await serviceEnv('worker');
        const worker = start(compose.services.worker.command!, workerEnv);
        await until(
          async () => (healthcheck('worker', workerEnv) === 0 ? true : null),
          120,
          'the worker healthcheck',
          worker.out,
        );

        for (const proc of [worker, api]) {
          proc.child.kill('SIGTERM');
          expect(await proc.exited).toBe(0);
          const lines = proc
            .out()
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as { msg: string; context?: string });
          const stopped = expect.stringMatching(/^stopped in \d+ ms \(requests drained, jobs drained\)$/);
          // The API first refuses new requests and drains those in flight; the worker has no HTTP port.
          expect(lines.filter((l) => l.context === 'Shutdown').map((l) => l.msg)).toEqual(
            proc === api ? [expect.stringMatching(/^stopping: new requests refused/), stopped] : [stopped],
          );
        }
      } finally {
        await database.drop();
        await dropQueueKeys(database.name);
      }
    }, 300_000);
  },
);
