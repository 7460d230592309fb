import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import { In, type EntityManager } from 'typeorm';
import { Clock } from '@engine/clock';
import { Role, type RequestContext } from '@engine/context';
import { groupBy } from '@engine/util';
import { Db } from '@engine/database';
import { AppError, ErrorCode } from '@engine/errors';
import { MemberUnit } from '@modules/joint-meeting/member-unit.entity';
import type { HoldMeetingInput, ScheduleMeetingInput } from './dto/meeting.inputs';
import { Attendance, Meeting, MeetingStatus, MeetingUnit } from './meeting.entity';
import { meetingType, pluginOf, satisfies } from './meeting-rules';
import { postsOf } from './meeting-posts';
import { tenantByCode } from '@modules/tenancy/tenant-lookup';
import { Tenant } from '@modules/tenancy/tenant.entity';

/** Roles that act for one member unit and see only what is addressed to it. */
export const UNIT_ROLES: readonly Role[] = [Role.MEMBER_UNIT, Role.VILLAGE_SECRETARY];

export function actsForUnit(ctx: RequestContext): string | null {
  const { roles, memberUnitId } = ctx.caller;
  const leader = roles.some((r) => !UNIT_ROLES.includes(r));
  return !leader && memberUnitId ? memberUnitId : null;
}

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
          throw AppError.forbidden(`A ${type.name} can be called ad hoc by ${allowed.join(' or ')} only`);
        }
      } else if (!ctx.ability.can('create', subject('Meeting', { tenantId: tenant.id, adHoc: false }))) {
        throw AppError.forbidden('Only the office schedules meetings');
      }
      if (input.guests.length && !type.guestsAllowed) throw AppError.badInput('input.guests', `a ${type.name} takes no invited guests`);
      let escalatedFrom: Meeting | null = null;
      if (input.escalatedFromMeetingId) {
        escalatedFrom = await em.findOne(Meeting, { where: { id: input.escalatedFromMeetingId, tenantId: tenant.id } });
        if (!escalatedFrom) throw AppError.notFound('The meeting the item is escalated from');
        const fromType = meetingType(tenant, escalatedFrom.typeCode);
        if (!fromType.escalatesTo.includes(type.code)) {
          throw AppError.badInput('input.escalatedFromMeetingId', `items of a ${fromType.name} do not escalate to a ${type.name}`);
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
        await em.insert(MeetingUnit, units.map((u) => ({ tenantId: tenant.id, meetingId: meeting.id, memberUnitId: u, attendance: null, absenceReason: null })));
      }
      return meeting;
    });
  }

  /** Records that the meeting was held, with each invited unit's attendance. */
  async hold(ctx: RequestContext, input: HoldMeetingInput): Promise<Meeting> {
    return this.db.run(ctx, async ({ em }) => {
      const meeting = await this.find(em, input.meetingId);
      if (!ctx.ability.can('update', subject('Meeting', { tenantId: meeting.tenantId }))) throw AppError.forbidden('Only the office records meetings');
      if (meeting.status !== MeetingStatus.SCHEDULED) throw AppError.conflict(`The meeting is ${meeting.status}, not SCHEDULED`, 'input.meetingId');
      if (input.heldAt.getTime() > this.clock.now().getTime() + 60_000) throw AppError.badInput('input.heldAt', 'is in the future');
      const invited = new Set((await em.find(MeetingUnit, { where: { meetingId: meeting.id } })).map((u) => u.memberUnitId));
      input.attendance.forEach((a, i) => {
        if (!invited.has(a.memberUnitId)) throw AppError.badInput(`input.attendance.${i}.memberUnitId`, 'was not invited to this meeting');
        if (a.attendance === Attendance.ABSENT && !a.absenceReason) throw AppError.badInput(`input.attendance.${i}.absenceReason`, 'is required for an absent unit');
      });
      for (const a of input.attendance) {
        await em.update(MeetingUnit, { tenantId: meeting.tenantId, meetingId: meeting.id, memberUnitId: a.memberUnitId }, { attendance: a.attendance, absenceReason: a.absenceReason ?? null });
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
      throw new AppError(ErrorCode.BAD_USER_INPUT, `input.chairPost: "${post}" is not a post of this joint meeting (${posts.join('、')})`, { field: 'input.chairPost', problems: [{ field: 'input.chairPost', message: 'is not a post of this joint meeting' }], reason: 'UNKNOWN_POST' });
    }
    return post;
  }

  async cancel(ctx: RequestContext, meetingId: string): Promise<Meeting> {
    return this.db.run(ctx, async ({ em }) => {
      const meeting = await this.find(em, meetingId);
      if (!ctx.ability.can('update', subject('Meeting', { tenantId: meeting.tenantId }))) throw AppError.forbidden('Only the office cancels meetings');
      if (meeting.status !== MeetingStatus.SCHEDULED) throw AppError.conflict(`The meeting is ${meeting.status}, not SCHEDULED`, 'meetingId');
      meeting.status = MeetingStatus.CANCELLED;
      return em.save(meeting);
    });
  }

  /** A tenant's meetings, newest first; a member unit sees only those it was invited to. */
  async list(ctx: RequestContext, tenantCode: string, limit: number): Promise<Meeting[]> {
    return this.db.run(ctx, async ({ em }) => {
      const tenant = await tenantByCode(em, tenantCode);
      const qb = em.createQueryBuilder(Meeting, 'm').where('m.tenant_id = :tenantId', { tenantId: tenant.id });
      const unit = actsForUnit(ctx);
      if (unit) qb.andWhere('EXISTS (SELECT 1 FROM meeting_unit mu WHERE mu.meeting_id = m.id AND mu.member_unit_id = :unit)', { unit });
      return qb.orderBy('m.scheduled_at', 'DESC').addOrderBy('m.id').take(limit).getMany();
    });
  }

  async byId(ctx: RequestContext, id: string): Promise<Meeting | null> {
    return this.db.run(ctx, async ({ em }) => {
      const meeting = await em.findOne(Meeting, { where: { id } });
      const unit = actsForUnit(ctx);
      if (meeting && unit && !(await em.exists(MeetingUnit, { where: { meetingId: id, memberUnitId: unit } }))) return null;
      return meeting;
    });
  }

  async unitsOf(ctx: RequestContext, meetingIds: readonly string[]): Promise<Map<string, MeetingUnit[]>> {
    const rows = await this.db.run(ctx, ({ em }) => em.find(MeetingUnit, { where: { meetingId: In([...meetingIds]) } }));
    return groupBy(meetingIds, rows, (r) => r.meetingId);
  }

  private async find(em: EntityManager, id: string): Promise<Meeting> {
    const meeting = await em.findOne(Meeting, { where: { id } });
    if (!meeting) throw AppError.notFound('Meeting');
    return meeting;
  }

  private async invitees(em: EntityManager, tenantId: string, given: string[] | undefined, attendees: string): Promise<string[]> {
    if (given) {
      const found = await em.find(MemberUnit, { where: { id: In(given), tenantId, active: true }, select: { id: true } });
      if (found.length !== given.length) throw AppError.badInput('input.invitedUnitIds', 'must all be active member units of this tenant');
      return given;
    }
    if (attendees !== 'ALL_MEMBERS') return [];
    return (await em.find(MemberUnit, { where: { tenantId, active: true }, select: { id: true } })).map((u) => u.id);
  }
}
