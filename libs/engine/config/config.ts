import { join } from 'node:path';
import { z } from 'zod';

/** Runtime configuration, read once from the environment (see the README's configuration table). */
export interface AppConfig {
  port: number;
  production: boolean;
  /** A real PostgreSQL; when absent the embedded PGlite database under `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Where jurisdiction plugins are discovered (default: the repository's plugins/). */
  pluginsDir: string | undefined;
  /** A real Redis for BullMQ; when absent jobs run in-process. */
  redisUrl: string | undefined;
  /** A Redis Cluster's seed nodes (REDIS_CLUSTER_NODES, `host:port,…`); when set, BullMQ uses it instead of REDIS_URL. */
  redisClusterNodes: string[];
  /** Undefined until resolved at start (generated and kept in the data dir in embedded mode). */
  jwtSecret: string | undefined;
  /** Key for petitioners' personal data (PII_KEY); see resolvePiiKey. */
  piiKey: string | undefined;
  /** Access tokens are short (ACCESS_TOKEN_TTL); sessions continue through rotating refresh tokens. */
  accessTokenTtlSeconds: number;
  /** A session's absolute lifetime (SESSION_MAX_AGE): no refresh extends it; sign in again after it. */
  sessionMaxAgeSeconds: number;
  /** How long an administrator-issued temporary password works (PASSWORD_RESET_TTL); it is spent at its first sign-in. */
  passwordResetTtlSeconds: number;
  /**
   * How long a process may trust what it last read of a user's token version, activity and session
   * (TOKEN_VERSION_CACHE_MS; 0: read on every request): a deactivation or role change is refused on
   * every replica within it.
   */
  tokenVersionCacheMs: number;
  seedDemo: boolean;
  bootstrapAdminPassword: string | undefined;
  corsOrigins: string[];
  /** The API is reached over https (TLS=on; usually a TLS-terminating proxy): HSTS and upgrade-insecure-requests. */
  tls: boolean;
  /** The GraphQL IDE at /graphiql; on outside production unless turned off. */
  graphiql: boolean;
  /**
   * Whether this process runs queue workers: in production off unless WORKER=on (API processes serve,
   * apps/worker sweeps), elsewhere on unless WORKER=off; apps/worker always does. Without Redis jobs run
   * in-process anyway, and only the process that claims a scheduled tick runs it (job-tick.repository.ts).
   */
  runWorkers: boolean;
  /**
   * BullMQ: how long a worker's lock on an active job lasts (renewed at half that while the worker
   * lives), and how often workers look for active jobs whose lock lapsed — a worker that died mid-job —
   * to run them again. A job stuck by a dead worker resumes within about lock + 2 × interval.
   */
  queueLockDurationMs: number;
  queueStalledIntervalMs: number;
  /**
   * How many jobs (one tenant's sweep each, mostly) one process runs at a time (JOB_CONCURRENCY): the BullMQ
   * worker's `concurrency`, and the in-process queue's bound. 4 on PostgreSQL, 1 on the embedded database
   * (one connection: a second job would only wait for it).
   */
  jobConcurrency: number;
  queryMaxDepth: number;
  queryMaxCost: number;
  queryMaxAliases: number;
  /** Lists without a `limit` argument are costed as holding this many items (GRAPHQL_LIST_SIZE). */
  queryAssumedListSize: number;
  /** Tokens of a query document (GRAPHQL_MAX_TOKENS), and body bytes and tokens without a valid token. */
  queryMaxTokens: number;
  anonymousMaxBytes: number;
  anonymousMaxTokens: number;
  /** argon2id cost (OWASP: 19 MiB × 2 at least; the library default, 64 MiB × 3, unless set). */
  passwordHashMemoryKib: number;
  passwordHashTimeCost: number;
  /** Sign-in failures allowed per account + client address within the window, before a lockout. */
  loginMaxFailures: number;
  loginWindowSeconds: number;
  /** The first lockout of an account + address pair; each further one doubles, up to the maximum. */
  loginLockoutSeconds: number;
  loginLockoutMaxSeconds: number;
  /** Failures per account from all addresses, and per client address over all accounts, within the window. */
  loginAccountMaxFailures: number;
  loginAddressMaxFailures: number;
  /** Express `trust proxy`: the proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES, comma-separated). */
  trustedProxies: string[];
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** `json`: one JSON object a line (pino; the production default), `text`: Nest's coloured console lines. */
  logFormat: 'json' | 'text';
  /** GET /metrics on the API's port answers only with `Authorization: Bearer <METRICS_TOKEN>`. */
  metricsToken: string | undefined;
  /** An internal port serving /metrics (and /health) without a token; bind it where only the monitoring can reach. */
  metricsPort: number | undefined;
  /** How often the job schedulers are checked (and re-created when Redis lost them). */
  schedulerCheckMs: number;
  /**
   * When a BullMQ job scheduler declared at start first runs: `at-start` (BullMQ's own: at once) or
   * `after-interval` (one interval later, as the in-process queue always does).
   */
  schedulesFirstRun: 'at-start' | 'after-interval';
  /** How long a stopping process waits for requests and jobs in flight before it closes anyway. */
  shutdownGraceMs: number;
}

