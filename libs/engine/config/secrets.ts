import { hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './config';

/**
 * The token signing secret: JWT_SECRET when set (required with DATABASE_URL); in embedded mode one is
 * generated on first start and kept in the data dir (mode 0600), so tokens survive restarts.
 */
export function resolveJwtSecret(config: AppConfig, persist = true): string {
  if (config.jwtSecret) return config.jwtSecret;
  if (!persist) return randomBytes(32).toString('base64url');
  const file = join(config.dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * The key for petitioners' personal data: PII_KEY when set (required in production with
 * DATABASE_URL); in embedded mode one is generated on first start and kept in the data dir; outside
 * production with DATABASE_URL and no PII_KEY it is derived from the JWT secret (a development
 * convenience: rotating JWT_SECRET would then make stored personal data unreadable).
 */
export function resolvePiiKey(config: AppConfig, jwtSecret: string, persist = true): string {
  if (config.piiKey) return config.piiKey;
  if (config.databaseUrl)
    return Buffer.from(hkdfSync('sha256', jwtSecret, 'joint-meeting', 'pii-key', 32)).toString('base64url');
  if (!persist) return randomBytes(32).toString('base64url');
  const file = join(config.dataDir, 'pii-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}
