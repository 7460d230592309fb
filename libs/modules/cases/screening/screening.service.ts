import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { In, type EntityManager } from 'typeorm';
import { addDays, isIsoDate, shanghaiDateOf, cadencePeriods, type Period } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import type { Role } from '@core/identity';
import { Db } from '@engine/database';
import { AppError, PLATFORM_ERRORS } from '@engine/errors';
import { CASE_ERRORS, pluginDeclaresNone } from '../cases.errors';
import { CalendarService } from '@core/calendar';
import { notify } from '@core/notifications';
import { CaseScreening } from '../case-records.entity';
import { PetitionCase } from '../case.entity';
import { recordStep } from '../case-events';
import { caseRulesOf, caseVisibility, tenantByCode, type CaseRules } from '../case-rules';
import { CaseSweepService } from '../case-sweep.service';
import { CaseChanges } from '../case-changes.service';
import type { ReportScreeningInput, SettleScreenedCaseInput } from './dto/screening.inputs';
import { Report, ReportChannel, ReportsService } from '@core/reporting';
import { screeningsOfTenant } from '../case-lists.query';
import {
  casesOpenAtEnd,
  insertScreenings,
  petitionsByPerson,
  recordScreeningRun,
  screenedPeriodStarts,
} from './screening.query';

type ScreeningRule = NonNullable<CaseRules['own']['screening']>;
type Criterion = ScreeningRule['criteria'][number];

const LIST_CAP = 500;

/** A case as screening sees it: open at the period's end, flags, organiser among its petitioners. */
interface Candidate {
  id: string;
  receivedOn: string;
  signed: boolean;
  jointSigned: boolean;
  organiser: boolean;
}

/** How a screening report names the criteria (004 预测排查制度 1's own words). */
const CRITERION_WORDS: Readonly<Record<string, string>> = {
  REPEAT: '重复信访',
  SIGNED: '署名信访',
  JOINT_SIGNED: '联名信访',
  LONG_UNRESOLVED: '久拖不决',
  GROUP_ORGANISER: '组织、策划集体上访的关键人物',
};

const criterionText = (c: Criterion): string => {
  switch (c.kind) {
    case 'REPEAT':
      return c.within
        ? `REPEAT (≥${c.atLeast} on the same matter within ${c.within.amount} ${c.within.unit})`
        : `REPEAT (≥${c.atLeast} on the same matter)`;
    case 'LONG_UNRESOLVED':
      return `LONG_UNRESOLVED (> ${c.olderThan.amount} ${c.olderThan.unit})`;
    case 'SIGNED':
    case 'JOINT_SIGNED':
    case 'GROUP_ORGANISER':
      return c.kind;
  }
};

/**
 * Forecast screening (預測排查, 004 預測排查制度; issue 5 item 8). For each completed period of the
 * plugin's screening cadence since the tenant's onboarding, once: the cases matching the plugin's
 * criteria — REPEAT (a petitioner with at least `atLeast` cases on the same matter — same category —
 * received by the period's end, whenever: 每月 is how often the screening runs, not a window; every
 * status counts, it is the visits that do; with `within`, only runs that fit in it. Of such a
 * petitioner the cases open at the period's end or received in it are listed, so a settled matter
 * is not listed again every month), and among cases open at the period's end
 * (received by then, not resolved by then, not referred elsewhere): SIGNED, JOINT_SIGNED,
 * LONG_UNRESOLVED (received more than `olderThan` before the end), GROUP_ORGANISER (an organiser among
 * its petitioners). One row per case and period with every criterion it matched; the office is told
 * once per period; each screened case must then be given what the plugin's `requires` lists
 * (owning leader, responsible person, time limit).
 */
