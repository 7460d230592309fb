import { Inject, Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { daysBetween, shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import { CASE_ERRORS, CASE_TENANT } from '../cases.errors';
import { groupBy } from '@engine/util';
import { CalendarService } from '@core/calendar';
import { CaseStatus } from '../case.enums';
import { PetitionCase } from '../case.entity';
import { CaseReview, ReviewStatus, type ReviewPause } from '../case-review.entity';
import { recordStep } from '../case-events';
import { caseVisibility, tenantByCode, type CaseRules } from '../case-rules';
import { tenantById } from '@core/tenancy';
import { CaseSweepService } from '../case-sweep.service';
import { recordLateReviews } from '../case-sweep.query';
import { CaseChanges } from '../case-changes.service';
import type {
  InformPetitionerOfReviewInput,
  IssueReviewOpinionInput,
  OpenCaseReviewInput,
  RecordReviewAppealInput,
  RecordReviewHearingInput,
} from './dto/review.inputs';
import { ReportChannel, ReportsService } from '@core/reporting';
import { reviewsOfTenant } from '../case-lists.query';

type ReviewRule = NonNullable<CaseRules['own']['review']>;

/** Bounds that keep a review's clock meaningful. */
const MAX_HEARING_DAYS = 366;
const MAX_PAUSES = 20;
const LIST_CAP = 500;

const ruleText = (review: ReviewRule): string =>
  `${review.opinionWithin.amount} ${review.opinionWithin.unit}${review.opinionWithin.excluding?.length ? ` excluding ${review.opinionWithin.excluding.join(', ')}` : ''} — ${review.source}`;

/**
 * Review (复查, 004 復查制度; issue 5 item 7): the office opens a review of a handled case on a basis the
 * plugin's scope allows; the written opinion is due within the plugin's `opinionWithin` of acceptance on
 * the tenant's calendar, and only pauses of the kinds it excludes (hearings, 听证) stop the clock. The
 * opinion records whether it came in time; an upward appeal by the petitioner is recorded where the
 * plugin provides for it (三.4). Open reviews past their date become REVIEW_OVERDUE findings.
 */
@Injectable()
export class ReviewService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CalendarService) private readonly calendars: CalendarService,
    @Inject(CaseChanges) private readonly cases: CaseChanges,
    @Inject(ReportsService) private readonly reports: ReportsService,
    @Inject(CaseSweepService) sweeps: CaseSweepService,
  ) {
    sweeps.register({ name: 'review-overdue', run: (em, ctx, rules, today) => this.sweep(em, ctx, rules, today) });
  }

  async open(ctx: RequestContext, input: OpenCaseReviewInput): Promise<CaseReview> {
    let saved: CaseReview | null = null;
    await this.cases.change(ctx, input.caseId, 'update', async (em, c, rules) => {
      const review = rules.own.review;
      if (!review)
        throw CASE_ERRORS.badInput('input.caseId', 'PLUGIN_DECLARES_NONE', {
          plugin: rules.tenant.pluginId,
          tenant: CASE_TENANT,
          what: { en: 'review', zh: '复查' },
          section: 'cases.review',
        });
      this.cases.expect(c, [CaseStatus.RESOLVED, CaseStatus.CLOSED]);
      const scope = review.scope ?? [input.basis];
      if (!scope.includes(input.basis))
        throw CASE_ERRORS.badInput('input.basis', 'NOT_IN_PLUGIN_LIST', {
          allowed: scope,
          source: ` (${review.source})`,
        });
      const now = this.clock.now();
      if (input.acceptedOn > shanghaiDateOf(now)) throw CASE_ERRORS.badInput('input.acceptedOn', 'IN_THE_FUTURE');
      const handledOn = shanghaiDateOf(c.resolvedAt!);
      if (input.acceptedOn < handledOn)
        throw CASE_ERRORS.badInput('input.acceptedOn', 'ACCEPTED_BEFORE_HANDLED', { on: handledOn });
      if (await em.exists(CaseReview, { where: { caseId: c.id, status: ReviewStatus.OPEN } }))
        throw CASE_ERRORS.conflict('REVIEW_ALREADY_OPEN', { number: c.number }, 'input.caseId');
      const due = await this.calendars.due(ctx, c.tenantId, input.acceptedOn, review.opinionWithin);
      const rule = ruleText(review);
      saved = await em.save(
        em.create(CaseReview, {
          tenantId: c.tenantId,
          caseId: c.id,
          basis: input.basis,
          status: ReviewStatus.OPEN,
          acceptedOn: input.acceptedOn,
          pauses: [],
          dueOn: due.date,
          dueProvisional: due.provisional,
          rule,
          openedById: ctx.caller.userId,
          openedAt: now,
        }),
      );
      await recordStep(em, ctx, c, now, {
        kind: 'REVIEW_OPENED',
        note: `${input.basis}; accepted ${input.acceptedOn}, opinion due ${due.date}`,
        rule,
        data: { reviewId: saved.id, dueOn: due.date },
      });
    });
    return saved!;
  }

  /** A hearing pauses the review's clock (where the plugin excludes HEARING): the due date is recomputed. */
  async recordHearing(ctx: RequestContext, input: RecordReviewHearingInput): Promise<CaseReview> {
    if (input.to < input.from) throw CASE_ERRORS.badInput('input.to', 'BEFORE_FROM', { from: input.from });
    if (daysBetween(input.from, input.to) >= MAX_HEARING_DAYS)
      throw CASE_ERRORS.badInput('input.to', 'HEARING_TOO_LONG', { days: MAX_HEARING_DAYS });
    return this.onReview(ctx, input.reviewId, async (em, r, c, review) => {
      if (r.status !== ReviewStatus.OPEN) throw CASE_ERRORS.conflict('REVIEW_DECIDED', {}, 'input.reviewId');
      if (input.from < r.acceptedOn)
        throw CASE_ERRORS.badInput('input.from', 'BEFORE_REVIEW_ACCEPTED', { on: r.acceptedOn });
      if (input.from > r.dueOn) throw CASE_ERRORS.badInput('input.from', 'AFTER_REVIEW_DUE', { on: r.dueOn });
      if (r.pauses.length >= MAX_PAUSES)
        throw CASE_ERRORS.badInput('input.reviewId', 'TOO_MANY_HEARINGS', { max: MAX_PAUSES });
      const before = r.dueOn;
      const pause: ReviewPause = { kind: 'HEARING', from: input.from, to: input.to };
      r.pauses = [...r.pauses, pause];
      const due = await this.calendars.due(ctx, r.tenantId, r.acceptedOn, review.opinionWithin, r.pauses);
      Object.assign(r, { dueOn: due.date, dueProvisional: due.provisional });
      await recordStep(em, ctx, c, this.clock.now(), {
        kind: 'REVIEW_HEARING',
        note: `${input.from} – ${input.to}; opinion due ${before} → ${due.date}`,
        rule: r.rule,
        data: { reviewId: r.id, pause, dueOn: due.date },
      });
    });
  }

  async issueOpinion(ctx: RequestContext, input: IssueReviewOpinionInput): Promise<CaseReview> {
    return this.onReview(ctx, input.reviewId, async (em, r, c, review) => {
      if (r.status !== ReviewStatus.OPEN) throw CASE_ERRORS.conflict('REVIEW_ALREADY_DECIDED', {}, 'input.reviewId');
      const findings = this.findingsOf(review, input);
      const now = this.clock.now();
      const today = shanghaiDateOf(now);
      Object.assign(r, {
        status: ReviewStatus.DECIDED,
        opinion: input.opinion,
        outcome: input.outcome,
        findings,
        correction: input.correction ?? null,
        decidedOn: today,
        inTime: today <= r.dueOn,
      });
      await recordStep(em, ctx, c, now, {
        kind: 'REVIEW_OPINION_ISSUED',
        note: `${input.outcome}; ${r.inTime ? 'in time' : 'late'} (due ${r.dueOn})`,
        rule: r.rule,
        data: { reviewId: r.id, decidedOn: today, dueOn: r.dueOn, inTime: r.inTime },
      });
    });
  }

  /**
   * 004 复查制度 三.1, 三.3: where the plugin lists the checks, the opinion states a finding on each, and a check
   * of `correctionWhen` found wanting needs the correction opinion (纠正意见).
   */
  private findingsOf(
    review: NonNullable<CaseRules['own']['review']>,
    input: IssueReviewOpinionInput,
  ): { check: string; sound: boolean; note: string | null }[] {
    const criteria = review.criteria;
    const given = input.findings ?? [];
    if (!criteria) {
      if (given.length || input.correction)
        throw CASE_ERRORS.badInput('input.findings', 'PLUGIN_DECLARES_NONE', {
          plugin: '',
          tenant: CASE_TENANT,
          what: { en: 'review criteria', zh: '复查要求' },
          section: 'cases.review.criteria',
        });
      return [];
    }
    const checks = criteria.checks as readonly string[];
    given.forEach((f, i) => {
      if (!checks.includes(f.check))
        throw CASE_ERRORS.badInput(`input.findings[${i}].check`, 'NOT_IN_PLUGIN_LIST', {
          allowed: checks.join(', '),
          source: ` (${criteria.source})`,
        });
      if (given.findIndex((g) => g.check === f.check) !== i)
        throw CASE_ERRORS.badInput(`input.findings[${i}].check`, 'APPEARS_TWICE');
    });
    const missing = checks.filter((k) => !given.some((f) => f.check === k));
    if (missing.length)
      throw CASE_ERRORS.badInput('input.findings', 'REVIEW_CHECKS_MISSING', {
        checks: missing.join(', '),
        source: criteria.source,
      });
    const wanting = given.filter((f) => !f.sound && (criteria.correctionWhen as readonly string[]).includes(f.check));
    if (wanting.length && !input.correction)
      throw CASE_ERRORS.badInput('input.correction', 'CORRECTION_REQUIRED', {
        checks: wanting.map((f) => f.check).join(', '),
        source: criteria.source,
      });
    return checks.map((k) => {
      const f = given.find((g) => g.check === k)!;
      return { check: k, sound: f.sound, note: f.note ?? null };
    });
  }

  /** The petitioner applied upward against the opinion (004 復查制度 三.4): recorded, once. */
  async recordAppeal(ctx: RequestContext, input: RecordReviewAppealInput): Promise<CaseReview> {
    return this.onReview(ctx, input.reviewId, async (em, r, c, review) => {
      if (!review.appealUpward)
        throw CASE_ERRORS.badInput('input.reviewId', 'NO_UPWARD_APPEAL', { source: review.source });
      if (r.status !== ReviewStatus.DECIDED) throw CASE_ERRORS.conflict('REVIEW_NOT_DECIDED', {}, 'input.reviewId');
      if (r.appealedTo) throw CASE_ERRORS.conflict('APPEAL_ALREADY_RECORDED', { to: r.appealedTo }, 'input.reviewId');
      const now = this.clock.now();
      Object.assign(r, { appealedTo: input.appealedTo, appealedAt: now });
      await recordStep(em, ctx, c, now, {
        kind: 'REVIEW_APPEALED',
        note: input.appealedTo,
        rule: review.source,
        data: { reviewId: r.id },
      });
    });
  }

  /**
   * 004 復查制度 二 (書面告知信訪人): the office records that the petitioner was told the opinion in writing —
   * the day and how it was served. Nothing of the petitioner is copied: the notice goes to the case's
   * petitioners, whose data stays behind the case's field rules.
   */
  async informPetitioner(ctx: RequestContext, input: InformPetitionerOfReviewInput): Promise<CaseReview> {
    return this.onReview(ctx, input.reviewId, async (em, r, c, review) => {
      if (!review.afterOpinion?.informPetitionerInWriting)
        throw CASE_ERRORS.badInput('input.reviewId', 'NO_WRITTEN_NOTICE_RULE', { source: review.source });
      if (r.status !== ReviewStatus.DECIDED || !r.decidedOn)
        throw CASE_ERRORS.conflict(
          'OPINION_NOT_ISSUED',
          { what: { en: 'the written notice to the petitioner', zh: '书面告知信访人' } },
          'input.reviewId',
        );
      if (r.petitionerInformedOn)
        throw CASE_ERRORS.conflict('PETITIONER_ALREADY_INFORMED', { on: r.petitionerInformedOn }, 'input.reviewId');
      const now = this.clock.now();
      if (input.servedOn > shanghaiDateOf(now)) throw CASE_ERRORS.badInput('input.servedOn', 'IN_THE_FUTURE');
      if (input.servedOn < r.decidedOn)
        throw CASE_ERRORS.badInput('input.servedOn', 'BEFORE_OPINION', { on: r.decidedOn });
      Object.assign(r, {
        petitionerInformedOn: input.servedOn,
        petitionerNoticeMethod: input.method,
        petitionerInformedById: ctx.caller.userId,
      });
      await recordStep(em, ctx, c, now, {
        kind: 'REVIEW_PETITIONER_INFORMED',
        note: `${input.method} ${input.servedOn}`,
        rule: review.afterOpinion.source,
        data: { reviewId: r.id, servedOn: input.servedOn, method: input.method },
      });
    });
  }

  /**
   * 004 復查制度 二 (同時報上級機關): the office drafts the report of the opinion to the parent joint meeting in
   * the reporting context; it follows the plugin's reportsUpward (approval first where it says so) and is
   * sent with sendReport. The report carries the case number, basis, outcome and opinion, not the petitioner.
   */
  async reportOpinion(ctx: RequestContext, reviewId: string): Promise<CaseReview> {
    return this.onReview(ctx, reviewId, async (em, r, c, review) => {
      if (!review.afterOpinion?.reportUpward)
        throw CASE_ERRORS.badInput('reviewId', 'NO_UPWARD_REPORT_RULE', { source: review.source });
      if (r.status !== ReviewStatus.DECIDED || !r.decidedOn)
        throw CASE_ERRORS.conflict(
          'OPINION_NOT_ISSUED',
          { what: { en: 'its report upward', zh: '报上级机关' } },
          'reviewId',
        );
      if (r.reportId) throw CASE_ERRORS.conflict('ALREADY_REPORTED', {}, 'reviewId');
      const tenant = await tenantById(em, r.tenantId);
      const report = await this.db.run(ctx, (tx) =>
        this.reports.draftFor(ctx, tx, {
          tenant,
          channel: ReportChannel.PARENT_JOINT_MEETING,
          title: `关于${c.number}复查意见的报告`,
          body: `案件编号：${c.number}\n复查依据：${r.basis}\n受理复查日期：${r.acceptedOn}\n复查意见提出日期：${r.decidedOn}${r.inTime ? '' : '（超期）'}\n复查结论：${r.outcome}\n复查意见：${r.opinion}`,
          subjectKind: 'CASE_REVIEW',
          subjectId: r.id,
          rule: review.afterOpinion!.source,
        }),
      );
      r.reportId = report.id;
      await recordStep(em, ctx, c, this.clock.now(), {
        kind: 'REVIEW_REPORTED',
        note: `report ${report.id} to ${report.recipientName}`,
        rule: review.afterOpinion.source,
        data: { reviewId: r.id, reportId: report.id },
      });
    });
  }

  /** Reviews of a tenant, newest first (a member unit: only those of cases it sees). */
  async list(ctx: RequestContext, tenantCode: string, openOnly: boolean): Promise<CaseReview[]> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode);
      return reviewsOfTenant(em, tenant.id, caseVisibility(ctx, 'c'), openOnly, LIST_CAP);
    });
  }

  /** Reviews of cases, oldest first (a DataLoader batch). */
  async reviewsOf(ctx: RequestContext, caseIds: readonly string[]): Promise<Map<string, CaseReview[]>> {
    const rows = await this.db.run(ctx, ({ em }) =>
      em.find(CaseReview, { where: { caseId: In([...caseIds]) }, order: { openedAt: 'ASC' } }),
    );
    return groupBy(caseIds, rows, (r) => r.caseId);
  }

  /** The sweep step: each open review past its date, one finding per due date, the office told once. */
  async sweep(em: EntityManager, ctx: RequestContext, rules: CaseRules, today: string): Promise<number> {
    // One statement for the tenant (recordLateReviews): only reviews without their finding yet.
    return recordLateReviews(em, {
      tenantId: rules.tenant.id,
      today,
      at: this.clock.now(),
      byUserId: ctx.isAuthenticated ? ctx.caller.userId : null,
      officeRole: this.cases.officeRole(rules.tenant),
    });
  }

  /** Loads a review the caller can act on (the office of its case's tenant: `change` checks), locked, and saves it after `change`. */
  private async onReview(
    ctx: RequestContext,
    reviewId: string,
    change: (em: EntityManager, r: CaseReview, c: PetitionCase, review: ReviewRule) => Promise<void>,
  ): Promise<CaseReview> {
    return this.db.run(ctx, async ({ em }) => {
      const found = await em.findOne(CaseReview, { where: { id: reviewId } });
      if (!found) throw AppError.notFound('Review');
      let saved: CaseReview | null = null;
      await this.cases.change(ctx, found.caseId, 'update', async (em2, c, rules) => {
        const r = await em2.findOneOrFail(CaseReview, { where: { id: reviewId }, lock: { mode: 'pessimistic_write' } });
        const review = rules.own.review;
        if (!review)
          throw CASE_ERRORS.badInput('input.reviewId', 'PLUGIN_DECLARES_NONE', {
            plugin: rules.tenant.pluginId,
            tenant: CASE_TENANT,
            what: { en: 'review', zh: '复查' },
            section: 'cases.review',
          });
        await change(em2, r, c, review);
        saved = await em2.save(r);
      });
      return saved!;
    });
  }
}
