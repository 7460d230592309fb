import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import { Role, type RequestContext } from '@engine/context';
import { Db, type Tx } from '@engine/database';
import { holdersOf, memberUnitOf, satisfies, unitScope } from '@engine/access';
import { refuseOwnPaper } from '@engine/access/separation-of-duties';
import { AppError, PLATFORM_ERRORS } from '@engine/errors';
import { REPORT_ERRORS } from './reporting.errors';
import { groupBy } from '@engine/util';
import { notify } from '@core/notifications/notify';
import type { Tenant } from '@core/tenancy/tenant.entity';
import { pluginOf, tenantByCode, tenantById } from '@core/tenancy/tenant-lookup';
import type {
  AnswerReportInput,
  CompleteInstructionInput,
  DraftReportInput,
  ReportDecisionInput,
} from './dto/report.inputs';
import { InstructionStatus, Report, ReportChannel, ReportInstruction, ReportStatus } from './report.entity';
import {
  decodeReportCursor,
  encodeReportCursor,
  instructionsOf,
  reportsAbout,
  reportsOf,
  reportsSentTo,
  type ReportFilter,
} from './reports.query';

const MAX_PAGE = 200;

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
      const recipient = await this.recipientOf(tx, tenant, input.channel, 'input.channel');
      const now = this.clock.now();
      if (input.reportId) {
        const report = await em.findOne(Report, { where: { id: input.reportId, tenantId: tenant.id } });
        if (!report || !this.canSee(ctx, report)) throw AppError.notFound('Report');
        if (
          report.draftedById !== ctx.caller.userId &&
          !ctx.ability.can('update', subject('Report', { tenantId: tenant.id }))
        )
          throw REPORT_ERRORS.forbidden('DRAFTER_OR_OFFICE');
        this.expect(report, [ReportStatus.DRAFT]);
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
        : { ...(await this.recipientOf(tx, draft.tenant, draft.channel, 'input')), rule: draft.rule };
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
    if (report.status === ReportStatus.SENT) await this.tellRecipient(tx, report);
    return report;
  }

  /** The office submits a report for the approval its plugin requires (reportsUpward.approvedBy). */
  async submit(ctx: RequestContext, reportId: string): Promise<Report> {
    return this.change(ctx, reportId, async (tx, report, tenant) => {
      this.ownOffice(ctx, report);
      this.expect(report, [ReportStatus.DRAFT]);
      if (!report.needsApproval) throw REPORT_ERRORS.conflict('NO_APPROVAL_NEEDED', {}, 'reportId');
      const approver = this.approverRole(tenant)!;
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
      this.approver(ctx, report, tenant);
      this.expect(report, [ReportStatus.SUBMITTED]);
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
      this.approver(ctx, report, tenant);
      this.expect(report, [ReportStatus.SUBMITTED]);
      Object.assign(report, { status: ReportStatus.DRAFT, returnComment: input.comment });
    });
  }

  /** The office sends (a member unit its own work report): approved first where the plugin requires it. */
  async send(ctx: RequestContext, reportId: string): Promise<Report> {
    return this.change(ctx, reportId, async (tx, report) => {
      if (report.channel === ReportChannel.OWN_JOINT_MEETING) {
        if (memberUnitOf(ctx) !== report.reportingUnitId) throw REPORT_ERRORS.forbidden('REPORTING_UNIT_ONLY');
      } else this.ownOffice(ctx, report);
      if (report.needsApproval && report.status !== ReportStatus.APPROVED) {
        throw REPORT_ERRORS.conflict('APPROVAL_REQUIRED', { status: report.status, rule: report.rule }, 'reportId');
      }
      this.expect(report, report.needsApproval ? [ReportStatus.APPROVED] : [ReportStatus.DRAFT]);
      await this.markSent(ctx, tx, report);
      await this.tellRecipient(tx, report);
    });
  }

  /** The recipient acknowledges receipt (the parent's office, the own office, the reviewing convener). */
  async acknowledge(ctx: RequestContext, reportId: string): Promise<Report> {
    return this.change(ctx, reportId, async (tx, report) => {
      if (report.channel === ReportChannel.PARTY_COMMITTEE)
        throw REPORT_ERRORS.conflict('RECIPIENT_OUTSIDE', {}, 'reportId');
      await this.recipient(ctx, tx, report);
      this.expect(report, [ReportStatus.SENT]);
      Object.assign(report, {
        status: ReportStatus.ACKNOWLEDGED,
        acknowledgedById: ctx.caller.userId,
        acknowledgedAt: this.clock.now(),
      });
    });
  }

  /**
   * The recipient answers (批示); for the party committee the reporting office records its reply, who gave
   * it and when. Each instruction becomes a tracked item of the reporting tenant.
   */
  async answer(ctx: RequestContext, input: AnswerReportInput): Promise<Report> {
    return this.change(ctx, input.reportId, async (tx, report) => {
      const now = this.clock.now();
      if (report.channel === ReportChannel.PARTY_COMMITTEE) {
        this.ownOffice(ctx, report);
        if (!input.repliedByName)
          throw REPORT_ERRORS.badInput('input.repliedByName', 'REPLIED_BY_REQUIRED', {
            recipient: report.recipientName,
          });
        if (!input.repliedOn) throw REPORT_ERRORS.badInput('input.repliedOn', 'REPLIED_ON_REQUIRED');
        if (input.repliedOn > shanghaiDateOf(now)) throw REPORT_ERRORS.badInput('input.repliedOn', 'IN_THE_FUTURE');
        if (input.repliedOn < shanghaiDateOf(report.sentAt ?? now))
          throw REPORT_ERRORS.badInput('input.repliedOn', 'BEFORE_SENT');
      } else {
        await this.recipient(ctx, tx, report);
        if (input.repliedByName || input.repliedOn)
          throw REPORT_ERRORS.badInput(
            input.repliedByName ? 'input.repliedByName' : 'input.repliedOn',
            'ONLY_FOR_PARTY_COMMITTEE',
          );
      }
      this.expect(
        report,
        report.channel === ReportChannel.PARTY_COMMITTEE
          ? [ReportStatus.SENT]
          : [ReportStatus.SENT, ReportStatus.ACKNOWLEDGED],
      );
      const today = shanghaiDateOf(now);
      input.instructions.forEach((i, n) => {
        if (i.dueOn && i.dueOn < today) throw REPORT_ERRORS.badInput(`input.instructions.${n}.dueOn`, 'IN_THE_PAST');
      });
      Object.assign(report, {
        status: ReportStatus.ANSWERED,
        acknowledgedById: report.acknowledgedById ?? ctx.caller.userId,
        acknowledgedAt: report.acknowledgedAt ?? now,
        answeredById: ctx.caller.userId,
        answeredAt: now,
        reply: input.reply,
        repliedByName: input.repliedByName ?? null,
        repliedOn: input.repliedOn ?? today,
      });
      if (input.instructions.length) {
        await tx.em.insert(
          ReportInstruction,
          input.instructions.map((i, position) => ({
            tenantId: report.tenantId,
            id: randomUUID(),
            reportId: report.id,
            recipientTenantId: report.recipientTenantId,
            position,
            content: i.content,
            dueOn: i.dueOn ?? null,
            status: InstructionStatus.OPEN,
            result: null,
            completedById: null,
            completedAt: null,
            createdById: ctx.caller.userId,
            createdAt: now,
          })),
        );
      }
      const to = report.reportingUnitId
        ? { unitId: report.reportingUnitId }
        : { roles: [this.officeRole(await tenantById(tx.em, report.tenantId))] };
      await notify(tx.em, report.tenantId, to, {
        kind: 'REPORT_ANSWERED',
        title: `${report.recipientName}批示：${report.title}`,
        body: `reportId=${report.id}${input.instructions.length ? `；${input.instructions.length}项批示事项待落实` : ''}`,
        dedupeKey: `report-answered:${report.id}`,
      });
    });
  }

  /** The reporting office (or unit) records how an instruction was carried out. */
  async completeInstruction(ctx: RequestContext, input: CompleteInstructionInput): Promise<ReportInstruction> {
    return this.db.run(ctx, async (tx) => {
      const { em } = tx;
      const item = await em.findOne(ReportInstruction, { where: { id: input.instructionId } });
      const report = item && (await em.findOne(Report, { where: { id: item.reportId, tenantId: item.tenantId } }));
      if (!item || !report || !this.canSee(ctx, report)) throw AppError.notFound('Instruction');
      const own = report.reportingUnitId
        ? memberUnitOf(ctx) === report.reportingUnitId
        : ctx.ability.can('update', subject('Report', { tenantId: report.tenantId }));
      if (!own) throw REPORT_ERRORS.forbidden('OFFICE_ONLY');
      if (item.status !== InstructionStatus.OPEN)
        throw REPORT_ERRORS.conflict('INSTRUCTION_DONE', {}, 'input.instructionId');
      Object.assign(item, {
        status: InstructionStatus.DONE,
        result: input.result,
        completedById: ctx.caller.userId,
        completedAt: this.clock.now(),
      });
      return em.save(item);
    });
  }

  async byId(ctx: RequestContext, id: string): Promise<Report | null> {
    return this.db.run(ctx, async ({ em }) => {
      const report = await em.findOne(Report, { where: { id } });
      return report && this.canSee(ctx, report) ? report : null;
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
    this.checkLimit(limit);
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
      const items = rows.slice(0, limit).filter((r) => this.canSee(ctx, r));
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
    this.checkLimit(limit);
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

  async instructionsOf(ctx: RequestContext, reportIds: readonly string[]): Promise<Map<string, ReportInstruction[]>> {
    const rows = await this.db.run(ctx, ({ em }) => instructionsOf(em, reportIds));
    return groupBy(reportIds, rows, (r) => r.reportId);
  }

  /** Reports about a workflow's objects (e.g. a meeting's matters referred for review), oldest first. */
  async about(ctx: RequestContext, subjectKind: string, subjectIds: readonly string[]): Promise<Map<string, Report[]>> {
    const rows = await this.db.run(ctx, ({ em }) => reportsAbout(em, subjectKind, subjectIds));
    return groupBy(
      subjectIds,
      rows.filter((r) => this.canSee(ctx, r)),
      (r) => r.subjectId!,
    );
  }

  isOverdue(item: ReportInstruction): boolean {
    return (
      item.status === InstructionStatus.OPEN && item.dueOn !== null && item.dueOn < shanghaiDateOf(this.clock.now())
    );
  }

  /** The recipient of a channel as the tenant's plugin declares it; BAD_USER_INPUT when it declares none. */
  private async recipientOf(
    tx: Tx,
    tenant: Tenant,
    channel: ReportChannel,
    field: string,
  ): Promise<Pick<Report, 'recipientName' | 'recipientTenantId' | 'recipientRoles' | 'rule' | 'needsApproval'>> {
    const plugin = pluginOf(tenant);
    const rule = plugin.operations?.reportsUpward;
    const undeclared = (what: string) =>
      REPORT_ERRORS.badInput(field, 'CHANNEL_NOT_DECLARED', { plugin: tenant.pluginId, tenant: tenant.name, what });
    const needsApproval = !!rule?.approvedBy && channel !== ReportChannel.OWN_JOINT_MEETING;
    switch (channel) {
      case ReportChannel.PARTY_COMMITTEE:
        if (!rule?.partyCommittee) throw undeclared('report to the party committee (partyCommittee)');
        return {
          recipientName: rule.partyCommittee.name,
          recipientTenantId: null,
          recipientRoles: [],
          rule: rule.partyCommittee.source,
          needsApproval,
        };
      case ReportChannel.PARENT_JOINT_MEETING: {
        if (rule?.to !== 'PARENT_JOINT_MEETING' && rule?.to !== 'BOTH')
          throw undeclared('report to the parent joint meeting (to: PARENT_JOINT_MEETING or BOTH)');
        if (!tenant.parentId) throw REPORT_ERRORS.badInput(field, 'NO_PARENT_TENANT', { tenant: tenant.name });
        // The parent's name only: the service widens the scope to read it, nothing else is read there.
        await this.db.extendScope(tx, tenant.parentId);
        const parent = await tenantById(tx.em, tenant.parentId);
        return {
          recipientName: pluginOf(parent).structure.jointMeetingName,
          recipientTenantId: parent.id,
          recipientRoles: [],
          rule: rule.source,
          needsApproval,
        };
      }
      case ReportChannel.OWN_JOINT_MEETING:
        if (rule?.to !== 'OWN_JOINT_MEETING' && rule?.to !== 'BOTH')
          throw undeclared('work reports of member units to the joint meeting (to: OWN_JOINT_MEETING or BOTH)');
        return {
          recipientName: plugin.structure.jointMeetingName,
          recipientTenantId: null,
          recipientRoles: [],
          rule: rule.source,
          needsApproval: false,
        };
      case ReportChannel.CONVENER_REVIEW:
        throw REPORT_ERRORS.badInput(field, 'MATTER_FROM_MEETING');
    }
  }

  private async markSent(ctx: RequestContext, _tx: Tx, report: Report): Promise<void> {
    Object.assign(report, {
      status: ReportStatus.SENT,
      sentById: ctx.caller.userId,
      sentAt: this.clock.now(),
      updatedAt: this.clock.now(),
    });
  }

  /** In-app notice to the recipient; the party committee, outside the platform, gets none. */
  private async tellRecipient(tx: Tx, report: Report): Promise<void> {
    const notice = {
      kind: 'REPORT_RECEIVED',
      title: `报告：${report.title}`,
      body: `reportId=${report.id}（${report.rule}）`,
      dedupeKey: `report-received:${report.id}`,
    };
    switch (report.channel) {
      case ReportChannel.PARENT_JOINT_MEETING:
        await this.db.extendScope(tx, report.recipientTenantId!);
        await notify(tx.em, report.recipientTenantId!, { roles: [Role.OFFICE_DIRECTOR] }, notice);
        return;
      case ReportChannel.OWN_JOINT_MEETING:
        await notify(
          tx.em,
          report.tenantId,
          { roles: [this.officeRole(await tenantById(tx.em, report.tenantId))] },
          notice,
        );
        return;
      case ReportChannel.CONVENER_REVIEW:
        await notify(
          tx.em,
          report.tenantId,
          { roles: report.recipientRoles.flatMap((r) => holdersOf(r as Role)) },
          { ...notice, kind: 'MATTER_FOR_REVIEW', title: `报请审阅：${report.title}` },
        );
        return;
      case ReportChannel.PARTY_COMMITTEE:
        return;
    }
  }

  /** Loads a visible report, applies a change, saves; the scope is widened only after the change's checks. */
  private async change(
    ctx: RequestContext,
    id: string,
    apply: (tx: Tx, report: Report, tenant: Tenant) => Promise<void>,
  ): Promise<Report> {
    return this.db.run(ctx, async (tx) => {
      const report = await tx.em.findOne(Report, { where: { id } });
      if (!report || !this.canSee(ctx, report)) throw AppError.notFound('Report');
      await apply(tx, report, await tenantById(tx.em, report.tenantId));
      report.updatedAt = this.clock.now();
      return tx.em.save(report);
    });
  }

  /**
   * Who reads a report: in its own tenant the office, conveners and superiors, a member unit only its own
   * work reports, the reviewers of a matter referred to them; in the recipient tenant (RLS lets only a
   * sent report addressed to it through) its office.
   */
  private canSee(ctx: RequestContext, report: Report): boolean {
    if (report.tenantId !== ctx.caller.tenantId)
      return (
        report.recipientTenantId === ctx.caller.tenantId &&
        report.sentAt !== null &&
        ctx.caller.roles.includes(Role.OFFICE_DIRECTOR)
      );
    const unit = unitScope(ctx);
    return !unit || report.reportingUnitId === unit;
  }

  private async recipient(ctx: RequestContext, tx: Tx, report: Report): Promise<void> {
    switch (report.channel) {
      case ReportChannel.PARENT_JOINT_MEETING:
        if (ctx.caller.tenantId !== report.recipientTenantId || !ctx.caller.roles.includes(Role.OFFICE_DIRECTOR))
          throw REPORT_ERRORS.forbidden('RECIPIENT_ONLY', {
            recipient: { en: `the office of ${report.recipientName}`, zh: `${report.recipientName}办公室` },
          });
        await this.db.extendScope(tx, report.tenantId);
        return;
      case ReportChannel.OWN_JOINT_MEETING:
        if (
          ctx.caller.tenantId !== report.tenantId ||
          !ctx.ability.can('update', subject('Report', { tenantId: report.tenantId }))
        )
          throw REPORT_ERRORS.forbidden('RECIPIENT_ONLY', {
            recipient: { en: "the joint meeting's office", zh: '联席会议办公室' },
          });
        return;
      case ReportChannel.CONVENER_REVIEW:
        if (
          ctx.caller.tenantId !== report.tenantId ||
          !report.recipientRoles.some((r) => satisfies(ctx.caller.roles, r as Role))
        )
          throw REPORT_ERRORS.forbidden('RECIPIENT_ONLY', { recipient: report.recipientRoles });
        refuseOwnPaper(ctx, [report.draftedById], 'this referral');
        return;
      case ReportChannel.PARTY_COMMITTEE:
        throw REPORT_ERRORS.forbidden('RECIPIENT_OUTSIDE');
    }
  }

  private ownOffice(ctx: RequestContext, report: Report): void {
    if (
      report.tenantId !== ctx.caller.tenantId ||
      !ctx.ability.can('update', subject('Report', { tenantId: report.tenantId }))
    )
      throw REPORT_ERRORS.forbidden('OFFICE_ONLY');
  }

  private approver(ctx: RequestContext, report: Report, tenant: Tenant): void {
    const role = this.approverRole(tenant);
    if (!report.needsApproval || !role) throw REPORT_ERRORS.forbidden('NO_APPROVAL');
    if (report.tenantId !== ctx.caller.tenantId || !satisfies(ctx.caller.roles, role))
      throw REPORT_ERRORS.forbidden('APPROVER_ONLY', {
        role,
        rule: pluginOf(tenant).operations?.reportsUpward?.source ?? report.rule,
      });
    refuseOwnPaper(ctx, [report.draftedById, report.submittedById], 'this report');
  }

  private approverRole(tenant: Tenant): Role | null {
    return (pluginOf(tenant).operations?.reportsUpward?.approvedBy as Role | undefined) ?? null;
  }

  private officeRole(tenant: Tenant): Role {
    return pluginOf(tenant).structure.office.director.role as Role;
  }

  private expect(report: Report, states: ReportStatus[]): void {
    if (!states.includes(report.status))
      throw REPORT_ERRORS.conflict('REPORT_WRONG_STATUS', { status: report.status, needed: states }, 'reportId');
  }

  private checkLimit(limit: number): void {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE)
      throw PLATFORM_ERRORS.badInput('limit', 'LIMIT_OUT_OF_RANGE', { max: MAX_PAGE });
  }
}
