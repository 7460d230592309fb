import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { In } from 'typeorm';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import { MemberUnit } from '@core/joint-meeting/entities';
import { notify } from '@core/notifications';
import { COORDINATION_ERRORS } from './coordination.errors';
import { SensitiveReport, SensitiveReportAction, SensitiveReportStatus } from './sensitive-report.entity';
import { canSee } from './sensitive-reports.query';
import { CirculateSensitiveInformationInput } from './dto/sensitive-circulation.inputs';

/**
 * 001 art. 11 (联席会议办公室视情向相关部门和各村通报): besides the responsible unit it notifies for
 * verification, the office circulates a report to as many departments and villages as it judges fit; each is
 * told and reads the report (a circulation asks for no verification). Circulating again adds units.
 */
@Injectable()
export class SensitiveCirculationService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async circulate(ctx: RequestContext, input: CirculateSensitiveInformationInput): Promise<SensitiveReport> {
    return this.db.run(ctx, async ({ em }) => {
      const report = await em.findOne(SensitiveReport, { where: { id: input.reportId } });
      if (!report || !canSee(ctx, report)) throw AppError.notFound('Sensitive report');
      if (
        !ctx.ability.can('update', subject('SensitiveReport', { tenantId: report.tenantId })) ||
        report.tenantId !== ctx.caller.tenantId
      )
        throw COORDINATION_ERRORS.forbidden('OFFICE_HANDLES_REPORTS');
      if (report.status === SensitiveReportStatus.CLOSED)
        throw COORDINATION_ERRORS.conflict('REPORT_CLOSED', {}, 'input.reportId');
      const ids = [...new Set(input.unitIds)];
      const units = new Set(
        (
          await em.find(MemberUnit, {
            where: { id: In(ids), tenantId: report.tenantId, active: true },
            select: { id: true },
          })
        ).map((u) => u.id),
      );
      ids.forEach((id, i) => {
        if (!units.has(id)) throw COORDINATION_ERRORS.badInput(`input.unitIds.${i}`, 'NOT_AN_ACTIVE_UNIT');
      });
      const added = ids.filter((id) => !report.circulatedUnitIds.includes(id));
      const now = this.clock.now();
      report.circulatedUnitIds = [...report.circulatedUnitIds, ...added];
      report.steps = [
        ...report.steps,
        {
          action: SensitiveReportAction.CIRCULATED,
          at: now.toISOString(),
          byUserId: ctx.caller.userId,
          note: input.note ?? null,
        },
      ];
      report.updatedAt = now;
      for (const unitId of added) {
        await notify(
          em,
          report.tenantId,
          { unitId },
          {
            kind: 'SENSITIVE_INFORMATION_CIRCULATED',
            title: '重要敏感信访信息通报',
            body: `reportId=${report.id}（${report.rule}）${input.note ? `：${input.note}` : ''}`,
            dedupeKey: `sensitive-circulated:${report.id}:${unitId}`,
          },
        );
      }
      return em.save(report);
    });
  }
}
