import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { In } from 'typeorm';
import { subject } from '@casl/ability';
import { addDays, shanghaiDateOf, cadencePeriods, type Period } from '@engine/calendar';
import { Clock } from '@engine/clock';
import { RequestContext } from '@engine/context';
import { Role } from '@core/identity';
import { Db, lockKeys } from '@engine/database';
import type { Page } from '@engine/graphql';
import { MEETING_ERRORS } from './meetings.errors';
import { JobQueue } from '@engine/jobs';
import { RulesChangeParticipants, type AffectedItem, type RulesChangeView } from '@engine/plugins';
import { notify } from '@core/notifications';
import { Tenant } from '@core/tenancy/entities';
import { enqueuePerTenant } from '@core/tenancy';
import { CadenceObligation, KeyPeriod } from './cadence.entity';
import {
  cadenceSweepTenant,
  findingsPage,
  insertKeyPeriodOnce,
  keyPeriodsPage,
  obligationsPage,
  insertObligations,
  markMetAndEndedOpen,
  recordOverdueAgreedItems,
  tenantsWithCadenceWork,
  unendedObligations,
} from './cadence.query';
import { Finding, recordFindings, type FindingDraft } from '@core/findings';
import type { DeclareKeyPeriodInput } from './dto/minutes.inputs';
import { pluginOf } from './meeting-rules';
import { tenantByCode } from './meetings.service';

export const SWEEP_ALL_JOB = 'meetings.sweep-all';
export const SWEEP_TENANT_JOB = 'meetings.sweep-tenant';

/**
 * Keeps each tenant's cadence obligations current (which meetings are due in which period, stricter
 * in key periods), records a missed-cadence finding for a period that ended without its meeting held,
 * and an overdue finding for each agreed item past its due date; the office gets a daily digest.
 * Every step is idempotent: unique keys on obligations, findings and notifications.
 */
