import type { EntityManager } from 'typeorm';

/** Rows of an UPDATE … RETURNING (TypeORM's postgres driver answers `[rows, count]` for updates). */
function returned<T>(result: unknown): T[] {
  const r = result as unknown[];
  return (Array.isArray(r[0]) ? r[0] : r) as T[];
}

/** The SQL of sessions and refresh tokens; every call runs in a platform-scope transaction (RLS). */
export { returned };

export const sessionsRepository = {
  async insertSession(
    em: EntityManager,
    s: { userId: string; tenantId: string | null; expiresAt: Date; passwordChangeOnly: boolean },
  ): Promise<string> {
    const [row] = (await em.query(
      `INSERT INTO auth_session (user_id, tenant_id, expires_at, password_change_only) VALUES ($1, $2, $3, $4) RETURNING id`,
      [s.userId, s.tenantId, s.expiresAt, s.passwordChangeOnly],
    )) as { id: string }[];
    return row.id;
  },

  async insertRefreshToken(em: EntityManager, sessionId: string, tokenHash: string): Promise<void> {
    await em.query(`INSERT INTO refresh_token (token_hash, session_id) VALUES ($1, $2)`, [tokenHash, sessionId]);
  },

  /** Spends a refresh token atomically: the session id when it was unspent, null otherwise. */
  async spendRefreshToken(em: EntityManager, tokenHash: string): Promise<string | null> {
    const rows = returned<{ session_id: string }>(
      await em.query(
        `UPDATE refresh_token SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL RETURNING session_id`,
        [tokenHash],
      ),
    );
    return rows[0]?.session_id ?? null;
  },

  async sessionOfToken(em: EntityManager, tokenHash: string): Promise<string | null> {
    const [row] = (await em.query(`SELECT session_id FROM refresh_token WHERE token_hash = $1`, [tokenHash])) as {
      session_id: string;
    }[];
    return row?.session_id ?? null;
  },

  async session(
    em: EntityManager,
    id: string,
  ): Promise<{
    id: string;
    userId: string;
    expiresAt: Date;
    revokedAt: Date | null;
    passwordChangeOnly: boolean;
  } | null> {
    const [row] = (await em.query(
      `SELECT id, user_id, expires_at, revoked_at, password_change_only FROM auth_session WHERE id = $1`,
      [id],
    )) as {
      id: string;
      user_id: string;
      expires_at: Date;
      revoked_at: Date | null;
      password_change_only: boolean;
    }[];
    return row
      ? {
          id: row.id,
          userId: row.user_id,
          expiresAt: new Date(row.expires_at),
          revokedAt: row.revoked_at,
          passwordChangeOnly: row.password_change_only,
        }
      : null;
  },

  /** Spends a temporary (reset) password at its sign-in, atomically: false when expired or already used. */
  async spendTemporaryPassword(em: EntityManager, userId: string): Promise<boolean> {
    return (
      returned(
        await em.query(
          `UPDATE user_credential SET expires_at = now() WHERE user_id = $1 AND expires_at > now() RETURNING user_id`,
          [userId],
        ),
      ).length > 0
    );
  },

  async markSignedIn(em: EntityManager, userId: string): Promise<void> {
    await em.query(`UPDATE app_user SET last_sign_in_at = now() WHERE id = $1`, [userId]);
  },

  /** Makes every access token of the account stale (they carry the version they were signed with). */
  async bumpTokenVersion(em: EntityManager, userId: string): Promise<void> {
    await em.query(`UPDATE app_user SET token_version = token_version + 1 WHERE id = $1`, [userId]);
  },

  async touch(em: EntityManager, id: string): Promise<void> {
    await em.query(`UPDATE auth_session SET last_used_at = now() WHERE id = $1`, [id]);
  },

  async revokeSession(em: EntityManager, id: string, reason: string): Promise<void> {
    await em.query(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`,
      [id, reason],
    );
  },

  /** Ends every open session of a user (but `exceptId`); returns their ids. */
  async revokeUserSessions(
    em: EntityManager,
    userId: string,
    reason: string,
    exceptId: string | null = null,
  ): Promise<string[]> {
    const rows = returned<{ id: string }>(
      await em.query(
        `UPDATE auth_session SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3) RETURNING id`,
        [userId, reason, exceptId],
      ),
    );
    return rows.map((r) => r.id);
  },

  /** What a request's token is checked against: the account's version and activity, and its session. */
  async tokenState(
    em: EntityManager,
    userId: string,
    sessionId: string,
  ): Promise<{ version: number; active: boolean; sessionOpen: boolean } | null> {
    const [row] = (await em.query(
      `SELECT u.token_version, u.active,
              EXISTS (SELECT 1 FROM auth_session s WHERE s.id = $2 AND s.user_id = u.id AND s.revoked_at IS NULL AND s.expires_at > now()) AS session_open
         FROM app_user u WHERE u.id = $1`,
      [userId, sessionId],
    )) as { token_version: number; active: boolean; session_open: boolean }[];
    return row ? { version: Number(row.token_version), active: row.active, sessionOpen: row.session_open } : null;
  },
};
