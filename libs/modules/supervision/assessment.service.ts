import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import type { EntityManager } from 'typeorm';
import { MEMBER_UNIT_KINDS, type AssessmentInput } from '@jm/plugin-sdk';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import { JobQueue } from '@engine/jobs';
import { PluginRegistry } from '@engine/plugins';
import { hookOf } from '@modules/tenancy/tenant-lookup';
import { Assessment } from './assessment.entity';
import { assessmentScore, DEFAULT_ASSESSMENT, passed, type AssessmentCount } from './assessment-scoring';
import type { RunAssessmentInput } from './dto/supervision.inputs';
import type { AssessmentPeriod } from './enums';
import { afterDecision } from './jobs';
import { computeMetrics } from './metrics.repository';
import { periodFrom, type PeriodRange } from './periods';
import { actsForUnit, supervisedUnits, supervisionRulesOf, tenantByCode, unitsByIds, type SupervisedUnit } from './supervision-rules';

interface EventCounts {
  notices: number;
  listings: number;
  interviews: number;
  accountability: number;
}

/**
 * The periodic assessment (考核) of the supervised units, per the plugin's `assessment`: what it counts
 * (notices, listings, interviews, accountability, metrics), scored by the plugin's `scoreAssessment` hook
 * or the platform default, with the one-vote veto (一票否决) where the plugin has it. Recomputed on each
 * run (one row per unit and period); a failed assessment can fire the ladder's ASSESSMENT_FAILED rules.
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
      if (!ctx.ability.can('create', subject('Assessment', { tenantId: tenant.id }))) throw AppError.forbidden('Only the office runs assessments');
      const rules = await supervisionRulesOf(em, tenant);
      const assessment = rules.assessment;
      if (!assessment) throw AppError.badInput('input.tenantCode', 'this tenant\'s plugin declares no assessment');
      if ((input.period as string) !== assessment.period) throw AppError.badInput('input.period', `this tenant assesses ${assessment.period} (${assessment.source})`);
      const range = periodFrom(input.period, input.periodStart);
      if ('problem' in range) throw AppError.badInput('input.periodStart', range.problem);
      const today = shanghaiDateOf(this.clock.now());
      if (range.start > today) throw AppError.badInput('input.periodStart', 'the period has not begun');
      const units = await supervisedUnits(em, tenant.id, rules.notices?.ranked ?? MEMBER_UNIT_KINDS);
      const metrics = await computeMetrics(em, tenant.id, units, { ...range, today });
      const events = await this.events(em, tenant.id, range, units);
      const hook = hookOf(this.registry, tenant, 'scoreAssessment');
      const counts = assessment.counts as AssessmentCount[];
      const veto = assessment.oneVoteVeto;
      const now = this.clock.now();
      for (const unit of units) {
        const e = events.get(unit.id) ?? { notices: 0, listings: 0, interviews: 0, accountability: 0 };
        const scoreInput: AssessmentInput = { unitName: unit.name, metrics: metrics.get(unit.id)!, ...e };
        const { score, by } = assessmentScore(counts, scoreInput, hook);
        const ok = passed(score);
        const formula = by === 'HOOK' ? `scoreAssessment hook (${tenant.pluginId})` : `platform default: ${DEFAULT_ASSESSMENT.full} − ${DEFAULT_ASSESSMENT.perEvent} per counted event, pass at ${DEFAULT_ASSESSMENT.pass}`;
        await em.query(
          `INSERT INTO assessment (tenant_id, period, period_start, period_end, target_unit_id, target_tenant_id, counts, score, passed, vetoed, veto_reason, rule, computed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
           ON CONFLICT (tenant_id, period, period_start, target_unit_id) DO UPDATE SET period_end = EXCLUDED.period_end, counts = EXCLUDED.counts,
             score = EXCLUDED.score, passed = EXCLUDED.passed, vetoed = EXCLUDED.vetoed, veto_reason = EXCLUDED.veto_reason, rule = EXCLUDED.rule, computed_at = EXCLUDED.computed_at`,
          [
            tenant.id,
            input.period,
            range.start,
            range.end,
            unit.id,
            unit.childTenantId,
            JSON.stringify({ counted: counts, ...(counts.includes('METRICS') ? { metrics: scoreInput.metrics } : {}), ...e, asOf: today }),
            score,
            ok,
            !ok && veto !== undefined,
            !ok && veto ? `一票否决：${veto.consequences.join('；')}（${veto.source}）` : null,
            `${assessment.source}; counts ${counts.join(', ')}; ${formula}`,
            now,
          ],
        );
      }
      const rows = await em.find(Assessment, { where: { tenantId: tenant.id, period: input.period, periodStart: range.start } });
      return { tenantId: tenant.id, rows: await this.describe(em, rows) };
    });
    await afterDecision(this.jobs, out.tenantId, { ladder: true });
    return out.rows;
  }

  async list(ctx: RequestContext, tenantCode: string, period: AssessmentPeriod | undefined, periodStart: string | undefined): Promise<Assessment[]> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode, 'tenantCode');
      const unit = actsForUnit(ctx);
      const rows = await em.find(Assessment, {
        where: { tenantId: tenant.id, ...(period ? { period } : {}), ...(periodStart ? { periodStart } : {}), ...(unit ? { targetUnitId: unit } : {}) },
        order: { periodStart: 'DESC', score: 'ASC', id: 'ASC' },
        take: 2000,
      });
      return this.describe(em, rows);
    });
  }

  /** Notices (bottom places, special notices, named criticism), listings, interviews and accountability per unit in the period. */
  private async events(em: EntityManager, tenantId: string, range: PeriodRange, units: readonly SupervisedUnit[]): Promise<Map<string, EventCounts>> {
    const ids = units.map((u) => u.id);
    const out = new Map<string, EventCounts>();
    const at = (id: string): EventCounts => {
      let e = out.get(id);
      if (!e) out.set(id, (e = { notices: 0, listings: 0, interviews: 0, accountability: 0 }));
      return e;
    };
    const notices: { unit_id: string; n: number }[] = await em.query(
      `SELECT e.target_unit_id AS unit_id, count(*)::int AS n FROM supervision_notice_entry e JOIN supervision_notice n ON n.id = e.notice_id
        WHERE n.tenant_id = $1 AND n.status = 'PUBLISHED' AND n.period_start BETWEEN $2 AND $3 AND e.target_unit_id = ANY($4::uuid[])
          AND (e.bottom OR e.criticised OR n.kind = 'SPECIAL') GROUP BY e.target_unit_id`,
      [tenantId, range.start, range.end, ids],
    );
    for (const r of notices) at(r.unit_id).notices = r.n;
    const actions: { unit_id: string; kind: string; n: number }[] = await em.query(
      `SELECT target_unit_id AS unit_id, kind, count(*)::int AS n FROM supervision_action
        WHERE tenant_id = $1 AND (opened_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2 AND $3 AND target_unit_id = ANY($4::uuid[])
          AND kind IN ('LISTING', 'INTERVIEW', 'ACCOUNTABILITY') GROUP BY target_unit_id, kind`,
      [tenantId, range.start, range.end, ids],
    );
    for (const r of actions) {
      const e = at(r.unit_id);
      if (r.kind === 'LISTING') e.listings = r.n;
      else if (r.kind === 'INTERVIEW') e.interviews = r.n;
      else e.accountability = r.n;
    }
    return out;
  }

  private async describe(em: EntityManager, rows: Assessment[]): Promise<Assessment[]> {
    const units = await unitsByIds(em, rows.map((r) => r.targetUnitId));
    return rows.map((r) => Object.assign(r, { unitName: units.get(r.targetUnitId)?.name ?? '', unitKind: units.get(r.targetUnitId)?.kind }));
  }
}
