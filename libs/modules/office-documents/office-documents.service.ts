import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { In, type EntityManager } from 'typeorm';
import { holdersOf, satisfies, unitScope, refuseOwnPaper } from '@engine/access';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Role } from '@core/identity';
import { Db } from '@engine/database';
import { AppError, PLATFORM_ERRORS } from '@engine/errors';
import { groupBy } from '@engine/util';
import { MemberUnit } from '@core/joint-meeting/entities';
import { notify } from '@core/notifications';
import { Tenant } from '@core/tenancy/entities';
import { pluginOf } from '@core/tenancy';
import type {
  DraftAgreedItemsProgressInput,
  DraftBriefingInput,
  DraftWorkPlanInput,
  IssueBriefingInput,
  LinkWorkPointItemsInput,
  WorkPlanDecisionInput,
} from './dto/office-documents.inputs';
import {
  Briefing,
  BriefingRecipient,
  BriefingStatus,
  OfficePaperKind,
  WorkPlan,
  WorkPlanPoint,
  WorkPlanStatus,
  type WorkPointProgress,
} from './office-documents.entity';
import { OFFICE_DOCUMENTS_ERRORS as E } from './office-documents.errors';
import { officeDocumentsQuery as q, type Keyset } from './office-documents.query';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const encode = (at: Date, id: string): string =>
  Buffer.from(JSON.stringify({ t: at.toISOString(), i: id }), 'utf8').toString('base64url');
function decode(cursor: string): Keyset {
  try {
    const { t, i } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { t?: unknown; i?: unknown };
    if (typeof t === 'string' && !Number.isNaN(Date.parse(t)) && typeof i === 'string' && /^[0-9a-f-]{36}$/i.test(i))
      return { at: t, id: i };
  } catch {
    // fall through
  }
  throw PLATFORM_ERRORS.badInput('after', 'CURSOR_INVALID');
}
function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > 200)
    throw PLATFORM_ERRORS.badInput('limit', 'LIMIT_OUT_OF_RANGE', { max: 200 });
}

/**
 * The number of a briefing or circular: `十字联席简报〔2026〕第3期`, `下仓联席工作情况通报〔2026〕第1期` (the tenant's
 * short name, the series, the year, the place in it).
 */
export function briefingNumber(tenant: Tenant, year: number, n: number, series = '简报'): string {
  const prefix = (pluginOf(tenant).tenantName ?? tenant.name).replace(/(镇|街道|县|区)$/, '');
  return `${prefix}联席${series}〔${year}〕第${n}期`;
}

/** 2026-03-02 → 2026年3月2日. */
function chineseDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const PROGRESS_WORD = { DONE: '已办结', OPEN: '正在办理', OVERDUE: '已超期，正在督办' } as const;

/**
 * The series of each kind as the plugin gives it to the office (officeDocuments): its name and article, or
 * the refusal naming what the rules lack.
 */
function seriesOf(tenant: Tenant, kind: OfficePaperKind): { name: string; source: string } {
  const docs = pluginOf(tenant).officeDocuments;
  if (kind === OfficePaperKind.CIRCULAR) {
    if (!docs.circulars) throw E.badInput('input.kind', 'NO_CIRCULARS_RULE');
    return { name: docs.circulars.name, source: docs.circulars.source };
  }
  if (kind === OfficePaperKind.AGREED_ITEMS_PROGRESS) {
    if (!docs.agreedItemsProgress) throw E.badInput('input.tenantCode', 'NO_AGREED_ITEMS_PROGRESS_RULE');
    return { name: docs.agreedItemsProgress.name, source: docs.agreedItemsProgress.source };
  }
  if (!docs.briefings) throw E.badInput('input.tenantCode', 'NO_BRIEFINGS_RULE');
  return { name: '简报', source: docs.briefings.source };
}

/**
 * The office's own documents (000 art. 6, 001 art. 9). Annual work points: the office drafts and submits,
 * the role the plugin names approves or returns (never whoever drafted or submitted them), and each point
 * is tracked through the agreed items the office links to it. Briefings: the office drafts and issues; the
 * number is the next of the tenant's year (document_counter); each receiving unit acknowledges receipt.
 */
