import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import type { EntityManager } from 'typeorm';
import { cadencePeriods, shanghaiDateOf, type Period } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import type { Page } from '@engine/graphql';
import { MemberUnit, MemberUnitKind } from '@core/joint-meeting/entities';
import { User } from '@core/identity/entities';
import { PetitionCase } from '../case.entity';
import { recordStep } from '../case-events';
import { caseRulesOf, tenantByCode, tenantById, type CaseRules } from '../case-rules';
import { CASE_ERRORS, THIS_TENANT, pluginDeclaresNone } from '../cases.errors';
import {
  CaseAreaCadre,
  CaseAreaScreening,
  type AreaDisputeRecord,
  type AreaScreeningPeriod,
  type AreaScreeningStatus,
} from './area-screening.entity';
import {
  areasOfCadre,
  areasPage,
  casesByIds,
  currentCadres,
  endCurrentCadre,
  screeningsOfPeriod,
} from './area-screening.query';
import type { AssignAreaCadreInput, RecordAreaScreeningInput } from './dto/area-screening.inputs';

/**
 * Where a plugin provides for area screening but states no period (002 六(三) names none): monthly. A platform
 * default, shown as such (`AreaScreeningPeriod.platformDefault`), never cited as an article.
 */
export const AREA_SCREENING_DEFAULT_PERIOD = 'FREQ=MONTHLY';

type AreaRule = NonNullable<CaseRules['own']['areaScreening']>;

/**
 * 干部包片排查 (002 六(三): 实行干部包片排查矛盾纠纷机制). The office assigns a cadre (a user of the tenant)
 * to each area (a village or community member unit); for each period the cadre records the screening of
 * their area — every dispute found registered as a case through the intake (`receivePetition`, located in
 * the area) and linked here, or noted as resolved on the spot; no dispute is a screening too. The office
 * lists the period's areas with their cadre and whether each was screened.
 */
