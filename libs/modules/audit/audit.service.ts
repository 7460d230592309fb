import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import { Tenant } from '@modules/tenancy/tenant.entity';
import type { AuditChainCheck, AuditEntry } from './audit.model';

/** Reads a tenant's audit trail and verifies its hash chain (entries are written by database triggers). */
@Injectable()
export class AuditService {
  constructor(@Inject(Db) private readonly db: Db) {}

  async entries(ctx: RequestContext, tenantCode: string, limit: number, beforeSeq?: number): Promise<AuditEntry[]> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await this.tenant(ctx, em, tenantCode);
      const rows: { seq: string; at: Date; actor: string | null; table_name: string; operation: string; changed: Record<string, unknown> | null; hash: string }[] = await em.query(
        `SELECT seq, at, actor, table_name, operation, changed, hash FROM audit_entry WHERE tenant_id = $1 AND ($2::bigint IS NULL OR seq < $2) ORDER BY seq DESC LIMIT $3`,
        [tenant.id, beforeSeq ?? null, limit],
      );
      return rows.map((r) => ({ seq: Number(r.seq), at: r.at, actor: r.actor, tableName: r.table_name, operation: r.operation, changed: r.changed, hash: r.hash }));
    });
  }

  async verify(ctx: RequestContext, tenantCode: string): Promise<AuditChainCheck> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await this.tenant(ctx, em, tenantCode);
      const [broken] = (await em.query(`SELECT seq, expected, found FROM audit_verify($1)`, [tenant.id])) as { seq: string; expected: string; found: string }[];
      const [{ n }] = (await em.query(`SELECT count(*) AS n FROM audit_entry WHERE tenant_id = $1`, [tenant.id])) as { n: string }[];
      return broken
        ? { intact: false, entries: Number(n), firstBrokenSeq: Number(broken.seq), expected: broken.expected, found: broken.found }
        : { intact: true, entries: Number(n), firstBrokenSeq: null, expected: null, found: null };
    });
  }

  private async tenant(ctx: RequestContext, em: import('typeorm').EntityManager, code: string): Promise<Tenant> {
    const tenant = await em.findOne(Tenant, { where: { code } });
    if (!tenant) throw AppError.notFound(`Tenant "${code}"`);
    if (!ctx.ability.can('read', subject('Audit', { tenantId: tenant.id }))) throw AppError.forbidden('The audit trail is for the office, the conveners, superiors and platform admins');
    return tenant;
  }
}
