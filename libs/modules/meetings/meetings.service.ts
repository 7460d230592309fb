import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { In, type EntityManager } from 'typeorm';
import { Clock } from '@engine/clock';
import type { RequestContext } from '@engine/context';
import { Role } from '@core/identity';
import { satisfies, unitScope } from '@engine/access';
import { groupBy } from '@engine/util';
import { Db } from '@engine/database';
import { AppError } from '@engine/errors';
import { checkLimit, type Page } from '@engine/graphql';
import { MEETING_ERRORS } from './meetings.errors';
import { MemberUnit } from '@core/joint-meeting/entities';
import type { HoldMeetingInput, ScheduleMeetingInput } from './dto/meeting.inputs';
import { Attendance, Meeting, MeetingStatus, MeetingUnit } from './meeting.entity';
import { meetingsOf, meetingsPageOf } from './meetings.query';
import { meetingType, pluginOf } from './meeting-rules';
import { postsOf } from './meeting-posts';
import { tenantByCode } from '@core/tenancy';
import { Tenant } from '@core/tenancy/entities';

export { tenantByCode };

/** Meetings: scheduled by the office (or called ad hoc by the roles the plugin allows), then held. */
@Injectable()
export class MeetingsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async schedule(ctx: RequestContext, input: ScheduleMeetingInput): Promise<Meeting> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, input.tenantCode);
      const type = meetingType(tenant, input.typeCode);
      if (input.adHoc) {
        const allowed = [Role.OFFICE_DIRECTOR, ...(type.adHocCalledBy as Role[])];
        if (!allowed.some((r) => satisfies(ctx.caller.roles, r)) || tenant.id !== ctx.caller.tenantId) {
          throw MEETING_ERRORS.forbidden('AD_HOC_CALLED_BY', { type: type.name, allowed: allowed.join(' / ') });
        }
      } else if (!ctx.ability.can('create', subject('Meeting', { tenantId: tenant.id, adHoc: false }))) {
        throw MEETING_ERRORS.forbidden('OFFICE_SCHEDULES');
      }
      if (input.guests.length && !type.guestsAllowed)
        throw MEETING_ERRORS.badInput('input.guests', 'NO_GUESTS', { type: type.name });
      let escalatedFrom: Meeting | null = null;
      if (input.escalatedFromMeetingId) {
        escalatedFrom = await em.findOne(Meeting, { where: { id: input.escalatedFromMeetingId, tenantId: tenant.id } });
        if (!escalatedFrom) throw AppError.notFound('The meeting the item is escalated from');
        const fromType = meetingType(tenant, escalatedFrom.typeCode);
        if (!fromType.escalatesTo.includes(type.code)) {
          throw MEETING_ERRORS.badInput('input.escalatedFromMeetingId', 'NO_ESCALATION', {
            from: fromType.name,
            to: type.name,
          });
        }
      }
      const units = await this.invitees(em, tenant.id, input.invitedUnitIds, type.attendees);
      const meeting = await em.save(
        em.create(Meeting, {
          tenantId: tenant.id,
          typeCode: type.code,
          title: input.title,
          scheduledAt: input.scheduledAt,
          location: input.location ?? null,
          topics: input.topics,
          guests: input.guests.map((g) => ({ name: g.name, organisation: g.organisation ?? null })),
          adHoc: input.adHoc,
          status: MeetingStatus.SCHEDULED,
          escalatedFromId: escalatedFrom?.id ?? null,
          createdById: ctx.caller.userId,
        }),
      );
      if (units.length) {
        await em.insert(
          MeetingUnit,
          units.map((u) => ({
            tenantId: tenant.id,
            meetingId: meeting.id,
            memberUnitId: u,
            attendance: null,
            absenceReason: null,
          })),
        );
      }
      return meeting;
    });
  }

  /** Records that the meeting was held, with each invited unit's attendance. */
  async hold(ctx: RequestContext, input: HoldMeetingInput): Promise<Meeting> {
    return this.db.run(ctx, async ({ em }) => {
      const meeting = await this.find(em, input.meetingId);
      if (!ctx.ability.can('update', subject('Meeting', { tenantId: meeting.tenantId })))
        throw MEETING_ERRORS.forbidden('OFFICE_RECORDS');
      if (meeting.status !== MeetingStatus.SCHEDULED)
        throw MEETING_ERRORS.conflict('MEETING_NOT_SCHEDULED', { status: meeting.status }, 'input.meetingId');
      if (input.heldAt.getTime() > this.clock.now().getTime() + 60_000)
        throw MEETING_ERRORS.badInput('input.heldAt', 'IN_THE_FUTURE');
      const invited = new Set(
        (await em.find(MeetingUnit, { where: { meetingId: meeting.id } })).map((u) => u.memberUnitId),
      );
      input.attendance.forEach((a, i) => {
        if (!invited.has(a.memberUnitId))
          throw MEETING_ERRORS.badInput(`input.attendance.${i}.memberUnitId`, 'NOT_INVITED');
        if (a.attendance === Attendance.ABSENT && !a.absenceReason)
          throw MEETING_ERRORS.badInput(`input.attendance.${i}.absenceReason`, 'ABSENCE_REASON_REQUIRED');
      });
      for (const a of input.attendance) {
        await em.update(
          MeetingUnit,
          { tenantId: meeting.tenantId, meetingId: meeting.id, memberUnitId: a.memberUnitId },
          { attendance: a.attendance, absenceReason: a.absenceReason ?? null },
        );
      }
      meeting.status = MeetingStatus.HELD;
      meeting.heldAt = input.heldAt;
      meeting.chairName = input.chairName ?? null;
      meeting.chairPost = input.chairPost ? await this.chairPost(em, meeting.tenantId, input.chairPost) : null;
      return em.save(meeting);
    });
  }

  /** The chair's post must be one of the plugin's posts (conveners, office director), as the source writes it. */
  private async chairPost(em: EntityManager, tenantId: string, post: string): Promise<string> {
    const tenant = await em.findOneOrFail(Tenant, { where: { id: tenantId } });
    const posts = postsOf(pluginOf(tenant).structure).map((p) => p.title);
    if (!posts.includes(post)) {
      throw MEETING_ERRORS.badInput('input.chairPost', 'UNKNOWN_POST', { post, posts });
    }
    return post;
  }

  async cancel(ctx: RequestContext, meetingId: string): Promise<Meeting> {
    return this.db.run(ctx, async ({ em }) => {
      const meeting = await this.find(em, meetingId);
      if (!ctx.ability.can('update', subject('Meeting', { tenantId: meeting.tenantId })))
        throw MEETING_ERRORS.forbidden('OFFICE_CANCELS');
      if (meeting.status !== MeetingStatus.SCHEDULED)
        throw MEETING_ERRORS.conflict('MEETING_NOT_SCHEDULED', { status: meeting.status }, 'meetingId');
      meeting.status = MeetingStatus.CANCELLED;
      return em.save(meeting);
    });
  }

  /** A tenant's meetings, newest first; a member unit sees only those it was invited to. */
  async list(ctx: RequestContext, tenantCode: string, limit: number): Promise<Meeting[]> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode);
      return meetingsOf(em, tenant.id, unitScope(ctx), limit);
    });
  }

  /** One page of them, latest scheduled first (keyset on scheduled_at, id). */
  async page(ctx: RequestContext, tenantCode: string, limit: number, after: string | null): Promise<Page<Meeting>> {
    checkLimit(limit);
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode);
      return meetingsPageOf(em, tenant.id, unitScope(ctx), after, limit);
    });
  }

  async byId(ctx: RequestContext, id: string): Promise<Meeting | null> {
    return this.db.run(ctx, async ({ em }) => {
      const meeting = await em.findOne(Meeting, { where: { id } });
      const unit = unitScope(ctx);
      if (meeting && unit && !(await em.exists(MeetingUnit, { where: { meetingId: id, memberUnitId: unit } })))
        return null;
      return meeting;
    });
  }

  async unitsOf(ctx: RequestContext, meetingIds: readonly string[]): Promise<Map<string, MeetingUnit[]>> {
    const rows = await this.db.run(ctx, ({ em }) =>
      em.find(MeetingUnit, { where: { meetingId: In([...meetingIds]) } }),
    );
    return groupBy(meetingIds, rows, (r) => r.meetingId);
  }

  private async find(em: EntityManager, id: string): Promise<Meeting> {
    const meeting = await em.findOne(Meeting, { where: { id } });
    if (!meeting) throw AppError.notFound('Meeting');
    return meeting;
  }

  private async invitees(
    em: EntityManager,
    tenantId: string,
    given: string[] | undefined,
    attendees: string,
  ): Promise<string[]> {
    if (given) {
      const found = await em.find(MemberUnit, {
        where: { id: In(given), tenantId, active: true },
        select: { id: true },
      });
      if (found.length !== given.length) throw MEETING_ERRORS.badInput('input.invitedUnitIds', 'NOT_ALL_ACTIVE_UNITS');
      return given;
    }
    if (attendees !== 'ALL_MEMBERS') return [];
    return (await em.find(MemberUnit, { where: { tenantId, active: true }, select: { id: true } })).map((u) => u.id);
  }
}
