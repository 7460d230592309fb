import { unitScope } from '@engine/access';
import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { In } from 'typeorm';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { groupBy } from '@engine/util';
import { Db, lockKeys } from '@engine/database';
import { AppError } from '@engine/errors';
import type { Page } from '@engine/graphql';
import { MEETING_ERRORS } from './meetings.errors';
import {
  AgreedItem,
  AgreedItemOwner,
  AgreedItemStatus,
  ImplementationReport,
  ReportStatus,
} from './agreed-item.entity';
import type { ReportInput, ReviewReportInput } from './dto/minutes.inputs';
import { agreedItemsOf, agreedItemsPage, ownersYetToAccept } from './agreed-items.query';
import { tenantByCode } from './meetings.service';

/**
 * Agreed items (议定事项) after issue: owner units file implementation reports; the office accepts or
 * sends back; an item is done when every owner's report is accepted.
 */
@Injectable()
export class AgreedItemsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async report(ctx: RequestContext, input: ReportInput): Promise<ImplementationReport> {
    const unit = ctx.caller.memberUnitId;
    return this.db.run(ctx, async ({ em }) => {
      // One unit's reports on one item one at a time, so each sees the others before it checks for a
      // pending one (a partial unique key, one SUBMITTED report per item and unit, is the floor under it).
      if (unit) await lockKeys(em, [`implementation-report:${input.agreedItemId}:${unit}`]);
      const item = await em.findOne(AgreedItem, { where: { id: input.agreedItemId } });
      const owner =
        item && unit
          ? await em.findOne(AgreedItemOwner, { where: { agreedItemId: item.id, memberUnitId: unit } })
          : null;
      if (!item || (unitScope(ctx) && !owner)) throw AppError.notFound('Agreed item');
      if (!owner || !ctx.ability.can('report', subject('AgreedItem', { tenantId: item.tenantId })))
        throw MEETING_ERRORS.forbidden('OWNER_UNIT_REPORTS');
      if (item.status !== AgreedItemStatus.OPEN)
        throw MEETING_ERRORS.conflict('ITEM_WRONG_STATUS', { status: item.status }, 'input.agreedItemId');
      if (owner.acceptedAt) throw MEETING_ERRORS.conflict('REPORT_ALREADY_ACCEPTED', {}, 'input.agreedItemId');
      const pending = await em.exists(ImplementationReport, {
        where: { agreedItemId: item.id, memberUnitId: unit!, status: ReportStatus.SUBMITTED },
      });
      if (pending) throw MEETING_ERRORS.conflict('REPORT_PENDING', {}, 'input.agreedItemId');
      return em.save(
        em.create(ImplementationReport, {
          tenantId: item.tenantId,
          agreedItemId: item.id,
          memberUnitId: unit!,
          body: input.body,
          status: ReportStatus.SUBMITTED,
          filedById: ctx.caller.userId,
        }),
      );
    });
  }

  async accept(ctx: RequestContext, input: ReviewReportInput): Promise<ImplementationReport> {
    return this.review(ctx, input, ReportStatus.ACCEPTED);
  }

  async sendBack(ctx: RequestContext, input: ReviewReportInput): Promise<ImplementationReport> {
    if (!input.comment) throw MEETING_ERRORS.badInput('input.comment', 'REPORT_BACK_NEEDS_COMMENT');
    return this.review(ctx, input, ReportStatus.SENT_BACK);
  }

  /** A tenant's agreed items: a member unit sees only its own; `overdue` keeps open items past due. */
  async list(
    ctx: RequestContext,
    tenantCode: string,
    filter: { overdue?: boolean; status?: AgreedItemStatus },
    limit: number,
  ): Promise<AgreedItem[]> {
    const today = shanghaiDateOf(this.clock.now());
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode);
      return agreedItemsOf(em, tenant.id, unitScope(ctx), filter, today, limit);
    });
  }

  /** One page of the items `list` selects, latest created first. */
  async page(
    ctx: RequestContext,
    tenantCode: string,
    filter: { overdue?: boolean; status?: AgreedItemStatus },
    page: { limit: number; after: string | null },
  ): Promise<Page<AgreedItem>> {
    const today = shanghaiDateOf(this.clock.now());
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode);
      return agreedItemsPage(em, tenant.id, unitScope(ctx), filter, today, page);
    });
  }

  async ownersOf(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, AgreedItemOwner[]>> {
    const rows = await this.db.run(ctx, ({ em }) =>
      em.find(AgreedItemOwner, { where: { agreedItemId: In([...ids]) } }),
    );
    return groupBy(ids, rows, (r) => r.agreedItemId);
  }

  async reportsOf(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, ImplementationReport[]>> {
    const rows = await this.db.run(ctx, ({ em }) =>
      em.find(ImplementationReport, { where: { agreedItemId: In([...ids]) }, order: { createdAt: 'ASC' } }),
    );
    return groupBy(ids, rows, (r) => r.agreedItemId);
  }

  async itemsOfMinutes(ctx: RequestContext, minutesIds: readonly string[]): Promise<Map<string, AgreedItem[]>> {
    const rows = await this.db.run(ctx, ({ em }) =>
      em.find(AgreedItem, { where: { minutesId: In([...minutesIds]) }, order: { position: 'ASC' } }),
    );
    return groupBy(minutesIds, rows, (r) => r.minutesId);
  }

  isOverdue(item: AgreedItem): boolean {
    return (
      item.status === AgreedItemStatus.OPEN && item.dueOn !== null && item.dueOn < shanghaiDateOf(this.clock.now())
    );
  }

  private async review(
    ctx: RequestContext,
    input: ReviewReportInput,
    outcome: ReportStatus,
  ): Promise<ImplementationReport> {
    return this.db.run(ctx, async ({ em }) => {
      // Locked as read: of parallel reviews the first decides, the others then find it decided (CONFLICT)
      // instead of deciding again and rewriting its time.
      const report = await em.findOne(ImplementationReport, {
        where: { id: input.reportId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!report || unitScope(ctx))
        throw report ? MEETING_ERRORS.forbidden('OFFICE_REVIEWS_REPORTS') : AppError.notFound('Implementation report');
      if (!ctx.ability.can('approve', subject('AgreedItem', { tenantId: report.tenantId })))
        throw MEETING_ERRORS.forbidden('OFFICE_REVIEWS_REPORTS');
      if (report.status !== ReportStatus.SUBMITTED)
        throw MEETING_ERRORS.conflict('REPORT_ALREADY_REVIEWED', { status: report.status }, 'input.reportId');
      const now = this.clock.now();
      Object.assign(report, {
        status: outcome,
        reviewComment: input.comment ?? null,
        reviewedById: ctx.caller.userId,
        reviewedAt: now,
      });
      await em.save(report);
      if (outcome === ReportStatus.ACCEPTED) {
        await em.update(
          AgreedItemOwner,
          { tenantId: report.tenantId, agreedItemId: report.agreedItemId, memberUnitId: report.memberUnitId },
          { acceptedAt: now },
        );
        const remaining = await ownersYetToAccept(em, report.agreedItemId);
        if (remaining === 0)
          await em.update(AgreedItem, { id: report.agreedItemId }, { status: AgreedItemStatus.DONE, doneAt: now });
      }
      return report;
    });
  }
}
