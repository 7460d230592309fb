import type { EntityManager } from 'typeorm';
import { Role } from './roles';
import { AccountChange } from './account-change.entity';
import { User } from './user.entity';

/** The SQL of accounts (users and credentials); credentials are written in platform scope only (RLS). */
export const accountsRepository = {
  /** Whether the tenant ever had an account holding one of `roles` (active or not). */
  async everHad(em: EntityManager, tenantId: string, roles: readonly Role[]): Promise<boolean> {
    return em
      .createQueryBuilder(User, 'u')
      .where('u.tenant_id = :tenantId AND u.roles && CAST(:roles AS text[])', { tenantId, roles: [...roles] })
      .getExists();
  },

  async usernameTaken(em: EntityManager, tenantId: string, username: string): Promise<boolean> {
    return em
      .createQueryBuilder(User, 'u')
      .where('u.tenant_id = :tenantId AND lower(u.username) = lower(:username)', { tenantId, username })
      .getExists();
  },

  /** An active account by tenant (null: platform) and folded username: who may sign in with it. */
  async activeByUsername(em: EntityManager, tenantId: string | null, username: string): Promise<User | null> {
    return em
      .createQueryBuilder(User, 'u')
      .where(tenantId ? 'u.tenant_id = :tenantId' : 'u.tenant_id IS NULL', { tenantId })
      .andWhere('lower(u.username) = lower(:username)', { username })
      .andWhere('u.active')
      .getOne();
  },

  /** Whether a platform administrator exists (the first start creates one otherwise). */
  async platformAdminExists(em: EntityManager): Promise<boolean> {
    return em
      .createQueryBuilder(User, 'u')
      .where('u.tenant_id IS NULL AND :role = ANY(u.roles)', { role: Role.PLATFORM_ADMIN })
      .getExists();
  },

  /** An account by tenant (null: platform) and folded username, active or not. */
  async byUsername(em: EntityManager, tenantId: string | null, username: string): Promise<User | null> {
    return em
      .createQueryBuilder(User, 'u')
      .where(tenantId ? 'u.tenant_id = :tenantId' : 'u.tenant_id IS NULL', { tenantId })
      .andWhere('lower(u.username) = lower(:username)', { username })
      .getOne();
  },

  /** No RETURNING: a tenant's transaction may insert a credential but never read one back (RLS). */
  async insertCredential(
    em: EntityManager,
    userId: string,
    tenantId: string | null,
    passwordHash: string,
  ): Promise<void> {
    await em.query(`INSERT INTO user_credential (user_id, tenant_id, password_hash) VALUES ($1, $2, $3)`, [
      userId,
      tenantId,
      passwordHash,
    ]);
  },

  async credential(em: EntityManager, userId: string): Promise<{ hash: string; expiresAt: Date | null } | null> {
    const [row] = (await em.query(`SELECT password_hash, expires_at FROM user_credential WHERE user_id = $1`, [
      userId,
    ])) as { password_hash: string; expires_at: Date | null }[];
    return row ? { hash: row.password_hash, expiresAt: row.expires_at ? new Date(row.expires_at) : null } : null;
  },

  /** Sets a password (platform scope); with `expiresAt`, a temporary one that must be changed after signing in. */
  async setPassword(em: EntityManager, userId: string, passwordHash: string, expiresAt: Date | null): Promise<void> {
    await em.query(
      `UPDATE user_credential SET password_hash = $2, expires_at = $3, updated_at = now() WHERE user_id = $1`,
      [userId, passwordHash, expiresAt],
    );
    await em.query(
      `UPDATE app_user SET password_change_required = $2, token_version = token_version + 1 WHERE id = $1`,
      [userId, expiresAt !== null],
    );
  },

  /** A page of a tenant's users ordered by username, after a cursor (the last username of the previous page). */
  async page(
    em: EntityManager,
    tenantId: string,
    filter: { search?: string; role?: Role; active?: boolean; after?: string },
    limit: number,
  ): Promise<User[]> {
    const q = em.createQueryBuilder(User, 'u').where('u.tenant_id = :tenantId', { tenantId });
    if (filter.search) {
      const like = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q.andWhere('(u.username ILIKE :like OR u.display_name ILIKE :like)', { like });
    }
    if (filter.role) q.andWhere(':role = ANY(u.roles)', { role: filter.role });
    if (filter.active != null) q.andWhere('u.active = :active', { active: filter.active });
    if (filter.after) q.andWhere('lower(u.username) > lower(:after)', { after: filter.after });
    return q.orderBy('lower(u.username)', 'ASC').limit(limit).getMany();
  },

  /** A page of a tenant's filed account changes, newest first, after a cursor (the last change of the previous page). */
  async changesPage(
    em: EntityManager,
    tenantId: string,
    after: { filedAt: string; id: string } | null,
    limit: number,
  ): Promise<AccountChange[]> {
    const q = em.createQueryBuilder(AccountChange, 'c').where('c.tenant_id = :tenantId', { tenantId });
    if (after)
      q.andWhere('(c.filed_at, c.id) < (CAST(:at AS timestamptz), CAST(:id AS uuid))', {
        at: after.filedAt,
        id: after.id,
      });
    return q.orderBy('c.filed_at', 'DESC').addOrderBy('c.id', 'DESC').limit(limit).getMany();
  },
};
