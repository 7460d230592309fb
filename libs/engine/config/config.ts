import { join } from 'node:path';

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
  accessTokenTtlSeconds: number;
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
  queryMaxDepth: number;
  queryMaxCost: number;
  queryMaxAliases: number;
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
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new Error(`expected true or false, got "${value}"`);
}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

function millis(name: string, value: string | undefined, fallback: number): number {
  const n = int(name, value, fallback);
  if (n < 500) throw new Error(`${name} must be at least 500 (milliseconds), got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL || undefined;
  const jwtSecret = env.JWT_SECRET || undefined;
  if (databaseUrl && !jwtSecret) {
    throw new Error('JWT_SECRET is required when DATABASE_URL is set (tokens must survive restarts and be shared by replicas)');
  }
  if (jwtSecret && jwtSecret.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
  const piiKey = env.PII_KEY || undefined;
  if (piiKey && piiKey.length < 32) throw new Error('PII_KEY must be at least 32 characters');
  if (production && databaseUrl && !piiKey) {
    throw new Error('PII_KEY is required in production with DATABASE_URL (petitioners\' personal data is encrypted with it; keep it apart from JWT_SECRET)');
  }
  const hashMemory = int('PASSWORD_HASH_MEMORY_KIB', env.PASSWORD_HASH_MEMORY_KIB, 65536);
  const hashTime = int('PASSWORD_HASH_TIME_COST', env.PASSWORD_HASH_TIME_COST, 3);
  if (hashMemory < 1024 || hashTime < 1) throw new Error('PASSWORD_HASH_MEMORY_KIB must be at least 1024 and PASSWORD_HASH_TIME_COST at least 1');
  if (production && (hashMemory < 19456 || hashTime < 2)) throw new Error('in production the password hash needs at least 19456 KiB and 2 passes (OWASP argon2id minimum)');
  const level = (env.LOG_LEVEL ?? 'log') as AppConfig['logLevel'];
  return {
    port: int('PORT', env.PORT, 3000),
    production,
    databaseUrl,
    dataDir: env.DATA_DIR || join(process.cwd(), '.data'),
    pluginsDir: env.PLUGINS_DIR || undefined,
    redisUrl: env.REDIS_URL || undefined,
    redisClusterNodes: (env.REDIS_CLUSTER_NODES ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    jwtSecret,
    piiKey,
    accessTokenTtlSeconds: int('ACCESS_TOKEN_TTL', env.ACCESS_TOKEN_TTL, 3600),
    seedDemo: bool(env.SEED_DEMO, !databaseUrl),
    bootstrapAdminPassword: env.BOOTSTRAP_ADMIN_PASSWORD || undefined,
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    graphiql: bool(env.GRAPHIQL, !production),
    tls: bool(env.TLS, false),
    runWorkers: bool(env.WORKER, !production),
    queueLockDurationMs: millis('QUEUE_LOCK_DURATION_MS', env.QUEUE_LOCK_DURATION_MS, 30_000),
    queueStalledIntervalMs: millis('QUEUE_STALLED_INTERVAL_MS', env.QUEUE_STALLED_INTERVAL_MS, 30_000),
    queryMaxDepth: int('GRAPHQL_MAX_DEPTH', env.GRAPHQL_MAX_DEPTH, 10),
    queryMaxCost: int('GRAPHQL_MAX_COST', env.GRAPHQL_MAX_COST, 5000),
    queryMaxAliases: int('GRAPHQL_MAX_ALIASES', env.GRAPHQL_MAX_ALIASES, 30),
    passwordHashMemoryKib: hashMemory,
    passwordHashTimeCost: hashTime,
    loginMaxFailures: int('LOGIN_MAX_FAILURES', env.LOGIN_MAX_FAILURES, 5),
    loginWindowSeconds: int('LOGIN_WINDOW_SECONDS', env.LOGIN_WINDOW_SECONDS, 900),
    loginLockoutSeconds: int('LOGIN_LOCKOUT_SECONDS', env.LOGIN_LOCKOUT_SECONDS, 60),
    loginLockoutMaxSeconds: int('LOGIN_LOCKOUT_MAX_SECONDS', env.LOGIN_LOCKOUT_MAX_SECONDS, 86_400),
    loginAccountMaxFailures: int('LOGIN_ACCOUNT_MAX_FAILURES', env.LOGIN_ACCOUNT_MAX_FAILURES, 50),
    loginAddressMaxFailures: int('LOGIN_ADDRESS_MAX_FAILURES', env.LOGIN_ADDRESS_MAX_FAILURES, 100),
    trustedProxies: (env.TRUSTED_PROXIES ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    logLevel: ['error', 'warn', 'log', 'debug'].includes(level) ? level : 'log',
  };
}

/** Nest injection token for the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
