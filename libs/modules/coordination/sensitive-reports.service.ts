import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import type { EntityManager } from 'typeorm';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Role } from '@core/identity';
import { memberUnitOf } from '@engine/access';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import { COORDINATION_ERRORS } from './coordination.errors';
import { deadlineBasis } from '@core/calendar';
import { MemberUnit } from '@core/joint-meeting/entities';
import type { Tenant } from '@core/tenancy/entities';
import { pluginOf, sensitiveRule, tenantByCode, tenantById, type SensitiveInformationRule } from './coordination-rules';
import { Deadlines } from './deadlines';
import type {
  NotifySensitiveInformationInput,
  ReportSensitiveInformationInput,
  SensitiveDecisionInput,
  VerifySensitiveInformationInput,
} from './dto/sensitive.inputs';
import { notify } from '@core/notifications';
import { SensitiveReport, SensitiveReportAction, SensitiveReportStatus } from './sensitive-report.entity';
import { canSee } from './sensitive-reports.query';

type Change = (em: EntityManager, report: SensitiveReport, tenant: Tenant) => Promise<void>;

/**
 * Important sensitive information (000 art. 11, 001 art. 11): a member unit (or the office) reports
 * it to the office; the office notifies the responsible unit, whose verification is due within the
 * plugin's `verifyWithin` on the working-day calendar (the article cited for the duty; the figure's own
 * basis, a default where no article states it, D5); the unit reports its on-site verification and
 * handling; the office closes it or sends it back. Every transition checks role and state.
 */
