import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { satisfies } from '@engine/access';
import type { Role } from '@core/identity';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import { SUPERVISION_ERRORS, periodProblem, ASSESSMENT } from '../supervision.errors';
import { JobQueue } from '@engine/jobs';
import { Tenant } from '@core/tenancy/entities';
import { Assessment } from './assessment.entity';
import { describeAssessments } from './assessment.service';
import type { RecordAssessmentOutcomeInput, RunAssessmentInput } from './dto/assessment.inputs';
import { OutboxChannel } from '../enums';
import { afterDecision } from '../jobs';
import { OutboxService } from '../outbox/outbox.service';
import { periodFrom } from '../periods';
import { pluginOf, tenantByCode } from '../supervision-rules';

/**
 * The jurisdiction's own assessment result and where it goes. Where the plugin states no formula, the
 * person it names (`outcomeRecordedBy`: 003 the 联席办, 004 the leading group's convener) records the
 * result the jurisdiction reached — 合格 or 不合格, with the decision it rests on; a failure carries the
 * one-vote veto where the plugin has one and fires the ladder's ASSESSMENT_FAILED rules (004 责任追究二、三).
 * The office reports a period's results to the plugin's departments (003 §七: 考核结果向县目标绩效部门通报).
 */
@Injectable()
export class AssessmentOutcomeService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async record(ctx: RequestContext, input: RecordAssessmentOutcomeInput): Promise<Assessment> {
    const out = await this.db.run(ctx, async ({ em }) => {
      const row = await em.findOne(Assessment, { where: { id: input.assessmentId } });
      if (!row) throw AppError.notFound('Assessment');
      if (
        row.tenantId !== ctx.caller.tenantId ||
        !ctx.ability.can('approve', subject('Assessment', { tenantId: row.tenantId }))
      )
        throw SUPERVISION_ERRORS.forbidden('ASSESSOR_RECORDS');
      const tenant = await em.findOneByOrFail(Tenant, { id: row.tenantId });
      const rule = pluginOf(tenant).supervision.assessment;
      const who = rule?.outcomeRecordedBy ?? [];
      if (!who.length)
        throw SUPERVISION_ERRORS.conflict(
          'NOBODY_RECORDS_RESULT',
          { source: rule?.source ?? 'no assessment' },
          'input.assessmentId',
        );
      if (!who.some((r) => satisfies(ctx.caller.roles, r as Role)))
        throw SUPERVISION_ERRORS.forbidden('RESULT_RECORDED_BY', { who: who.join(' / '), source: rule!.source });
      if (row.judgedBy === 'PLUGIN_SCORING' || row.judgedBy === 'PLUGIN_HOOK')
        throw SUPERVISION_ERRORS.conflict('PLUGIN_JUDGED', {}, 'input.assessmentId');
      if (row.judgedBy === 'RECORDED')
        throw SUPERVISION_ERRORS.conflict('RESULT_ALREADY_RECORDED', {}, 'input.assessmentId');
      const veto = rule!.oneVoteVeto;
      row.passed = input.passed;
      row.judgedBy = 'RECORDED';
      row.outcomeBasis = input.basis;
      row.outcomeRecordedBy = ctx.caller.userId;
      row.outcomeRecordedAt = this.clock.now();
      row.vetoed = !input.passed && veto !== undefined;
      row.vetoReason = !input.passed && veto ? `一票否决：${veto.consequences.join('；')}（${veto.source}）` : null;
      await em.save(row);
      return { tenantId: row.tenantId, row: (await describeAssessments(em, [row], rule!.feedsInto ?? []))[0] };
    });
    await afterDecision(this.jobs, out.tenantId, { ladder: true });
    return out.row;
  }

  /** The period's results, reported once to each department of `assessment.reportedTo`. */
  async report(ctx: RequestContext, input: RunAssessmentInput): Promise<Assessment[]> {
    const out = await this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, input.tenantCode);
      if (!ctx.ability.can('create', subject('Assessment', { tenantId: tenant.id })))
        throw SUPERVISION_ERRORS.forbidden('OFFICE_REPORTS_RESULTS');
      const rule = pluginOf(tenant).supervision.assessment;
      if (!rule) throw SUPERVISION_ERRORS.badInput('input.tenantCode', 'PLUGIN_DECLARES_NONE', { what: ASSESSMENT });
      if (!rule.reportedTo?.length)
        throw SUPERVISION_ERRORS.conflict('NO_REPORT_RECIPIENT', { source: rule.source }, 'input.tenantCode');
      const range = periodFrom(input.period, input.periodStart);
      if ('problem' in range) throw periodProblem('input.periodStart', range.problem);
      const rows = await describeAssessments(
        em,
        await em.find(Assessment, {
          where: { tenantId: tenant.id, period: input.period, periodStart: range.start },
          order: { id: 'ASC' },
        }),
        rule.feedsInto ?? [],
      );
      if (!rows.length) throw SUPERVISION_ERRORS.conflict('ASSESSMENT_NOT_RUN', {}, 'input.periodStart');
      const words = { PASSED: '合格', FAILED: '不合格', NOT_JUDGED: '未评定（来源未规定评分办法）' } as const;
      const lines = rows.map(
        (r) =>
          `${r.unitName}：${words[r.outcome]}${r.score !== null ? `，${r.score}分` : ''}${r.vetoed ? '，一票否决' : ''}；计入事项 ${JSON.stringify(r.counts)}`,
      );
      const body = `${tenant.name}${range.start}至${range.end}考核结果（${rule.source}）：\n${lines.join('\n')}`;
      await this.outbox.write(
        em,
        tenant.id,
        rule.reportedTo.map((d) => ({
          channel: OutboxChannel.EMAIL,
          recipient: `department:${d}`,
          subject: `考核结果通报：${tenant.name} ${input.period} ${range.start}`,
          body,
          dedupeKey: `assessment:${input.period}:${range.start}:report:${d}`,
          refId: rows[0].id,
        })),
      );
      const now = this.clock.now();
      for (const r of rows) if (!r.reportedAt) r.reportedAt = now;
      await em.save(rows);
      return { tenantId: tenant.id, rows, today: shanghaiDateOf(now) };
    });
    await afterDecision(this.jobs, out.tenantId, { ladder: false });
    return out.rows;
  }
}
