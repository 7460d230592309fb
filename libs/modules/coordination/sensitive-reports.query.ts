import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { keysetPage, type Page } from '@engine/graphql';
import { sensitiveRule, tenantByCode } from './coordination-rules';
import { unitScope } from '@engine/access';
import { SensitiveReport, SensitiveReportStatus } from './sensitive-report.entity';

/** The office, conveners and superiors see every report they can read; a member unit, what it reported or must verify. */
export function canSee(ctx: RequestContext, report: SensitiveReport): boolean {
  const unit = unitScope(ctx);
  return (
    !unit ||
    report.reportingUnitId === unit ||
    report.responsibleUnitId === unit ||
    (report.circulatedUnitIds ?? []).includes(unit)
  );
}

/** Reads of sensitive reports, narrowed for member units. */
@Injectable()
export class SensitiveReportsQuery {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** A tenant's reports, newest first. */
  async list(
    ctx: RequestContext,
    tenantCode: string,
    status: SensitiveReportStatus | undefined,
    limit: number,
  ): Promise<SensitiveReport[]> {
    return this.db.run(ctx, async ({ em }) => {
      const qb = await this.reportsQuery(em, ctx, tenantCode, status);
      return qb.orderBy('r.reported_at', 'DESC').addOrderBy('r.id').take(limit).getMany();
    });
  }

  /** One page of the reports `list` selects, latest reported first (keyset on reported_at, id). */
  async page(
    ctx: RequestContext,
    tenantCode: string,
    status: SensitiveReportStatus | undefined,
    page: { limit: number; after: string | null },
  ): Promise<Page<SensitiveReport>> {
    return this.db.run(ctx, async ({ em }) =>
      keysetPage(await this.reportsQuery(em, ctx, tenantCode, status), {
        alias: 'r',
        column: 'reported_at',
        keyOf: (r) => r.reportedAt,
        ...page,
      }),
    );
  }

  /** The tenant's reports the caller sees (a member unit: what it reported, must verify or was circulated). */
  private async reportsQuery(
    em: EntityManager,
    ctx: RequestContext,
    tenantCode: string,
    status: SensitiveReportStatus | undefined,
  ) {
    const tenant = await tenantByCode(em, tenantCode);
    sensitiveRule(tenant, 'tenantCode');
    const qb = em.createQueryBuilder(SensitiveReport, 'r').where('r.tenant_id = :t', { t: tenant.id });
    const unit = unitScope(ctx);
    if (unit)
      qb.andWhere(
        '(r.reporting_unit_id = :unit OR r.responsible_unit_id = :unit OR :unit = ANY (r.circulated_unit_ids))',
        { unit },
      );
    if (status) qb.andWhere('r.status = :status', { status });
    return qb;
  }

  async byId(ctx: RequestContext, id: string): Promise<SensitiveReport | null> {
    return this.db.run(ctx, async ({ em }) => {
      const report = await em.findOne(SensitiveReport, { where: { id } });
      return report && canSee(ctx, report) ? report : null;
    });
  }

  /** Notified and past its verification due date (Beijing time). */
  isOverdue(report: SensitiveReport): boolean {
    return (
      report.status === SensitiveReportStatus.NOTIFIED &&
      report.verifyDueOn !== null &&
      report.verifyDueOn < shanghaiDateOf(this.clock.now())
    );
  }
}
