import { unitScope } from '@engine/access';
import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import type { EntityManager } from 'typeorm';
import { MEMBER_UNIT_KINDS, type AssessmentInput } from '@jm/plugin-sdk';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import type { Page } from '@engine/graphql';
import { SUPERVISION_ERRORS, periodProblem, ASSESSMENT } from '../supervision.errors';
import { JobQueue } from '@engine/jobs';
import { PluginRegistry } from '@engine/plugins';
import { hookOf } from '@core/tenancy';
import { Assessment, AssessmentOutcome } from './assessment.entity';
import { judge, type AssessmentCount } from './assessment-scoring';
import { assessmentsPage, eventCounts, upsertAssessment } from './assessment.repository';
import type { RunAssessmentInput } from './dto/assessment.inputs';
import type { AssessmentPeriod } from '../enums';
import { afterDecision } from '../jobs';
import { computeMetrics } from '../notices/metrics.repository';
import { periodFrom } from '../periods';
import { pluginOf, supervisedUnits, supervisionRulesOf, tenantByCode, unitsByIds } from '../supervision-rules';

/**
 * The periodic assessment (考核) of the assessed units, per the plugin's `assessment`: what it counts
 * (notices, listings, interviews, accountability, metrics), judged only as the jurisdiction says — its
 * `scoring` or `scoreAssessment` hook against its pass mark — and otherwise reported as facts with no pass
 * or fail (no platform formula fails a unit); the one-vote veto (一票否决) only on a failure. Recomputed on
 * each run (one row per unit and period); a failed assessment can fire the ladder's ASSESSMENT_FAILED rules.
 */
@Injectable()
export class AssessmentService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(PluginRegistry) private readonly registry: PluginRegistry,
  ) {}

  async run(ctx: RequestContext, input: RunAssessmentInput): Promise<Assessment[]> {
    const out = await this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, input.tenantCode);
      if (!ctx.ability.can('create', subject('Assessment', { tenantId: tenant.id })))
        throw SUPERVISION_ERRORS.forbidden('OFFICE_RUNS_ASSESSMENTS');
      const rules = await supervisionRulesOf(em, tenant);
      const assessment = rules.assessment;
      if (!assessment)
        throw SUPERVISION_ERRORS.badInput('input.tenantCode', 'PLUGIN_DECLARES_NONE', { what: ASSESSMENT });
      if ((input.period as string) !== assessment.period)
        throw SUPERVISION_ERRORS.badInput('input.period', 'WRONG_PERIOD', {
          period: assessment.period,
          source: assessment.source,
        });
      const range = periodFrom(input.period, input.periodStart);
      if ('problem' in range) throw periodProblem('input.periodStart', range.problem);
      const today = shanghaiDateOf(this.clock.now());
      if (range.start > today) throw SUPERVISION_ERRORS.badInput('input.periodStart', 'PERIOD_NOT_BEGUN');
      const units = await supervisedUnits(
        em,
        tenant.id,
        assessment.assessed ?? rules.notices?.ranked ?? MEMBER_UNIT_KINDS,
      );
      const metrics = await computeMetrics(em, tenant.id, units, { ...range, today });
      const events = await eventCounts(
        em,
        tenant.id,
        range,
        units.map((u) => u.id),
      );
      const hook = hookOf(this.registry, tenant, 'scoreAssessment');
      const counts = assessment.counts as AssessmentCount[];
      const veto = assessment.oneVoteVeto;
      const feeds = assessment.feedsInto ?? [];
      const now = this.clock.now();
      for (const unit of units) {
        const e = events.get(unit.id) ?? { notices: 0, listings: 0, interviews: 0, accountability: 0 };
        const scoreInput: AssessmentInput = { unitName: unit.name, metrics: metrics.get(unit.id)!, ...e };
        const j = judge(counts, scoreInput, assessment.scoring, hook, tenant.pluginId);
        await upsertAssessment(em, {
          tenantId: tenant.id,
          period: input.period,
          range,
          unitId: unit.id,
          targetTenantId: unit.childTenantId,
          counts: {
            counted: counts,
            ...(counts.includes('METRICS') ? { metrics: scoreInput.metrics } : {}),
            ...e,
            asOf: today,
          },
          score: j.score,
          passed: j.passed,
          judgedBy: j.judgedBy,
          vetoReason: veto ? `一票否决：${veto.consequences.join('；')}（${veto.source}）` : null,
          rule: `${assessment.source}; counts ${counts.join(', ')}; ${j.formula}${feeds.length ? `; an input to ${feeds.join('、')}` : ''}`,
          computedAt: now,
        });
      }
      const rows = await em.find(Assessment, {
        where: { tenantId: tenant.id, period: input.period, periodStart: range.start },
      });
      return { tenantId: tenant.id, rows: await describeAssessments(em, rows, feeds) };
    });
    await afterDecision(this.jobs, out.tenantId, { ladder: true });
    return out.rows;
  }

  async list(
    ctx: RequestContext,
    tenantCode: string,
    period: AssessmentPeriod | undefined,
    periodStart: string | undefined,
  ): Promise<Assessment[]> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode, 'tenantCode');
      const unit = unitScope(ctx);
      const rows = await em.find(Assessment, {
        where: {
          tenantId: tenant.id,
          ...(period ? { period } : {}),
          ...(periodStart ? { periodStart } : {}),
          ...(unit ? { targetUnitId: unit } : {}),
        },
        order: { periodStart: 'DESC', score: 'ASC', id: 'ASC' },
        take: 2000,
      });
      return describeAssessments(em, rows, pluginOf(tenant).supervision.assessment?.feedsInto ?? []);
    });
  }

  /** One page of what `list` shows, latest period first (then by id), described the same way. */
  async page(
    ctx: RequestContext,
    tenantCode: string,
    filter: { period?: AssessmentPeriod; periodStart?: string },
    limit: number,
    after: string | null,
  ): Promise<Page<Assessment>> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode, 'tenantCode');
      const page = await assessmentsPage(em, tenant.id, { ...filter, targetUnitId: unitScope(ctx) }, limit, after);
      return {
        items: await describeAssessments(em, page.items, pluginOf(tenant).supervision.assessment?.feedsInto ?? []),
        nextCursor: page.nextCursor,
      };
    });
  }
}

/** Unit names, the outcome in one word, and the evaluations the result is an input to. */
export async function describeAssessments(
  em: EntityManager,
  rows: Assessment[],
  feedsInto: readonly string[],
): Promise<Assessment[]> {
  const units = await unitsByIds(
    em,
    rows.map((r) => r.targetUnitId),
  );
  return rows.map((r) =>
    Object.assign(r, {
      unitName: units.get(r.targetUnitId)?.name ?? '',
      unitKind: units.get(r.targetUnitId)?.kind,
      outcome:
        r.passed === null
          ? AssessmentOutcome.NOT_JUDGED
          : r.passed
            ? AssessmentOutcome.PASSED
            : AssessmentOutcome.FAILED,
      feedsInto: [...feedsInto],
    }),
  );
}