@Injectable()
export class OfficeDocumentsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  // ── Annual work points ──────────────────────────────────────────────────────────────────────────

  async draftWorkPlan(ctx: RequestContext, input: DraftWorkPlanInput): Promise<WorkPlan> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await this.tenant(em, input.tenantCode);
      this.office(ctx, 'WorkPlan', tenant.id);
      const rule = pluginOf(tenant).officeDocuments.workPoints;
      if (!rule) throw E.badInput('input.tenantCode', 'NO_WORK_POINTS_RULE');
      let plan = await em.findOne(WorkPlan, { where: { tenantId: tenant.id, year: input.year } });
      if (plan && plan.status !== WorkPlanStatus.DRAFT && plan.status !== WorkPlanStatus.RETURNED)
        throw E.conflict('WORK_PLAN_NOT_EDITABLE', { status: plan.status }, 'input.year');
      const now = this.clock.now();
      plan = await em.save(
        Object.assign(plan ?? em.create(WorkPlan, { tenantId: tenant.id, year: input.year, createdAt: now }), {
          title: input.title,
          status: WorkPlanStatus.DRAFT,
          source: rule.source,
          draftedById: ctx.caller.userId,
          submittedById: null,
          updatedAt: now,
        }),
      );
      await em.delete(WorkPlanPoint, { tenantId: tenant.id, workPlanId: plan.id });
      await em.insert(
        WorkPlanPoint,
        input.points.map((content, position) => ({ tenantId: tenant.id, workPlanId: plan.id, position, content })),
      );
      return plan;
    });
  }

  async submitWorkPlan(ctx: RequestContext, workPlanId: string): Promise<WorkPlan> {
    return this.transition(ctx, workPlanId, async (em, plan, tenant) => {
      this.office(ctx, 'WorkPlan', plan.tenantId);
      this.expect(plan, [WorkPlanStatus.DRAFT, WorkPlanStatus.RETURNED]);
      plan.status = WorkPlanStatus.SUBMITTED;
      plan.submittedById = ctx.caller.userId;
      plan.returnComment = null;
      const approvedBy = this.rule(tenant).approvedBy as Role;
      const roles = holdersOf(approvedBy);
      await notify(
        em,
        plan.tenantId,
        { roles },
        {
          kind: 'WORK_POINTS_TO_APPROVE',
          title: `待审定：${plan.title}`,
          body: `workPlanId=${plan.id}`,
          dedupeKey: `work-plan:${plan.id}:${this.clock.now().getTime()}`,
        },
      );
    });
  }

  async approveWorkPlan(ctx: RequestContext, input: WorkPlanDecisionInput): Promise<WorkPlan> {
    return this.transition(ctx, input.workPlanId, async (_em, plan, tenant) => {
      this.approver(ctx, plan, tenant);
      this.expect(plan, [WorkPlanStatus.SUBMITTED]);
      plan.status = WorkPlanStatus.APPROVED;
      plan.approvedById = ctx.caller.userId;
      plan.approvedAt = this.clock.now();
    });
  }

  async returnWorkPlan(ctx: RequestContext, input: WorkPlanDecisionInput): Promise<WorkPlan> {
    if (!input.comment) throw E.badInput('input.comment', 'COMMENT_REQUIRED');
    return this.transition(ctx, input.workPlanId, async (_em, plan, tenant) => {
      this.approver(ctx, plan, tenant);
      this.expect(plan, [WorkPlanStatus.SUBMITTED]);
      plan.status = WorkPlanStatus.RETURNED;
      plan.returnComment = input.comment!;
    });
  }

  /** Links issued agreed items to a point of approved work points (linking twice changes nothing). */
  async linkItems(ctx: RequestContext, input: LinkWorkPointItemsInput): Promise<WorkPlanPoint> {
    return this.db.run(ctx, async ({ em }) => {
      const point = await em.findOne(WorkPlanPoint, { where: { id: input.workPointId } });
      if (!point) throw AppError.notFound('Work point');
      this.office(ctx, 'WorkPlan', point.tenantId);
      const plan = await em.findOneOrFail(WorkPlan, { where: { tenantId: point.tenantId, id: point.workPlanId } });
      this.expect(plan, [WorkPlanStatus.APPROVED], 'input.workPointId');
      const found = new Set(await q.issuedAgreedItems(em, point.tenantId, input.agreedItemIds));
      input.agreedItemIds.forEach((id, i) => {
        if (!found.has(id)) throw E.badInput(`input.agreedItemIds.${i}`, 'NOT_AN_AGREED_ITEM');
      });
      await q.link(em, point.tenantId, point.id, input.agreedItemIds, ctx.caller.userId);
      return point;
    });
  }

  async workPlan(ctx: RequestContext, tenantCode: string, year: number): Promise<WorkPlan | null> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await this.tenant(em, tenantCode);
      return em.findOne(WorkPlan, { where: { tenantId: tenant.id, year } });
    });
  }

  async workPlans(
    ctx: RequestContext,
    tenantCode: string,
    limit: number,
    after?: string | null,
  ): Promise<Page<WorkPlan>> {
    checkLimit(limit);
    const cursor = after ? decode(after) : null;
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await this.tenant(em, tenantCode);
      const rows = await q.workPlansPage(em, tenant.id, cursor, limit + 1);
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit ? encode(last.createdAt, last.id) : null };
    });
  }

  async pointsOf(ctx: RequestContext, planIds: readonly string[]): Promise<Map<string, WorkPlanPoint[]>> {
    const rows = await this.db.run(ctx, ({ em }) =>
      em.find(WorkPlanPoint, { where: { workPlanId: In([...planIds]) }, order: { position: 'ASC' } }),
    );
    return groupBy(planIds, rows, (r) => r.workPlanId);
  }

  async progressOf(ctx: RequestContext, pointIds: readonly string[]): Promise<Map<string, WorkPointProgress>> {
    const today = shanghaiDateOf(this.clock.now());
    const found = await this.db.run(ctx, ({ em }) => q.progress(em, pointIds, today));
    return new Map(pointIds.map((id) => [id, found.get(id) ?? { linked: 0, done: 0, overdue: 0, agreedItemIds: [] }]));
  }

  // ── Briefings ───────────────────────────────────────────────────────────────────────────────────

  async draftBriefing(ctx: RequestContext, input: DraftBriefingInput): Promise<Briefing> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await this.tenant(em, input.tenantCode);
      this.office(ctx, 'Briefing', tenant.id);
      const now = this.clock.now();
      let briefing: Briefing;
      if (input.briefingId) {
        const found = await em.findOne(Briefing, { where: { tenantId: tenant.id, id: input.briefingId } });
        if (!found) throw AppError.notFound('Briefing');
        if (found.status === BriefingStatus.ISSUED)
          throw E.conflict('BRIEFING_ISSUED', { number: found.number }, 'input.briefingId');
        if (input.kind && input.kind !== found.kind)
          throw E.badInput('input.kind', 'KIND_OF_DRAFT', { kind: found.kind });
        briefing = found;
      } else {
        const kind = input.kind ?? OfficePaperKind.BRIEFING;
        const series = seriesOf(tenant, kind);
        briefing = em.create(Briefing, {
          tenantId: tenant.id,
          status: BriefingStatus.DRAFT,
          kind,
          series: series.name,
          source: series.source,
          drawnFromReportIds: [],
          createdAt: now,
        });
      }
      if (input.drawnFromReportIds?.length) {
        if (briefing.kind !== OfficePaperKind.CIRCULAR)
          throw E.badInput('input.drawnFromReportIds', 'DRAWN_FROM_CIRCULARS_ONLY');
        const wanted = [...new Set(input.drawnFromReportIds)];
        const received = new Set(await q.receivedWorkReports(em, tenant.id, wanted));
        input.drawnFromReportIds.forEach((id, i) => {
          if (!received.has(id)) throw E.badInput(`input.drawnFromReportIds.${i}`, 'NOT_A_RECEIVED_WORK_REPORT');
        });
        briefing.drawnFromReportIds = wanted;
      }
      return em.save(
        Object.assign(briefing, {
          title: input.title,
          body: input.body,
          draftedById: ctx.caller.userId,
          updatedAt: now,
        }),
      );
    });
  }

  /**
   * The office drafts a circular of the agreed items' progress (002 §六(二) 督促落实联席会议议定的事项并定期通报进展
   * 情况) from the issued agreed items' own state on today's date (Beijing): how many there are, done, open and
   * overdue, then each with its owners, its time limit and where it stands. The office edits it (draftBriefing)
   * and issues it to the member units (issueBriefing).
   */
  async draftAgreedItemsProgress(ctx: RequestContext, input: DraftAgreedItemsProgressInput): Promise<Briefing> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await this.tenant(em, input.tenantCode);
      this.office(ctx, 'Briefing', tenant.id);
      const series = seriesOf(tenant, OfficePaperKind.AGREED_ITEMS_PROGRESS);
      const now = this.clock.now();
      const today = shanghaiDateOf(now);
      const items = await q.agreedItemsProgress(em, tenant.id);
      const state = (i: (typeof items)[number]): keyof typeof PROGRESS_WORD =>
        i.status === 'DONE' ? 'DONE' : i.dueOn && i.dueOn < today ? 'OVERDUE' : 'OPEN';
      const count = (s: keyof typeof PROGRESS_WORD) => items.filter((i) => state(i) === s).length;
      const open = count('OPEN') + count('OVERDUE');
      const lines = [
        `截至${chineseDay(today)}，${pluginOf(tenant).structure.jointMeetingName}议定事项共${items.length}项：已办结${count('DONE')}项，正在办理${open}项（其中超过完成时限${count('OVERDUE')}项）。`,
        ...items.map(
          (i, n) =>
            `${n + 1}. ${i.content}。责任单位：${i.owners.join('、') || '待定'}；完成时限：${i.dueOn ? chineseDay(i.dueOn) : '待定'}${i.provisional ? '（暂定）' : ''}；进展：${PROGRESS_WORD[state(i)]}。`,
        ),
      ];
      return em.save(
        em.create(Briefing, {
          tenantId: tenant.id,
          status: BriefingStatus.DRAFT,
          kind: OfficePaperKind.AGREED_ITEMS_PROGRESS,
          series: series.name,
          source: series.source,
          drawnFromReportIds: [],
          title: input.title ?? `${series.name}（截至${chineseDay(today)}）`,
          body: lines.join('\n\n'),
          draftedById: ctx.caller.userId,
          createdAt: now,
          updatedAt: now,
        }),
      );
    });
  }

  /** Numbers the briefing (the next of the tenant's year, Asia/Shanghai), records its recipients, tells their users. */
  async issueBriefing(ctx: RequestContext, input: IssueBriefingInput): Promise<Briefing> {
    return this.db.run(ctx, async ({ em }) => {
      const briefing = await em.findOne(Briefing, { where: { id: input.briefingId } });
      if (!briefing) throw AppError.notFound('Briefing');
      this.office(ctx, 'Briefing', briefing.tenantId);
      if (briefing.status === BriefingStatus.ISSUED)
        throw E.conflict('BRIEFING_ISSUED', { number: briefing.number }, 'input.briefingId');
      const tenant = await em.findOneOrFail(Tenant, { where: { id: briefing.tenantId } });
      const units = await em.find(MemberUnit, {
        where: { tenantId: tenant.id, active: true },
        order: { position: 'ASC' },
      });
      let recipients: string[];
      if (input.memberUnitIds) {
        const active = new Set(units.map((u) => u.id));
        input.memberUnitIds.forEach((id, i) => {
          if (!active.has(id)) throw E.badInput(`input.memberUnitIds.${i}`, 'NOT_AN_ACTIVE_UNIT');
        });
        recipients = [...new Set(input.memberUnitIds)];
      } else {
        recipients = units.map((u) => u.id);
      }
      if (!recipients.length) throw E.badInput('input.memberUnitIds', 'NO_RECIPIENTS');
      const now = this.clock.now();
      const year = Number(shanghaiDateOf(now).slice(0, 4));
      const seq = await q.nextNumber(em, tenant.id, briefing.kind, year);
      Object.assign(briefing, {
        status: BriefingStatus.ISSUED,
        year,
        seq,
        number: briefingNumber(tenant, year, seq, briefing.series),
        issuedById: ctx.caller.userId,
        issuedAt: now,
        updatedAt: now,
      });
      await em.save(briefing);
      await em.insert(
        BriefingRecipient,
        recipients.map((memberUnitId) => ({
          tenantId: tenant.id,
          briefingId: briefing.id,
          memberUnitId,
          acknowledgedAt: null,
          acknowledgedById: null,
        })),
      );
      for (const unitId of recipients) {
        await notify(
          em,
          tenant.id,
          { unitId },
          {
            kind: 'BRIEFING_ISSUED',
            title: `${briefing.series}：${briefing.number} ${briefing.title}`,
            body: `briefingId=${briefing.id}`,
            dedupeKey: `briefing:${briefing.id}`,
          },
        );
      }
      return briefing;
    });
  }

  /** A receiving unit acknowledges receipt (签收); acknowledging twice changes nothing. */
  async acknowledgeBriefing(ctx: RequestContext, briefingId: string): Promise<Briefing> {
    return this.db.run(ctx, async ({ em }) => {
      const unit = ctx.caller.memberUnitId;
      const briefing = await em.findOne(Briefing, { where: { id: briefingId } });
      const row =
        briefing && unit
          ? await em.findOne(BriefingRecipient, {
              where: { tenantId: briefing.tenantId, briefingId, memberUnitId: unit },
            })
          : null;
      if (!briefing || (unitScope(ctx) && !row)) throw AppError.notFound('Briefing');
      if (!row || !ctx.ability.can('acknowledge', subject('Briefing', { tenantId: briefing.tenantId })))
        throw E.forbidden('RECIPIENTS_ACKNOWLEDGE');
      if (!row.acknowledgedAt) {
        await em.update(
          BriefingRecipient,
          { tenantId: row.tenantId, briefingId, memberUnitId: unit! },
          { acknowledgedAt: this.clock.now(), acknowledgedById: ctx.caller.userId },
        );
      }
      return briefing;
    });
  }

  async briefings(
    ctx: RequestContext,
    tenantCode: string,
    limit: number,
    after?: string | null,
  ): Promise<Page<Briefing>> {
    checkLimit(limit);
    const cursor = after ? decode(after) : null;
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await this.tenant(em, tenantCode);
      const rows = await q.briefingsPage(em, tenant.id, unitScope(ctx), cursor, limit + 1);
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit ? encode(last.createdAt, last.id) : null };
    });
  }

  /** Recipients per briefing; a member unit sees only its own receipt. */
  async recipientsOf(ctx: RequestContext, briefingIds: readonly string[]): Promise<Map<string, BriefingRecipient[]>> {
    const unit = unitScope(ctx);
    const rows = await this.db.run(ctx, ({ em }) =>
      em.find(BriefingRecipient, {
        where: { briefingId: In([...briefingIds]), ...(unit ? { memberUnitId: unit } : {}) },
      }),
    );
    return groupBy(briefingIds, rows, (r) => r.briefingId);
  }

  // ── helpers ─────────────────────────────────────────────────────────────────────────────────────

  private async tenant(em: EntityManager, code: string): Promise<Tenant> {
    const tenant = await em.findOne(Tenant, { where: { code } });
    if (!tenant) throw AppError.notFound(`Tenant "${code}"`);
    return tenant;
  }

  private office(ctx: RequestContext, type: 'WorkPlan' | 'Briefing', tenantId: string): void {
    if (!ctx.ability.can('update', subject(type, { tenantId }))) throw E.forbidden('OFFICE_ONLY');
  }

  private rule(tenant: Tenant) {
    const rule = pluginOf(tenant).officeDocuments.workPoints;
    if (!rule) throw E.badInput('input.workPlanId', 'NO_WORK_POINTS_RULE');
    return rule;
  }

  /** The holder of the plugin's `approvedBy` in the plan's own tenant; never its drafter or submitter. */
  private approver(ctx: RequestContext, plan: WorkPlan, tenant: Tenant): void {
    const rule = this.rule(tenant);
    if (
      ctx.caller.tenantId !== plan.tenantId ||
      !satisfies(ctx.caller.roles, rule.approvedBy as Role) ||
      !ctx.ability.can('approve', subject('WorkPlan', { tenantId: plan.tenantId }))
    ) {
      throw E.forbidden('APPROVER_ONLY', { role: rule.approvedBy, source: rule.source });
    }
    refuseOwnPaper(ctx, [plan.draftedById, plan.submittedById], 'these work points');
  }

  private expect(plan: WorkPlan, states: WorkPlanStatus[], field = 'input.workPlanId'): void {
    if (!states.includes(plan.status))
      throw E.conflict('WORK_PLAN_STATE', { status: plan.status, needed: states.join(' / ') }, field);
  }

  private async transition(
    ctx: RequestContext,
    id: string,
    change: (em: EntityManager, plan: WorkPlan, tenant: Tenant) => Promise<void>,
  ): Promise<WorkPlan> {
    return this.db.run(ctx, async ({ em }) => {
      const plan = await em.findOne(WorkPlan, { where: { id } });
      if (!plan) throw AppError.notFound('Work points');
      const tenant = await em.findOneOrFail(Tenant, { where: { id: plan.tenantId } });
      await change(em, plan, tenant);
      plan.updatedAt = this.clock.now();
      return em.save(plan);
    });
  }
}