@Injectable()
export class ScreeningService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CalendarService) private readonly calendars: CalendarService,
    @Inject(CaseChanges) private readonly cases: CaseChanges,
    @Inject(CaseSweepService) sweeps: CaseSweepService,
    @Inject(ReportsService) private readonly reports: ReportsService,
  ) {
    sweeps.register({ name: 'screening', run: (em, ctx, rules, today) => this.sweep(em, ctx, rules, today) });
  }

  /** The sweep step: screens every completed period since onboarding that has not been screened. */
  async sweep(em: EntityManager, ctx: RequestContext, rules: CaseRules, today: string): Promise<number> {
    const screening = rules.own.screening;
    if (!screening) return 0;
    const since = shanghaiDateOf(rules.tenant.createdAt);
    if (since >= today) return 0;
    const periods = cadencePeriods(screening.cadence.rrule, since, addDays(today, -1)).filter(
      (p) => p.start >= since && p.end < today,
    );
    if (!periods.length) return 0;
    const screened = await screenedPeriodStarts(em, rules.tenant.id, since);
    let found = 0;
    for (const p of periods) if (!screened.has(p.start)) found += await this.screen(em, ctx, rules, screening, p);
    return found;
  }

  /** The office screens one completed period on demand; re-running it adds nothing twice. */
  async screenOnDemand(ctx: RequestContext, tenantCode: string, periodStart: string): Promise<CaseScreening[]> {
    if (!isIsoDate(periodStart)) throw PLATFORM_ERRORS.badInput('periodStart', 'NOT_A_DATE');
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode);
      if (!ctx.ability.can('update', subject('PetitionCase', { tenantId: tenant.id })))
        throw CASE_ERRORS.forbidden('OFFICE_SCREENS');
      const rules = await caseRulesOf(em, tenant);
      const screening = rules.own.screening;
      if (!screening)
        throw pluginDeclaresNone('tenantCode', tenant, { en: 'forecast screening', zh: '预测排查' }, 'cases.screening');
      const period = cadencePeriods(screening.cadence.rrule, periodStart, periodStart)[0];
      if (!period || period.start !== periodStart)
        throw CASE_ERRORS.badInput('periodStart', 'SCREENING_PERIOD_START', {
          cadence: screening.cadence.rrule,
          start: period ? `: ${period.start}` : '',
        });
      const today = shanghaiDateOf(this.clock.now());
      if (period.end >= today)
        throw CASE_ERRORS.badInput('periodStart', 'SCREENING_PERIOD_NOT_ENDED', { end: period.end });
      await this.screen(em, ctx, rules, screening, period);
      return em.find(CaseScreening, {
        where: { tenantId: tenant.id, periodStart: period.start },
        order: { screenedAt: 'ASC', id: 'ASC' },
      });
    });
  }

  /**
   * 004 预测排查制度 1 (超前预测分析…及时向信访工作领导小组反映预测排查情况): the office reports a completed period's
   * screening — screened now if the sweep has not yet — with its own forecast analysis of hot and difficult
   * issues to the body of `screening.reportTo`, once per period. The report names cases by number and the
   * criteria they matched, never a petitioner; its readers acknowledge and answer it as any report.
   */
  async report(ctx: RequestContext, input: ReportScreeningInput): Promise<Report> {
    if (!isIsoDate(input.periodStart)) throw PLATFORM_ERRORS.badInput('input.periodStart', 'NOT_A_DATE');
    await this.screenOnDemand(ctx, input.tenantCode, input.periodStart);
    return this.db.run(ctx, async (tx) => {
      const { em } = tx;
      const tenant = await tenantByCode(em, input.tenantCode);
      const rules = await caseRulesOf(em, tenant);
      const screening = rules.own.screening!;
      const to = screening.reportTo;
      if (!to)
        throw pluginDeclaresNone(
          'input.tenantCode',
          tenant,
          { en: 'a report of the screening', zh: '预测排查情况报告' },
          'cases.screening.reportTo',
        );
      const rows = await em.find(CaseScreening, {
        where: { tenantId: tenant.id, periodStart: input.periodStart },
        order: { screenedAt: 'ASC', id: 'ASC' },
      });
      const periodEnd =
        rows[0]?.periodEnd ?? cadencePeriods(screening.cadence.rrule, input.periodStart, input.periodStart)[0].end;
      const title = `预测排查情况报告（${input.periodStart} – ${periodEnd}）`;
      if (await em.exists(Report, { where: { tenantId: tenant.id, subjectKind: 'CASE_SCREENING', title } }))
        throw CASE_ERRORS.conflict('SCREENING_ALREADY_REPORTED', { start: input.periodStart }, 'input.periodStart');
      const cases = rows.length ? await em.find(PetitionCase, { where: { id: In(rows.map((r) => r.caseId)) } }) : [];
      const numbers = new Map(cases.map((c) => [c.id, c.number]));
      const lines = rows.map(
        (r) => `${numbers.get(r.caseId) ?? '—'}：${r.criteria.map((k) => CRITERION_WORDS[k] ?? k).join('、')}`,
      );
      const body = [
        `排查期间：${input.periodStart} – ${periodEnd}（${screening.source}）`,
        `排查出信访事项${rows.length}件${rows.length ? '：' : '。'}`,
        ...lines,
        `超前预测分析：${input.analysis}`,
      ].join('\n');
      return this.reports.draftFor(ctx, tx, {
        tenant,
        channel: ReportChannel.CONVENER_REVIEW,
        recipientRoles: to.roles as Role[],
        recipientName: to.name,
        title,
        body,
        subjectKind: 'CASE_SCREENING',
        subjectId: null,
        rule: to.source,
        sendNow: true,
      });
    });
  }

  async settle(ctx: RequestContext, input: SettleScreenedCaseInput): Promise<CaseScreening> {
    return this.db.run(ctx, async ({ em }) => {
      const found = await em.findOne(CaseScreening, { where: { id: input.screeningId } });
      if (!found) throw AppError.notFound('Screening');
      let saved: CaseScreening | null = null;
      await this.cases.change(ctx, found.caseId, 'update', async (em2, c, rules) => {
        const screening = rules.own.screening;
        const requires = screening?.requires ?? [];
        const source = screening?.source ?? 'plugin';
        if (requires.includes('OWNING_LEADER') && !input.owningLeader)
          throw CASE_ERRORS.badInput('input.owningLeader', 'SCREENING_FIELD_REQUIRED', {
            what: { en: 'an owning leader (包案領導)', zh: '包案领导' },
            source,
          });
        if (requires.includes('RESPONSIBLE_PERSON') && !input.responsiblePerson)
          throw CASE_ERRORS.badInput('input.responsiblePerson', 'SCREENING_FIELD_REQUIRED', {
            what: { en: 'a responsible person (責任人)', zh: '责任人' },
            source,
          });
        if (requires.includes('TIME_LIMIT') && !input.dueOn)
          throw CASE_ERRORS.badInput('input.dueOn', 'SCREENING_FIELD_REQUIRED', {
            what: { en: 'a time limit (結案信訪時限)', zh: '结案时限' },
            source,
          });
        if (!input.owningLeader && !input.responsiblePerson && !input.dueOn)
          throw CASE_ERRORS.badInput('input', 'SCREENING_GIVES_NOTHING');
        const now = this.clock.now();
        if (input.dueOn && input.dueOn < shanghaiDateOf(now)) throw CASE_ERRORS.badInput('input.dueOn', 'IN_THE_PAST');
        const s = await em2.findOneOrFail(CaseScreening, {
          where: { id: found.id },
          lock: { mode: 'pessimistic_write' },
        });
        const first = s.settledAt === null;
        Object.assign(s, {
          owningLeader: input.owningLeader ?? s.owningLeader,
          responsiblePerson: input.responsiblePerson ?? s.responsiblePerson,
          dueOn: input.dueOn ?? s.dueOn,
          settledById: ctx.caller.userId,
          settledAt: now,
        });
        saved = await em2.save(s);
        await recordStep(em2, ctx, c, now, {
          kind: first ? 'SCREENING_SETTLED' : 'SCREENING_RESETTLED',
          note: `${s.periodStart} – ${s.periodEnd}: ${[s.owningLeader, s.responsiblePerson, s.dueOn].filter(Boolean).join(' / ')}`,
          rule: s.rule,
          data: {
            screeningId: s.id,
            owningLeader: s.owningLeader,
            responsiblePerson: s.responsiblePerson,
            dueOn: s.dueOn,
          },
        });
      });
      return saved!;
    });
  }

  /** Screened cases of a tenant, newest period first (a member unit: only cases it sees). */
  async list(
    ctx: RequestContext,
    tenantCode: string,
    periodStart: string | null,
    unsettledOnly: boolean,
  ): Promise<CaseScreening[]> {
    if (periodStart !== null && !isIsoDate(periodStart)) throw PLATFORM_ERRORS.badInput('periodStart', 'NOT_A_DATE');
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode);
      return screeningsOfTenant(em, tenant.id, caseVisibility(ctx, 'c'), { periodStart, unsettledOnly }, LIST_CAP);
    });
  }

  /**
   * Screens one period: inserts a row per matching case (existing rows stay as they are), marks the
   * period screened, and tells the office once. Returns how many rows were added.
   */
  private async screen(
    em: EntityManager,
    ctx: RequestContext,
    rules: CaseRules,
    screening: ScreeningRule,
    period: Period,
  ): Promise<number> {
    const tenantId = rules.tenant.id;
    const matched = new Map<string, Criterion[]>();
    const add = (caseId: string, c: Criterion): void => {
      const list = matched.get(caseId) ?? [];
      if (!list.includes(c)) list.push(c);
      matched.set(caseId, list);
    };
    const open = screening.criteria.some((c) => c.kind !== 'REPEAT')
      ? await this.openAtEnd(em, tenantId, period.end)
      : [];
    for (const criterion of screening.criteria) {
      switch (criterion.kind) {
        case 'REPEAT':
          for (const id of await this.repeats(em, ctx, tenantId, period, criterion)) add(id, criterion);
          break;
        case 'SIGNED':
          for (const c of open) if (c.signed) add(c.id, criterion);
          break;
        case 'JOINT_SIGNED':
          for (const c of open) if (c.jointSigned) add(c.id, criterion);
          break;
        case 'GROUP_ORGANISER':
          for (const c of open) if (c.organiser) add(c.id, criterion);
          break;
        case 'LONG_UNRESOLVED':
          for (const c of open) {
            if ((await this.calendars.due(ctx, tenantId, c.receivedOn, criterion.olderThan)).date < period.end)
              add(c.id, criterion);
          }
          break;
      }
    }
    const now = this.clock.now();
    let added = 0;
    if (matched.size) {
      const rows = [...matched].map(([caseId, criteria]) => ({
        tenantId,
        periodStart: period.start,
        periodEnd: period.end,
        caseId,
        criteria: criteria.map((c) => c.kind),
        rule: `${criteria.map(criterionText).join(', ')} — ${screening.source}`,
        screenedAt: now,
      }));
      const inserted = await insertScreenings(em, rows);
      added = inserted.length;
      for (const row of inserted) {
        const r = rows.find((x) => x.caseId === row.case_id)!;
        await recordStep(em, ctx, { id: row.case_id, tenantId }, now, {
          kind: 'SCREENED',
          note: `${period.start} – ${period.end}: ${r.criteria.join(', ')}`,
          rule: r.rule,
          data: { screeningId: row.id },
        });
      }
    }
    await recordScreeningRun(em, tenantId, period, now);
    if (added) {
      await notify(
        em,
        tenantId,
        { roles: [this.cases.officeRole(rules.tenant)] },
        {
          kind: 'CASES_SCREENED',
          title: `预测排查：${period.start} – ${period.end}`,
          body: `本期排查出${matched.size}件信访事项（${screening.source}），请逐件落实包案领导、责任人和结案时限。`,
          dedupeKey: `case-screening:${period.start}`,
        },
      );
    }
    return added;
  }

  /** Cases open at the end of a day: received by then, not resolved by then, not referred elsewhere. */
  private async openAtEnd(em: EntityManager, tenantId: string, end: string): Promise<Candidate[]> {
    return casesOpenAtEnd(em, tenantId, end);
  }

  /**
   * REPEAT (004 預測排查制度 1 “來訪或來信2次的重復信訪”): for each petitioner (by matching key) and
   * matter (category, as `linkRepeats` matches them), the cases received by the period's end,
   * whenever. A group of at least `atLeast` (with `within`: a run of that many whose first and last
   * fall within it) is a repeat petitioner; of its cases, those open at the period's end or received
   * inside the period are listed.
   */
  private async repeats(
    em: EntityManager,
    ctx: RequestContext,
    tenantId: string,
    period: Period,
    criterion: Extract<Criterion, { kind: 'REPEAT' }>,
  ): Promise<Set<string>> {
    const rows = await petitionsByPerson(em, tenantId, period);
    const groups = new Map<string, typeof rows>();
    for (const r of rows) {
      const key = `${r.personKey}\u0000${r.category ?? ''}\u0000${r.category === null ? 'null' : 'set'}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const ids = new Set<string>();
    for (const list of groups.values()) {
      if (list.length < criterion.atLeast || !list.some((r) => r.live)) continue;
      const inRun = new Set<string>();
      if (!criterion.within) list.forEach((r) => inRun.add(r.caseId));
      else {
        for (let i = 0; i + criterion.atLeast <= list.length; i += 1) {
          const windowEnd = (await this.calendars.due(ctx, tenantId, list[i].receivedOn, criterion.within)).date;
          let j = i;
          while (j + 1 < list.length && list[j + 1].receivedOn <= windowEnd) j += 1;
          if (j - i + 1 >= criterion.atLeast) for (let k = i; k <= j; k += 1) inRun.add(list[k].caseId);
        }
      }
      for (const r of list) if (r.live && inRun.has(r.caseId)) ids.add(r.caseId);
    }
    return ids;
  }
}