@Injectable()
export class CadenceService implements OnModuleInit {
  private readonly logger = new Logger('Cadence');

  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(RulesChangeParticipants) rulesChanges: RulesChangeParticipants,
  ) {
    rulesChanges.register({
      name: 'cadence',
      affected: (em, view) => this.affectedByRules(em, view),
      apply: (em, view) => this.applyRules(em, view),
    });
  }

  onModuleInit(): void {
    this.jobs.register({ name: SWEEP_ALL_JOB, handle: async () => void (await this.sweepAll()) });
    this.jobs.register({
      name: SWEEP_TENANT_JOB,
      handle: (data: { tenantId: string }) => this.sweepTenant(data.tenantId),
    });
    this.jobs.repeat(SWEEP_ALL_JOB, 3600_000);
  }

  async declareKeyPeriod(ctx: RequestContext, input: DeclareKeyPeriodInput): Promise<KeyPeriod> {
    if (input.endsOn < input.startsOn) throw MEETING_ERRORS.badInput('input.endsOn', 'BEFORE_STARTS_ON');
    if (input.endsOn > addDays(input.startsOn, 366))
      throw MEETING_ERRORS.badInput('input.endsOn', 'KEY_PERIOD_TOO_LONG');
    const { period, declared } = await this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, input.tenantCode);
      if (!ctx.ability.can('create', subject('KeyPeriod', { tenantId: tenant.id })))
        throw MEETING_ERRORS.forbidden('OFFICE_DECLARES_KEY_PERIODS');
      if (!pluginOf(tenant).meetingTypes.some((m) => m.keyPeriodCadence)) {
        throw MEETING_ERRORS.badInput('input.tenantCode', 'NO_KEY_PERIOD_CADENCE');
      }
      // One key period per tenant and dates (a unique key): declaring it again answers the one declared
      // and changes nothing, so it sweeps nothing either.
      const declared = await insertKeyPeriodOnce(em, {
        tenantId: tenant.id,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        reason: input.reason,
        declaredById: ctx.caller.userId,
      });
      const found = await em.findOneOrFail(KeyPeriod, {
        where: { tenantId: tenant.id, startsOn: input.startsOn, endsOn: input.endsOn },
      });
      return { period: found, declared };
    });
    if (declared) await this.sweepTenant(period.tenantId);
    return period;
  }

  async keyPeriods(ctx: RequestContext, tenantCode: string): Promise<KeyPeriod[]> {
    return this.db.run(ctx, async ({ em }) =>
      em.find(KeyPeriod, { where: { tenantId: (await tenantByCode(em, tenantCode)).id }, order: { startsOn: 'DESC' } }),
    );
  }

  /** One page of the tenant's key periods, latest start first. */
  async keyPeriodsPage(
    ctx: RequestContext,
    tenantCode: string,
    limit: number,
    after: string | null,
  ): Promise<Page<KeyPeriod>> {
    return this.db.run(ctx, async ({ em }) =>
      keyPeriodsPage(em, (await tenantByCode(em, tenantCode)).id, limit, after),
    );
  }

  /** One page of the tenant's obligations, latest period first. */
  async obligationsPage(
    ctx: RequestContext,
    tenantCode: string,
    limit: number,
    after: string | null,
  ): Promise<Page<CadenceObligation>> {
    return this.db.run(ctx, async ({ em }) =>
      obligationsPage(em, (await tenantByCode(em, tenantCode)).id, limit, after),
    );
  }

  /** The latest 500 obligations, newest period first. */
  async obligations(ctx: RequestContext, tenantCode: string): Promise<CadenceObligation[]> {
    return this.db.run(ctx, async ({ em }) =>
      em.find(CadenceObligation, {
        where: { tenantId: (await tenantByCode(em, tenantCode)).id },
        order: { periodStart: 'DESC', typeCode: 'ASC' },
        take: 500,
      }),
    );
  }

  /** The latest 500 findings, newest first, of one kind when given. */
  async findings(ctx: RequestContext, tenantCode: string, kind?: string): Promise<Finding[]> {
    return this.db.run(ctx, async ({ em }) => {
      const tenantId = (await tenantByCode(em, tenantCode)).id;
      return em.find(Finding, {
        where: kind ? { tenantId, kind } : { tenantId },
        order: { foundAt: 'DESC' },
        take: 500,
      });
    });
  }

  /** One page of the tenant's findings, latest found first. */
  async findingsPage(
    ctx: RequestContext,
    tenantCode: string,
    kind: string | undefined,
    limit: number,
    after: string | null,
  ): Promise<Page<Finding>> {
    return this.db.run(ctx, async ({ em }) =>
      findingsPage(em, (await tenantByCode(em, tenantCode)).id, kind, limit, after),
    );
  }

  /** The hourly tick: one sweep per tenant that has work (tenantsWithCadenceWork); returns how many. */
  async sweepAll(): Promise<number> {
    const now = this.clock.now();
    const today = shanghaiDateOf(now);
    return enqueuePerTenant(this.db, this.jobs, {
      job: SWEEP_TENANT_JOB,
      key: 'sweep',
      stamp: now.toISOString().slice(0, 13),
      select: (em) => tenantsWithCadenceWork(em, today),
    });
  }

  async sweepTenant(tenantId: string): Promise<void> {
    const today = shanghaiDateOf(this.clock.now());
    await this.db.run(RequestContext.forTenantJob(tenantId), async ({ em }) => {
      // One sweep of a tenant at a time: parallel sweeps (a declaration each) deadlocked on the rows they all update.
      await lockKeys(em, [`cadence-sweep:${tenantId}`]);
      const tenant = await cadenceSweepTenant(em, tenantId);
      if (!tenant) return;
      // Cadences count from onboarding, or from the day the rules in force were applied (a rules change
      // never makes a period before it owe a meeting of the new cadence).
      const onboarded = shanghaiDateOf(tenant.createdAt);
      const changed = tenant.rulesChangedAt ? shanghaiDateOf(tenant.rulesChangedAt) : null;
      const since = changed && changed > onboarded ? changed : onboarded;
      const { keyPeriods } = tenant;
      const wanted: (Period & { typeCode: string; rrule: string; keyPeriod: boolean })[] = [];
      for (const type of pluginOf(tenant).meetingTypes) {
        if (type.cadence) {
          // Every period from the one the tenant was onboarded in: the onboarding month owes its meeting too
          // (a meeting held earlier that month and recorded after onboarding meets it).
          for (const p of cadencePeriods(type.cadence.rrule, since, today)) {
            if (p.end >= since) wanted.push({ ...p, typeCode: type.code, rrule: type.cadence.rrule, keyPeriod: false });
          }
        }
        if (type.keyPeriodCadence) {
          for (const kp of keyPeriods) {
            const to = kp.endsOn < today ? kp.endsOn : today;
            for (const p of cadencePeriods(type.keyPeriodCadence.rrule, kp.startsOn, to)) {
              const start = p.start < kp.startsOn ? kp.startsOn : p.start;
              const end = p.end > kp.endsOn ? kp.endsOn : p.end;
              wanted.push({ start, end, typeCode: type.code, rrule: type.keyPeriodCadence.rrule, keyPeriod: true });
            }
          }
        }
      }
      if (wanted.length) await insertObligations(em, tenantId, wanted);
      const missed = await markMetAndEndedOpen(em, tenantId, today);
      // Multi-row inserts of 500 (ON CONFLICT DO NOTHING on the dedupe key), not one statement per row.
      const record = async (drafts: FindingDraft[]): Promise<void> => {
        for (let i = 0; i < drafts.length; i += 500) await recordFindings(em, drafts.slice(i, i + 500));
      };
      await record(
        missed.map((o) => {
          const type = pluginOf(tenant).meetingTypes.find((m) => m.code === o.typeCode);
          const cadence = o.keyPeriod ? type?.keyPeriodCadence : type?.cadence;
          return {
            tenantId,
            kind: 'MISSED_CADENCE',
            rule: `${o.typeCode} ${o.rrule}${o.keyPeriod ? ' (key period)' : ''} — ${cadence?.source ?? 'plugin'}`,
            facts: {
              obligationId: o.id,
              typeCode: o.typeCode,
              periodStart: o.periodStart,
              periodEnd: o.periodEnd,
              keyPeriod: o.keyPeriod,
            },
            dedupeKey: `missed-cadence:${o.id}`,
          };
        }),
      );
      if (missed.length)
        await em.update(CadenceObligation, { tenantId, id: In(missed.map((o) => o.id)) }, { status: 'MISSED' });
      // Findings for the items not yet found overdue, and how many are overdue now: one statement.
      const overdue = await recordOverdueAgreedItems(em, tenantId, today, 'agreed item past its due date');
      if (overdue) await this.digest(em, tenant, today, overdue);
    });
  }

  /**
   * A rules change and the cadence: an OPEN obligation of a period not yet ended whose cadence the new
   * rules no longer have (the type removed, its RRULE changed) is SUPERSEDED (one whose period ended is
   * met or missed under the rules it was owed by) — neither met nor missed; a SUPERSEDED one whose cadence
   * the new rules have again (a rollback) and whose period has not ended is OPEN again. The new cadence
   * counts from the day the change applies (sweepTenant).
   */
  private async affectedByRules(em: import('typeorm').EntityManager, view: RulesChangeView): Promise<AffectedItem[]> {
    const today = shanghaiDateOf(this.clock.now());
    const rows = await unendedObligations(em, view.tenantId, today);
    const cadenceOf = (code: string, keyPeriod: boolean): string | null => {
      const type = view.after.meetingTypes.find((m) => m.code === code);
      return (keyPeriod ? type?.keyPeriodCadence?.rrule : type?.cadence?.rrule) ?? null;
    };
    const out: AffectedItem[] = [];
    for (const o of rows) {
      const next = cadenceOf(o.typeCode, o.keyPeriod);
      const paths = view.changes
        .map((c) => c.path)
        .filter((p) => p === `meetingTypes[${o.typeCode}]` || p.startsWith(`meetingTypes[${o.typeCode}].`));
      const label = `${o.typeCode} ${o.periodStart}–${o.periodEnd} (${o.rrule}${o.keyPeriod ? ', key period' : ''})`;
      if (o.status === 'OPEN' && next !== o.rrule) {
        const why = view.after.meetingTypes.some((m) => m.code === o.typeCode)
          ? `the new cadence is ${next ?? 'none'}`
          : `the new rules have no meeting type ${o.typeCode}`;
        out.push({
          kind: 'CADENCE_OBLIGATION',
          id: o.id,
          label,
          paths,
          effect: `SUPERSEDED: ${why}; a new cadence counts from the day the change applies`,
        });
      } else if (o.status === 'SUPERSEDED' && next === o.rrule) {
        out.push({
          kind: 'CADENCE_OBLIGATION',
          id: o.id,
          label,
          paths,
          effect: 'OPEN again: the new rules have this cadence and its period has not ended',
        });
      }
    }
    return out;
  }

  private async applyRules(em: import('typeorm').EntityManager, view: RulesChangeView): Promise<void> {
    for (const item of await this.affectedByRules(em, view)) {
      await em.update(
        CadenceObligation,
        { id: item.id, tenantId: view.tenantId },
        { status: item.effect.startsWith('OPEN') ? 'OPEN' : 'SUPERSEDED' },
      );
    }
  }

  /** One digest a day to the office: how many agreed items are overdue. */
  private async digest(
    em: import('typeorm').EntityManager,
    tenant: Pick<Tenant, 'id' | 'name'>,
    today: string,
    count: number,
  ): Promise<void> {
    await notify(
      em,
      tenant.id,
      { roles: [Role.OFFICE_DIRECTOR] },
      {
        kind: 'AGREED_ITEMS_DIGEST',
        title: `议定事项督办提示：${count}项已超期`,
        body: `截至${today}，${tenant.name}有${count}项议定事项超过完成时限未办结。`,
        dedupeKey: `digest:${today}`,
      },
    );
  }
}
