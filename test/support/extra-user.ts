import { DataSource } from 'typeorm';
import type { TestApp } from './test-app';

/**
 * A second account in a demo tenant, copied from an existing one (same password and unit) with the roles
 * a test needs, e.g. one person holding both OFFICE_DIRECTOR and CONVENER. Written straight to the
 * database so the test does not depend on who may grant what (the identity context's own tests cover that).
 */
export async function copyUser(
  t: TestApp,
  tenantCode: string,
  from: string,
  username: string,
  roles: string[],
): Promise<void> {
  const ds = t.app.get(DataSource);
  const [user]: { id: string }[] = await ds.query(
    `INSERT INTO app_user (tenant_id, username, display_name, roles, member_unit_id)
     SELECT u.tenant_id, $3, u.display_name || ' (' || $3 || ')', $4::text[], u.member_unit_id
       FROM app_user u JOIN tenant t ON t.id = u.tenant_id WHERE t.code = $1 AND u.username = $2
     RETURNING id`,
    [tenantCode, from, username, roles],
  );
  if (!user) throw new Error(`no user ${tenantCode}/${from} to copy`);
  await ds.query(
    `INSERT INTO user_credential (user_id, tenant_id, password_hash)
     SELECT $1, c.tenant_id, c.password_hash FROM user_credential c JOIN app_user u ON u.id = c.user_id JOIN tenant t ON t.id = u.tenant_id
      WHERE t.code = $2 AND u.username = $3`,
    [user.id, tenantCode, from],
  );
}
