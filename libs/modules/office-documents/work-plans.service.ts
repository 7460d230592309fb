import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { In, type EntityManager } from 'typeorm';
import { holdersOf, satisfies, refuseOwnPaper } from '@engine/access';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import type { Page } from '@engine/graphql';
import { groupBy } from '@engine/util';
import { Role } from '@core/identity';
import { notify } from '@core/notifications';
import type { Tenant } from '@core/tenancy/entities';
import { tenantByCode, tenantById } from '@core/tenancy';
import type { DraftWorkPlanInput, LinkWorkPointItemsInput, WorkPlanDecisionInput } from './dto/office-documents.inputs';
import { WorkPlan, WorkPlanPoint, WorkPlanStatus, type WorkPointProgress } from './office-documents.entity';
import { OFFICE_DOCUMENTS_ERRORS as E } from './office-documents.errors';
import { officeDocumentsQuery as q, type PageArgs } from './office-documents.query';
import { requireOffice, workPointsRule } from './office-rules';

/**
 * The annual work points (年度工作要点, 000 art. 6, 001 art. 9): the office drafts and submits, the role the
 * plugin names approves or returns them (never whoever drafted or submitted them), and each point is
 * tracked through the agreed items the office links to it.
 */
@Injectable()
export class WorkPlansService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async draftWorkPlan(ctx: RequestContext, input: DraftWorkPlanInput): Promise<WorkPlan> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, input.tenantCode);
      requireOffice(ctx, 'WorkPlan', tenant.id);
      const rule = workPointsRule(tenant, 'input.tenantCode');
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
      requireOffice(ctx, 'WorkPlan', plan.tenantId);
      this.expect(plan, [WorkPlanStatus.DRAFT, WorkPlanStatus.RETURNED]);
      plan.status = WorkPlanStatus.SUBMITTED;
      plan.submittedById = ctx.caller.userId;
      plan.returnComment = null;
      const approvedBy = workPointsRule(tenant, 'input.workPlanId').approvedBy as Role;
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
      requireOffice(ctx, 'WorkPlan', point.tenantId);
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
      const tenant = await tenantByCode(em, tenantCode);
      return em.findOne(WorkPlan, { where: { tenantId: tenant.id, year } });
    });
  }

  async workPlans(ctx: RequestContext, tenantCode: string, page: PageArgs): Promise<Page<WorkPlan>> {
    return this.db.run(ctx, async ({ em }) => q.workPlansPage(em, (await tenantByCode(em, tenantCode)).id, page));
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

  /** The holder of the plugin's `approvedBy` in the plan's own tenant; never its drafter or submitter. */
  private approver(ctx: RequestContext, plan: WorkPlan, tenant: Tenant): void {
    const rule = workPointsRule(tenant, 'input.workPlanId');
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

  /** Load, change, record: the one template of every work-plan transition. */
  private async transition(
    ctx: RequestContext,
    id: string,
    change: (em: EntityManager, plan: WorkPlan, tenant: Tenant) => Promise<void>,
  ): Promise<WorkPlan> {
    return this.db.run(ctx, async ({ em }) => {
      const plan = await em.findOne(WorkPlan, { where: { id } });
      if (!plan) throw AppError.notFound('Work points');
      await change(em, plan, await tenantById(em, plan.tenantId));
      plan.updatedAt = this.clock.now();
      return em.save(plan);
    });
  }
}
