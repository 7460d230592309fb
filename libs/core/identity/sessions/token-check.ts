import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { SessionCheck, SessionRefusal } from '@engine/access';
import { APP_CONFIG, type AppConfig } from '@engine/config';
import { RequestContext, type Caller } from '@engine/context';
import { Db } from '@engine/database';
import { sessionsRepository } from './sessions.repository';

type TokenState = { version: number; active: boolean; sessionOpen: boolean } | null;

/**
 * Every request's token is checked against the database: the account active, its token version the
 * token's, its session open. One indexed query per user and session, cached per process for
 * TOKEN_VERSION_CACHE_MS (default 5 s): a deactivation, a role change, a reset or a sign-out reaches
 * every replica within that time, and at once on the replica that made it (it forgets its entry).
 */
@Injectable()
export class TokenCheck implements SessionCheck {
  private readonly cache: LRUCache<string, { state: TokenState }> | null;

  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cache = config.tokenVersionCacheMs > 0 ? new LRUCache({ max: 50_000, ttl: config.tokenVersionCacheMs }) : null;
  }

  async refusal(caller: Caller): Promise<SessionRefusal | null> {
    if (!caller.sessionId || caller.tokenVersion === undefined) return 'SESSION_REVOKED';
    const key = `${caller.userId}|${caller.sessionId}`;
    let hit = this.cache?.get(key);
    if (!hit) {
      const state = await this.db.run(RequestContext.platform(), ({ em }) =>
        sessionsRepository.tokenState(em, caller.userId, caller.sessionId!),
      );
      hit = { state };
      this.cache?.set(key, hit);
    }
    const { state } = hit;
    if (!state || !state.active) return 'ACCOUNT_INACTIVE';
    if (state.version !== caller.tokenVersion) return 'TOKEN_REVOKED';
    if (!state.sessionOpen) return 'SESSION_REVOKED';
    return null;
  }

  /** Forgets what this process knows of a user's tokens (after changing them here). */
  forget(userId: string): void {
    if (!this.cache) return;
    for (const key of this.cache.keys()) if (key.startsWith(`${userId}|`)) this.cache.delete(key);
  }
}
