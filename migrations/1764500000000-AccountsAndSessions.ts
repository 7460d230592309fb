import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts that can be administered and sessions that end (issue 12).
 * - app_user: a token version (bumped by deactivation, role or unit changes, resets and "sign out
 *   everywhere"; every request's token must carry the current one), a forced password change, the last
 *   sign-in. user_credential: the end of a temporary (reset) password.
 * - account_change: the filing record of accounts (备案), tenant-owned, append-only, audited.
 * - auth_session and refresh_token: server-side sessions and their rotating refresh tokens (hashed).
 *   Like user_credential they are keyed by user (platform users have no tenant) and readable and
 *   writable in platform scope only; they are not audited, because the trail keeps whole rows and a
 *   token hash has no place in it (the trail strips password_hash for the same reason).
 */
export class AccountsAndSessions1764500000000 implements MigrationInterface {
  name = 'AccountsAndSessions1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user
        ADD COLUMN token_version integer NOT NULL DEFAULT 0,
        ADD COLUMN password_change_required boolean NOT NULL DEFAULT false,
        ADD COLUMN last_sign_in_at timestamptz,
        ADD COLUMN deactivated_at timestamptz;
      ALTER TABLE user_credential ADD COLUMN expires_at timestamptz;

      -- app_user predates composite keys and holds platform users (no tenant): references to it stay on id.
      CREATE TABLE account_change (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id),
        kind text NOT NULL CHECK (kind IN ('GRANTED', 'ROLES_CHANGED', 'UNIT_CHANGED', 'DEACTIVATED', 'REACTIVATED', 'PASSWORD_RESET', 'PASSWORD_CHANGE_REQUIRED')),
        roles_before text[] NOT NULL DEFAULT '{}',
        roles_after text[] NOT NULL DEFAULT '{}',
        reason text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}',
        filed_at timestamptz NOT NULL DEFAULT now(),
        filed_by uuid REFERENCES app_user (id),
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX account_change_tenant_idx ON account_change (tenant_id, filed_at DESC, id DESC);
      CREATE INDEX account_change_user_idx ON account_change (tenant_id, user_id);
      ALTER TABLE account_change ENABLE ROW LEVEL SECURITY;
      ALTER TABLE account_change FORCE ROW LEVEL SECURITY;
      CREATE POLICY account_change_read ON account_change FOR SELECT
        USING (tenant_id = ANY ((SELECT app_read_tenants())::uuid[]) OR (SELECT app_is_platform()));
      CREATE POLICY account_change_insert ON account_change FOR INSERT
        WITH CHECK (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]) OR (SELECT app_is_platform()));
      SELECT audit_attach('account_change'::regclass);
      GRANT SELECT, INSERT ON account_change TO jm_app;

      CREATE TABLE auth_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id),
        tenant_id uuid REFERENCES tenant (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        password_change_only boolean NOT NULL DEFAULT false,
        revoked_at timestamptz,
        revoked_reason text
      );
      CREATE INDEX auth_session_user_idx ON auth_session (user_id) WHERE revoked_at IS NULL;
      CREATE TABLE refresh_token (
        token_hash text PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES auth_session (id),
        issued_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz
      );
      CREATE INDEX refresh_token_session_idx ON refresh_token (session_id);
    `);
    for (const table of ['auth_session', 'refresh_token']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_platform ON ${table} FOR ALL USING ((SELECT app_is_platform())) WITH CHECK ((SELECT app_is_platform()));
        GRANT SELECT, INSERT, UPDATE ON ${table} TO jm_app;
      `);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE refresh_token;
      DROP TABLE auth_session;
      DROP TABLE account_change;
      ALTER TABLE user_credential DROP COLUMN expires_at;
      ALTER TABLE app_user DROP COLUMN token_version, DROP COLUMN password_change_required, DROP COLUMN last_sign_in_at, DROP COLUMN deactivated_at;
    `);
  }
}
