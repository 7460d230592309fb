import { Inject, Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { keysetPage, type Page } from '@engine/graphql';
import { groupBy } from '@engine/util';
import { tenantByCode } from '@core/tenancy';
import { unitScope } from '@engine/access';
import { Tenant } from '@core/tenancy/entities';
import { Inspection, InspectionFinding, type InspectionStatus } from './inspection.entity';

/** Reads of inspections: tenant-scoped by RLS (a county reads its towns'), findings narrowed for member units. */
@Injectable()
export class InspectionsQuery {
  constructor(@Inject(Db) private readonly db: Db) {}

  /** A tenant's inspections, newest first. */
  async list(
    ctx: RequestContext,
    tenantCode: string,
    status: InspectionStatus | undefined,
    limit: number,
  ): Promise<Inspection[]> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode);
      const qb = em.createQueryBuilder(Inspection, 'i').where('i.tenant_id = :t', { t: tenant.id });
      if (status) qb.andWhere('i.status = :status', { status });
      return qb.orderBy('i.proposed_at', 'DESC').addOrderBy('i.id', 'DESC').take(limit).getMany();
    });
  }

  /** One page of a tenant's inspections, latest proposed first (keyset on proposed_at, id). */
  async page(
    ctx: RequestContext,
    tenantCode: string,
    status: InspectionStatus | undefined,
    limit: number,
    after: string | null,
  ): Promise<Page<Inspection>> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode);
      const qb = em.createQueryBuilder(Inspection, 'i').where('i.tenant_id = :t', { t: tenant.id });
      if (status) qb.andWhere('i.status = :status', { status });
      return keysetPage(qb, { alias: 'i', column: 'proposed_at', keyOf: (i) => i.proposedAt, after, limit });
    });
  }

  async byId(ctx: RequestContext, id: string): Promise<Inspection | null> {
    return this.db.run(ctx, ({ em }) => em.findOne(Inspection, { where: { id } }));
  }

  /** Findings per inspection, oldest first; a member unit sees only those about its own unit. */
  async findings(ctx: RequestContext, inspectionIds: readonly string[]): Promise<Map<string, InspectionFinding[]>> {
    const rows = await this.db.run(ctx, ({ em }) => {
      const qb = em
        .createQueryBuilder(InspectionFinding, 'f')
        .where('f.inspection_id IN (:...ids)', { ids: [...inspectionIds] });
      const unit = unitScope(ctx);
      if (unit) qb.andWhere('f.unit_id = :unit', { unit });
      return qb.orderBy('f.recorded_at', 'ASC').addOrderBy('f.id', 'ASC').getMany();
    });
    return groupBy(inspectionIds, rows, (f) => f.inspectionId);
  }

  /** Tenant codes by id, for the tenants the caller may read (others stay unknown). */
  async tenantCodes(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.db.run(ctx, ({ em }) =>
      em.find(Tenant, { where: { id: In([...ids]) }, select: { id: true, code: true } }),
    );
    return new Map(rows.map((t) => [t.id, t.code]));
  }
}

/**
 * Records a platform-made inspection (a regular proposal, a random draw) unless its dedupe key exists;
 * whether this call recorded it (with ON CONFLICT DO NOTHING, PostgreSQL returns no row when another
 * call got there first).
 */
export async function insertInspectionOnce(
  em: EntityManager,
  values: QueryDeepPartialEntity<Inspection>,
): Promise<boolean> {
  const inserted = await em.createQueryBuilder().insert().into(Inspection).values(values).orIgnore().execute();
  return (inserted.raw as unknown[]).length > 0;
}
