import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { addDays, shanghaiDateOf, cadencePeriods } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { CASE_ERRORS } from '../cases.errors';
import { CaseEvent } from '../case-event.entity';
import { CaseStatus, KeyCaseBasis, OPEN_CASE_STATUSES } from '../case.enums';
import { PetitionCase } from '../case.entity';
import { CaseProgressReport } from '../case-records.entity';
import { recordStep } from '../case-events';
import type { CaseRules } from '../case-rules';
import { CaseChanges } from '../case-changes.service';
import type { AssignCaseOwnerInput, ReportCaseProgressInput, SetKeyCaseInput } from './dto/ownership.inputs';
import { findingKeys, recordFindings } from '@core/findings';
import { ownedCasesToWatch, reportedPeriods } from '../case-sweep.query';

/**
 * Leader ownership (包案, 003 §二): the tier the plugin's ownership rules require decides which leader
 * must own a case; the owner comes with a team, a plan and a roadmap where the plugin says so, and
 * progress reports are due at the plugin's cadence until the case is resolved and closed. A period
 * that ends without a report is a finding (MISSING_PROGRESS_REPORT).
 */
@Injectable()
export class OwnershipService {
  constructor(
    @Inject(CaseChanges) private readonly cases: CaseChanges,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async assignOwner(ctx: RequestContext, input: AssignCaseOwnerInput): Promise<PetitionCase> {
    return this.cases.change(ctx, input.caseId, 'update', async (em, c, rules) => {
      this.cases.expect(c, OPEN_CASE_STATUSES);
      const ownership = rules.ownership;
      if (c.ownerTier && input.tier !== c.ownerTier) {
        throw CASE_ERRORS.badInput('input.tier', 'OWNER_TIER_REQUIRED', { tier: c.ownerTier, rule: c.ownerRule });
      }
      // The roadmaps offered (化解、稳控、打击) with the article offering them: the ownership rule's, or the
      // tenant's own `roadmaps` (002 §四(二)).
      const offered = ownership?.rule.roadmaps.length
        ? { strategies: ownership.rule.roadmaps, source: ownership.rule.source }
        : rules.own.roadmaps
          ? { strategies: rules.own.roadmaps.strategies, source: rules.own.roadmaps.source }
          : null;
      const strategies = offered?.strategies ?? [];
      if (input.roadmap && strategies.length && !strategies.includes(input.roadmap)) {
        throw CASE_ERRORS.badInput('input.roadmap', 'NOT_IN_PLUGIN_LIST', {
          allowed: strategies,
          source: ` (${offered!.source})`,
        });
      }
      const roadmapSource = input.roadmap && offered ? offered.source : null;
      if (ownership?.rule.teamAndPlanRequired) {
        const source = ownership.rule.source;
        if (!input.team?.length) throw CASE_ERRORS.badInput('input.team', 'TEAM_REQUIRED', { source });
        if (!input.plan) throw CASE_ERRORS.badInput('input.plan', 'PLAN_REQUIRED', { source });
      }
      const today = shanghaiDateOf(this.clock.now());
      const first = c.ownerLeader === null;
      Object.assign(c, {
        ownerLeader: input.leader,
        ownedOn: c.ownedOn ?? today,
        team: input.team ?? [],
        plan: input.plan ?? null,
        roadmap: input.roadmap ?? null,
      });
      if (!c.ownerTier) c.ownerTier = input.tier;
      await recordStep(em, ctx, c, this.clock.now(), {
        kind: first ? 'OWNER_ASSIGNED' : 'OWNER_CHANGED',
        note: `${input.leader} (${input.tier})`,
        rule: c.ownerRule,
        data: { team: c.team, roadmap: c.roadmap, ...(roadmapSource ? { roadmapSource } : {}) },
      });
    });
  }

  /**
   * The office marks a case a key case (重点案件) or unmarks it — one the plugin's rule made key too —
   * with a reason, kept on the case (basis OFFICE) and as a step of its history. The ladder's
   * `about: KEY_CASE` (003 §五) reads the flag as it stands when it runs.
   */
  async setKeyCase(ctx: RequestContext, input: SetKeyCaseInput): Promise<PetitionCase> {
    return this.cases.change(ctx, input.caseId, 'update', async (em, c) => {
      this.cases.expect(c, OPEN_CASE_STATUSES);
      if (c.keyCase === input.keyCase) {
        throw c.keyCase
          ? CASE_ERRORS.conflict('KEY_CASE_ALREADY', { number: c.number, basis: c.keyCaseRule ?? '' }, 'input.keyCase')
          : CASE_ERRORS.conflict('KEY_CASE_NOT', { number: c.number }, 'input.keyCase');
      }
      const now = this.clock.now();
      Object.assign(c, {
        keyCase: input.keyCase,
        keyCaseBasis: KeyCaseBasis.OFFICE,
        keyCaseRule: input.reason,
        keyCaseSince: now,
      });
      await recordStep(em, ctx, c, now, {
        kind: input.keyCase ? 'KEY_CASE_MARKED' : 'KEY_CASE_UNMARKED',
        note: input.reason,
        data: { basis: KeyCaseBasis.OFFICE },
      });
    });
  }

  /** A progress report on an owned case, filed in the cadence period containing today. */
  async report(ctx: RequestContext, input: ReportCaseProgressInput): Promise<CaseProgressReport> {
    let saved: CaseProgressReport | null = null;
    await this.cases.change(ctx, input.caseId, 'report', async (em, c, rules) => {
      this.cases.responsibleOrParticipant(ctx, c);
      this.cases.expect(c, [CaseStatus.ASSIGNED, CaseStatus.RESOLVED]);
      if (!c.ownerLeader) throw CASE_ERRORS.conflict('NO_OWNING_LEADER', { number: c.number }, 'input.caseId');
      const now = this.clock.now();
      const today = shanghaiDateOf(now);
      const period = this.periodOf(rules, today);
      saved = await em.save(
        em.create(CaseProgressReport, {
          tenantId: c.tenantId,
          caseId: c.id,
          periodStart: period.start,
          periodEnd: period.end,
          content: input.content,
          reportedAt: now,
          reportedById: ctx.caller.userId,
        }),
      );
      await recordStep(em, ctx, c, now, {
        kind: 'PROGRESS_REPORTED',
        note: `${period.start} – ${period.end}`,
        rule: rules.ownership?.rule.progressReports.source ?? null,
      });
    });
    return saved!;
  }

  /**
   * The sweep for one tenant: every owned case, for each cadence period that ended (from the first
   * full period after ownership until the case closed) without a report, a finding. Idempotent.
   */
  async sweep(em: EntityManager, ctx: RequestContext, rules: CaseRules, today: string): Promise<number> {
    const cadence = rules.ownership?.rule.progressReports;
    if (!cadence) return 0;
    const tenantId = rules.tenant.id;
    const owned = await ownedCasesToWatch(em, tenantId);
    if (!owned.length) return 0;
    // Set-based: the cadence's periods once, every report and earlier finding of the tenant in one
    // query each, the new findings and history steps in multi-row inserts.
    const earliest = owned.reduce((min, c) => (c.ownedOn! < min ? c.ownedOn! : min), today);
    const periods = cadencePeriods(cadence.rrule, earliest, addDays(today, -1)).filter((p) => p.end < today);
    const ids = owned.map((c) => c.id);
    const reported = await reportedPeriods(em, tenantId, ids);
    const known = await findingKeys(em, tenantId, 'MISSING_PROGRESS_REPORT');
    const rule = `${cadence.rrule} — ${cadence.source}`;
    const missed: { c: PetitionCase; start: string; end: string; key: string }[] = [];
    for (const c of owned) {
      const until = c.closedAt ? shanghaiDateOf(c.closedAt) : today;
      for (const p of periods) {
        if (p.start < c.ownedOn! || p.end >= until || reported.has(`${c.id}:${p.start}`)) continue;
        const key = `progress-missing:${c.id}:${p.start}`;
        if (!known.has(key)) missed.push({ c, start: p.start, end: p.end, key });
      }
    }
    let found = 0;
    const now = this.clock.now();
    for (let i = 0; i < missed.length; i += 500) {
      const chunk = missed.slice(i, i + 500);
      const inserted = await recordFindings(
        em,
        chunk.map(({ c, start, end, key }) => ({
          tenantId,
          kind: 'MISSING_PROGRESS_REPORT',
          rule,
          facts: {
            caseId: c.id,
            caseNumber: c.number,
            ownerLeader: c.ownerLeader,
            responsibleUnitId: c.responsibleUnitId,
            periodStart: start,
            periodEnd: end,
          },
          dedupeKey: key,
        })),
      );
      const steps = chunk.filter((m) => inserted.has(m.key));
      found += steps.length;
      if (steps.length) {
        await em.insert(
          CaseEvent,
          steps.map(({ c, start, end }) => ({
            tenantId,
            caseId: c.id,
            kind: 'PROGRESS_REPORT_MISSED',
            at: now,
            byUserId: null,
            note: `${start} – ${end}`,
            rule,
            data: {} as never,
          })),
        );
      }
    }
    return found;
  }

  private periodOf(rules: CaseRules, today: string): { start: string; end: string } {
    const rrule = rules.ownership?.rule.progressReports.rrule ?? 'FREQ=WEEKLY';
    return cadencePeriods(rrule, today, today)[0];
  }
}
