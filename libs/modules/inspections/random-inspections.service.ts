import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { In } from 'typeorm';
import { shanghaiDateOf, cadencePeriods } from '@engine/calendar';
import { Clock } from '@engine/clock';
import { RequestContext } from '@engine/context';
import { Role } from '@core/identity';
import { Db } from '@engine/database';
import { JobQueue } from '@engine/jobs';
import { holdersOf } from '@engine/access';
import { pluginOf, enqueuePerTenant } from '@core/tenancy';
import { notify } from '@core/notifications';
import { MemberUnit } from '@core/joint-meeting/entities';
import { Tenant } from '@core/tenancy/entities';
import { Inspection, InspectionKind, InspectionStatus } from './inspection.entity';
import { insertInspectionOnce } from './inspections.query';
import { randomRule } from './inspection-rules';
import {
  canonical,
  drawSample,
  drawStratified,
  newSeed,
  SAMPLE_ALGORITHM,
  STRATIFIED_ALGORITHM,
  type InspectionSample,
} from './sample';

export const RANDOM_ALL_JOB = 'inspections.random-all';
export const RANDOM_TENANT_JOB = 'inspections.random-tenant';

/**
 * Random inspections (002 §四(四): 每季度随机抽查部门、社区): for every tenant whose plugin declares
 * `inspections.random`, once per cadence period the platform draws `sampleSize` active member units of
 * the `targets` kinds and opens an APPROVED RANDOM inspection — the plugin rule is the approval. The
 * draw is recorded (algorithm, seed, candidates, drawn units) so anyone can re-run it; the seed is
 * random, so nobody knows in advance which units will be drawn. One inspection per period: the
 * dedupe key `random:<period start>` is unique per tenant, so a repeated or concurrent job changes nothing.
 */
@Injectable()
export class RandomInspectionsService implements OnModuleInit {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(JobQueue) private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: RANDOM_ALL_JOB, handle: () => this.drawAll() });
    this.jobs.register({
      name: RANDOM_TENANT_JOB,
      handle: (data: { tenantId: string }) => this.drawTenant(data.tenantId).then(() => undefined),
    });
    this.jobs.repeat(RANDOM_ALL_JOB, 3600_000);
  }

  /** Enqueues one draw per tenant whose plugin asks for random inspections (the hourly tick). */
  async drawAll(): Promise<void> {
    const stamp = shanghaiDateOf(this.clock.now());
    await enqueuePerTenant(this.db, this.jobs, {
      job: RANDOM_TENANT_JOB,
      key: 'random-inspection',
      stamp,
      rulesAt: ['supervision', 'inspections', 'random'],
    });
  }

  /** The random inspection of the current period: drawn now if the period has none yet. */
  async drawTenant(tenantId: string): Promise<Inspection | null> {
    const now = this.clock.now();
    const today = shanghaiDateOf(now);
    return this.db.run(RequestContext.forTenantJob(tenantId), async ({ em }) => {
      const tenant = await em.findOne(Tenant, { where: { id: tenantId } });
      const rule = tenant ? randomRule(tenant) : null;
      if (!tenant || !rule) return null;
      const period = cadencePeriods(rule.cadence.rrule, today, today).find((p) => p.start <= today && today <= p.end);
      if (!period) return null;
      const dedupeKey = `random:${period.start}`;
      const existing = await em.findOne(Inspection, { where: { tenantId, dedupeKey } });
      if (existing) return existing;
      const source = pluginOf(tenant).supervision.inspections!.source;
      const strataRule = rule.strata ?? [{ kinds: rule.targets, sampleSize: rule.sampleSize }];
      const kinds = [...new Set(strataRule.flatMap((st) => st.kinds))];
      const units = await em.find(MemberUnit, { where: { tenantId, active: true, kind: In(kinds) } });
      const candidates = canonical(units.map((u) => ({ id: u.id, name: u.name, kind: u.kind })));
      const seed = newSeed();
      // The sizes' basis (D5): the article that states them, or the plugin's default, never the rule's article.
      const sizeBasis = rule.sizeSource ?? `plugin default (${source} states no sample size)`;
      let sample: InspectionSample;
      if (rule.strata) {
        const strata = drawStratified(
          seed,
          rule.strata.map((st) => ({
            kinds: st.kinds,
            sampleSize: st.sampleSize,
            candidates: candidates.filter((c) => (st.kinds as string[]).includes(c.kind)),
          })),
        );
        const drawn = strata.flatMap((st) => st.drawn);
        sample = {
          algorithm: STRATIFIED_ALGORITHM,
          seed,
          period,
          targets: kinds,
          sampleSize: drawn.length,
          candidates,
          drawn,
          source,
          strata,
          sizeBasis,
        };
      } else {
        sample = {
          algorithm: SAMPLE_ALGORITHM,
          seed,
          period,
          targets: rule.targets,
          sampleSize: rule.sampleSize,
          candidates,
          drawn: drawSample(seed, candidates, rule.sampleSize),
          source,
          sizeBasis,
        };
      }
      const drawn = sample.drawn;
      const names = drawn.map((id) => candidates.find((c) => c.id === id)!.name);
      const scope = sample.strata
        ? sample.strata
            .map(
              (st) =>
                `从${st.candidates.length}个${st.kinds.join('、')}中随机抽取${st.drawn.length}个：${st.drawn.map((id) => candidates.find((c) => c.id === id)!.name).join('、')}`,
            )
            .join('；')
        : `从${candidates.length}个${rule.targets.join('、')}中随机抽取${drawn.length}个：${names.join('、')}`;
      const sizes = rule.strata
        ? rule.strata.map((st) => `${st.sampleSize} of ${st.kinds.join('/')}`).join(' + ')
        : `${rule.sampleSize} of ${rule.targets.join('/')}`;
      const recorded = await insertInspectionOnce(em, {
        tenantId,
        kind: InspectionKind.RANDOM,
        title: `${period.start}至${period.end}随机抽查`,
        scope: `${scope}（样本量：${sizeBasis}）`,
        status: InspectionStatus.APPROVED,
        periodStart: period.start,
        periodEnd: period.end,
        sample: sample as never,
        rule: `${source} (random ${rule.cadence.rrule}, ${sizes}; sizes: ${sizeBasis})`,
        proposedById: null,
        proposedAt: now,
        decidedById: null,
        decidedAt: now,
        decisionNote: `drawn by the platform under ${source}`,
        dedupeKey,
      });
      const inspection = await em.findOneOrFail(Inspection, { where: { tenantId, dedupeKey } });
      if (recorded) {
        await notify(
          em,
          tenantId,
          { roles: [Role.OFFICE_DIRECTOR, ...holdersOf(pluginOf(tenant).supervision.inspections!.approvedBy as Role)] },
          {
            kind: 'RANDOM_INSPECTION_DRAWN',
            title: `随机抽查：${inspection.title}`,
            body: `${inspection.scope}（${source}）。inspectionId=${inspection.id}`,
            dedupeKey: `random-inspection:${inspection.id}`,
          },
        );
      }
      return inspection;
    });
  }
}
