import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Role } from '@core/identity';
import { Db, type Tx } from '@engine/database';
import { holdersOf, memberUnitOf, unitScope } from '@engine/access';
import { AppError } from '@engine/errors';
import { checkLimit } from '@engine/graphql';
import { REPORT_ERRORS } from './reporting.errors';
import { groupBy } from '@engine/util';
import { notify } from '@core/notifications';
import type { Tenant } from '@core/tenancy/entities';
import { pluginOf, tenantByCode, tenantById } from '@core/tenancy';
import type { DraftReportInput, ReportDecisionInput } from './dto/report.inputs';
import { Report, ReportChannel, ReportStatus } from './report.entity';
import { approverRoleOf, canSeeReport, expectStatus, requireApprover, requireOwnOffice } from './report-access';
import { ReportChannels } from './report-channels';
import {
  decodeReportCursor,
  encodeReportCursor,
  reportsAbout,
  reportsOf,
  reportsSentTo,
  type ReportFilter,
} from './reports.query';

/** What a workflow hands over when it reports one of its matters (a meeting's major matter, a review opinion). */
export interface ReportDraft {
  tenant: Tenant;
  channel: ReportChannel;
  title: string;
  body: string;
  subjectKind: string;
  /** The matter reported (null when it is a period's summary, like a screening report). */
  subjectId: string | null;
  /** The article the workflow follows (e.g. the meeting type's, the review rule's). */
  rule: string;
  /** CONVENER_REVIEW: who reviews (the meeting type's escalatesToRoles). */
  recipientRoles?: Role[];
  /** CONVENER_REVIEW: the recipient as the plugin names it (default 召集人; 004: 信訪工作領導小組). */
  recipientName?: string;
  /** Sent at once (a referral for review needs no approval and no second step). */
  sendNow?: boolean;
}

/**
 * Reports upward (请示报告; issue 14 item 4), a core context because several workflows report their matters
 * through it and it imports none of them. The office drafts a report on a channel its plugin's
 * `operations.reportsUpward` declares; where the plugin names an approver (004 領導接待日制度 6:
 * 交主要領導審核後) someone other than the drafter approves it before the office sends it. The recipient —
 * the parent tenant's office, the own office for a member unit's work report, the convener for a meeting's
 * major matter — acknowledges and may answer with instructions (批示); for the party committee, which is
 * outside the platform, the office records the reply. Instructions are tracked items of the reporting
 * tenant, which records how each was carried out.
 */