@Injectable()
export class AreaScreeningService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async assign(ctx: RequestContext, input: AssignAreaCadreInput): Promise<CaseAreaCadre> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, input.tenantCode);
      if (!ctx.ability.can('update', subject('AreaScreening', { tenantId: tenant.id })))
        throw CASE_ERRORS.forbidden('OFFICE_ASSIGNS_CADRES');
      this.rule(await caseRulesOf(em, tenant), 'input.tenantCode');
      await this.area(em, tenant.id, input.areaUnitId);
      const cadre = await em.findOne(User, { where: { id: input.cadreUserId, tenantId: tenant.id, active: true } });
      if (!cadre) throw CASE_ERRORS.badInput('input.cadreUserId', 'NOT_AN_ACTIVE_USER', { where: THIS_TENANT });
      const now = this.clock.now();
      await endCurrentCadre(em, tenant.id, input.areaUnitId, now);
      return em.save(
        em.create(CaseAreaCadre, {
          tenantId: tenant.id,
          areaUnitId: input.areaUnitId,
          cadreUserId: cadre.id,
          assignedById: ctx.caller.userId,
          assignedAt: now,
          endedAt: null,
        }),
      );
    });
  }

  async record(ctx: RequestContext, input: RecordAreaScreeningInput): Promise<CaseAreaScreening> {
    return this.db.run(ctx, async ({ em }) => {
      const found = await em.findOne(MemberUnit, { where: { id: input.areaUnitId } });
      const tenant = found ? await tenantById(em, found.tenantId) : null;
      if (!found || !tenant)
        throw CASE_ERRORS.badInput('input.areaUnitId', 'NOT_AN_ACTIVE_VILLAGE', { where: THIS_TENANT });
      const unit = await this.area(em, tenant.id, input.areaUnitId);
      const rule = this.rule(await caseRulesOf(em, tenant), 'input.areaUnitId');
      const [cadre] = await currentCadres(em, tenant.id, [unit.id]);
      if (
        !cadre ||
        !ctx.ability.can('create', subject('AreaScreening', { tenantId: tenant.id, cadreUserId: cadre.cadreUserId }))
      )
        throw CASE_ERRORS.forbidden('NOT_AREA_CADRE', { area: unit.name }, 'input.areaUnitId');
      const now = this.clock.now();
      const period = this.period(rule, input.periodStart, 'input.periodStart');
      if (period.start > shanghaiDateOf(now)) throw CASE_ERRORS.badInput('input.periodStart', 'IN_THE_FUTURE');
      const disputes: AreaDisputeRecord[] = [];
      const cases: PetitionCase[] = [];
      const linked = await casesByIds(
        em,
        tenant.id,
        input.disputes.flatMap((d) => (d.caseId ? [d.caseId] : [])),
      );
      for (const [i, d] of input.disputes.entries()) {
        if (!d.caseId === !d.resolvedNote) throw CASE_ERRORS.badInput(`input.disputes[${i}]`, 'DISPUTE_OUTCOME');
        if (d.caseId) {
          const c = linked.get(d.caseId);
          if (!c || c.locationUnitId !== unit.id)
            throw CASE_ERRORS.badInput(`input.disputes[${i}].caseId`, 'CASE_NOT_OF_AREA', {
              number: c?.number ?? d.caseId,
              area: unit.name,
            });
          cases.push(c);
        }
        disputes.push({ summary: d.summary, caseId: d.caseId ?? null, resolvedNote: d.resolvedNote ?? null });
      }
      if ((await screeningsOfPeriod(em, tenant.id, [unit.id], period.start)).length)
        throw CASE_ERRORS.conflict(
          'AREA_ALREADY_SCREENED',
          { area: unit.name, start: period.start },
          'input.periodStart',
        );
      const saved = await em.save(
        em.create(CaseAreaScreening, {
          tenantId: tenant.id,
          areaUnitId: unit.id,
          cadreUserId: cadre.cadreUserId,
          periodStart: period.start,
          periodEnd: period.end,
          disputes,
          rule: rule.source,
          recordedAt: now,
        }),
      );
      for (const c of cases)
        await recordStep(em, ctx, c, now, {
          kind: 'FOUND_IN_AREA_SCREENING',
          note: `${unit.name} ${period.start} – ${period.end} 包片排查`,
          rule: rule.source,
          data: { screeningId: saved.id },
        });
      return saved;
    });
  }

  /** The period's areas with their current cadre and screening; the office and conveners see all, a cadre their own. */
  async list(
    ctx: RequestContext,
    tenantCode: string,
    periodStart: string | null,
    limit: number,
    after: string | null,
  ): Promise<Page<AreaScreeningStatus>> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode);
      const all = ctx.ability.can('read', subject('AreaScreening', { tenantId: tenant.id, cadreUserId: '' }));
      if (
        !all &&
        !ctx.ability.can('read', subject('AreaScreening', { tenantId: tenant.id, cadreUserId: ctx.caller.userId }))
      )
        throw CASE_ERRORS.forbidden('AREA_SCREENING_READERS');
      const rule = this.rule(await caseRulesOf(em, tenant), 'tenantCode');
      const period = this.period(rule, periodStart ?? shanghaiDateOf(this.clock.now()), 'periodStart', !periodStart);
      const onlyIds = all ? null : await areasOfCadre(em, tenant.id, ctx.caller.userId);
      const page = await areasPage(em, tenant.id, { onlyIds, after, limit });
      const ids = page.items.map((u) => u.id);
      const cadres = new Map((await currentCadres(em, tenant.id, ids)).map((c) => [c.areaUnitId, c]));
      const done = new Map((await screeningsOfPeriod(em, tenant.id, ids, period.start)).map((s) => [s.areaUnitId, s]));
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((u) => ({
          id: u.id,
          createdAt: u.createdAt,
          cadreUserId: cadres.get(u.id)?.cadreUserId ?? null,
          period: this.periodBasis(rule, period),
          screening: done.get(u.id) ?? null,
          screened: done.has(u.id),
        })),
      };
    });
  }

  private async area(em: EntityManager, tenantId: string, id: string): Promise<MemberUnit> {
    const unit = await em.findOne(MemberUnit, { where: { id, tenantId, active: true } });
    if (!unit || ![MemberUnitKind.VILLAGE, MemberUnitKind.COMMUNITY].includes(unit.kind))
      throw CASE_ERRORS.badInput('input.areaUnitId', 'NOT_AN_ACTIVE_VILLAGE', { where: THIS_TENANT });
    return unit;
  }

  /** The period starting on `start` (or, with `containing`, the one containing that day). */
  private period(rule: AreaRule, start: string, field: string, containing = false): Period {
    const rrule = rule.period?.rrule ?? AREA_SCREENING_DEFAULT_PERIOD;
    const period = cadencePeriods(rrule, start, start)[0];
    if (!period || (!containing && period.start !== start))
      throw CASE_ERRORS.badInput(field, 'SCREENING_PERIOD_START', {
        cadence: rrule,
        start: period ? `: ${period.start}` : '',
      });
    return period;
  }

  private periodBasis(rule: AreaRule, period: Period): AreaScreeningPeriod {
    return {
      start: period.start,
      end: period.end,
      rrule: rule.period?.rrule ?? AREA_SCREENING_DEFAULT_PERIOD,
      source: rule.period?.source ?? null,
      platformDefault: !rule.period,
    };
  }

  private rule(rules: CaseRules, field: string): AreaRule {
    const rule = rules.own.areaScreening;
    if (!rule)
      throw pluginDeclaresNone(
        field,
        rules.tenant,
        { en: 'area screening by cadres', zh: '干部包片排查' },
        'cases.areaScreening',
      );
    return rule;
  }
}
