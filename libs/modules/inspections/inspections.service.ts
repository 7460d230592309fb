import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { subject } from '@casl/ability';
import type { EntityManager } from 'typeorm';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import { RequestContext } from '@engine/context';
import { Role } from '@core/identity';
import { Db } from '@engine/database';
import { refuseOwnPaper, holdersOf } from '@engine/access';
import { AppError } from '@engine/errors';
import { INSPECTION_ERRORS } from './inspections.errors';
import { JobQueue, jobId } from '@engine/jobs';
import { tenantByCode } from '@core/tenancy';
import { notify } from '@core/notifications';
import { MemberUnit, MemberUnitKind } from '@core/joint-meeting/entities';
import { Tenant } from '@core/tenancy/entities';
import type {
  DecideInspectionInput,
  ProposeInspectionInput,
  RecordInspectionFindingInput,
  ReportInspectionInput,
  ScheduleEventInspectionInput,
} from './dto/inspection.inputs';
import {
  Inspection,
  InspectionFinding,
  InspectionKind,
  InspectionStatus,
  UNDELIVERABLE_SUFFIX,
} from './inspection.entity';
import {
  CONVENER_ROLES,
  inspectionRule,
  expectStatus,
  mayApprove,
  refuseNonConductor,
  mayPropose,
  type InspectionRule,
} from './inspection-rules';
import type { InspectionSample } from './sample';

export const REPORT_UPWARD_JOB = 'inspections.report-upward';

export interface ReportUpwardJob {
  parentId: string;
  inspectionId: string;
  tenantName: string;
  title: string;
  rule: string;
}

type Step = (em: EntityManager, inspection: Inspection, tenant: Tenant, rule: InspectionRule) => Promise<void>;

/**
 * Inspections (督查) as each tenant's plugin states them: proposed by the roles in `proposedBy`
 * (000 art. 13: the office; 001 art. 13: the office or a member unit), approved or rejected by
 * `approvedBy` (the convener; 002: the chief convener), carried out with findings per unit, and
 * reported per `reportTo` — to the tenant's own conveners, or upward to the parent tenant's conveners
 * (000 art. 13: 报告区联席会议召集人). A parent that is not on the platform makes the report
 * UNDELIVERABLE: it is recorded as reported, and the office is told to send it outside the platform.
 */
