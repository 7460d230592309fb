import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { subject } from '@casl/ability';
import { In, type EntityManager } from 'typeorm';
import { shanghaiDateOf } from '@engine/calendar';
import { Clock } from '@engine/clock';
import { RequestContext } from '@engine/context';
import { Role } from '@core/identity';
import { JobQueue, jobId } from '@engine/jobs';
import { groupBy } from '@engine/util';
import { notify, activeHolderIds, insertNotificationRows } from '@core/notifications';
import { Db, type Tx } from '@engine/database';
import { holdersOf, refuseOwnPaper, satisfies, unitScope } from '@engine/access';
import { AppError } from '@engine/errors';
import { MEETING_ERRORS } from './meetings.errors';
import { CalendarService } from '@core/calendar';
import { MemberUnit, MemberUnitKind } from '@core/joint-meeting/entities';
import { Tenant } from '@core/tenancy/entities';
import { AgreedItem, AgreedItemOwner, AgreedItemStatus, type DueSpec } from './agreed-item.entity';
import type { DraftMinutesInput, MinutesDecisionInput } from './dto/minutes.inputs';
import { Attendance, Meeting, MeetingStatus, MeetingUnit } from './meeting.entity';
import { documentNumber, meetingType } from './meeting-rules';
import { Minutes, MinutesRecipient, MinutesStatus } from './minutes.entity';
import { acknowledgeReceipt, issuedInYear, minutesOfMeetings } from './minutes.query';
import { approverTenantOf, checkAgreedItemOwners, expectMinutesStatus, officeKeepsMinutes } from './minutes-rules';

export const COPY_UPWARD_JOB = 'meetings.copy-upward';

export const APPROVAL_REQUESTED_JOB = 'meetings.approval-requested';

/** Tells the approver's tenant (the minutes' own, or its parent under `approverScope: PARENT`) that minutes await approval. */
export interface ApprovalRequestedJob {
  approverTenantId: string;
  role: Role;
  minutesId: string;
  title: string;
}

export interface CopyUpwardJob {
  parentId: string;
  minutesId: string;
  tenantName: string;
  number: string;
  meetingTypeName: string;
}

/**
 * Minutes workflow: the office drafts (with agreed items) and submits; the approver the plugin names
 * approves or returns with comments; the office issues to the plugin's distribution; each receiving
 * unit acknowledges receipt (签收). Every transition checks role and state.
 */
