import pg from 'pg';
import { startEmbeddedDatabase } from '@engine/database';
import type { BenchTarget } from './target';
import type { Identity, Picks } from '../scenarios';

/**
 * A pool connected as the database owner: the bench database on PostgreSQL (10 connections, as the
 * API's pool), or the embedded data dir opened in this process (one connection: PGlite is a single
 * backend). Only while no API holds the embedded data dir.
 */
export async function withOwnerPool<T>(target: BenchTarget, work: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const embedded = target.db === 'embedded' ? await startEmbeddedDatabase(target.dataDir!) : null;
  const pool = new pg.Pool({ connectionString: embedded?.url ?? target.databaseUrl, max: embedded ? 1 : 10 });
  try {
    return await work(pool);
  } finally {
    await pool.end();
    await embedded?.stop();
  }
}

const TREE_ROLES = ['SUPERIOR', 'CHIEF_CONVENER', 'CONVENER', 'OFFICE_DIRECTOR'];

interface UserRow {
  user_id: string;
  username: string;
  tenant_id: string;
  code: string;
  member_unit_id: string | null;
  roles: string[];
}

function identity(r: UserRow): Identity {
  return {
    tenantCode: r.code,
    username: r.username,
    userId: r.user_id,
    tenantId: r.tenant_id,
    memberUnitId: r.member_unit_id,
    tree: r.roles.some((x) => TREE_ROLES.includes(x)),
  };
}

/** The county c001, its office, and the member-unit user (in one of its towns) with the most open items. */
export async function findPicks(pool: pg.Pool): Promise<Picks> {
  const county = (
    await pool.query(
      `SELECT t.id, t.code, (SELECT count(*) FROM tenant c WHERE c.parent_id = t.id)::int AS towns FROM tenant t WHERE t.code = 'c001'`,
    )
  ).rows[0] as Picks['county'];
  const office = (
    await pool.query(
      `SELECT u.id AS user_id, u.username, u.tenant_id, t.code, u.member_unit_id, u.roles FROM app_user u JOIN tenant t ON t.id = u.tenant_id WHERE t.code = 'c001' AND u.username = 'office'`,
    )
  ).rows[0] as UserRow;
  const unit = (
    await pool.query(
      `SELECT u.id AS user_id, u.username, u.tenant_id, t.code, u.member_unit_id, u.roles, count(*) AS n
       FROM agreed_item_owner o JOIN agreed_item i ON i.id = o.agreed_item_id AND i.status = 'OPEN'
       JOIN app_user u ON u.member_unit_id = o.member_unit_id AND 'MEMBER_UNIT' = ANY(u.roles)
       JOIN tenant t ON t.id = u.tenant_id AND t.parent_id = $1
       GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY n DESC, t.code, u.username LIMIT 1`,
      [county.id],
    )
  ).rows[0] as UserRow;
  const province = ((
    await pool.query(
      `SELECT t.id, t.code, (SELECT count(*) FROM tenant d WHERE d.path LIKE t.path || '%')::int AS tenants FROM tenant t WHERE t.level = 'PROVINCE' ORDER BY t.code LIMIT 1`,
    )
  ).rows[0] ?? null) as Picks['province'];
  const superior = province
    ? ((
        await pool.query(
          `SELECT u.id AS user_id, u.username, u.tenant_id, t.code, u.member_unit_id, u.roles FROM app_user u JOIN tenant t ON t.id = u.tenant_id WHERE t.id = $1 AND 'SUPERIOR' = ANY(u.roles) ORDER BY u.username LIMIT 1`,
          [province.id],
        )
      ).rows[0] as UserRow | undefined)
    : undefined;
  return {
    county,
    town: { id: unit.tenant_id, code: unit.code },
    countyOffice: identity(office),
    unitUser: identity(unit),
    province,
    provinceSuperior: superior ? identity(superior) : null,
  };
}

/** Office directors of up to `n` towns (the sustained run's writers), with a meeting type of each town's plugin. */
export async function findWriters(pool: pg.Pool, n: number): Promise<(Identity & { typeCode: string })[]> {
  const rows = (
    await pool.query(
      `SELECT u.id AS user_id, u.username, u.tenant_id, t.code, u.member_unit_id, u.roles, t.plugin_config -> 'meetingTypes' -> 0 ->> 'code' AS type_code
       FROM app_user u JOIN tenant t ON t.id = u.tenant_id
       WHERE t.level <> 'COUNTY' AND u.username = 'office' AND t.code ~ '^c[0-9]+-t[0-9]+$' ORDER BY t.code DESC LIMIT $1`,
      [n],
    )
  ).rows as (UserRow & { type_code: string })[];
  return rows.map((r) => ({ ...identity(r), typeCode: r.type_code }));
}
