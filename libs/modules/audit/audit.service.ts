import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import type { RequestContext } from '@engine/context';
import { PiiCipher } from '@engine/crypto';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import { checkLimit, decodeKeyCursor, encodeKeyCursor, type Page } from '@engine/graphql';
import { Tenant } from '@core/tenancy/entities';
import type { AuditChainCheck, AuditEntry } from './audit.model';
import { presentPayload } from './audit-payload';
import { auditChain, auditRows, type AuditRow } from './audit.query';

/**
 * Reads a tenant's audit trail and verifies its hash chain (entries are written by database triggers).
 * Every reader sees the metadata; the changed values only as `presentPayload` allows (issue 12 item 3).
 */
@Injectable()
export class AuditService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(PiiCipher) private readonly cipher: PiiCipher,
  ) {}

  async entries(ctx: RequestContext, tenantCode: string, limit: number, beforeSeq?: number): Promise<AuditEntry[]> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await this.tenant(ctx, em, tenantCode);
      const rows = await auditRows(em, tenant.id, limit, beforeSeq ?? null);
      return rows.map((r) => this.entry(ctx, tenant, r));
    });
  }

  /** One page of the trail, newest first: `limit + 1` rows read to know whether a next page exists. */
  async page(
    ctx: RequestContext,
    tenantCode: string,
    page: { limit: number; after: string | null },
  ): Promise<Page<AuditEntry>> {
    const limit = checkLimit(page.limit);
    const before = decodeKeyCursor(page.after, (k) => /^[1-9][0-9]{0,17}$/.test(k));
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await this.tenant(ctx, em, tenantCode);
      const rows = await auditRows(em, tenant.id, limit + 1, before);
      const items = rows.slice(0, limit).map((r) => this.entry(ctx, tenant, r));
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last ? encodeKeyCursor(String(last.seq)) : null };
    });
  }

  private entry(ctx: RequestContext, tenant: Tenant, r: AuditRow): AuditEntry {
    return {
      seq: Number(r.seq),
      at: r.at,
      actor: r.actor,
      tableName: r.table_name,
      operation: r.operation,
      ...presentPayload(ctx, this.cipher, tenant, r.table_name, r.changed),
      hash: r.hash,
    };
  }

  async verify(ctx: RequestContext, tenantCode: string): Promise<AuditChainCheck> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await this.tenant(ctx, em, tenantCode);
      const { broken, entries } = await auditChain(em, tenant.id);
      return broken
        ? { intact: false, entries, firstBrokenSeq: Number(broken.seq), expected: broken.expected, found: broken.found }
        : { intact: true, entries, firstBrokenSeq: null, expected: null, found: null };
    });
  }

  private async tenant(ctx: RequestContext, em: import('typeorm').EntityManager, code: string): Promise<Tenant> {
    const tenant = await em.findOne(Tenant, { where: { code } });
    if (!tenant) throw AppError.notFound(`Tenant "${code}"`);
    if (!ctx.ability.can('read', subject('Audit', { tenantId: tenant.id })))
      throw AppError.forbidden('The audit trail is for the office, the conveners, superiors and platform admins');
    return tenant;
  }
}
