import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TOKEN_SERVICE, type TokenService } from '@engine/access';
import { APP_CONFIG, type AppConfig } from '@engine/config';
import { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import type { AppError } from '@engine/errors';
import { IDENTITY_ERRORS } from '../identity.errors';
import type { AuthPayload } from '../auth-payload.model';
import { User } from '../user.entity';
import { sessionsRepository as repo } from './sessions.repository';
import { TokenCheck } from './token-check';

const sha256 = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Server-side sessions (OWASP's session management and refresh-token rotation advice): a sign-in opens
 * a session with an absolute end (SESSION_MAX_AGE); short access tokens (ACCESS_TOKEN_TTL) carry the
 * session id and the account's token version; an opaque refresh token (32 random bytes, stored as its
 * SHA-256) is spent by each refresh, which returns the next one. Presenting a spent refresh token means
 * it was copied: the whole session ends. Everything here runs in platform scope (the tables' RLS).
 */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(TOKEN_SERVICE) private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TokenCheck) private readonly check: TokenCheck,
  ) {}

  /**
   * Opens a session for a user whose password was just verified. A temporary (reset) password is spent
   * here, atomically: a second sign-in with it, even in parallel, is refused.
   */
  async open(user: User, options: { spendTemporary: boolean }): Promise<AuthPayload> {
    return this.db.run(RequestContext.platform(), async ({ em }) => {
      if (options.spendTemporary) {
        if (!(await repo.spendTemporaryPassword(em, user.id))) {
          throw IDENTITY_ERRORS.unauthenticated('PASSWORD_RESET_EXPIRED');
        }
      }
      await repo.markSignedIn(em, user.id);
      return this.issue(em, user);
    });
  }

  /** A new session for `user` whose identity was just proven again (a password change). */
  openFor(user: User): Promise<AuthPayload> {
    return this.db.run(RequestContext.platform(), ({ em }) => this.issue(em, user));
  }

  /** A new session for `user` (inside a platform transaction): a password-change-only one when it must change its password. */
  async issue(em: EntityManager, user: User): Promise<AuthPayload> {
    const changeOnly = user.mustChangePassword;
    // A password-change-only session lives as long as one access token: change the password, or sign in again.
    const lifetime = changeOnly ? this.config.accessTokenTtlSeconds : this.config.sessionMaxAgeSeconds;
    const expiresAt = new Date(Date.now() + lifetime * 1000);
    const sessionId = await repo.insertSession(em, {
      userId: user.id,
      tenantId: user.tenantId,
      expiresAt,
      passwordChangeOnly: changeOnly,
    });
    const refreshToken = changeOnly ? null : await this.newRefreshToken(em, sessionId);
    return this.payload(user, sessionId, expiresAt, refreshToken);
  }

  /** Spends a refresh token and returns the next one with a fresh access token (roles re-read). */
  async refresh(refreshToken: string): Promise<AuthPayload> {
    const hash = sha256(refreshToken);
    const result = await this.db.run(RequestContext.platform(), async ({ em }) => {
      const sessionId = await repo.spendRefreshToken(em, hash);
      if (!sessionId) {
        const reused = await repo.sessionOfToken(em, hash);
        if (!reused) return { refusal: 'SESSION_EXPIRED' as const, sessionId: null };
        // A spent token presented again: someone holds a copy. End the whole session (its "family").
        await repo.revokeSession(em, reused, 'REFRESH_TOKEN_REUSED');
        return { refusal: 'REFRESH_TOKEN_REUSED' as const, sessionId: reused };
      }
      const session = await repo.session(em, sessionId);
      if (!session || session.revokedAt) return { refusal: 'SESSION_REVOKED' as const, sessionId };
      if (session.expiresAt.getTime() <= Date.now()) return { refusal: 'SESSION_EXPIRED' as const, sessionId };
      const user = await em.findOne(User, { where: { id: session.userId } });
      if (!user || !user.active) return { refusal: 'ACCOUNT_INACTIVE' as const, sessionId };
      if (user.mustChangePassword) return { refusal: 'PASSWORD_CHANGE_REQUIRED' as const, sessionId };
      await repo.touch(em, sessionId);
      const next = await this.newRefreshToken(em, sessionId);
      return { refusal: null, sessionId, payload: this.payload(user, sessionId, session.expiresAt, next) };
    });
    if (result.refusal || !('payload' in result)) throw refused(result.refusal ?? 'SESSION_EXPIRED');
    return result.payload!;
  }

  /**
   * `refreshAccessToken` (older clients): a valid access token exchanged for a fresh one, roles re-read,
   * within the session's absolute end. No refresh token is spent or issued.
   */
  async refreshAccessToken(ctx: RequestContext): Promise<AuthPayload> {
    const sessionId = ctx.caller.sessionId;
    return this.db.run(RequestContext.platform(), async ({ em }) => {
      const session = sessionId ? await repo.session(em, sessionId) : null;
      if (!session || session.revokedAt || session.userId !== ctx.caller.userId) throw refused('SESSION_REVOKED');
      if (session.expiresAt.getTime() <= Date.now()) throw refused('SESSION_EXPIRED');
      const user = await em.findOne(User, { where: { id: session.userId } });
      if (!user || !user.active) throw refused('ACCOUNT_INACTIVE');
      await repo.touch(em, session.id);
      return this.payload(user, session.id, session.expiresAt, null);
    });
  }

  /** Ends the caller's session: its refresh token stops working now, its access tokens within seconds. */
  async logout(ctx: RequestContext): Promise<boolean> {
    const sessionId = ctx.caller.sessionId;
    if (!sessionId) return false;
    await this.db.run(RequestContext.platform(), ({ em }) => repo.revokeSession(em, sessionId, 'LOGOUT'));
    this.check.forget(ctx.caller.userId);
    return true;
  }

  /** Ends every session of the caller and makes every access token it holds stale. */
  async logoutEverywhere(ctx: RequestContext): Promise<boolean> {
    await this.endAll(ctx.caller.userId, 'LOGOUT_EVERYWHERE', { bumpVersion: true });
    return true;
  }

  /**
   * Ends every session of a user (but `exceptSessionId`); with `bumpVersion`, also every access token
   * (the token version goes up). Used by deactivation, resets and password changes.
   */
  async endAll(
    userId: string,
    reason: string,
    options: { bumpVersion: boolean; exceptSessionId?: string },
  ): Promise<void> {
    await this.db.run(RequestContext.platform(), async ({ em }) => {
      if (options.bumpVersion) await repo.bumpTokenVersion(em, userId);
      await repo.revokeUserSessions(em, userId, reason, options.exceptSessionId ?? null);
    });
    this.check.forget(userId);
  }

  /** Forgets this process's cached token state of a user (after changing it here). */
  forget(userId: string): void {
    this.check.forget(userId);
  }

  private async newRefreshToken(em: EntityManager, sessionId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await repo.insertRefreshToken(em, sessionId, sha256(token));
    return token;
  }

  private payload(user: User, sessionId: string, sessionExpiresAt: Date, refreshToken: string | null): AuthPayload {
    const { token, expiresAt } = this.tokens.sign(
      {
        userId: user.id,
        username: user.username,
        tenantId: user.tenantId,
        roles: user.roles,
        memberUnitId: user.memberUnitId,
        sessionId,
        tokenVersion: user.tokenVersion,
        passwordChangeOnly: user.mustChangePassword,
      },
      sessionExpiresAt,
    );
    return {
      accessToken: token,
      expiresAt,
      user,
      refreshToken,
      sessionExpiresAt,
      mustChangePassword: user.mustChangePassword,
    };
  }
}

type Refusal =
  'SESSION_EXPIRED' | 'SESSION_REVOKED' | 'REFRESH_TOKEN_REUSED' | 'ACCOUNT_INACTIVE' | 'PASSWORD_CHANGE_REQUIRED';

function refused(reason: Refusal): AppError {
  return IDENTITY_ERRORS.unauthenticated(reason);
}