@Injectable()
export class MinutesService implements OnModuleInit {
  constructor(
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CalendarService) private readonly calendar: CalendarService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: COPY_UPWARD_JOB, handle: (job: CopyUpwardJob) => this.copyUpward(job) });
    this.jobs.register({
      name: APPROVAL_REQUESTED_JOB,
      handle: (job: ApprovalRequestedJob) => this.approvalRequested(job),
    });
  }

  async draft(ctx: RequestContext, input: DraftMinutesInput): Promise<Minutes> {
    return this.db.run(ctx, async ({ em }) => {
      const meeting = await em.findOne(Meeting, { where: { id: input.meetingId } });
      if (!meeting) throw AppError.notFound('Meeting');
      officeKeepsMinutes(ctx, meeting.tenantId);
      if (meeting.status !== MeetingStatus.HELD)
        throw MEETING_ERRORS.conflict('MEETING_NOT_HELD', {}, 'input.meetingId');
      const tenant = await em.findOneOrFail(Tenant, { where: { id: meeting.tenantId } });
      const type = meetingType(tenant, meeting.typeCode);
      await checkAgreedItemOwners(em, meeting.tenantId, input);
      let minutes = await em.findOne(Minutes, { where: { meetingId: meeting.id } });
      if (minutes && minutes.status !== MinutesStatus.DRAFT && minutes.status !== MinutesStatus.RETURNED) {
        throw MEETING_ERRORS.conflict('MINUTES_LOCKED', { status: minutes.status }, 'input.meetingId');
      }
      minutes = await em.save(
        Object.assign(
          minutes ?? em.create(Minutes, { tenantId: meeting.tenantId, meetingId: meeting.id, kind: type.minutes.kind }),
          {
            body: input.body,
            status: MinutesStatus.DRAFT,
            draftedById: ctx.caller.userId,
            updatedAt: this.clock.now(),
          },
        ),
      );
      await this.replaceItems(em, minutes, input);
      return minutes;
    });
  }

  async submit(ctx: RequestContext, minutesId: string): Promise<Minutes> {
    let request: ApprovalRequestedJob | null = null;
    const submitted = await this.transition(ctx, minutesId, async (em, minutes) => {
      officeKeepsMinutes(ctx, minutes.tenantId);
      expectMinutesStatus(minutes, [MinutesStatus.DRAFT]);
      const type = await this.typeOf(em, minutes);
      // Minutes whose type needs no approval are approved on submission.
      minutes.status = type.minutes.approvedBy ? MinutesStatus.SUBMITTED : MinutesStatus.APPROVED;
      if (!type.minutes.approvedBy) minutes.approvedAt = this.clock.now();
      minutes.returnComment = null;
      minutes.submittedById = ctx.caller.userId;
      if (type.minutes.approvedBy) {
        const tenant = await em.findOneOrFail(Tenant, { where: { id: minutes.tenantId } });
        const approverTenantId = approverTenantOf(tenant, type.minutes.approverScope);
        request = {
          approverTenantId,
          role: type.minutes.approvedBy as Role,
          minutesId: minutes.id,
          title: `待审批：${tenant.name}${type.name}${type.minutes.kind === 'MINUTES' ? '纪要' : '文件'}`,
        };
      }
    });
    if (request)
      await this.jobs.enqueue(APPROVAL_REQUESTED_JOB, request, {
        jobId: jobId('approval-requested', minutesId, String(submitted.updatedAt.getTime())),
      });
    return submitted;
  }

  /** Notifies the holders of the approving role in the approver's tenant (once per submission). */
  async approvalRequested(job: ApprovalRequestedJob): Promise<void> {
    await this.db.run(RequestContext.forTenantJob(job.approverTenantId), async ({ em }) => {
      const roles = holdersOf(job.role);
      const users = await activeHolderIds(em, job.approverTenantId, roles);
      if (!users.length) return;
      await insertNotificationRows(
        em,
        users.map((userId) => ({
          tenantId: job.approverTenantId,
          userId,
          kind: 'MINUTES_TO_APPROVE',
          title: job.title,
          body: `minutesId=${job.minutesId}`,
          dedupeKey: `approve:${job.minutesId}:${userId}`,
        })),
      );
    });
  }

  async approve(ctx: RequestContext, input: MinutesDecisionInput): Promise<Minutes> {
    return this.transition(ctx, input.minutesId, async (em, minutes, tx) => {
      await this.approver(ctx, tx, minutes);
      expectMinutesStatus(minutes, [MinutesStatus.SUBMITTED]);
      minutes.status = MinutesStatus.APPROVED;
      minutes.approvedById = ctx.caller.userId;
      minutes.approvedAt = this.clock.now();
    });
  }

  async return(ctx: RequestContext, input: MinutesDecisionInput): Promise<Minutes> {
    if (!input.comment) throw MEETING_ERRORS.badInput('input.comment', 'RETURN_NEEDS_COMMENT');
    return this.transition(ctx, input.minutesId, async (em, minutes, tx) => {
      await this.approver(ctx, tx, minutes);
      expectMinutesStatus(minutes, [MinutesStatus.SUBMITTED]);
      minutes.status = MinutesStatus.RETURNED;
      minutes.returnComment = input.comment!;
    });
  }

  /**
   * Issues approved minutes: numbers them, sends them to the distribution, starts the agreed items'
   * clocks, and — where the plugin says so (002: 抄送区联席办) — copies them to the parent's office.
   */
  async issue(ctx: RequestContext, minutesId: string): Promise<Minutes> {
    let copy: CopyUpwardJob | null = null;
    const issued = await this.transition(ctx, minutesId, async (em, minutes) => {
      officeKeepsMinutes(ctx, minutes.tenantId);
      expectMinutesStatus(minutes, [MinutesStatus.APPROVED]);
      const tenant = await em.findOneOrFail(Tenant, { where: { id: minutes.tenantId } });
      const type = await this.typeOf(em, minutes);
      const now = this.clock.now();
      const today = shanghaiDateOf(now);
      const issuedThisYear = await issuedInYear(em, tenant.id, today.slice(0, 4));
      minutes.number = documentNumber(tenant, today.slice(0, 4), issuedThisYear + 1);
      minutes.status = MinutesStatus.ISSUED;
      minutes.issuedAt = now;
      const recipients = await this.distribution(em, minutes, type.minutes.distribution);
      if (recipients.length) {
        await em.insert(
          MinutesRecipient,
          recipients.map((u) => ({
            tenantId: minutes.tenantId,
            minutesId: minutes.id,
            memberUnitId: u,
            acknowledgedAt: null,
            acknowledgedById: null,
          })),
        );
      }
      for (const item of await em.find(AgreedItem, { where: { minutesId: minutes.id } })) {
        const due = await this.dueOn(ctx, minutes.tenantId, today, item.dueSpec);
        await em.update(
          AgreedItem,
          { id: item.id },
          { status: AgreedItemStatus.OPEN, dueOn: due.date, dueProvisional: due.provisional },
        );
      }
      if (type.minutes.copyUpward && tenant.parentId) {
        copy = {
          parentId: tenant.parentId,
          minutesId: minutes.id,
          tenantName: tenant.name,
          number: minutes.number,
          meetingTypeName: type.name,
        };
      }
    });
    if (copy) await this.jobs.enqueue(COPY_UPWARD_JOB, copy, { jobId: jobId('copy-upward', minutesId) });
    return issued;
  }

  /** Tells the parent tenant's office that minutes were copied to it; it reads them through the tree. */
  async copyUpward(job: CopyUpwardJob): Promise<void> {
    await this.db.run(RequestContext.forTenantJob(job.parentId), async ({ em }) => {
      await notify(
        em,
        job.parentId,
        { roles: [Role.OFFICE_DIRECTOR] },
        {
          kind: 'MINUTES_COPIED',
          title: `抄送：${job.tenantName}${job.meetingTypeName}纪要 ${job.number}`,
          body: `minutesId=${job.minutesId}`,
          dedupeKey: `copy:${job.minutesId}`,
        },
      );
    });
  }

  /**
   * A receiving unit acknowledges receipt (签收). Acknowledging twice changes nothing: the first
   * acknowledgement's time stays (a conditional update, so parallel ones cannot rewrite it), and the
   * minutes row is not written (fifty parallel acknowledgements each rewrote it and deadlocked).
   */
  async acknowledge(ctx: RequestContext, minutesId: string): Promise<Minutes> {
    const unit = ctx.caller.memberUnitId;
    return this.db.run(ctx, async ({ em }) => {
      const minutes = await em.findOne(Minutes, { where: { id: minutesId } });
      const row =
        minutes && unit
          ? await em.findOne(MinutesRecipient, { where: { minutesId: minutes.id, memberUnitId: unit } })
          : null;
      if (!minutes || (unitScope(ctx) && !row)) throw AppError.notFound('Minutes');
      if (!unit || !ctx.ability.can('acknowledge', subject('Minutes', { tenantId: minutes.tenantId })))
        throw MEETING_ERRORS.forbidden('RECEIVING_UNITS_ACKNOWLEDGE');
      if (!row) throw AppError.notFound('Minutes');
      if (!row.acknowledgedAt) {
        await acknowledgeReceipt(em, row, unit, ctx.caller.userId, this.clock.now());
      }
      return minutes;
    });
  }

  async recipientsOf(ctx: RequestContext, minutesIds: readonly string[]): Promise<Map<string, MinutesRecipient[]>> {
    const rows = await this.db.run(ctx, ({ em }) =>
      em.find(MinutesRecipient, { where: { minutesId: In([...minutesIds]) } }),
    );
    return groupBy(minutesIds, rows, (r) => r.minutesId);
  }

  async ofMeetings(ctx: RequestContext, meetingIds: readonly string[]): Promise<Map<string, Minutes>> {
    const unit = unitScope(ctx);
    const rows = await this.db.run(ctx, ({ em }) => minutesOfMeetings(em, meetingIds, unit));
    return new Map(rows.map((m) => [m.meetingId, m]));
  }

  async dueOn(
    ctx: RequestContext,
    tenantId: string,
    from: string,
    spec: DueSpec,
  ): Promise<{ date: string; provisional: boolean }> {
    if (spec.date) return { date: spec.date, provisional: false };
    const due = await this.calendar.due(ctx, tenantId, from, {
      amount: spec.amount!,
      unit: spec.unit ?? 'WORKING_DAYS',
    });
    return { date: due.date, provisional: due.provisional };
  }

  private async transition(
    ctx: RequestContext,
    id: string,
    change: (em: EntityManager, m: Minutes, tx: Tx) => Promise<void>,
  ): Promise<Minutes> {
    return this.db.run(ctx, async (tx) => {
      const { em } = tx;
      const minutes = await em.findOne(Minutes, { where: { id } });
      if (
        !minutes ||
        (unitScope(ctx) &&
          !(await em.exists(MinutesRecipient, { where: { minutesId: id, memberUnitId: ctx.caller.memberUnitId! } })))
      ) {
        throw AppError.notFound('Minutes');
      }
      await change(em, minutes, tx);
      minutes.updatedAt = this.clock.now();
      return em.save(minutes);
    });
  }

  /**
   * The approver is the holder of the plugin's `approvedBy` in the minutes' own tenant, or under
   * `approverScope: PARENT` in the parent tenant (000 art. 15: 报请区联席会议办公室主任签批); a parent's
   * approver writes into the child's minutes only after this check. Never the drafter or submitter.
   */
  private async approver(ctx: RequestContext, tx: Tx, minutes: Minutes): Promise<void> {
    const type = await this.typeOf(tx.em, minutes);
    const required = type.minutes.approvedBy as Role | null;
    if (!required) throw MEETING_ERRORS.forbidden('NO_APPROVAL_NEEDED');
    const tenant = await tx.em.findOneOrFail(Tenant, { where: { id: minutes.tenantId } });
    const approverTenantId = approverTenantOf(tenant, type.minutes.approverScope);
    if (ctx.caller.tenantId !== approverTenantId || !satisfies(ctx.caller.roles, required)) {
      const whose =
        approverTenantId === minutes.tenantId ? { en: '', zh: '本级' } : { en: "parent tenant's ", zh: '上级租户的' };
      throw MEETING_ERRORS.forbidden('APPROVED_BY', { whose, role: required, source: type.source });
    }
    refuseOwnPaper(ctx, [minutes.draftedById, minutes.submittedById], 'these minutes');
    if (approverTenantId !== minutes.tenantId) await this.db.extendScope(tx, minutes.tenantId);
  }

  private async typeOf(em: EntityManager, minutes: Minutes) {
    const meeting = await em.findOneOrFail(Meeting, { where: { id: minutes.meetingId } });
    const tenant = await em.findOneOrFail(Tenant, { where: { id: minutes.tenantId } });
    return meetingType(tenant, meeting.typeCode);
  }

  private async distribution(em: EntityManager, minutes: Minutes, to: string): Promise<string[]> {
    if (to === 'ALL_MEMBERS') {
      return (
        await em.find(MemberUnit, { where: { tenantId: minutes.tenantId, active: true }, select: { id: true } })
      ).map((u) => u.id);
    }
    const invited = await em.find(MeetingUnit, { where: { meetingId: minutes.meetingId } });
    const units = invited
      .filter((u) => to !== 'ATTENDEES' || u.attendance === Attendance.PRESENT)
      .map((u) => u.memberUnitId);
    if (to === 'VILLAGES_AND_RELEVANT_MEMBERS') {
      // 001 art. 5 (印发各村和相关部门): every active village and community, whether invited or not, and the invited units.
      const villages = await em.find(MemberUnit, {
        where: {
          tenantId: minutes.tenantId,
          active: true,
          kind: In([MemberUnitKind.VILLAGE, MemberUnitKind.COMMUNITY]),
        },
        select: { id: true },
      });
      return [...new Set([...units, ...villages.map((v) => v.id)])];
    }
    return units;
  }

  private async replaceItems(em: EntityManager, minutes: Minutes, input: DraftMinutesInput): Promise<void> {
    const old = await em.find(AgreedItem, { where: { minutesId: minutes.id }, select: { id: true } });
    if (old.length) {
      await em.delete(AgreedItemOwner, { agreedItemId: In(old.map((o) => o.id)) });
      await em.delete(AgreedItem, { id: In(old.map((o) => o.id)) });
    }
    for (const [position, item] of input.agreedItems.entries()) {
      const spec: DueSpec = item.due.date
        ? { date: item.due.date }
        : { amount: item.due.amount, unit: item.due.unit ?? 'WORKING_DAYS' };
      const saved = await em.save(
        em.create(AgreedItem, {
          tenantId: minutes.tenantId,
          minutesId: minutes.id,
          position,
          content: item.content,
          dueSpec: spec,
          status: AgreedItemStatus.PENDING,
        }),
      );
      await em.insert(
        AgreedItemOwner,
        item.ownerUnitIds.map((u) => ({
          tenantId: minutes.tenantId,
          agreedItemId: saved.id,
          memberUnitId: u,
          acceptedAt: null,
        })),
      );
    }
  }
}
