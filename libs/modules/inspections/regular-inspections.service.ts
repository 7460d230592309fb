import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { cadencePeriods, shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import { RequestContext } from '@engine/context';
import type { Role } from '@core/identity';
import { Db } from '@engine/database';
import { JobQueue } from '@engine/jobs';
import { holdersOf } from '@engine/access';
import { notify } from '@core/notifications';
import { pluginOf, enqueuePerTenant } from '@core/tenancy';
import { Tenant } from '@core/tenancy/entities';
import { Inspection, InspectionKind, InspectionStatus } from './inspection.entity';
import { insertInspectionOnce } from './inspections.query';

export const REGULAR_ALL_JOB = 'inspections.regular-all';
export const REGULAR_TENANT_JOB = 'inspections.regular-tenant';

/**
 * Scheduled inspections (004 預測排查3: 鎮信訪領導小組每季度一次…進行督察): for every tenant whose plugin declares
 * `inspections.regular`, once per cadence period the platform proposes a REGULAR inspection to the plugin's
 * approver — a proposal, approved or rejected by a person like any other. One per period (dedupe key
 * `regular:<period start>`), so a repeated or concurrent tick changes nothing. Inspections before major
 * meetings, holidays and events are registered by the office (`scheduleEventInspection`).
 */
@Injectable()
export class RegularInspectionsService implements OnModuleInit {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(JobQueue) private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: REGULAR_ALL_JOB, handle: () => this.scheduleAll() });
    this.jobs.register({
      name: REGULAR_TENANT_JOB,
      handle: (data: { tenantId: string }) => this.scheduleTenant(data.tenantId).then(() => undefined),
    });
    this.jobs.repeat(REGULAR_ALL_JOB, 3600_000);
  }

  async scheduleAll(): Promise<void> {
    const stamp = shanghaiDateOf(this.clock.now());
    await enqueuePerTenant(this.db, this.jobs, {
      job: REGULAR_TENANT_JOB,
      key: 'regular-inspection',
      stamp,
      rulesAt: ['supervision', 'inspections', 'regular'],
    });
  }

  /** The current period's scheduled inspection: proposed now if the period has none yet. */
  async scheduleTenant(tenantId: string): Promise<Inspection | null> {
    const now = this.clock.now();
    const today = shanghaiDateOf(now);
    return this.db.run(RequestContext.forTenantJob(tenantId), async ({ em }) => {
      const tenant = await em.findOne(Tenant, { where: { id: tenantId } });
      const inspections = tenant ? pluginOf(tenant).supervision?.inspections : undefined;
      const regular = inspections?.regular;
      if (!tenant || !inspections || !regular) return null;
      const period = cadencePeriods(regular.cadence.rrule, today, today).find(
        (p) => p.start <= today && today <= p.end,
      );
      if (!period) return null;
      const dedupeKey = `regular:${period.start}`;
      const existing = await em.findOne(Inspection, { where: { tenantId, dedupeKey } });
      if (existing) return existing;
      const source = regular.cadence.source;
      const recorded = await insertInspectionOnce(em, {
        tenantId,
        kind: InspectionKind.REGULAR,
        title: `${period.start}至${period.end}定期督察`,
        scope: '解决苗头性、隐患性的情况，以及转办的重要信访问题',
        status: InspectionStatus.PROPOSED,
        periodStart: period.start,
        periodEnd: period.end,
        sample: null,
        rule: `${source} (scheduled ${regular.cadence.rrule})`,
        proposedById: null,
        proposedAt: now,
        dedupeKey,
      });
      const inspection = await em.findOneOrFail(Inspection, { where: { tenantId, dedupeKey } });
      if (recorded) {
        await notify(
          em,
          tenantId,
          { roles: holdersOf(inspections.approvedBy as Role) },
          {
            kind: 'INSPECTION_PROPOSED',
            title: `督查建议：${inspection.title}`,
            body: `按${source}定期督察，请审批。inspectionId=${inspection.id}`,
            dedupeKey: `inspection-proposed:${inspection.id}`,
          },
        );
      }
      return inspection;
    });
  }
}
