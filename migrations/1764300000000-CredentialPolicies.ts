import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Password hashes are readable in platform scope only (login). The Foundation's write policy was
 * `FOR ALL`, and a FOR ALL policy also grants SELECT: a tenant user's transaction could read its own
 * tenant's hashes. Split it: tenant scope may only insert (creating a user), platform scope does the rest.
 */
export class CredentialPolicies1764300000000 implements MigrationInterface {
  name = 'CredentialPolicies1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP POLICY user_credential_write ON user_credential;
      CREATE POLICY user_credential_insert ON user_credential FOR INSERT
        WITH CHECK (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]) OR (SELECT app_is_platform()));
      CREATE POLICY user_credential_update ON user_credential FOR UPDATE
        USING ((SELECT app_is_platform())) WITH CHECK ((SELECT app_is_platform()));
      CREATE POLICY user_credential_delete ON user_credential FOR DELETE USING ((SELECT app_is_platform()));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP POLICY user_credential_insert ON user_credential;
      DROP POLICY user_credential_update ON user_credential;
      DROP POLICY user_credential_delete ON user_credential;
      CREATE POLICY user_credential_write ON user_credential FOR ALL
        USING (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]) OR (SELECT app_is_platform()))
        WITH CHECK (tenant_id = ANY ((SELECT app_write_tenants())::uuid[]) OR (SELECT app_is_platform()));
    `);
  }
}