/** One configuration problem: the variable and what is wrong with it. */
export interface ConfigProblem {
  variable: string;
  message: string;
}

/** Thrown by loadConfig: names every bad variable at once, so an operator fixes them in one round. */
export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(
      `invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

const TRUE = /^(1|true|yes|on)$/i;
const flag = z
  .string()
  .regex(/^(1|true|yes|on|0|false|no|off)$/i, 'expected true or false (also on/off, yes/no, 1/0)')
  .transform((v) => TRUE.test(v));
const count = (min = 0, unit = ''): z.ZodType<number, string> =>
  z
    .string()
    .regex(/^\d+$/, 'must be a non-negative integer')
    .transform(Number)
    .refine((n) => n >= min, `must be at least ${min}${unit}`);
const port = count(0).refine((n) => n <= 65535, 'must be a port number (0–65535)');
const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
const urlWith = (protocols: string[], example: string) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, `must be a URL like ${example}`);
const secret = (what: string) => z.string().min(32, `must be at least 32 characters (${what})`);

/**
 * Every environment variable the platform reads, in one schema (the README's configuration table and
 * docs/operations.md describe them). Unset and empty are the same. Variables not listed are ignored.
 */
const ENV = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], { message: 'must be development, production or test' })
    .optional(),
  PORT: port.optional(),
  DATABASE_URL: urlWith(['postgres:', 'postgresql:'], 'postgres://user:password@host:5432/database').optional(),
  /** Production without DATABASE_URL runs on the embedded database only when this says so. */
  EMBEDDED_DATABASE: flag.optional(),
  DATA_DIR: z.string().optional(),
  PLUGINS_DIR: z.string().optional(),
  REDIS_URL: urlWith(['redis:', 'rediss:'], 'redis://host:6379').optional(),
  REDIS_CLUSTER_NODES: list
    .refine((nodes) => nodes.every((n) => /^[^\s:]+:\d{1,5}$/.test(n)), 'must be host:port,host:port,…')
    .optional(),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_{}.-]{1,64}$/, 'letters, digits, _ . - and a {hash tag} only (at most 64)')
    .optional(),
  JWT_SECRET: secret('token signing secret').optional(),
  PII_KEY: secret("key of petitioners' personal data").optional(),
  ACCESS_TOKEN_TTL: count(1, ' (seconds)').optional(),
  SESSION_MAX_AGE: count(1, ' (seconds)').optional(),
  PASSWORD_RESET_TTL: count(60, ' (seconds)').optional(),
  TOKEN_VERSION_CACHE_MS: count(0)
    .refine((n) => n <= 60_000, 'must be at most 60000 (a minute: deactivations must take effect within seconds)')
    .optional(),
  SEED_DEMO: flag.optional(),
  DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  BOOTSTRAP_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  CORS_ORIGINS: list
    .refine(
      (origins) => origins.every((o) => /^https?:\/\/[^/\s]+$/.test(o)),
      'must be origins like https://console.example.cn (comma-separated, no path)',
    )
    .optional(),
  TLS: flag.optional(),
  GRAPHIQL: flag.optional(),
  WORKER: flag.optional(),
  QUEUE_LOCK_DURATION_MS: count(500, ' (milliseconds)').optional(),
  QUEUE_STALLED_INTERVAL_MS: count(500, ' (milliseconds)').optional(),
  JOB_CONCURRENCY: count(1)
    .refine((n) => n <= 64, 'must be at most 64')
    .optional(),
  GRAPHQL_MAX_DEPTH: count(1).optional(),
  GRAPHQL_MAX_COST: count(1).optional(),
  GRAPHQL_MAX_ALIASES: count(1).optional(),
  GRAPHQL_LIST_SIZE: count(1).optional(),
  GRAPHQL_MAX_TOKENS: count(100).optional(),
  GRAPHQL_ANONYMOUS_MAX_BYTES: count(1024, ' (bytes)').optional(),
  GRAPHQL_ANONYMOUS_MAX_TOKENS: count(50).optional(),
  PASSWORD_HASH_MEMORY_KIB: count(1024, ' (KiB)').optional(),
  PASSWORD_HASH_TIME_COST: count(1).optional(),
  LOGIN_MAX_FAILURES: count().optional(),
  LOGIN_WINDOW_SECONDS: count().optional(),
  LOGIN_LOCKOUT_SECONDS: count().optional(),
  LOGIN_LOCKOUT_MAX_SECONDS: count().optional(),
  LOGIN_ACCOUNT_MAX_FAILURES: count().optional(),
  LOGIN_ADDRESS_MAX_FAILURES: count().optional(),
  TRUSTED_PROXIES: list.optional(),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug'], { message: 'must be error, warn, log or debug' }).optional(),
  LOG_FORMAT: z.enum(['json', 'text'], { message: 'must be json or text' }).optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  METRICS_PORT: port.optional(),
  SCHEDULER_CHECK_SECONDS: count(1, ' (seconds)').optional(),
  SCHEDULES_FIRST_RUN: z
    .enum(['at-start', 'after-interval'], { message: 'must be at-start or after-interval' })
    .optional(),
  SHUTDOWN_GRACE_MS: count(0, ' (milliseconds)').optional(),
});

type Env = z.output<typeof ENV>;

/** Rules between variables, and what production refuses. */
function crossCheck(e: Env): ConfigProblem[] {
  const production = e.NODE_ENV === 'production';
  const problems: ConfigProblem[] = [];
  const add = (variable: string, message: string): void => void problems.push({ variable, message });
  if (production && !e.DATABASE_URL && !e.EMBEDDED_DATABASE) {
    add(
      'DATABASE_URL',
      'is required in production (is it spelled right?); to run on the embedded database deliberately, set EMBEDDED_DATABASE=on',
    );
  }
  if (e.DATABASE_URL && e.EMBEDDED_DATABASE) add('EMBEDDED_DATABASE', 'contradicts DATABASE_URL: set one of them');
  if (e.DATABASE_URL && !e.JWT_SECRET)
    add('JWT_SECRET', 'is required when DATABASE_URL is set (tokens must survive restarts and be shared by replicas)');
  if (production && e.DATABASE_URL && !e.PII_KEY) {
    add(
      'PII_KEY',
      "is required in production with DATABASE_URL (petitioners' personal data is encrypted with it; keep it apart from JWT_SECRET)",
    );
  }
  if (production && e.SEED_DEMO)
    add('SEED_DEMO', 'demo tenants and accounts are never created in production: remove it');
  if (production && (e.PASSWORD_HASH_MEMORY_KIB ?? 65536) < 19456)
    add('PASSWORD_HASH_MEMORY_KIB', 'must be at least 19456 in production (OWASP argon2id minimum)');
  if (production && (e.PASSWORD_HASH_TIME_COST ?? 3) < 2)
    add('PASSWORD_HASH_TIME_COST', 'must be at least 2 in production (OWASP argon2id minimum)');
  if (!e.DATABASE_URL && (e.JOB_CONCURRENCY ?? 1) > 1)
    add('JOB_CONCURRENCY', 'must be 1 on the embedded database (one connection: jobs run one at a time there)');
  if (e.METRICS_PORT !== undefined && e.METRICS_PORT === (e.PORT ?? 3000))
    add('METRICS_PORT', 'must differ from PORT (it is the internal port)');
  return problems;
}

/**
 * Reads and validates the configuration, once, at start: every variable through one schema, then
 * the rules between them. Throws a ConfigError naming each bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(
    Object.keys(ENV.shape).flatMap((k) => (env[k] === undefined || env[k] === '' ? [] : [[k, env[k]]])),
  );
  const parsed = ENV.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => ({ variable: String(i.path[0]), message: i.message })));
  }
  const e = parsed.data;
  const problems = crossCheck(e);
  if (problems.length) throw new ConfigError(problems);
  const production = e.NODE_ENV === 'production';
  return {
    port: e.PORT ?? 3000,
    production,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR ?? join(process.cwd(), '.data'),
    pluginsDir: e.PLUGINS_DIR,
    redisUrl: e.REDIS_URL,
    redisClusterNodes: e.REDIS_CLUSTER_NODES ?? [],
    jwtSecret: e.JWT_SECRET,
    piiKey: e.PII_KEY,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL ?? 900,
    sessionMaxAgeSeconds: e.SESSION_MAX_AGE ?? 12 * 3600,
    passwordResetTtlSeconds: e.PASSWORD_RESET_TTL ?? 24 * 3600,
    tokenVersionCacheMs: e.TOKEN_VERSION_CACHE_MS ?? 5000,
    // Never in production (crossCheck refuses SEED_DEMO=true there).
    seedDemo: e.SEED_DEMO ?? (!e.DATABASE_URL && !production),
    bootstrapAdminPassword: e.BOOTSTRAP_ADMIN_PASSWORD,
    corsOrigins: e.CORS_ORIGINS ?? [],
    graphiql: e.GRAPHIQL ?? !production,
    tls: e.TLS ?? false,
    runWorkers: e.WORKER ?? !production,
    queueLockDurationMs: e.QUEUE_LOCK_DURATION_MS ?? 30_000,
    queueStalledIntervalMs: e.QUEUE_STALLED_INTERVAL_MS ?? 30_000,
    jobConcurrency: e.JOB_CONCURRENCY ?? (e.DATABASE_URL ? 4 : 1),
    queryMaxDepth: e.GRAPHQL_MAX_DEPTH ?? 10,
    queryMaxCost: e.GRAPHQL_MAX_COST ?? 50_000,
    queryMaxAliases: e.GRAPHQL_MAX_ALIASES ?? 30,
    queryAssumedListSize: e.GRAPHQL_LIST_SIZE ?? 10,
    queryMaxTokens: e.GRAPHQL_MAX_TOKENS ?? 5000,
    anonymousMaxBytes: e.GRAPHQL_ANONYMOUS_MAX_BYTES ?? 8192,
    anonymousMaxTokens: e.GRAPHQL_ANONYMOUS_MAX_TOKENS ?? 1000,
    passwordHashMemoryKib: e.PASSWORD_HASH_MEMORY_KIB ?? 65536,
    passwordHashTimeCost: e.PASSWORD_HASH_TIME_COST ?? 3,
    loginMaxFailures: e.LOGIN_MAX_FAILURES ?? 5,
    loginWindowSeconds: e.LOGIN_WINDOW_SECONDS ?? 900,
    loginLockoutSeconds: e.LOGIN_LOCKOUT_SECONDS ?? 60,
    loginLockoutMaxSeconds: e.LOGIN_LOCKOUT_MAX_SECONDS ?? 86_400,
    loginAccountMaxFailures: e.LOGIN_ACCOUNT_MAX_FAILURES ?? 50,
    loginAddressMaxFailures: e.LOGIN_ADDRESS_MAX_FAILURES ?? 100,
    trustedProxies: e.TRUSTED_PROXIES ?? [],
    logLevel: e.LOG_LEVEL ?? 'log',
    logFormat: e.LOG_FORMAT ?? (production ? 'json' : 'text'),
    metricsToken: e.METRICS_TOKEN,
    metricsPort: e.METRICS_PORT,
    schedulerCheckMs: (e.SCHEDULER_CHECK_SECONDS ?? 60) * 1000,
    schedulesFirstRun: e.SCHEDULES_FIRST_RUN ?? 'at-start',
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS ?? 10_000,
  };
}

/** Nest injection token for the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