@Injectable()
export class InspectionsService implements OnModuleInit {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(JobQueue) private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: REPORT_UPWARD_JOB, handle: (job: ReportUpwardJob) => this.reportUpward(job) });
  }

  async propose(ctx: RequestContext, input: ProposeInspectionInput): Promise<Inspection> {
    if (input.periodStart && input.periodEnd && input.periodEnd < input.periodStart)
      throw INSPECTION_ERRORS.badInput('input.periodEnd', 'PERIOD_END_BEFORE_START');
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, input.tenantCode);
      if (!ctx.ability.can('create', subject('Inspection', { tenantId: tenant.id })))
        throw INSPECTION_ERRORS.forbidden('OTHER_TENANT');
      const rule = inspectionRule(tenant, 'input.tenantCode');
      if (!mayPropose(ctx.caller.roles, rule))
        throw INSPECTION_ERRORS.forbidden('NOT_PROPOSER', { source: rule.source, roles: rule.proposedBy });
      const { organiserUnitId, participantUnitIds } = await this.organisation(em, tenant, rule, input);
      const inspection = await em.save(
        em.create(Inspection, {
          tenantId: tenant.id,
          kind: InspectionKind.PLANNED,
          title: input.title,
          scope: input.scope ?? null,
          status: InspectionStatus.PROPOSED,
          periodStart: input.periodStart ?? null,
          periodEnd: input.periodEnd ?? null,
          sample: null,
          rule: rule.source,
          organiserUnitId,
          participantUnitIds,
          proposedById: ctx.caller.userId,
          proposedAt: this.clock.now(),
        }),
      );
      await notify(
        em,
        tenant.id,
        { roles: holdersOf(rule.approvedBy as Role) },
        {
          kind: 'INSPECTION_PROPOSED',
          title: `督查建议：${inspection.title}`,
          body: `请审批督查建议（${rule.source}）。inspectionId=${inspection.id}`,
          dedupeKey: `inspection-proposed:${inspection.id}`,
        },
      );
      return inspection;
    });
  }

  /** The approver (批准) approves or rejects a proposal; a rejection says why. */
  async decide(ctx: RequestContext, input: DecideInspectionInput): Promise<Inspection> {
    if (!input.approve && !input.note) throw INSPECTION_ERRORS.badInput('input.note', 'REJECTION_NEEDS_NOTE');
    return this.step(ctx, input.inspectionId, 'approve', async (em, inspection, tenant, rule) => {
      if (!mayApprove(ctx.caller.roles, rule))
        throw INSPECTION_ERRORS.forbidden('NOT_APPROVER', { source: rule.source, approver: rule.approvedBy });
      refuseOwnPaper(ctx, [inspection.proposedById], 'this inspection proposal');
      expectStatus(inspection, [InspectionStatus.PROPOSED]);
      Object.assign(inspection, {
        status: input.approve ? InspectionStatus.APPROVED : InspectionStatus.REJECTED,
        decidedById: ctx.caller.userId,
        decidedAt: this.clock.now(),
        decisionNote: input.note ?? null,
      });
      await notify(
        em,
        tenant.id,
        { roles: [Role.OFFICE_DIRECTOR] },
        {
          kind: input.approve ? 'INSPECTION_APPROVED' : 'INSPECTION_REJECTED',
          title: `督查${input.approve ? '已批准' : '未批准'}：${inspection.title}`,
          body: input.note ?? `inspectionId=${inspection.id}`,
          dedupeKey: `inspection-decided:${inspection.id}`,
        },
      );
      if (input.approve) {
        // 001 art. 13: the organising unit carries it out, the participating units send people (派员参加).
        for (const unitId of [
          ...(inspection.organiserUnitId ? [inspection.organiserUnitId] : []),
          ...inspection.participantUnitIds,
        ]) {
          const organises = unitId === inspection.organiserUnitId;
          await notify(
            em,
            tenant.id,
            { unitId },
            {
              kind: organises ? 'INSPECTION_TO_ORGANISE' : 'INSPECTION_TO_JOIN',
              title: `${organises ? '组织实施联合督查' : '派员参加联合督查'}：${inspection.title}`,
              body: `${organises ? '本单位组织实施，完成后将情况报联席会议' : '请派员参加'}（${rule.source}）。inspectionId=${inspection.id}`,
              dedupeKey: `inspection-joint:${inspection.id}:${unitId}`,
            },
          );
        }
      }
    });
  }

  /**
   * Before a major meeting, holiday or event (004 預測排查3: 在重大會議、節日、活動前…進行督察), where the plugin's
   * `regular.beforeMajorEvents` says so: a proposed EVENT inspection for the approver, one per event and day.
   */
  async scheduleEvent(ctx: RequestContext, input: ScheduleEventInspectionInput): Promise<Inspection> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, input.tenantCode);
      if (!ctx.ability.can('create', subject('Inspection', { tenantId: tenant.id })))
        throw INSPECTION_ERRORS.forbidden('OTHER_TENANT');
      const rule = inspectionRule(tenant, 'input.tenantCode');
      if (!rule.regular?.beforeMajorEvents)
        throw INSPECTION_ERRORS.badInput('input.tenantCode', 'NO_EVENT_INSPECTIONS', { source: rule.source });
      if (!mayPropose(ctx.caller.roles, rule))
        throw INSPECTION_ERRORS.forbidden('NOT_PROPOSER', { source: rule.source, roles: rule.proposedBy });
      const today = shanghaiDateOf(this.clock.now());
      if (input.eventOn < today) throw INSPECTION_ERRORS.badInput('input.eventOn', 'IN_THE_PAST');
      const dedupeKey = `event:${input.eventOn}:${input.event}`;
      const existing = await em.findOne(Inspection, { where: { tenantId: tenant.id, dedupeKey } });
      if (existing) return existing;
      const inspection = await em.save(
        em.create(Inspection, {
          tenantId: tenant.id,
          kind: InspectionKind.EVENT,
          title: `${input.event}前督察`,
          scope: '解决苗头性、隐患性的情况，以及转办的重要信访问题',
          status: InspectionStatus.PROPOSED,
          periodStart: today,
          periodEnd: input.eventOn,
          eventName: input.event,
          eventOn: input.eventOn,
          sample: null,
          rule: `${rule.source} (before major meetings, holidays and events)`,
          proposedById: ctx.caller.userId,
          proposedAt: this.clock.now(),
          dedupeKey,
        }),
      );
      await notify(
        em,
        tenant.id,
        { roles: holdersOf(rule.approvedBy as Role) },
        {
          kind: 'INSPECTION_PROPOSED',
          title: `督查建议：${inspection.title}`,
          body: `${input.eventOn}${input.event}前督察，请审批（${rule.source}）。inspectionId=${inspection.id}`,
          dedupeKey: `inspection-proposed:${inspection.id}`,
        },
      );
      return inspection;
    });
  }

  /** The organising unit and the participants of a proposal (001 art. 13), checked against the plugin. */
  private async organisation(
    em: EntityManager,
    tenant: Tenant,
    rule: InspectionRule,
    input: ProposeInspectionInput,
  ): Promise<{ organiserUnitId: string | null; participantUnitIds: string[] }> {
    const active = async (id: string, field: string): Promise<MemberUnit> => {
      const unit = await em.findOne(MemberUnit, { where: { id, tenantId: tenant.id, active: true } });
      if (!unit) throw INSPECTION_ERRORS.badInput(field, 'UNIT_NOT_ACTIVE');
      return unit;
    };
    if (input.organiserUnitId) {
      if (!(rule.organisers ?? ['OFFICE']).includes('MEMBER_UNIT'))
        throw INSPECTION_ERRORS.badInput('input.organiserUnitId', 'OFFICE_ORGANISES', { source: rule.source });
      await active(input.organiserUnitId, 'input.organiserUnitId');
    }
    const participants = (input.participantUnitIds ?? []).filter((id) => id !== input.organiserUnitId);
    for (const [i, id] of participants.entries()) await active(id, `input.participantUnitIds.${i}`);
    return { organiserUnitId: input.organiserUnitId ?? null, participantUnitIds: participants };
  }

  /** A finding about one member unit (for a TOWNSHIP unit, also the child tenant it stands for). */
  async recordFinding(ctx: RequestContext, input: RecordInspectionFindingInput): Promise<InspectionFinding> {
    let finding: InspectionFinding | null = null;
    await this.step(ctx, input.inspectionId, 'update', async (em, inspection, _tenant, rule) => {
      refuseNonConductor(ctx, rule, inspection);
      expectStatus(inspection, [InspectionStatus.APPROVED]);
      const unit = await em.findOne(MemberUnit, {
        where: { id: input.unitId, tenantId: inspection.tenantId, active: true },
      });
      if (!unit) throw INSPECTION_ERRORS.badInput('input.unitId', 'UNIT_NOT_ACTIVE');
      const sample = inspection.sample as InspectionSample | null;
      if (inspection.kind === InspectionKind.RANDOM && !sample?.drawn.includes(unit.id)) {
        throw INSPECTION_ERRORS.badInput('input.unitId', 'UNIT_NOT_DRAWN');
      }
      if (input.rectificationDueOn && input.rectificationDueOn < shanghaiDateOf(this.clock.now()))
        throw INSPECTION_ERRORS.badInput('input.rectificationDueOn', 'IN_THE_PAST');
      finding = await em.save(
        em.create(InspectionFinding, {
          tenantId: inspection.tenantId,
          inspectionId: inspection.id,
          unitId: unit.id,
          targetTenantId: unit.kind === MemberUnitKind.TOWNSHIP ? unit.childTenantId : null,
          finding: input.finding,
          severity: input.severity,
          rectificationDueOn: input.rectificationDueOn ?? null,
          recordedById: ctx.caller.userId,
          recordedAt: this.clock.now(),
        }),
      );
    });
    return finding!;
  }

  /** The inspection has been carried out (组织开展督查): no more findings. */
  async complete(ctx: RequestContext, inspectionId: string): Promise<Inspection> {
    return this.step(ctx, inspectionId, 'update', async (_em, inspection, _tenant, rule) => {
      refuseNonConductor(ctx, rule, inspection);
      expectStatus(inspection, [InspectionStatus.APPROVED]);
      Object.assign(inspection, { status: InspectionStatus.CARRIED_OUT, carriedOutAt: this.clock.now() });
    });
  }

  /**
   * Reports a carried-out inspection where the plugin says: its own conveners, or the parent tenant's
   * conveners (notified by a job in the parent's scope after this commits; they read the inspection
   * through the tree). Units with findings are notified of them (督查结果通报有关部门).
   */
  async report(ctx: RequestContext, input: ReportInspectionInput): Promise<Inspection> {
    let upward: ReportUpwardJob | null = null;
    const reported = await this.step(ctx, input.inspectionId, 'report', async (em, inspection, tenant, rule) => {
      refuseNonConductor(ctx, rule, inspection);
      expectStatus(inspection, [InspectionStatus.CARRIED_OUT]);
      let reportedTo: string = rule.reportTo;
      if (rule.reportTo === 'PARENT_CONVENER') {
        if (tenant.parentId) {
          upward = {
            parentId: tenant.parentId,
            inspectionId: inspection.id,
            tenantName: tenant.name,
            title: inspection.title,
            rule: rule.source,
          };
        } else {
          reportedTo += UNDELIVERABLE_SUFFIX;
          await notify(
            em,
            tenant.id,
            { roles: [Role.OFFICE_DIRECTOR] },
            {
              kind: 'INSPECTION_REPORT_UNDELIVERABLE',
              title: `督查情况须向上级联席会议召集人报告：${inspection.title}`,
              body: `${rule.source}要求将督查情况报告上级联席会议召集人，但本单位的上级未在平台上，请线下报送。`,
              dedupeKey: `inspection-undeliverable:${inspection.id}`,
            },
          );
        }
      } else {
        await notify(
          em,
          tenant.id,
          { roles: CONVENER_ROLES },
          {
            kind: 'INSPECTION_REPORTED',
            title: `督查情况报告：${inspection.title}`,
            body: `${input.report.slice(0, 200)}（${rule.source}）inspectionId=${inspection.id}`,
            dedupeKey: `inspection-report:${inspection.id}`,
          },
        );
      }
      Object.assign(inspection, {
        status: InspectionStatus.REPORTED,
        report: input.report,
        reportedTo,
        reportedAt: this.clock.now(),
      });
      const findings = await em.find(InspectionFinding, { where: { inspectionId: inspection.id } });
      for (const unitId of new Set(findings.map((f) => f.unitId))) {
        await notify(
          em,
          tenant.id,
          { unitId },
          {
            kind: 'INSPECTION_FINDINGS',
            title: `督查发现问题通报：${inspection.title}`,
            body: `督查发现本单位存在${findings.filter((f) => f.unitId === unitId).length}个问题，请按要求整改。inspectionId=${inspection.id}`,
            dedupeKey: `inspection-findings:${inspection.id}`,
          },
        );
      }
    });
    if (upward)
      await this.jobs.enqueue(REPORT_UPWARD_JOB, upward, { jobId: jobId('inspection-report', input.inspectionId) });
    return reported;
  }

  /** In the parent tenant's scope: its conveners get the report (000 art. 13: 区联席会议召集人). */
  async reportUpward(job: ReportUpwardJob): Promise<void> {
    await this.db.run(RequestContext.forTenantJob(job.parentId), async ({ em }) => {
      await notify(
        em,
        job.parentId,
        { roles: CONVENER_ROLES },
        {
          kind: 'INSPECTION_REPORTED_UPWARD',
          title: `下级督查情况报告：${job.tenantName} ${job.title}`,
          body: `${job.tenantName}按${job.rule}报告督查情况。inspectionId=${job.inspectionId}`,
          dedupeKey: `inspection-report:${job.inspectionId}`,
        },
      );
    });
  }

  private async step(
    ctx: RequestContext,
    inspectionId: string,
    action: 'approve' | 'update' | 'report',
    change: Step,
  ): Promise<Inspection> {
    return this.db.run(ctx, async ({ em }) => {
      const inspection = await em.findOne(Inspection, { where: { id: inspectionId } });
      if (!inspection) throw AppError.notFound('Inspection');
      if (!ctx.ability.can(action, subject('Inspection', { tenantId: inspection.tenantId })))
        throw INSPECTION_ERRORS.forbidden('NOT_OWN_TENANT');
      const tenant = await em.findOneOrFail(Tenant, { where: { id: inspection.tenantId } });
      await change(em, inspection, tenant, inspectionRule(tenant, 'input.inspectionId'));
      return em.save(inspection);
    });
  }
}
