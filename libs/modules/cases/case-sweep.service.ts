import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { JobQueue } from '@engine/jobs';
import { Tenant } from '@core/tenancy/entities';
import { enqueuePerTenant } from '@core/tenancy';
import { caseRulesOf, type CaseRules } from './case-rules';
import { OwnershipService } from './handling/ownership.service';
import { tenantsWithCaseWork } from './case-sweep.query';

export const CASES_SWEEP_ALL_JOB = 'cases.sweep-all';
export const CASES_SWEEP_TENANT_JOB = 'cases.sweep-tenant';

/** One step of the ledger's sweep (missing progress reports, overdue time limits, screening…). */
export interface CaseSweepStep {
  name: string;
  run(em: EntityManager, ctx: RequestContext, rules: CaseRules, today: string): Promise<number>;
}

/**
 * The ledger's clock: an hourly tick enqueues one sweep per tenant; a tenant's sweep runs every
 * registered step in one transaction of that tenant's scope. Every step is idempotent (findings and
 * notifications carry unique keys), so a retried or repeated sweep changes nothing twice.
 */
@Injectable()
export class CaseSweepService implements OnModuleInit {
  private readonly logger = new Logger('CaseSweep');
  private readonly steps: CaseSweepStep[] = [];

  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(OwnershipService) ownership: OwnershipService,
  ) {
    this.register({ name: 'progress-reports', run: (em, ctx, rules, today) => ownership.sweep(em, ctx, rules, today) });
  }

  onModuleInit(): void {
    this.jobs.register({ name: CASES_SWEEP_ALL_JOB, handle: async () => void (await this.sweepAll()) });
    this.jobs.register({
      name: CASES_SWEEP_TENANT_JOB,
      handle: async (data: { tenantId: string }) => {
        await this.sweepTenant(data.tenantId);
      },
    });
    this.jobs.repeat(CASES_SWEEP_ALL_JOB, 3600_000);
  }

  /** Other case services add their steps here (in their constructor or onModuleInit). */
  register(step: CaseSweepStep): void {
    if (this.steps.some((s) => s.name === step.name))
      throw new Error(`case sweep step "${step.name}" registered twice`);
    this.steps.push(step);
  }

  /** The hourly tick: one sweep per tenant that has work (tenantsWithCaseWork); returns how many. */
  async sweepAll(): Promise<number> {
    const now = this.clock.now();
    const today = shanghaiDateOf(now);
    return enqueuePerTenant(this.db, this.jobs, {
      job: CASES_SWEEP_TENANT_JOB,
      key: 'cases-sweep',
      stamp: now.toISOString().slice(0, 13),
      select: (em) => tenantsWithCaseWork(em, today),
    });
  }

  /** Runs every step for one tenant; returns what each step found. */
  async sweepTenant(tenantId: string): Promise<Record<string, number>> {
    const ctx = RequestContext.forTenantJob(tenantId);
    const today = shanghaiDateOf(this.clock.now());
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await em.findOne(Tenant, { where: { id: tenantId } });
      if (!tenant) return {};
      const rules = await caseRulesOf(em, tenant);
      const found: Record<string, number> = {};
      for (const step of this.steps) found[step.name] = await step.run(em, ctx, rules, today);
      const total = Object.values(found).reduce((a, b) => a + b, 0);
      if (total) this.logger.log(`tenant ${tenantId}: ${JSON.stringify(found)}`);
      return found;
    });
  }
}