@Injectable()
export class ReportsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(ReportChannels) private readonly channels: ReportChannels,
  ) {}

  async draft(ctx: RequestContext, input: DraftReportInput): Promise<Report> {
    return this.db.run(ctx, async (tx) => {
      const { em } = tx;
      const tenant = await tenantByCode(em, input.tenantCode);
      if (tenant.id !== ctx.caller.tenantId) throw REPORT_ERRORS.forbidden('OWN_TENANT_ONLY');
      if (input.channel === ReportChannel.CONVENER_REVIEW) {
        throw REPORT_ERRORS.badInput('input.channel', 'MATTER_FROM_MEETING');
      }
      const unit = memberUnitOf(ctx);
      if (input.channel === ReportChannel.OWN_JOINT_MEETING) {
        if (!unit) throw REPORT_ERRORS.forbidden('MEMBER_UNITS_ONLY');
      } else if (!ctx.ability.can('update', subject('Report', { tenantId: tenant.id }))) {
        throw REPORT_ERRORS.forbidden('OFFICE_ONLY');
      }
      const recipient = await this.channels.recipientOf(tx, tenant, input.channel, 'input.channel');
      const now = this.clock.now();
      if (input.reportId) {
        const report = await em.findOne(Report, { where: { id: input.reportId, tenantId: tenant.id } });
        if (!report || !canSeeReport(ctx, report)) throw AppError.notFound('Report');
        if (
          report.draftedById !== ctx.caller.userId &&
          !ctx.ability.can('update', subject('Report', { tenantId: tenant.id }))
        )
          throw REPORT_ERRORS.forbidden('DRAFTER_OR_OFFICE');
        expectStatus(report, [ReportStatus.DRAFT]);
        Object.assign(report, {
          channel: input.channel,
          ...recipient,
          title: input.title,
          body: input.body,
          updatedAt: now,
        });
        return em.save(report);
      }
      const report = em.create(Report, {
        tenantId: tenant.id,
        id: randomUUID(),
        channel: input.channel,
        ...recipient,
        subjectKind: null,
        subjectId: null,
        title: input.title,
        body: input.body,
        reportingUnitId: input.channel === ReportChannel.OWN_JOINT_MEETING ? unit : null,
        status: ReportStatus.DRAFT,
        draftedById: ctx.caller.userId,
        draftedAt: now,
        updatedAt: now,
      });
      await em.insert(Report, report);
      return report;
    });
  }

  /**
   * A workflow reports one of its matters, inside its own transaction (it has checked the matter and the
   * caller). PARENT_JOINT_MEETING and PARTY_COMMITTEE follow the plugin's reportsUpward (approval included);
   * CONVENER_REVIEW goes to the roles given, sent at once.
   */
  async draftFor(ctx: RequestContext, tx: Tx, draft: ReportDraft): Promise<Report> {
    const { em } = tx;
    const now = this.clock.now();
    const recipient =
      draft.channel === ReportChannel.CONVENER_REVIEW
        ? {
            recipientName: draft.recipientName ?? '召集人',
            recipientTenantId: null,
            recipientRoles: draft.recipientRoles ?? [Role.CONVENER],
            rule: draft.rule,
            needsApproval: false,
          }
        : { ...(await this.channels.recipientOf(tx, draft.tenant, draft.channel, 'input')), rule: draft.rule };
    const report = em.create(Report, {
      tenantId: draft.tenant.id,
      id: randomUUID(),
      channel: draft.channel,
      ...recipient,
      subjectKind: draft.subjectKind,
      subjectId: draft.subjectId,
      title: draft.title,
      body: draft.body,
      reportingUnitId: null,
      status: ReportStatus.DRAFT,
      draftedById: ctx.caller.userId,
      draftedAt: now,
      updatedAt: now,
    });
    if (draft.sendNow && !report.needsApproval) await this.markSent(ctx, tx, report);
    await em.insert(Report, report);
    if (report.status === ReportStatus.SENT) await this.channels.tellRecipient(tx, report);
    return report;
  }

  /** The office submits a report for the approval its plugin requires (reportsUpward.approvedBy). */
  async submit(ctx: RequestContext, reportId: string): Promise<Report> {
    return this.change(ctx, reportId, async (tx, report, tenant) => {
      requireOwnOffice(ctx, report);
      expectStatus(report, [ReportStatus.DRAFT]);
      if (!report.needsApproval) throw REPORT_ERRORS.conflict('NO_APPROVAL_NEEDED', {}, 'reportId');
      const approver = approverRoleOf(tenant)!;
      Object.assign(report, { status: ReportStatus.SUBMITTED, submittedById: ctx.caller.userId, returnComment: null });
      await notify(
        tx.em,
        report.tenantId,
        { roles: holdersOf(approver) },
        {
          kind: 'REPORT_TO_APPROVE',
          title: `待审核：${report.title}`,
          body: `reportId=${report.id}（报送${report.recipientName}前审核，${pluginOf(tenant).operations?.reportsUpward?.source ?? report.rule}）`,
          dedupeKey: `report-approve:${report.id}:${this.clock.now().getTime()}`,
        },
      );
    });
  }

  async approve(ctx: RequestContext, input: ReportDecisionInput): Promise<Report> {
    return this.change(ctx, input.reportId, async (_tx, report, tenant) => {
      requireApprover(ctx, report, tenant);
      expectStatus(report, [ReportStatus.SUBMITTED]);
      Object.assign(report, {
        status: ReportStatus.APPROVED,
        approvedById: ctx.caller.userId,
        approvedAt: this.clock.now(),
      });
    });
  }

  async return(ctx: RequestContext, input: ReportDecisionInput): Promise<Report> {
    if (!input.comment) throw REPORT_ERRORS.badInput('input.comment', 'COMMENT_REQUIRED');
    return this.change(ctx, input.reportId, async (_tx, report, tenant) => {
      requireApprover(ctx, report, tenant);
      expectStatus(report, [ReportStatus.SUBMITTED]);
      Object.assign(report, { status: ReportStatus.DRAFT, returnComment: input.comment });
    });
  }

  /** The office sends (a member unit its own work report): approved first where the plugin requires it. */
  async send(ctx: RequestContext, reportId: string): Promise<Report> {
    return this.change(ctx, reportId, async (tx, report) => {
      if (report.channel === ReportChannel.OWN_JOINT_MEETING) {
        if (memberUnitOf(ctx) !== report.reportingUnitId) throw REPORT_ERRORS.forbidden('REPORTING_UNIT_ONLY');
      } else requireOwnOffice(ctx, report);
      if (report.needsApproval && report.status !== ReportStatus.APPROVED) {
        throw REPORT_ERRORS.conflict('APPROVAL_REQUIRED', { status: report.status, rule: report.rule }, 'reportId');
      }
      expectStatus(report, report.needsApproval ? [ReportStatus.APPROVED] : [ReportStatus.DRAFT]);
      await this.markSent(ctx, tx, report);
      await this.channels.tellRecipient(tx, report);
    });
  }

  /** The recipient acknowledges receipt (the parent's office, the own office, the reviewing convener). */
  async acknowledge(ctx: RequestContext, reportId: string): Promise<Report> {
    return this.change(ctx, reportId, async (tx, report) => {
      if (report.channel === ReportChannel.PARTY_COMMITTEE)
        throw REPORT_ERRORS.conflict('RECIPIENT_OUTSIDE', {}, 'reportId');
      await this.channels.checkRecipient(ctx, tx, report);
      expectStatus(report, [ReportStatus.SENT]);
      Object.assign(report, {
        status: ReportStatus.ACKNOWLEDGED,
        acknowledgedById: ctx.caller.userId,
        acknowledgedAt: this.clock.now(),
      });
    });
  }

  async byId(ctx: RequestContext, id: string): Promise<Report | null> {
    return this.db.run(ctx, async ({ em }) => {
      const report = await em.findOne(Report, { where: { id } });
      return report && canSeeReport(ctx, report) ? report : null;
    });
  }

  /** A tenant's reports (its own; for a parent's office, those the tenant sent to it). */
  async page(
    ctx: RequestContext,
    tenantCode: string,
    filter: ReportFilter,
    after: string | null,
    limit: number,
  ): Promise<{ items: Report[]; nextCursor: string | null }> {
    checkLimit(limit);
    const cursor = decodeReportCursor(after);
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode);
      if (tenant.id !== ctx.caller.tenantId && !ctx.caller.roles.includes(Role.OFFICE_DIRECTOR))
        return { items: [], nextCursor: null };
      const unit = unitScope(ctx);
      const rows = await reportsOf(
        em,
        tenant.id,
        { ...filter, ...(unit ? { reportingUnitId: unit } : {}) },
        cursor,
        limit + 1,
      );
      const items = rows.slice(0, limit).filter((r) => canSeeReport(ctx, r));
      return {
        items,
        nextCursor: rows.length > limit ? encodeReportCursor(rows[limit - 1].draftedAt, rows[limit - 1].id) : null,
      };
    });
  }

  /** Reports the caller's tenant received from its children (the parent joint meeting's office). */
  async received(
    ctx: RequestContext,
    status: ReportStatus | undefined,
    after: string | null,
    limit: number,
  ): Promise<{ items: Report[]; nextCursor: string | null }> {
    checkLimit(limit);
    if (!ctx.caller.tenantId || !ctx.caller.roles.includes(Role.OFFICE_DIRECTOR))
      throw REPORT_ERRORS.forbidden('RECEIVED_BY_OFFICE');
    const cursor = decodeReportCursor(after);
    return this.db.run(ctx, async ({ em }) => {
      const rows = await reportsSentTo(em, ctx.caller.tenantId!, status, cursor, limit + 1);
      const items = rows.slice(0, limit);
      return {
        items,
        nextCursor: rows.length > limit ? encodeReportCursor(items[limit - 1].sentAt!, items[limit - 1].id) : null,
      };
    });
  }

  /** Reports about a workflow's objects (e.g. a meeting's matters referred for review), oldest first. */
  async about(ctx: RequestContext, subjectKind: string, subjectIds: readonly string[]): Promise<Map<string, Report[]>> {
    const rows = await this.db.run(ctx, ({ em }) => reportsAbout(em, subjectKind, subjectIds));
    return groupBy(
      subjectIds,
      rows.filter((r) => canSeeReport(ctx, r)),
      (r) => r.subjectId!,
    );
  }

  private async markSent(ctx: RequestContext, _tx: Tx, report: Report): Promise<void> {
    Object.assign(report, {
      status: ReportStatus.SENT,
      sentById: ctx.caller.userId,
      sentAt: this.clock.now(),
      updatedAt: this.clock.now(),
    });
  }

  /** Loads a visible report, applies a change, saves (also for ReportAnswersService); the scope is widened only after the change's checks. */
  async change(
    ctx: RequestContext,
    id: string,
    apply: (tx: Tx, report: Report, tenant: Tenant) => Promise<void>,
  ): Promise<Report> {
    return this.db.run(ctx, async (tx) => {
      const report = await tx.em.findOne(Report, { where: { id } });
      if (!report || !canSeeReport(ctx, report)) throw AppError.notFound('Report');
      await apply(tx, report, await tenantById(tx.em, report.tenantId));
      report.updatedAt = this.clock.now();
      return tx.em.save(report);
    });
  }
}
