import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { type EntityManager, LessThanOrEqual } from 'typeorm';
import { isIsoDate, shanghaiDateOf, cadencePeriods } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { PLATFORM_ERRORS } from '@engine/errors';
import { CASE_ERRORS, THIS_TENANT, RECEPTION_DUTY, pluginDeclaresNone } from '../cases.errors';
import { User } from '@core/identity/entities';
import { ReceptionRoster } from '../case-records.entity';
import { caseRulesOf, tenantByCode, type CaseRules } from '../case-rules';
import type { SetReceptionRosterInput } from './dto/reception.inputs';

export interface DutyAssignment {
  /** The leader who receives the visit (null when the only leader on the rota recused). */
  leader: string | null;
  /** The leader's user, when the rota names one. */
  leaderUserId: string | null;
  rule: string;
  recusal: { leader: string; reason: string } | null;
}

/**
 * Leader reception days (004 領導接待日制度): the office sets a rota of leaders from a date; the leader
 * on duty on a day (for the channels the plugin's `reception.channels` lists: 004 領導接待日制度 2
 * 負責當天的來信來訪, letters and visits) follows the plugin's rotation cadence (each occurrence hands over to the next
 * leader). A leader linked to the petitioner or matter recuses (7), and the next on the rota receives.
 */
@Injectable()
export class ReceptionService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async setRoster(ctx: RequestContext, input: SetReceptionRosterInput): Promise<ReceptionRoster> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, input.tenantCode);
      if (!ctx.ability.can('update', subject('PetitionCase', { tenantId: tenant.id })))
        throw CASE_ERRORS.forbidden('OFFICE_SETS_ROTA');
      const rules = await caseRulesOf(em, tenant);
      const reception = rules.own.reception;
      if (!reception) throw pluginDeclaresNone('input.tenantCode', tenant, RECEPTION_DUTY, 'cases.reception');
      const names = new Set<string>();
      for (const [i, l] of input.leaders.entries()) {
        if (names.has(l.name)) throw CASE_ERRORS.badInput(`input.leaders[${i}].name`, 'DUPLICATE_ON_ROTA');
        names.add(l.name);
        if (l.userId && !(await em.findOne(User, { where: { id: l.userId, tenantId: tenant.id, active: true } }))) {
          throw CASE_ERRORS.badInput(`input.leaders[${i}].userId`, 'NOT_AN_ACTIVE_USER', { where: THIS_TENANT });
        }
      }
      await em.upsert(
        ReceptionRoster,
        {
          tenantId: tenant.id,
          startsOn: input.startsOn,
          leaders: input.leaders.map((l) => ({ name: l.name, userId: l.userId ?? null })),
          rrule: reception.rotation.rrule,
          createdById: ctx.caller.userId,
        },
        ['tenantId', 'startsOn'],
      );
      return em.findOneOrFail(ReceptionRoster, { where: { tenantId: tenant.id, startsOn: input.startsOn } });
    });
  }

  /** The rota in force on a date (the latest one starting on or before it). */
  async rosterOn(em: EntityManager, tenantId: string, date: string): Promise<ReceptionRoster | null> {
    return em.findOne(ReceptionRoster, {
      where: { tenantId, startsOn: LessThanOrEqual(date) },
      order: { startsOn: 'DESC' },
    });
  }

  /** The rota in force on a date (default today) for the API. */
  async rosterFor(ctx: RequestContext, tenantCode: string, date: string | null): Promise<ReceptionRoster | null> {
    const day = this.day(date);
    return this.db.run(ctx, async ({ em }) => this.rosterOn(em, (await tenantByCode(em, tenantCode)).id, day));
  }

  /** Who is on duty on a date (default today) for a tenant, for the API (no recusal). */
  async onDuty(ctx: RequestContext, tenantCode: string, date: string | null): Promise<string | null> {
    const day = this.day(date);
    return this.db.run(ctx, async ({ em }) => {
      const rules = await caseRulesOf(em, await tenantByCode(em, tenantCode));
      return (await this.dutyFor(em, rules, day, null, []))?.leader ?? null;
    });
  }

  private day(date: string | null): string {
    if (date === null) return shanghaiDateOf(this.clock.now());
    if (!isIsoDate(date)) throw PLATFORM_ERRORS.badInput('date', 'NOT_A_DATE');
    return date;
  }

  /**
   * The leader receiving a visit (or letter, where the plugin says so) on `date`: the rota's leader for the day, or — when they recuse
   * (a stated conflict, or a petitioner bearing their name) — the next leader on the rota.
   */
  async dutyFor(
    em: EntityManager,
    rules: CaseRules,
    date: string,
    conflict: string | null,
    petitionerNames: string[],
  ): Promise<DutyAssignment | null> {
    const reception = rules.own.reception;
    if (!reception) {
      if (conflict)
        throw pluginDeclaresNone('input.dutyLeaderConflict', rules.tenant, RECEPTION_DUTY, 'cases.reception');
      return null;
    }
    const roster = await this.rosterOn(em, rules.tenant.id, date);
    if (!roster) {
      if (conflict) throw CASE_ERRORS.badInput('input.dutyLeaderConflict', 'NO_ROTA_FOR_DATE', { date });
      return null;
    }
    const index = Math.max(
      cadencePeriods(roster.rrule, roster.startsOn, date).filter((p) => p.end >= roster.startsOn).length - 1,
      0,
    );
    const leaders = roster.leaders;
    const duty = leaders[index % leaders.length];
    const onDuty = duty.name;
    const rule = reception.source;
    const linked = petitionerNames.some((n) => n.trim() === onDuty);
    if (!conflict && !linked) return { leader: onDuty, leaderUserId: duty.userId ?? null, rule, recusal: null };
    if (!reception.recusal) return { leader: onDuty, leaderUserId: duty.userId ?? null, rule, recusal: null };
    const reason = conflict ?? 'the leader on duty is a petitioner of this case';
    const next = leaders.length > 1 ? leaders[(index + 1) % leaders.length] : null;
    return {
      leader: next?.name ?? null,
      leaderUserId: next?.userId ?? null,
      rule,
      recusal: { leader: onDuty, reason },
    };
  }
}