@Injectable()
export class SensitiveReportsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(Deadlines) private readonly deadlines: Deadlines,
  ) {}

  async report(ctx: RequestContext, input: ReportSensitiveInformationInput): Promise<SensitiveReport> {
    const now = this.clock.now();
    if (input.occurredAt.getTime() > now.getTime() + 60_000)
      throw COORDINATION_ERRORS.badInput('input.occurredAt', 'IN_THE_FUTURE');
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, input.tenantCode);
      if (!ctx.ability.can('report', subject('SensitiveReport', { tenantId: tenant.id }))) {
        throw COORDINATION_ERRORS.forbidden('REPORTERS_ONLY');
      }
      const rule = sensitiveRule(tenant, 'input.tenantCode');
      const byOffice = ctx.ability.can('update', subject('SensitiveReport', { tenantId: tenant.id }));
      const report = await em.save(
        em.create(SensitiveReport, {
          tenantId: tenant.id,
          content: input.content,
          occurredAt: input.occurredAt,
          location: input.location ?? null,
          severity: input.severity ?? null,
          status: SensitiveReportStatus.REPORTED,
          reportingUnitId: byOffice ? null : memberUnitOf(ctx),
          reportedById: ctx.caller.userId,
          reportedAt: now,
          rule: rule.source,
          steps: [
            { action: SensitiveReportAction.REPORTED, at: now.toISOString(), byUserId: ctx.caller.userId, note: null },
          ],
          updatedAt: now,
        }),
      );
      if (!byOffice) {
        await notify(
          em,
          tenant.id,
          { roles: [this.officeRole(tenant)] },
          {
            kind: 'SENSITIVE_INFORMATION_REPORTED',
            title: '重要敏感信访信息报送',
            body: `成员单位报送了一条重要敏感信访信息，请及时向属事单位通报（${rule.source}）。`,
            dedupeKey: `sensitive-reported:${report.id}`,
          },
        );
      }
      return report;
    });
  }

  /** The office notifies the responsible unit (属事单位); the verification clock starts today. */
  async notify(ctx: RequestContext, input: NotifySensitiveInformationInput): Promise<SensitiveReport> {
    return this.transition(ctx, input.reportId, async (em, report, tenant) => {
      this.office(ctx, report);
      this.expect(report, [SensitiveReportStatus.REPORTED]);
      const rule = sensitiveRule(tenant, 'input.reportId');
      const unit = await em.findOne(MemberUnit, {
        where: { id: input.responsibleUnitId, tenantId: report.tenantId, active: true },
      });
      if (!unit) throw COORDINATION_ERRORS.badInput('input.responsibleUnitId', 'NOT_AN_ACTIVE_UNIT');
      report.responsibleUnitId = unit.id;
      report.instructions = input.instructions ?? null;
      await this.startVerification(ctx, em, report, rule, SensitiveReportAction.NOTIFIED, input.instructions ?? null);
    });
  }

  /** The responsible unit reports its on-site verification (落地核查) and handling. */
  async verify(ctx: RequestContext, input: VerifySensitiveInformationInput): Promise<SensitiveReport> {
    return this.transition(ctx, input.reportId, async (em, report, tenant) => {
      const unit = memberUnitOf(ctx);
      if (
        !unit ||
        unit !== report.responsibleUnitId ||
        !ctx.ability.can('report', subject('SensitiveReport', { tenantId: report.tenantId }))
      ) {
        throw COORDINATION_ERRORS.forbidden('RESPONSIBLE_UNIT_VERIFIES');
      }
      this.expect(report, [SensitiveReportStatus.NOTIFIED]);
      const rule = sensitiveRule(tenant, 'input.reportId');
      if (rule.onSiteVerification && !input.verifiedOnSite) {
        throw COORDINATION_ERRORS.badInput('input.verifiedOnSite', 'ON_SITE_VERIFICATION_REQUIRED', {
          source: rule.source,
        });
      }
      const now = this.clock.now();
      Object.assign(report, {
        status: SensitiveReportStatus.VERIFIED,
        verifiedOnSite: input.verifiedOnSite,
        verification: input.verification,
        handling: input.handling,
        verifiedAt: now,
      });
      this.step(report, SensitiveReportAction.VERIFIED, ctx, null);
      await notify(
        em,
        report.tenantId,
        { roles: [this.officeRole(tenant)] },
        {
          kind: 'SENSITIVE_INFORMATION_VERIFIED',
          title: '重要敏感信访信息核查情况报告',
          body: `属事单位已报告核查处理情况（第${report.round}次通报），请审核办结或退回补充。`,
          dedupeKey: `sensitive-verified:${report.id}:${report.round}`,
        },
      );
    });
  }

  async close(ctx: RequestContext, input: SensitiveDecisionInput): Promise<SensitiveReport> {
    return this.transition(ctx, input.reportId, async (_em, report) => {
      this.office(ctx, report);
      this.expect(report, [SensitiveReportStatus.VERIFIED]);
      Object.assign(report, {
        status: SensitiveReportStatus.CLOSED,
        closingNote: input.comment ?? null,
        closedAt: this.clock.now(),
      });
      this.step(report, SensitiveReportAction.CLOSED, ctx, input.comment ?? null);
    });
  }

  /** The office sends a verification back for more: notified again, with a new due date from today. */
  async return(ctx: RequestContext, input: SensitiveDecisionInput): Promise<SensitiveReport> {
    if (!input.comment) throw COORDINATION_ERRORS.badInput('input.comment', 'SEND_BACK_NEEDS_COMMENT');
    return this.transition(ctx, input.reportId, async (em, report, tenant) => {
      this.office(ctx, report);
      this.expect(report, [SensitiveReportStatus.VERIFIED]);
      report.returnComment = input.comment!;
      await this.startVerification(
        ctx,
        em,
        report,
        sensitiveRule(tenant, 'input.reportId'),
        SensitiveReportAction.RETURNED,
        input.comment!,
      );
    });
  }

  /** NOTIFIED with the due date counted from today, and the responsible unit's users told. */
  private async startVerification(
    ctx: RequestContext,
    em: EntityManager,
    report: SensitiveReport,
    rule: SensitiveInformationRule,
    action: SensitiveReportAction,
    note: string | null,
  ): Promise<void> {
    const now = this.clock.now();
    const due = await this.deadlines.due(ctx, report.tenantId, shanghaiDateOf(now), rule.verifyWithin);
    const basis = deadlineBasis(rule.verifyWithin);
    Object.assign(report, {
      status: SensitiveReportStatus.NOTIFIED,
      notifiedAt: now,
      round: report.round + 1,
      verifyDueOn: due.date,
      verifyDueProvisional: due.provisional,
      verifyBasis: basis,
    });
    this.step(report, action, ctx, note);
    const again = action === SensitiveReportAction.RETURNED;
    await notify(
      em,
      report.tenantId,
      { unitId: report.responsibleUnitId! },
      {
        kind: again ? 'SENSITIVE_INFORMATION_RETURNED' : 'SENSITIVE_INFORMATION_NOTIFIED',
        title: again ? '重要敏感信访信息核查情况退回补充' : '重要敏感信访信息核查通知',
        body: `请${rule.onSiteVerification ? '落地核查并' : ''}报告处理情况（${rule.source}），报告时限：${due.date}${due.provisional ? '（暂定）' : ''}前，即${basis.words}。${again ? `退回意见：${note}` : ''}`,
        dedupeKey: `sensitive-notified:${report.id}:${report.round}`,
      },
    );
  }

  private async transition(ctx: RequestContext, id: string, change: Change): Promise<SensitiveReport> {
    return this.db.run(ctx, async ({ em }) => {
      const report = await em.findOne(SensitiveReport, { where: { id } });
      if (!report || !canSee(ctx, report)) throw AppError.notFound('Sensitive report');
      await change(em, report, await tenantById(em, report.tenantId));
      report.updatedAt = this.clock.now();
      return em.save(report);
    });
  }

  private office(ctx: RequestContext, report: SensitiveReport): void {
    if (!ctx.ability.can('update', subject('SensitiveReport', { tenantId: report.tenantId }))) {
      throw COORDINATION_ERRORS.forbidden('OFFICE_HANDLES_REPORTS');
    }
  }

  private expect(report: SensitiveReport, states: SensitiveReportStatus[]): void {
    if (!states.includes(report.status)) {
      throw COORDINATION_ERRORS.conflict(
        'REPORT_WRONG_STATUS',
        { status: report.status, needed: states.join(' / ') },
        'input.reportId',
      );
    }
  }

  private step(report: SensitiveReport, action: SensitiveReportAction, ctx: RequestContext, note: string | null): void {
    report.steps = [...report.steps, { action, at: this.clock.now().toISOString(), byUserId: ctx.caller.userId, note }];
  }

  /** The office's role as the tenant's plugin states it (structure.office.director). */
  private officeRole(tenant: Tenant): Role {
    return pluginOf(tenant).structure.office.director.role as Role;
  }
}
