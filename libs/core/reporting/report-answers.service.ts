import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import { memberUnitOf } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import { groupBy } from '@engine/util';
import { notify } from '@core/notifications';
import { tenantById } from '@core/tenancy';
import type { AnswerReportInput, CompleteInstructionInput } from './dto/report.inputs';
import { InstructionStatus, Report, ReportChannel, ReportInstruction, ReportStatus } from './report.entity';
import { canSeeReport, expectStatus, officeRoleOf, requireOwnOffice } from './report-access';
import { ReportChannels } from './report-channels';
import { REPORT_ERRORS } from './reporting.errors';
import { instructionsOf } from './reports.query';
import { ReportsService } from './reports.service';

/**
 * Answers to reports (批示) and their instructions: the recipient answers (for the party committee the
 * reporting office records the reply); each instruction is a tracked item of the reporting tenant, which
 * records how it was carried out and is overdue past its due date.
 */
@Injectable()
export class ReportAnswersService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(ReportsService) private readonly reports: ReportsService,
    @Inject(ReportChannels) private readonly channels: ReportChannels,
  ) {}

  /**
   * The recipient answers (批示); for the party committee the reporting office records its reply, who gave
   * it and when. Each instruction becomes a tracked item of the reporting tenant.
   */
  async answer(ctx: RequestContext, input: AnswerReportInput): Promise<Report> {
    return this.reports.change(ctx, input.reportId, async (tx, report) => {
      const now = this.clock.now();
      if (report.channel === ReportChannel.PARTY_COMMITTEE) {
        requireOwnOffice(ctx, report);
        if (!input.repliedByName)
          throw REPORT_ERRORS.badInput('input.repliedByName', 'REPLIED_BY_REQUIRED', {
            recipient: report.recipientName,
          });
        if (!input.repliedOn) throw REPORT_ERRORS.badInput('input.repliedOn', 'REPLIED_ON_REQUIRED');
        if (input.repliedOn > shanghaiDateOf(now)) throw REPORT_ERRORS.badInput('input.repliedOn', 'IN_THE_FUTURE');
        if (input.repliedOn < shanghaiDateOf(report.sentAt ?? now))
          throw REPORT_ERRORS.badInput('input.repliedOn', 'BEFORE_SENT');
      } else {
        await this.channels.checkRecipient(ctx, tx, report);
        if (input.repliedByName || input.repliedOn)
          throw REPORT_ERRORS.badInput(
            input.repliedByName ? 'input.repliedByName' : 'input.repliedOn',
            'ONLY_FOR_PARTY_COMMITTEE',
          );
      }
      expectStatus(
        report,
        report.channel === ReportChannel.PARTY_COMMITTEE
          ? [ReportStatus.SENT]
          : [ReportStatus.SENT, ReportStatus.ACKNOWLEDGED],
      );
      const today = shanghaiDateOf(now);
      input.instructions.forEach((i, n) => {
        if (i.dueOn && i.dueOn < today) throw REPORT_ERRORS.badInput(`input.instructions.${n}.dueOn`, 'IN_THE_PAST');
      });
      Object.assign(report, {
        status: ReportStatus.ANSWERED,
        acknowledgedById: report.acknowledgedById ?? ctx.caller.userId,
        acknowledgedAt: report.acknowledgedAt ?? now,
        answeredById: ctx.caller.userId,
        answeredAt: now,
        reply: input.reply,
        repliedByName: input.repliedByName ?? null,
        repliedOn: input.repliedOn ?? today,
      });
      if (input.instructions.length) {
        await tx.em.insert(
          ReportInstruction,
          input.instructions.map((i, position) => ({
            tenantId: report.tenantId,
            id: randomUUID(),
            reportId: report.id,
            recipientTenantId: report.recipientTenantId,
            position,
            content: i.content,
            dueOn: i.dueOn ?? null,
            status: InstructionStatus.OPEN,
            result: null,
            completedById: null,
            completedAt: null,
            createdById: ctx.caller.userId,
            createdAt: now,
          })),
        );
      }
      const to = report.reportingUnitId
        ? { unitId: report.reportingUnitId }
        : { roles: [officeRoleOf(await tenantById(tx.em, report.tenantId))] };
      await notify(tx.em, report.tenantId, to, {
        kind: 'REPORT_ANSWERED',
        title: `${report.recipientName}批示：${report.title}`,
        body: `reportId=${report.id}${input.instructions.length ? `；${input.instructions.length}项批示事项待落实` : ''}`,
        dedupeKey: `report-answered:${report.id}`,
      });
    });
  }

  /** The reporting office (or unit) records how an instruction was carried out. */
  async completeInstruction(ctx: RequestContext, input: CompleteInstructionInput): Promise<ReportInstruction> {
    return this.db.run(ctx, async (tx) => {
      const { em } = tx;
      const item = await em.findOne(ReportInstruction, { where: { id: input.instructionId } });
      const report = item && (await em.findOne(Report, { where: { id: item.reportId, tenantId: item.tenantId } }));
      if (!item || !report || !canSeeReport(ctx, report)) throw AppError.notFound('Instruction');
      const own = report.reportingUnitId
        ? memberUnitOf(ctx) === report.reportingUnitId
        : ctx.ability.can('update', subject('Report', { tenantId: report.tenantId }));
      if (!own) throw REPORT_ERRORS.forbidden('OFFICE_ONLY');
      if (item.status !== InstructionStatus.OPEN)
        throw REPORT_ERRORS.conflict('INSTRUCTION_DONE', {}, 'input.instructionId');
      Object.assign(item, {
        status: InstructionStatus.DONE,
        result: input.result,
        completedById: ctx.caller.userId,
        completedAt: this.clock.now(),
      });
      return em.save(item);
    });
  }

  async instructionsOf(ctx: RequestContext, reportIds: readonly string[]): Promise<Map<string, ReportInstruction[]>> {
    const rows = await this.db.run(ctx, ({ em }) => instructionsOf(em, reportIds));
    return groupBy(reportIds, rows, (r) => r.reportId);
  }

  isOverdue(item: ReportInstruction): boolean {
    return (
      item.status === InstructionStatus.OPEN && item.dueOn !== null && item.dueOn < shanghaiDateOf(this.clock.now())
    );
  }
}
