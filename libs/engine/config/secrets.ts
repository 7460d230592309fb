import { randomBytes } from 'node:crypto';
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
