import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { JobQueue } from '@engine/jobs';
import { Tenant } from '@core/tenancy/entities';
import { enqueuePerTenant } from '@core/tenancy';
import { DELIVER_JOB, LADDER_JOB, SWEEP_ALL_JOB, SWEEP_TENANT_JOB, afterDecision, type TenantJob } from '../jobs';
import { evaluateLadder } from './ladder';
import { NoticeDraftsService } from '../notices/notice-drafts.service';
import {
  ladderState,
  lockLadderRun,
  markFlagsEvaluated,
  markLadderEvaluated,
  markOverdueInterviews,
} from './ladder.query';
import { OutboxService } from '../outbox/outbox.service';
import type { SupervisionProposal } from './proposal.entity';
import { ProposalsService } from './proposals.service';
import { supervisionRulesOf, unitsByIds } from '../supervision-rules';
import { NOTICE_PERIODS } from '@jm/plugin-sdk';
import { previousPeriod } from '../periods';
import { tenantsWithSupervisionWork } from '../sweep-tenants.query';

/**
 * The escalation ladder (003 §三–七): after each notice, each decision that may complete a rule, and in
 * the hourly sweep, it marks missed deadlines (a rectification report not filed in time) and evaluates
 * every rule of the tenant's ladder — its own and those its ancestors' plugins apply to descendants —
 * writing each step as a supervision action with the rule, its source and the evidence. Idempotent:
 * each step has a dedupe key (rule, unit, evidence ids) and evidence used by a rule is not used twice.
 */
@Injectable()
export class LadderService implements OnModuleInit {
  private readonly logger = new Logger('SupervisionLadder');

  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(ProposalsService) private readonly proposals: ProposalsService,
    @Inject(NoticeDraftsService) private readonly notices: NoticeDraftsService,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: SWEEP_ALL_JOB, handle: async () => void (await this.sweepAll()) });
    this.jobs.register({
      name: SWEEP_TENANT_JOB,
      handle: async (data: TenantJob) => void (await this.sweepTenant(data.tenantId)),
    });
    this.jobs.register({ name: LADDER_JOB, handle: async (data: TenantJob) => void (await this.run(data.tenantId)) });
    this.jobs.register({
      name: DELIVER_JOB,
      handle: async (data: TenantJob) => void (await this.outbox.deliver(data.tenantId)),
    });
    this.jobs.repeat(SWEEP_ALL_JOB, 3600_000);
  }

  /** The hourly tick: one sweep per tenant that has work (a notice due, evidence for the ladder, mail to send). */
  async sweepAll(): Promise<number> {
    const now = this.clock.now();
    const today = shanghaiDateOf(now);
    const due = Object.fromEntries(NOTICE_PERIODS.map((p) => [p, previousPeriod(p, today).start]));
    return enqueuePerTenant(this.db, this.jobs, {
      job: SWEEP_TENANT_JOB,
      key: 'supervision-sweep',
      stamp: now.toISOString().slice(0, 13),
      select: (em) => tenantsWithSupervisionWork(em, today, due),
    });
  }

  /** A tenant's sweep: the regular notices due as drafts, the ladder, then delivery of what they wrote. */
  async sweepTenant(tenantId: string): Promise<SupervisionProposal[]> {
    await this.notices.draftDueRegularNotices(tenantId);
    const taken = await this.run(tenantId);
    await this.outbox.deliver(tenantId);
    return taken;
  }

  /** Runs the tenant's ladder; returns the proposals it wrote (an automatic one already CONFIRMED). */
  async run(tenantId: string): Promise<SupervisionProposal[]> {
    const ctx = RequestContext.forTenantJob(tenantId, { tree: true });
    const written = await this.db.run(ctx, async ({ em }) => {
      // One ladder run per tenant at a time: a second waits and then sees the first's actions.
      await lockLadderRun(em, tenantId);
      const tenant = await em.findOne(Tenant, { where: { id: tenantId } });
      if (!tenant) return [];
      const now = this.clock.now();
      const today = shanghaiDateOf(now);
      await markOverdueInterviews(em, tenantId, today);
      await markLadderEvaluated(em, tenantId, today, now);
      const rules = await supervisionRulesOf(em, tenant);
      const out: SupervisionProposal[] = [];
      const flagsRead = new Set<string>();
      // An automatic step (a reminder) may complete another rule: repeat until nothing new is taken.
      for (let pass = 0; pass <= rules.ladder.length; pass += 1) {
        const state = await ladderState(em, tenantId, rules, today);
        for (const flag of state.flags) flagsRead.add(flag.id);
        const proposals = evaluateLadder(rules.ladder, state);
        const units = await unitsByIds(
          em,
          proposals.map((p) => p.unit.unitId),
        );
        let taken = 0;
        for (const p of proposals) {
          const unit = units.get(p.unit.unitId);
          if (!unit?.active) continue;
          const written = await this.proposals.propose(em, ctx, rules, p, unit, today);
          if (!written) continue;
          out.push(written);
          if (written.status === 'CONFIRMED') taken += 1;
        }
        if (!taken) break;
      }
      const readsFlags = rules.ladder.some((r) => r.when.kind === 'FLAGGED');
      await markFlagsEvaluated(em, tenantId, now, readsFlags ? [...flagsRead] : 'all');
      return out;
    });
    if (written.length) {
      this.logger.log(`tenant ${tenantId}: ${written.map((p) => `${p.step} (${p.ruleId}) ${p.status}`).join(', ')}`);
      await afterDecision(this.jobs, tenantId, { ladder: false });
    }
    return written;
  }
}
