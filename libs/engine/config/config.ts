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
  /** Undefined until resolved at start (generated and kept in the data dir in embedded mode). */
  jwtSecret: string | undefined;
  accessTokenTtlSeconds: number;
  seedDemo: boolean;
  bootstrapAdminPassword: string | undefined;
  corsOrigins: string[];
  /** The GraphQL IDE at /graphiql; on outside production unless turned off. */
  graphiql: boolean;
  /** Whether this process runs queue workers (the API does unless WORKER=off; apps/worker always does). */
  runWorkers: boolean;
  queryMaxDepth: number;
  queryMaxCost: number;
  queryMaxAliases: number;
  loginMaxFailures: number;
  loginWindowSeconds: number;
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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL || undefined;
  const jwtSecret = env.JWT_SECRET || undefined;
  if (databaseUrl && !jwtSecret) {
    throw new Error('JWT_SECRET is required when DATABASE_URL is set (tokens must survive restarts and be shared by replicas)');
  }
  if (jwtSecret && jwtSecret.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
  const level = (env.LOG_LEVEL ?? 'log') as AppConfig['logLevel'];
  return {
    port: int('PORT', env.PORT, 3000),
    production,
    databaseUrl,
    dataDir: env.DATA_DIR || join(process.cwd(), '.data'),
    pluginsDir: env.PLUGINS_DIR || undefined,
    redisUrl: env.REDIS_URL || undefined,
    jwtSecret,
    accessTokenTtlSeconds: int('ACCESS_TOKEN_TTL', env.ACCESS_TOKEN_TTL, 3600),
    seedDemo: bool(env.SEED_DEMO, !databaseUrl),
    bootstrapAdminPassword: env.BOOTSTRAP_ADMIN_PASSWORD || undefined,
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    graphiql: bool(env.GRAPHIQL, !production),
    runWorkers: bool(env.WORKER, true),
    queryMaxDepth: int('GRAPHQL_MAX_DEPTH', env.GRAPHQL_MAX_DEPTH, 10),
    queryMaxCost: int('GRAPHQL_MAX_COST', env.GRAPHQL_MAX_COST, 5000),
    queryMaxAliases: int('GRAPHQL_MAX_ALIASES', env.GRAPHQL_MAX_ALIASES, 30),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', env.LOGIN_MAX_FAILURES, 5),
    loginWindowSeconds: int('LOGIN_WINDOW_SECONDS', env.LOGIN_WINDOW_SECONDS, 900),
    logLevel: ['error', 'warn', 'log', 'debug'].includes(level) ? level : 'log',
  };
}

/** Nest injection token for the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
