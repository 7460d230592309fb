import { unitScope } from '@engine/access';
import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { In } from 'typeorm';
import { daysBetween, shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import type { Page } from '@engine/graphql';
import { JobQueue } from '@engine/jobs';
import { MEMBER_UNIT_KINDS } from '@jm/plugin-sdk';
import type { PublishNoticeInput } from './dto/notices.inputs';
import type { NoticeKind } from '../enums';
import { afterDecision } from '../jobs';
import { computeMetrics } from './metrics.repository';
import { SupervisionNotice, SupervisionNoticeEntry } from './notice.entity';
import { describeEntries, mayDraftNotices, namedNotices, NoticeComposer } from './notice-composition';
import { noticesOf, noticesPage } from './notices.query';
import type { Metrics } from './ranking';
import { SUPERVISION_ERRORS } from '../supervision.errors';
import { supervisedUnits, supervisionRulesOf, tenantByCode, type SupervisedUnit } from '../supervision-rules';

/** A unit's metrics for a period, as computed from the ledger and meetings. */
export interface UnitMetricsView {
  unit: SupervisedUnit;
  metrics: Metrics;
}

/**
 * Notices (通报): regular ones per the plugin's periods, ranking the supervised units by the plugin's
 * scoring (or its rankScore hook) over metrics computed from the ledger; special ones naming units;
 * named criticism where the plugin provides it. Published to the units' users and reported to the roles
 * the plugin names, through the outbox; read receipts per unit. The sweep drafts each regular period's
 * notice once it is over; the office recomputes, discards or publishes the draft.
 * Here: the office's own notices and the reading of the tenant's notices and metrics; composing a notice is
 * NoticeComposer's (notice-composition.ts), drafts are NoticeDraftsService's, what a unit receives and its
 * read receipt ReceivedNoticesService's.
 */
@Injectable()
export class NoticesService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(NoticeComposer) private readonly composer: NoticeComposer,
  ) {}

  async publish(ctx: RequestContext, input: PublishNoticeInput): Promise<SupervisionNotice> {
    const notice = await this.db.run(ctx, async (tx) => {
      const tenant = await tenantByCode(tx.em, input.tenantCode);
      if (!ctx.ability.can('create', subject('SupervisionNotice', { tenantId: tenant.id })))
        throw SUPERVISION_ERRORS.forbidden('OFFICE_PUBLISHES_NOTICES');
      const rules = await supervisionRulesOf(tx.em, tenant);
      const draft = await this.composer.validated(tx.em, rules, input);
      return this.composer.create(tx, rules, draft, ctx.caller.userId);
    });
    await afterDecision(this.jobs, notice.tenantId, { ladder: true });
    return notice;
  }

  /** Metrics of the tenant's supervised units for a period (computed, never stored until a notice is published). */
  async unitMetrics(ctx: RequestContext, tenantCode: string, start: string, end: string): Promise<UnitMetricsView[]> {
    if (end < start) throw SUPERVISION_ERRORS.badInput('periodEnd', 'BEFORE_PERIOD_START');
    if (daysBetween(start, end) > 366)
      throw SUPERVISION_ERRORS.badInput('periodEnd', 'PERIOD_TOO_LONG', { what: { en: 'period lasts', zh: '周期' } });
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode, 'tenantCode');
      if (unitScope(ctx)) throw SUPERVISION_ERRORS.forbidden('METRICS_READERS');
      const rules = await supervisionRulesOf(em, tenant);
      const units = await supervisedUnits(em, tenant.id, rules.notices?.ranked ?? MEMBER_UNIT_KINDS);
      const metrics = await computeMetrics(em, tenant.id, units, {
        start,
        end,
        today: shanghaiDateOf(this.clock.now()),
      });
      return units.map((unit) => ({ unit, metrics: metrics.get(unit.id)! }));
    });
  }

  async list(
    ctx: RequestContext,
    tenantCode: string,
    kind: NoticeKind | undefined,
    limit: number,
  ): Promise<SupervisionNotice[]> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode, 'tenantCode');
      const notices = await noticesOf(
        em,
        tenant.id,
        { kind, withDrafts: mayDraftNotices(ctx, tenant.id), unitId: unitScope(ctx) },
        limit,
      );
      return namedNotices(em, notices);
    });
  }

  /** One page of what `list` shows, latest written first, named the same way. */
  async page(
    ctx: RequestContext,
    tenantCode: string,
    kind: NoticeKind | undefined,
    limit: number,
    after: string | null,
  ): Promise<Page<SupervisionNotice>> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode, 'tenantCode');
      const page = await noticesPage(
        em,
        tenant.id,
        { kind, withDrafts: mayDraftNotices(ctx, tenant.id), unitId: unitScope(ctx) },
        limit,
        after,
      );
      return { items: await namedNotices(em, page.items), nextCursor: page.nextCursor };
    });
  }

  async byId(ctx: RequestContext, id: string): Promise<SupervisionNotice | null> {
    return this.db.run(ctx, async ({ em }) => {
      const notice = await em.findOne(SupervisionNotice, { where: { id } });
      const unit = unitScope(ctx);
      if (!notice || (notice.status !== 'PUBLISHED' && !mayDraftNotices(ctx, notice.tenantId))) return null;
      if (unit && !(await em.exists(SupervisionNoticeEntry, { where: { noticeId: id, targetUnitId: unit } })))
        return null;
      return (await namedNotices(em, [notice]))[0];
    });
  }

  /** Entries of notices, for the per-request loader; a member unit sees its own entry only. */
  async entriesOf(ctx: RequestContext, noticeIds: readonly string[]): Promise<Map<string, SupervisionNoticeEntry[]>> {
    return this.db.run(ctx, async ({ em }) => {
      const unit = unitScope(ctx);
      const rows = await em.find(SupervisionNoticeEntry, {
        where: { noticeId: In([...noticeIds]), ...(unit ? { targetUnitId: unit } : {}) },
      });
      const described = await describeEntries(em, rows);
      const out = new Map<string, SupervisionNoticeEntry[]>(noticeIds.map((id) => [id, []]));
      for (const e of described.sort(
        (a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.unitName.localeCompare(b.unitName, 'zh-CN'),
      ))
        out.get(e.noticeId)?.push(e);
      return out;
    });
  }
}
